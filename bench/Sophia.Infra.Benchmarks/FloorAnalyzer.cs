using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Infrastructure;

namespace Sophia.Infra.Benchmarks;

/// <summary>
/// The floor: an analyzer that only recognises resource creations (through the package's own base and
/// <c>ResourceCreation</c>) and reports nothing. No rule can cost less than this.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : SophiaAnalyzerBase
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Floor", "{0}", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services) =>
        RegisterResourceCreationAction(context, services, static (_, _) => { });
}
