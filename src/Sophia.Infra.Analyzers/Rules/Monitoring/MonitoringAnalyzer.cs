using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.Analyzers.Rules.Protection;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Monitoring;

/// <summary>
/// The monitoring family: log groups without retention (SIA7001), alarms that notify nobody (SIA7002), entry points without
/// access logs (SIA7003) and alarms without a playbook (SIA7004). Each looks at one resource creation's args: a missing
/// setting is reported at the creation, a wrong one at its value, and an unknown one (a parameter, a call, args changed after
/// they were built) is silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MonitoringAnalyzer : SophiaAnalyzerBase
{
    private static readonly ImmutableArray<string> RetentionMember = ImmutableArray.Create("RetentionInDays");
    private static readonly ImmutableArray<string> AlarmMembers = ImmutableArray.Create("AlarmActions", "ActionsEnabled", "AlarmDescription");
    private static readonly ImmutableArray<string> LoadBalancerMembers = ImmutableArray.Create("AccessLogs", "LoadBalancerType");
    private static readonly ImmutableArray<string> EnabledMember = ImmutableArray.Create("Enabled");
    private static readonly ImmutableArray<string> LoggingConfigMember = ImmutableArray.Create("LoggingConfig");
    private static readonly ImmutableArray<string> AccessLogSettingsMember = ImmutableArray.Create("AccessLogSettings");

    /// <summary>The built-in playbook test: a URL, or the word playbook or runbook (plurals and <c>Runbook:</c> included).</summary>
    private static readonly string[] PlaybookMarkers = { "http://", "https://", "playbook", "runbook" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LogGroupWithoutRetention,
        Descriptors.AlarmWithoutActions,
        Descriptors.EntryPointWithoutAccessLogs,
        Descriptors.AlarmWithoutPlaybook);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var rule = new Rule(services);
        RegisterResourceCreationAction(context, services, rule.Analyze);
    }

    /// <summary>The rule for one compilation: option caches live as long as the compilation.</summary>
    private sealed class Rule
    {
        private readonly AnalysisServices _services;
        private readonly ConcurrentDictionary<(SyntaxTree Tree, string Rule), ImmutableArray<string>> _productionStacks = new();
        private readonly ConcurrentDictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);

        public Rule(AnalysisServices services) => _services = services;

        public void Analyze(OperationAnalysisContext context, ResourceCreation creation)
        {
            var symbols = _services.Symbols;
            var type = creation.Type;
            if (symbols.Is(type, PulumiType.CloudWatchLogGroup))
            {
                AnalyzeLogGroup(context, creation);
            }
            else if (symbols.Is(type, PulumiType.CloudWatchMetricAlarm))
            {
                AnalyzeAlarm(context, creation, "CloudWatch metric alarm");
            }
            else if (symbols.Is(type, PulumiType.CloudWatchCompositeAlarm))
            {
                AnalyzeAlarm(context, creation, "CloudWatch composite alarm");
            }
            else if (symbols.Is(type, PulumiType.LbLoadBalancer) || symbols.Is(type, PulumiType.AlbLoadBalancer))
            {
                AnalyzeLoadBalancer(context, creation);
            }
            else if (symbols.Is(type, PulumiType.CloudFrontDistribution))
            {
                AnalyzeRequiredBlock(context, creation, LoggingConfigMember, "CloudFront distribution", "LoggingConfig = new DistributionLoggingConfigArgs { Bucket = logs.BucketDomainName }");
            }
            else if (symbols.Is(type, PulumiType.ApiGatewayStage) || symbols.Is(type, PulumiType.ApiGatewayV2Stage))
            {
                AnalyzeRequiredBlock(context, creation, AccessLogSettingsMember, "API stage", "AccessLogSettings = new StageAccessLogSettingsArgs { DestinationArn = logGroup.Arn, Format = ... }");
            }
        }

        // ------------------------------------------------------------------ SIA7001: log group retention

        private void AnalyzeLogGroup(OperationAnalysisContext context, ResourceCreation creation)
        {
            var cancellationToken = context.CancellationToken;
            if (!TryGetArgs(creation, RetentionMember, cancellationToken, out var args))
            {
                return;
            }

            var retention = ResourceCreation.FindInitializerAssignment(args, "RetentionInDays");
            if (retention is null)
            {
                var missingDays = RetentionDays(context, creation);
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(EncryptionFix.Edit, EncryptionFix.Add)
                    .Add(EncryptionFix.Members, "RetentionInDays=" + missingDays);
                context.Report(Diagnostic.Create(
                    Descriptors.LogGroupWithoutRetention,
                    creation.Operation.Syntax.GetLocation(),
                    properties,
                    "CloudWatch log group '" + NameOf(creation, cancellationToken) + "' has no RetentionInDays, so its logs are kept forever: set RetentionInDays = " + missingDays));
                return;
            }

            var value = _services.Values.ResolveConstant(retention.Value, cancellationToken);
            if (!value.HasValue || (value.Value is not null && !IsZero(value.Value)))
            {
                return;
            }

            var days = RetentionDays(context, creation);
            var shown = value.Value is null ? "null" : "0";
            var replace = ImmutableDictionary<string, string?>.Empty
                .Add(EncryptionFix.Edit, EncryptionFix.Replace)
                .Add(EncryptionFix.Value, days);
            context.Report(Diagnostic.Create(
                Descriptors.LogGroupWithoutRetention,
                Written(retention).GetLocation(),
                replace,
                "CloudWatch log group '" + NameOf(creation, cancellationToken) + "' has RetentionInDays = " + shown + ", so its logs never expire: set RetentionInDays = " + days));
        }

        private static bool IsZero(object value) => value switch
        {
            int i => i == 0,
            long l => l == 0,
            short s => s == 0,
            byte b => b == 0,
            _ => false,
        };

        private static string RetentionDays(OperationAnalysisContext context, ResourceCreation creation)
        {
            var tree = creation.Operation.Syntax.SyntaxTree;
            var reader = new OptionReader(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), RuleIds.LogGroupWithoutRetention);
            return reader.Get(SophiaOptions.LogsRetentionDays).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // ------------------------------------------------------------------ SIA7002 / SIA7004: alarms

        private void AnalyzeAlarm(OperationAnalysisContext context, ResourceCreation creation, string kind)
        {
            var cancellationToken = context.CancellationToken;
            if (!TryGetArgs(creation, AlarmMembers, cancellationToken, out var args))
            {
                return;
            }

            AnalyzeActions(context, creation, args, kind);
            AnalyzePlaybook(context, creation, args, kind);
        }

        private void AnalyzeActions(OperationAnalysisContext context, ResourceCreation creation, IObjectCreationOperation? args, string kind)
        {
            var cancellationToken = context.CancellationToken;
            var enabled = ResourceCreation.FindInitializerAssignment(args, "ActionsEnabled");
            var disabled = enabled is null ? null : FalseInProduction(context, creation, enabled.Value, RuleIds.AlarmWithoutActions);
            if (disabled is not null)
            {
                var written = Written(enabled!);
                var state = disabled == "false" ? "has ActionsEnabled = false" : "has ActionsEnabled = " + written + ", which is false in " + disabled;
                context.Report(Diagnostic.Create(
                    Descriptors.AlarmWithoutActions,
                    written.GetLocation(),
                    kind + " '" + NameOf(creation, cancellationToken) + "' " + state + ", so it notifies nobody when it fires: remove ActionsEnabled (actions are enabled by default)"));
                return;
            }

            var actions = ActionsOf(args, cancellationToken);
            if (actions == ListState.NonEmptyOrUnknown)
            {
                return;
            }

            var location = actions == ListState.Missing || args is null
                ? creation.Operation.Syntax
                : (SyntaxNode?)ActionsSyntax(args) ?? creation.Operation.Syntax;
            var what = actions == ListState.Missing ? "has no AlarmActions" : "has an empty AlarmActions list";
            context.Report(Diagnostic.Create(
                Descriptors.AlarmWithoutActions,
                location.GetLocation(),
                kind + " '" + NameOf(creation, cancellationToken) + "' " + what + ", so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"));
        }

        private enum ListState
        {
            Missing,
            Empty,
            NonEmptyOrUnknown,
        }

        /// <summary>Whether <c>AlarmActions</c> is missing, provably empty, or holds something (or cannot be known).</summary>
        private ListState ActionsOf(IObjectCreationOperation? args, CancellationToken cancellationToken)
        {
            var member = ResourceCreation.FindMemberInitializer(args, "AlarmActions");
            if (member is not null)
            {
                // AlarmActions = { ... }: Add calls on the list the args hold.
                return member.Initializer is IObjectOrCollectionInitializerOperation { Initializers.IsEmpty: true } ? ListState.Empty : ListState.NonEmptyOrUnknown;
            }

            var assignment = ResourceCreation.FindInitializerAssignment(args, "AlarmActions");
            if (assignment is null)
            {
                return ListState.Missing;
            }

            var written = ValueResolver.Unwrap(assignment.Value);
            if (ValueResolver.ReferencedSymbol(written) is { } symbol && _services.Values.IsChangedAfterAssignment(symbol, cancellationToken))
            {
                return ListState.NonEmptyOrUnknown; // A list filled with Add after it was created.
            }

            var value = _services.Values.Follow(assignment.Value, cancellationToken);
            if (value.ConstantValue is { HasValue: true, Value: null })
            {
                return ListState.Empty;
            }

            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return initializer.ElementValues.IsEmpty ? ListState.Empty : ListState.NonEmptyOrUnknown;
                case IArrayCreationOperation array when array.DimensionSizes.Length == 1
                    && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }:
                    return ListState.Empty;
                case IObjectCreationOperation { Arguments.IsEmpty: true } collection when IsList(collection.Type):
                    return collection.Initializer is null || collection.Initializer.Initializers.IsEmpty ? ListState.Empty : ListState.NonEmptyOrUnknown;
                default:
                    return value.Syntax is CollectionExpressionSyntax { Elements.Count: 0 } ? ListState.Empty : ListState.NonEmptyOrUnknown;
            }
        }

        private static bool IsList(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The <c>AlarmActions = ...</c> value as written in the args, for the location of an empty list.</summary>
        private static SyntaxNode? ActionsSyntax(IObjectCreationOperation args)
        {
            var member = ResourceCreation.FindMemberInitializer(args, "AlarmActions");
            if (member is not null)
            {
                return member.Syntax is AssignmentExpressionSyntax memberAssignment ? memberAssignment.Right : member.Syntax;
            }

            var assignment = ResourceCreation.FindInitializerAssignment(args, "AlarmActions");
            return assignment is null ? null : Written(assignment);
        }

        private void AnalyzePlaybook(OperationAnalysisContext context, ResourceCreation creation, IObjectCreationOperation? args, string kind)
        {
            var cancellationToken = context.CancellationToken;
            var pattern = PlaybookPattern(context, creation);
            var description = ResourceCreation.FindInitializerAssignment(args, "AlarmDescription");
            if (description is null)
            {
                context.Report(Diagnostic.Create(
                    Descriptors.AlarmWithoutPlaybook,
                    creation.Operation.Syntax.GetLocation(),
                    kind + " '" + NameOf(creation, cancellationToken) + "' has no AlarmDescription, so whoever is paged has no playbook: "
                        + Advice(pattern)));
                return;
            }

            string text;
            var constant = _services.Values.ResolveConstant(description.Value, cancellationToken);
            if (constant is { HasValue: true, Value: null })
            {
                text = "null";
            }
            else if (constant is { HasValue: true, Value: string known })
            {
                // The common case, without building the parts.
                if (HasPlaybook(known, pattern) != false)
                {
                    return;
                }

                text = "'" + known + "'";
            }
            else
            {
                var resolved = _services.Values.ResolveString(description.Value, cancellationToken);
                if (resolved.Parts.IsEmpty)
                {
                    return;
                }

                var builder = new StringBuilder();
                foreach (var part in resolved.Parts)
                {
                    if (part.Kind == StringPartKind.Text)
                    {
                        builder.Append(part.Text);
                    }
                    else if (part.Kind == StringPartKind.Unknown || pattern is not null)
                    {
                        return; // An unknown part could hold the link (and a custom pattern could match a name).
                    }
                    else
                    {
                        builder.Append('\n'); // The stack or project name: a name, never a link.
                    }
                }

                if (HasPlaybook(builder.ToString(), pattern) != false)
                {
                    return;
                }

                text = "'" + resolved.ToDisplayString() + "'";
            }

            var reason = pattern is null
                ? "has no link and names no playbook or runbook"
                : "does not match " + SophiaOptions.Prefix + SophiaOptions.AlarmsPlaybookPattern.Name + " '" + pattern + "'";
            context.Report(Diagnostic.Create(
                Descriptors.AlarmWithoutPlaybook,
                Written(description).GetLocation(),
                kind + " '" + NameOf(creation, cancellationToken) + "' has AlarmDescription " + text + ", which " + reason + ": " + Advice(pattern)));
        }

        /// <summary>True when the text names its playbook; null when a custom pattern timed out.</summary>
        private static bool? HasPlaybook(string text, Regex? pattern)
        {
            if (pattern is null)
            {
                foreach (var marker in PlaybookMarkers)
                {
                    if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            try
            {
                return pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }

        private static string Advice(Regex? pattern) => pattern is null
            ? "write the playbook's link in AlarmDescription (e.g. \"CPU above 80%. Runbook: https://wiki.example.com/runbooks/cpu\")"
            : "write the playbook's link in AlarmDescription so that it matches the pattern";

        private Regex? PlaybookPattern(OperationAnalysisContext context, ResourceCreation creation)
        {
            var tree = creation.Operation.Syntax.SyntaxTree;
            var reader = new OptionReader(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), RuleIds.AlarmWithoutPlaybook);
            if (!reader.TryGetRaw(SophiaOptions.AlarmsPlaybookPattern.Name, out var text))
            {
                return null;
            }

            // An invalid pattern is SIA0001's business; the built-in test is used (TryParse gives the default, null).
            return _patterns.GetOrAdd(text, static raw => SophiaOptions.AlarmsPlaybookPattern.TryParse(raw, out var regex) ? regex : null);
        }

        // ------------------------------------------------------------------ SIA7003: entry points

        private void AnalyzeLoadBalancer(OperationAnalysisContext context, ResourceCreation creation)
        {
            var cancellationToken = context.CancellationToken;
            var values = _services.Values;
            if (!TryGetArgs(creation, LoadBalancerMembers, cancellationToken, out var args))
            {
                return;
            }

            var type = ResourceCreation.FindInitializerAssignment(args, "LoadBalancerType");
            if (type is not null)
            {
                var typeValue = values.ResolveConstant(type.Value, cancellationToken);
                var text = typeValue.HasValue ? typeValue.Value as string : EnumMemberName(values.Follow(type.Value, cancellationToken));
                if (text is null || string.Equals(text, "gateway", StringComparison.OrdinalIgnoreCase))
                {
                    return; // Unknown, or a gateway load balancer (no access logs to turn on).
                }
            }

            var name = NameOf(creation, cancellationToken);
            var accessLogs = ResourceCreation.FindInitializerAssignment(args, "AccessLogs");
            if (accessLogs is null)
            {
                ReportEntryPoint(context, creation.Operation.Syntax, "Load balancer '" + name + "' has no AccessLogs, so the requests it receives are not recorded: set AccessLogs = new LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true }");
                return;
            }

            var block = values.FollowUnchanged(accessLogs.Value, EnabledMember, cancellationToken);
            if (block is null)
            {
                return;
            }

            if (block.ConstantValue is { HasValue: true, Value: null })
            {
                ReportEntryPoint(context, Written(accessLogs), "Load balancer '" + name + "' has AccessLogs = null, so the requests it receives are not recorded: set AccessLogs = new LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true }");
                return;
            }

            if (block is not IObjectCreationOperation logs)
            {
                return;
            }

            var enabled = ResourceCreation.FindInitializerAssignment(logs, "Enabled");
            if (enabled is null)
            {
                ReportEntryPoint(context, creation.Operation.Syntax, "Load balancer '" + name + "' sets AccessLogs without Enabled = true, and access logs are off by default: set Enabled = true in AccessLogs");
                return;
            }

            var verdict = FalseInProduction(context, creation, enabled.Value, RuleIds.EntryPointWithoutAccessLogs);
            if (verdict is null)
            {
                return;
            }

            var written = Written(enabled);
            var reason = verdict == "false"
                ? "has AccessLogs.Enabled = false"
                : "has AccessLogs.Enabled = " + written + ", which is false in " + verdict;
            ReportEntryPoint(context, written, "Load balancer '" + name + "' " + reason + ", so the requests it receives are not recorded: set Enabled = true");
        }

        /// <summary>The member of a Pulumi enum written out (<c>Alb.LoadBalancerType.Application</c>); null for anything else.</summary>
        private static string? EnumMemberName(IOperation value) =>
            value is IPropertyReferenceOperation { Property: { IsStatic: true } property }
            && property.ContainingType is { TypeKind: TypeKind.Struct } enumType
            && SymbolEqualityComparer.Default.Equals(property.Type, enumType)
                ? property.Name
                : null;

        /// <summary>
        /// Null when a switch (access logs, alarm actions) is on, or may be on, in production; otherwise "false" for the constant
        /// false, or the production stacks in which the value is false ("the production stack 'prod'"). Stack comparisons are
        /// read by SIA2001's <see cref="ProductionCondition"/>, with the production stacks of <paramref name="ruleId"/>.
        /// </summary>
        private string? FalseInProduction(OperationAnalysisContext context, ResourceCreation creation, IOperation value, string ruleId)
        {
            var cancellationToken = context.CancellationToken;
            var values = _services.Values;
            var constant = values.ResolveBoolean(value, cancellationToken);
            if (constant is not null)
            {
                return constant.Value ? null : "false";
            }

            var stacks = ProductionStacks(context, creation.Operation.Syntax.SyntaxTree, ruleId);
            foreach (var stack in stacks)
            {
                if (ProductionCondition.Evaluate(value, stack, values, cancellationToken) != false)
                {
                    return null;
                }
            }

            var builder = new StringBuilder("the production stack");
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

        /// <summary>CloudFront's <c>LoggingConfig</c>, an API stage's <c>AccessLogSettings</c>: set (to anything but null) is configured.</summary>
        private void AnalyzeRequiredBlock(OperationAnalysisContext context, ResourceCreation creation, ImmutableArray<string> member, string kind, string example)
        {
            var cancellationToken = context.CancellationToken;
            if (!TryGetArgs(creation, member, cancellationToken, out var args))
            {
                return;
            }

            var property = member[0];
            var assignment = ResourceCreation.FindInitializerAssignment(args, property);
            var name = NameOf(creation, cancellationToken);
            if (assignment is null)
            {
                ReportEntryPoint(context, creation.Operation.Syntax, kind + " '" + name + "' has no " + property + ", so the requests it receives are not recorded: set " + example);
                return;
            }

            if (_services.Values.Follow(assignment.Value, cancellationToken).ConstantValue is { HasValue: true, Value: null })
            {
                ReportEntryPoint(context, Written(assignment), kind + " '" + name + "' has " + property + " = null, so the requests it receives are not recorded: set " + example);
            }
        }

        private static void ReportEntryPoint(OperationAnalysisContext context, SyntaxNode location, string message) =>
            context.Report(Diagnostic.Create(Descriptors.EntryPointWithoutAccessLogs, location.GetLocation(), message));

        private ImmutableArray<string> ProductionStacks(OperationAnalysisContext context, SyntaxTree tree, string ruleId)
        {
            if (!_productionStacks.TryGetValue((tree, ruleId), out var stacks))
            {
                var reader = new OptionReader(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), ruleId);
                stacks = reader.Get(SophiaOptions.ProductionStacks);
                if (stacks.IsDefaultOrEmpty)
                {
                    stacks = SophiaOptions.ProductionStacks.Default;
                }

                _productionStacks.TryAdd((tree, ruleId), stacks);
            }

            return stacks;
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>
        /// The args initializer of the creation, followed through a local that none of <paramref name="members"/> is written on
        /// afterwards; null in <paramref name="args"/> when the args are absent or <c>null</c>. False when the args are unknown
        /// or the code is being typed.
        /// </summary>
        private bool TryGetArgs(ResourceCreation creation, ImmutableArray<string> members, CancellationToken cancellationToken, out IObjectCreationOperation? args)
        {
            args = null;
            if (creation.Operation.Syntax.ContainsDiagnostics)
            {
                return false;
            }

            if (creation.ArgsArgument is null)
            {
                return true;
            }

            var followed = _services.Values.FollowUnchanged(creation.ArgsArgument.Value, members, cancellationToken);
            if (followed is null)
            {
                return false;
            }

            if (followed.ConstantValue is { HasValue: true, Value: null })
            {
                return true;
            }

            args = followed as IObjectCreationOperation;
            return args is not null;
        }

        /// <summary>The value as written in the initializer (the assignment's right-hand side, parentheses kept).</summary>
        private static SyntaxNode Written(ISimpleAssignmentOperation assignment) =>
            assignment.Syntax is AssignmentExpressionSyntax syntax ? syntax.Right : assignment.Value.Syntax;

        private string NameOf(ResourceCreation creation, CancellationToken cancellationToken) =>
            creation.NameArgument is null ? "(unnamed)" : _services.Values.ResolveString(creation.NameArgument.Value, cancellationToken).ToDisplayString();
    }
}
