using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Infrastructure;

/// <summary>
/// The base of every analyzer of the package. Its <see cref="Initialize"/> is sealed: it enables concurrent execution,
/// analyses generated code (findings there are dropped: <see cref="Findings"/>), and on compilation start hands the
/// compilation's <see cref="AnalysisServices"/> to <see cref="OnCompilationStart"/>.
/// </summary>
/// <remarks>
/// A rule registers its actions through the <c>Register...</c> helpers below, never on the context directly (banned in
/// BannedSymbols.txt): each action
/// they register returns at once in a compilation that does not reference Pulumi. The start action itself must not touch
/// <see cref="AnalysisServices.Symbols"/> or <see cref="AnalysisServices.Values"/> (see <see cref="AnalysisServices"/>):
/// whatever depends on the symbols is made lazily, in the first callback.
/// </remarks>
#pragma warning disable RS0030 // The one place allowed to register on the start context (BannedSymbols.txt): the helpers gate on Pulumi.
public abstract class SophiaAnalyzerBase : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is analysed (cross-resource facts include it) and findings there are dropped by Findings.Report.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, AnalysisServices.Of(start.Compilation)));
    }

    /// <summary>Registers the rule's actions (through the helpers of this class), without looking symbols up.</summary>
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
                if (services.IsPulumi
                    && ResourceCreation.TryCreate((IObjectCreationOperation)operationContext.Operation, services.Symbols, out var creation))
                {
                    action(operationContext, creation);
                }
            },
            OperationKind.ObjectCreation);
    }

    /// <summary>Runs <paramref name="action"/> on the operations of <paramref name="kinds"/> of a Pulumi compilation.</summary>
    protected static void RegisterOperationAction(
        CompilationStartAnalysisContext context,
        AnalysisServices services,
        Action<OperationAnalysisContext> action,
        params OperationKind[] kinds)
    {
        context.RegisterOperationAction(
            operationContext =>
            {
                if (services.IsPulumi)
                {
                    action(operationContext);
                }
            },
            kinds);
    }

    /// <summary>Runs <paramref name="action"/> at the end of a Pulumi compilation.</summary>
    // RS1013 would have the callers register a compilation action when this is all they register; they need the start
    // action's per-compilation state and services.
#pragma warning disable RS1013
    protected static void RegisterCompilationEndAction(CompilationStartAnalysisContext context, AnalysisServices services, Action<CompilationAnalysisContext> action)
#pragma warning restore RS1013
    {
        context.RegisterCompilationEndAction(end =>
        {
            if (services.IsPulumi)
            {
                action(end);
            }
        });
    }

    /// <summary>Runs <paramref name="action"/> on every syntax tree of a Pulumi compilation.</summary>
    protected static void RegisterSyntaxTreeAction(CompilationStartAnalysisContext context, AnalysisServices services, Action<SyntaxTreeAnalysisContext> action)
    {
        context.RegisterSyntaxTreeAction(treeContext =>
        {
            if (services.IsPulumi)
            {
                action(treeContext);
            }
        });
    }

    /// <summary>Runs <paramref name="action"/> on the syntax nodes of <paramref name="kinds"/> of a Pulumi compilation.</summary>
    protected static void RegisterSyntaxNodeAction(
        CompilationStartAnalysisContext context,
        AnalysisServices services,
        Action<SyntaxNodeAnalysisContext> action,
        params SyntaxKind[] kinds)
    {
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                if (services.IsPulumi)
                {
                    action(nodeContext);
                }
            },
            kinds);
    }
}
#pragma warning restore RS0030
