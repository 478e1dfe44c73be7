using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
}
