using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary>
/// The caches added for speed keep the answers: write tables gathered once per syntax tree still answer per scope, and are
/// shared by compilations that hold the same tree; Pulumi types looked up in their own assembly are the compilation's.
/// </summary>
public sealed class SpeedCachesTests
{
    private const string TwoScopes = /* lang=c#-test */ """
        using static ProbeHost;
        class C
        {
            void Writes()
            {
                var name = "a";
                name = "b";
                Probe(name);
            }

            void DoesNotWrite()
            {
                var name = "a";
                Probe(name);
            }

            void Block(bool b)
            {
                var outer = "a";
                if (b)
                {
                    var inner = "x";
                    outer = inner;
                }

                {
                    var inner = "y";
                    Probe(inner);
                }

                Probe(outer);
            }
        }
        """;

    [Fact]
    public async Task WriteTables_PerTree_AnswerPerScope()
    {
        var compilation = await TestCompilation.CreateAsync(true, TwoScopes, TestCompilation.ProbeClass);
        var values = TestCompilation.Services(compilation).Values;
        var followed = TestCompilation.Probes(compilation).Select(p => values.Follow(p, CancellationToken.None).ConstantValue.Value).ToArray();

        // A write of `name` in one method does not stop the other method's `name` from being followed; a write in a nested
        // block counts for the enclosing local; a sibling block's local of the same name is its own.
        Assert.Equal(new object?[] { null, "a", "y", null }, followed);
    }

    [Fact]
    public async Task WriteTables_SharedByCompilationsOfTheSameTree_GiveTheSameAnswers()
    {
        var first = await TestCompilation.CreateAsync(true, TwoScopes, TestCompilation.ProbeClass);

        // A second compilation made from the first (as the IDE does after an edit of another file) holds the same trees.
        var second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Other { }", new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Other.cs"));
        Assert.Same(first.SyntaxTrees.First(), second.SyntaxTrees.First());
        object?[] Followed(Compilation compilation)
        {
            var values = TestCompilation.Services(compilation).Values;
            return TestCompilation.Probes(compilation).Select(p => values.Follow(p, CancellationToken.None).ConstantValue.Value).ToArray();
        }

        Assert.Equal(Followed(first), Followed(second));
    }

    [Fact]
    public async Task PulumiTypes_LookedUpInTheirAssembly_AreTheCompilationsTypes()
    {
        var compilation = await TestCompilation.CreateAsync(true, "class C { }");
        var symbols = PulumiSymbols.TryCreate(compilation)!;
        foreach (var type in new[] { PulumiType.Resource, PulumiType.CustomResourceOptions, PulumiType.S3Bucket, PulumiType.IamPolicy, PulumiType.SqsQueue })
        {
#pragma warning disable RS0030 // The test compares with the compilation-wide look-up on purpose.
            var expected = compilation.GetTypeByMetadataName(PulumiSymbols.MetadataNames[(int)type]);
#pragma warning restore RS0030
            Assert.NotNull(expected);
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, symbols.Get(type)), type.ToString());
        }
    }

    [Fact]
    public async Task PulumiTypes_DeclaredInSource_WinOverTheReference()
    {
        // A program that declares a type of the same metadata name gets its own type, as with a compilation-wide look-up.
        var compilation = await TestCompilation.CreateAsync(true, "namespace Pulumi.Aws.S3 { public class BucketPolicy { } }");
        var symbols = PulumiSymbols.TryCreate(compilation)!;
        var found = symbols.Get(PulumiType.S3BucketPolicy);
        Assert.NotNull(found);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.Assembly, found!.ContainingAssembly));
    }

    [Fact]
    public async Task CompilationDeclaringACorePulumiType_DoesNotChangeWhatOtherCompilationsSee()
    {
        // The metadata Bucket type is one object for a compilation and those made from it (as the IDE makes after an edit).
        // Two of those declare a Pulumi core type of their own: to them the Bucket (which derives from the referenced
        // types) is not a resource, or its args are not args. What they compute must not be kept with the shared symbols
        // for the ordinary compilation. (The fuzz test compiles look-alike test sources with the references, as here.)
        const string Create = """
            static class P
            {
                static void M() => ProbeHost.Probe(new Pulumi.Aws.S3.Bucket("b", new Pulumi.Aws.S3.BucketArgs(), new Pulumi.CustomResourceOptions()));
            }
            """;
        var ordinary = await TestCompilation.CreateAsync(true, Create, TestCompilation.ProbeClass);
        Compilation Adding(string source) => ordinary.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/LookAlike.cs"));
        var ownResource = Adding("namespace Pulumi { public class CustomResource { } }");
        var ownArgs = Adding("namespace Pulumi { public class ResourceArgs { } public class ResourceOptions { } }");
        IObjectCreationOperation CreationIn(Compilation compilation) => (IObjectCreationOperation)ValueResolver.Unwrap(TestCompilation.Probes(compilation)[0]);
        var ordinaryCreation = CreationIn(ordinary);
        Assert.Same(CreationIn(ownResource).Type!.OriginalDefinition, ordinaryCreation.Type!.OriginalDefinition);
        Assert.Same(CreationIn(ownArgs).Constructor, ordinaryCreation.Constructor);

        // To the first, the Bucket is no resource; to the second, its args are no args.
        var first = TestCompilation.Services(ownResource).Symbols;
        Assert.False(first.SharesTypeFacts);
        Assert.Equal(ResourceKind.None, first.ResourceKindOf((INamedTypeSymbol)CreationIn(ownResource).Type!));
        var second = TestCompilation.Services(ownArgs);
        Assert.False(second.Symbols.SharesTypeFacts);
        Assert.False(new RequiredInputs(second.Symbols).IsArgsType(CreationIn(ownArgs).Arguments[1].Value.Type));
        Assert.True(ResourceCreation.TryCreate(CreationIn(ownArgs), second.Symbols, out var secondCreation));
        Assert.Null(secondCreation.GetArgsCreation(second.Values, CancellationToken.None));

        var services = TestCompilation.Services(ordinary);
        Assert.True(services.Symbols.SharesTypeFacts);
        Assert.Equal(ResourceKind.Custom, services.Symbols.ResourceKindOf((INamedTypeSymbol)ordinaryCreation.Type!));
        Assert.True(new RequiredInputs(services.Symbols).IsArgsType(ordinaryCreation.Arguments[1].Value.Type));
        Assert.True(ResourceCreation.TryCreate(ordinaryCreation, services.Symbols, out var creation));
        Assert.NotNull(creation.GetArgsCreation(services.Values, CancellationToken.None));
    }
    [Fact]
    public async Task WriteTable_OfATreeTooDeepForTheWalker_IsStillComplete()
    {
        // A machine-made sum of thousands of terms (the compiler binds it without recursion; the syntax walk recurses once
        // per term): the walk runs out of stack and the table is gathered again without recursion, so the write after it is
        // still seen.
        var deep = "1" + string.Concat(Enumerable.Repeat(" + 1", 50000));
        var source = $$"""
            using static ProbeHost;
            class C
            {
                void M()
                {
                    var n = {{deep}};
                    var name = "a";
                    name = "b";
                    Probe(name);
                    var kept = "c";
                    Probe(kept);
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Deep.cs");
        var compilation = CSharpCompilation.Create("Deep", new[] { tree, CSharpSyntaxTree.ParseText(TestCompilation.ProbeClass, path: "/src/Probe.cs") }, (await TestCompilation.CreateAsync(true, "class Empty { }")).References);
        var values = TestCompilation.Services(compilation).Values;
        var followed = TestCompilation.Probes(compilation).Select(p => values.Follow(p, CancellationToken.None).ConstantValue.Value).ToArray();
        Assert.Equal(new object?[] { null, "c" }, followed);
    }
}
