using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Tests.Verifiers;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary>
/// Compiles real Pulumi C# (against .NET 8 and ref/) for the machinery's unit tests, and finds the expression passed to
/// <c>Probe(...)</c> so a test can ask the machinery about it directly.
/// </summary>
internal static class TestCompilation
{
    private static ImmutableArray<MetadataReference> _framework;

    public const string ProbeClass = """

        static class ProbeHost
        {
            public static void Probe(object? value) { }
        }
        """;

    public static async Task<CSharpCompilation> CreateAsync(bool withPulumi, params string[] sources)
    {
        if (_framework.IsDefault)
        {
            _framework = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        }

        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs"));
        var references = withPulumi ? _framework.AddRange(TestReferences.Pulumi) : _framework;
        var compilation = CSharpCompilation.Create("Probe", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return compilation;
    }

    /// <summary>The operations of every <c>Probe(x)</c> argument, in source order across files.</summary>
    public static ImmutableArray<IOperation> Probes(Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
#pragma warning disable RS1030 // Tests may create semantic models.
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "Probe" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Probe" })
                {
                    var argument = invocation.ArgumentList.Arguments[0].Expression;
                    builder.Add(model.GetOperation(argument)!);
                }
            }
        }

        return builder.ToImmutable();
    }

    public static AnalysisServices Services(Compilation compilation) => AnalysisServices.For(compilation)!;
}
