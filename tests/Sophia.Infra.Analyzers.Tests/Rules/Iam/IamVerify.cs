using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Rules.Iam;
using Sophia.Infra.Analyzers.Tests.Verifiers;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>
/// The IAM tests' verifier: <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/> with <c>$$</c> read as code, since policies are
/// written in <c>$$"""</c> raw strings (in markup, <c>$$</c> is otherwise a position marker).
/// </summary>
internal static class IamVerify
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<IamAnalyzer>.Diagnostic(descriptor);

    public static CSharpAnalyzerVerifier<IamAnalyzer>.Test Test(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<IamAnalyzer>.Test
        {
            TestCode = source,
            MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        Test(source, expected).RunAsync(CancellationToken.None);

    /// <summary>Several files in one compilation.</summary>
    public static Task VerifySourcesAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<IamAnalyzer>.Test { MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
