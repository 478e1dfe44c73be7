using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Infrastructure;

/// <summary>
/// The base of every analyzer of the package. Its <see cref="Initialize"/> is sealed: it enables concurrent execution,
/// analyses generated code (findings there are dropped: <see cref="Findings"/>), and on compilation start returns at once when Pulumi is not referenced; otherwise it hands the
/// compilation's <see cref="AnalysisServices"/> to <see cref="OnCompilationStart"/>.
/// </summary>
public abstract class SophiaAnalyzerBase : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is analysed (cross-resource facts include it) and findings there are dropped by Findings.Report.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var services = AnalysisServices.For(start.Compilation);
            if (services is null)
            {
                return;
            }

            OnCompilationStart(start, services);
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references Pulumi.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services);

    /// <summary>Runs <paramref name="action"/> on every resource creation (custom resources, components and providers).</summary>
    protected static void RegisterResourceCreationAction(
        CompilationStartAnalysisContext context,
        AnalysisServices services,
        Action<OperationAnalysisContext, ResourceCreation> action)
    {
        context.RegisterOperationAction(
            operationContext =>
            {
                if (ResourceCreation.TryCreate((IObjectCreationOperation)operationContext.Operation, services.Symbols, out var creation))
                {
                    action(operationContext, creation);
                }
            },
            OperationKind.ObjectCreation);
    }
}
