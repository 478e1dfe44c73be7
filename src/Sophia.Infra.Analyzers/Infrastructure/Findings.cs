using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sophia.Infra.Analyzers.Infrastructure;

/// <summary>
/// The one way a rule reports a finding: <c>context.Report(diagnostic)</c>. A finding in generated code is dropped
/// (<see cref="GeneratedCode"/>); the contexts' own <c>ReportDiagnostic</c> is banned elsewhere (BannedSymbols.txt).
/// </summary>
internal static class Findings
{
#pragma warning disable RS0030 // The one place allowed to call ReportDiagnostic: it filters generated code first.
    public static void Report(this OperationAnalysisContext context, Diagnostic diagnostic)
    {
        if (!GeneratedCode.Contains(diagnostic.Location, context.Options))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this SyntaxNodeAnalysisContext context, Diagnostic diagnostic)
    {
        if (!GeneratedCode.Contains(diagnostic.Location, context.Options))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this SyntaxTreeAnalysisContext context, Diagnostic diagnostic)
    {
        if (!GeneratedCode.Contains(diagnostic.Location, context.Options))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this CompilationAnalysisContext context, Diagnostic diagnostic)
    {
        if (!GeneratedCode.Contains(diagnostic.Location, context.Options))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
#pragma warning restore RS0030
}
