using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.PulumiFiles;

namespace Sophia.Infra.Analyzers.Rules.Configuration;

/// <summary>
/// SIA1101: a key read with <c>Config.Require*</c> that a <c>Pulumi.&lt;stack&gt;.yaml</c> does not set while
/// <c>Pulumi.yaml</c> gives it no default. One finding per missing stack file, at the call. The Config instance is followed
/// (<see cref="ConfigRead"/>); one held by a parameter is followed to the call sites in the compilation
/// (<see cref="ConfigBindings"/>) and reported at compilation end. Unknown keys and instances, stack files with a SIA0001
/// and compilations without stack files are silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackConfigAnalyzer : SophiaAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MissingStackConfig, Descriptors.MissingStackConfigLive);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var workspace = PulumiWorkspace.GetOrCreate(context.Options, context.CancellationToken);
        if (!HasValidStack(workspace))
        {
            return;
        }

        var bindings = new ConfigBindings();
        var viaParameters = new ConcurrentBag<(ConfigRead Read, string Key, IParameterSymbol Parameter, string? ProjectName)>();

        RegisterOperationAction(
            context,
            services,
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                bindings.Record(invocation, services.Values, operationContext.CancellationToken);
                if (!ConfigRead.TryCreate(invocation, services.Symbols, out var read) || !read.IsRequire)
                {
                    return;
                }

                var key = read.ResolveKey(services.Values, operationContext.CancellationToken);
                if (key is null)
                {
                    return;
                }

                var projectName = ProjectName(workspace, operationContext.Options, invocation.Syntax.SyntaxTree);
                var source = read.ResolveSource(services.Values, operationContext.CancellationToken);
                if (source.Kind == ConfigSourceKind.Parameter)
                {
                    viaParameters.Add((read, key, source.Parameter!, projectName));
                    return;
                }

                var configNamespace = source.ResolveNamespace(projectName);
                if (configNamespace is not null)
                {
                    CheckLive(workspace, read, ConfigRead.FullKey(configNamespace, key), operationContext);
                }
            },
            OperationKind.Invocation);

        RegisterOperationAction(
            context,
            services,
            operationContext => bindings.Record(operationContext.Operation, services.Values, operationContext.CancellationToken),
            OperationKind.ObjectCreation);

        RegisterCompilationEndAction(context, services, end =>
        {
            foreach (var (read, key, parameter, projectName) in viaParameters)
            {
                end.CancellationToken.ThrowIfCancellationRequested();
                if (!bindings.TryResolve(parameter, projectName, out var namespaces))
                {
                    continue;
                }

                foreach (var configNamespace in namespaces)
                {
                    Check(workspace, read, ConfigRead.FullKey(configNamespace, key), Descriptors.MissingStackConfig, diagnostic => end.Report(diagnostic));
                }
            }
        });
    }

    /// <summary>
    /// True when there is a readable stack file to check, and Pulumi.yaml (when there is one) is readable: the defaults of a
    /// Pulumi.yaml with a SIA0001 are not known, so nothing is reported until it is fixed.
    /// </summary>
    private static bool HasValidStack(PulumiWorkspace workspace)
    {
        if (workspace.Project is { IsValid: false })
        {
            return false;
        }

        foreach (var stack in workspace.Stacks)
        {
            if (stack.IsValid && stack.StackName.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The project's name: <c>name:</c> of Pulumi.yaml, else the <c>sophia_infra.project</c> option; null when neither.</summary>
    private static string? ProjectName(PulumiWorkspace workspace, AnalyzerOptions options, SyntaxTree tree) =>
        workspace.ProjectName
        ?? new OptionReader(options.AnalyzerConfigOptionsProvider.GetOptions(tree), RuleIds.MissingStackConfig).Get(SophiaOptions.Project);

    // Apart from the invocation callback: a lambda that captures its context would be allocated for every invocation.
    private static void CheckLive(PulumiWorkspace workspace, ConfigRead read, string fullKey, OperationAnalysisContext context) =>
        Check(workspace, read, fullKey, Descriptors.MissingStackConfigLive, diagnostic => context.Report(diagnostic));

    private static void Check(PulumiWorkspace workspace, ConfigRead read, string fullKey, DiagnosticDescriptor descriptor, Action<Diagnostic> report)
    {
        if (workspace.HasProjectDefault(fullKey))
        {
            return;
        }

        foreach (var stack in workspace.Stacks)
        {
            if (!stack.IsValid || stack.StackName.Length == 0 || workspace.StackHasKey(stack, fullKey))
            {
                continue;
            }

            report(Diagnostic.Create(
                descriptor,
                read.Invocation.Syntax.GetLocation(),
                fullKey,
                PulumiWorkspace.GetFileName(stack.Path),
                read.IsSecret ? "--secret " : string.Empty,
                stack.StackName));
        }
    }
}
