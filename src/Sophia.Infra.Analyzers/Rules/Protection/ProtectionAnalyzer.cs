using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Protection;

/// <summary>
/// SIA2001: every custom or component resource (user components included; providers, stacks and stack references
/// excepted) is protected in production: its options set <c>Protect</c> to <c>true</c>, to a comparison of the stack name
/// with a production stack (<c>sophia_infra.production_stacks</c>), or to anything that cannot be proved wrong.
/// Reported when there are no options, null options, options without Protect (and without Parent), or a Protect that is
/// provably false in every production stack. Silent when the options cannot be resolved, or when a stack-wide transform
/// sets Protect (<see cref="StackTransforms"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProtectionAnalyzer : SophiaAnalyzerBase
{
    /// <summary>Property: what the fix does, one of <see cref="AddOptions"/>, <see cref="ReplaceOptions"/>, <see cref="SetProtect"/>.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Fix: add an options argument to the creation at <see cref="TargetSpanProperty"/>.</summary>
    public const string AddOptions = "AddOptions";

    /// <summary>Fix: replace the options argument (null) at <see cref="TargetSpanProperty"/>.</summary>
    public const string ReplaceOptions = "ReplaceOptions";

    /// <summary>Fix: set Protect in the options object creation at <see cref="TargetSpanProperty"/>.</summary>
    public const string SetProtect = "SetProtect";

    /// <summary>
    /// Property: the span (<c>start:length</c>, in the diagnostic's document) of the node the fix edits. A property rather
    /// than an additional location, so that tests and users see one location per finding.
    /// </summary>
    public const string TargetSpanProperty = "TargetSpan";

    /// <summary>Property: the name of the options parameter of the constructor.</summary>
    public const string ParameterProperty = "Parameter";

    /// <summary>Property: "true" when an added options argument must be named (an optional parameter before it is skipped).</summary>
    public const string NamedProperty = "Named";

    /// <summary>Property: the options type to create, <c>CustomResourceOptions</c> or <c>ComponentResourceOptions</c>.</summary>
    public const string OptionsTypeProperty = "OptionsType";

    /// <summary>Property: the production stack the fix compares the stack name with (the first of <c>sophia_infra.production_stacks</c>).</summary>
    public const string ProductionStackProperty = "ProductionStack";

    private static readonly ImmutableArray<string> OptionMembers = ImmutableArray.Create("Protect", "Parent");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ProductionNotProtected);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var rule = new Rule(services, new StackTransforms(context.Compilation));
        RegisterResourceCreationAction(context, services, rule.Analyze);
    }

    private enum Verdict
    {
        /// <summary>Protected in production, or not provably unprotected.</summary>
        Fine,

        /// <summary>Protect is the constant false.</summary>
        False,

        /// <summary>Protect is false in every production stack.</summary>
        FalseInProduction,
    }

    /// <summary>The rule for one compilation: the caches and the transform scan live as long as the compilation.</summary>
    private sealed class Rule
    {
        private readonly AnalysisServices _services;
        private readonly StackTransforms _transforms;
        private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<string>> _productionStacks = new();
        private readonly ConcurrentDictionary<SyntaxNode, Verdict> _verdicts = new();

        public Rule(AnalysisServices services, StackTransforms transforms)
        {
            _services = services;
            _transforms = transforms;
        }

        public void Analyze(OperationAnalysisContext context, ResourceCreation creation)
        {
            if (creation.IsProvider)
            {
                return;
            }

            var syntax = creation.Operation.Syntax;
            if (syntax.ContainsDiagnostics)
            {
                return; // Being typed: say nothing until it parses.
            }

            var symbols = _services.Symbols;
            if (symbols.IsOrDerivesFrom(creation.Type, PulumiType.Stack) || symbols.Is(creation.Type, PulumiType.StackReference))
            {
                return; // The stack itself, and a read-only reference to another stack, hold nothing to protect.
            }

            var parameter = creation.OptionsParameter;
            if (parameter is null)
            {
                return; // A component without an options parameter cannot be protected from here.
            }

            var cancellationToken = context.CancellationToken;
            var resolver = _services.Values;
            var argument = creation.OptionsArgument;
            if (argument is null)
            {
                Report(context, creation, parameter, syntax, syntax, AddOptions, "it is created without options, so Protect is not set");
                return;
            }

            var value = argument.Value;
            var followed = resolver.FollowUnchanged(value, OptionMembers, cancellationToken);
            if (followed is null)
            {
                return; // Protect or Parent is set on the options object after its creation: not followed.
            }

            if (followed is IDefaultValueOperation || followed.ConstantValue is { HasValue: true, Value: null })
            {
                Report(context, creation, parameter, syntax, value.Syntax, ReplaceOptions, "its options are null, so Protect is not set");
                return;
            }

            if (followed is not IObjectCreationOperation options || !symbols.IsOrDerivesFrom(options.Type, PulumiType.ResourceOptions))
            {
                return; // Options from a parameter, a method, Merge(...): unknown.
            }

            // Where the finding points: into the creation when the options are written there, else at the options argument.
            var inline = options.Syntax.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(options.Syntax.Span);
            var protect = ResourceCreation.FindInitializerAssignment(options, "Protect");
            if (protect is null)
            {
                if (SetsParent(options))
                {
                    return; // Protection is inherited from the parent, which is checked itself.
                }

                Report(context, creation, parameter, inline ? syntax : value.Syntax, options.Syntax, SetProtect, "its options do not set Protect");
                return;
            }

            var verdict = Judge(protect.Value, syntax.SyntaxTree, context, cancellationToken);
            if (verdict == Verdict.Fine)
            {
                return;
            }

            // The value as written (protect.Value is the conversion to bool?, whose syntax loses parentheses).
            var written = protect.Syntax is AssignmentExpressionSyntax assignment ? assignment.Right : protect.Value.Syntax;
            var reason = verdict == Verdict.False
                ? "Protect is false"
                : FalseInProductionReason(written.ToString(), ProductionStacks(syntax.SyntaxTree, context));
            Report(context, creation, parameter, inline ? written : value.Syntax, options.Syntax, SetProtect, reason);
        }

        private bool SetsParent(IObjectCreationOperation options)
        {
            var parent = ResourceCreation.FindInitializerAssignment(options, "Parent");
            return parent is not null && ValueResolver.Unwrap(parent.Value).ConstantValue is not { HasValue: true, Value: null };
        }

        private Verdict Judge(IOperation protect, SyntaxTree tree, OperationAnalysisContext context, CancellationToken cancellationToken)
        {
            var resolver = _services.Values;
            var followed = resolver.Follow(protect, cancellationToken);
            if (followed.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant ? Verdict.Fine : Verdict.False;
            }

            // Many resources share one isProd: judge each followed expression once.
            if (_verdicts.TryGetValue(followed.Syntax, out var verdict))
            {
                return verdict;
            }

            verdict = Verdict.FalseInProduction;
            foreach (var stack in ProductionStacks(tree, context))
            {
                if (ProductionCondition.Evaluate(followed, stack, resolver, cancellationToken) != false)
                {
                    verdict = Verdict.Fine;
                    break;
                }
            }

            _verdicts.TryAdd(followed.Syntax, verdict);
            return verdict;
        }

        private ImmutableArray<string> ProductionStacks(SyntaxTree tree, OperationAnalysisContext context)
        {
            if (!_productionStacks.TryGetValue(tree, out var stacks))
            {
                stacks = ProductionCondition.ProductionStacks(new OptionReader(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), RuleIds.ProductionNotProtected));

                _productionStacks.TryAdd(tree, stacks);
            }

            return stacks;
        }

        private void Report(
            OperationAnalysisContext context,
            ResourceCreation creation,
            IParameterSymbol parameter,
            SyntaxNode location,
            SyntaxNode fixTarget,
            string fix,
            string reason)
        {
            if (_transforms.SetProtect(context.CancellationToken))
            {
                return; // Every resource gets Protect from the stack-wide transform.
            }

            var cancellationToken = context.CancellationToken;
            var tree = creation.Operation.Syntax.SyntaxTree;
            var production = ProductionStacks(tree, context)[0];
            var name = creation.NameArgument is null
                ? creation.Type.Name
                : _services.Values.ResolveString(creation.NameArgument.Value, cancellationToken).ToDisplayString();

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[FixProperty] = fix;
            properties[ParameterProperty] = parameter.Name;
            properties[NamedProperty] = NeedsNamedArgument(creation, parameter) ? "true" : "false";
            properties[OptionsTypeProperty] = OptionsTypeName(creation, parameter);
            properties[ProductionStackProperty] = production;
            properties[TargetSpanProperty] = fixTarget.SyntaxTree == tree
                ? fixTarget.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + fixTarget.Span.Length.ToString(CultureInfo.InvariantCulture)
                : null;

            context.Report(Diagnostic.Create(
                Descriptors.ProductionNotProtected,
                location.GetLocation(),
                properties.ToImmutable(),
                name,
                creation.Type.ToDisplayString(),
                reason,
                production));
        }

        /// <summary>The options type the constructor takes (<c>ComponentResourceOptions</c> for components).</summary>
        private string OptionsTypeName(ResourceCreation creation, IParameterSymbol parameter)
        {
            var symbols = _services.Symbols;
            if (symbols.Is(parameter.Type, PulumiType.ComponentResourceOptions))
            {
                return "ComponentResourceOptions";
            }

            if (symbols.Is(parameter.Type, PulumiType.CustomResourceOptions))
            {
                return "CustomResourceOptions";
            }

            return creation.IsComponent ? "ComponentResourceOptions" : "CustomResourceOptions";
        }

        /// <summary>True when an options argument added at the end must be named: a parameter before it has no argument, or arguments are named.</summary>
        private static bool NeedsNamedArgument(ResourceCreation creation, IParameterSymbol parameter)
        {
            var written = 0;
            foreach (var argument in creation.Operation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (argument.Syntax is ArgumentSyntax { NameColon: not null })
                {
                    return true;
                }

                written++;
            }

            return written != parameter.Ordinal;
        }

        private static string FalseInProductionReason(string value, ImmutableArray<string> stacks)
        {
            var builder = new StringBuilder("Protect = ").Append(value).Append(" is false in the production stack");
            if (stacks.Length > 1)
            {
                builder.Append('s');
            }

            for (var i = 0; i < stacks.Length; i++)
            {
                builder.Append(i == 0 ? " '" : ", '").Append(stacks[i]).Append('\'');
            }

            return builder.ToString();
        }
    }
}
