using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Encryption;

/// <summary>
/// The encryption family: S3 buckets without server-side encryption (SIA3001, cross-resource), data stores not encrypted at
/// rest (SIA3002) and data not encrypted in transit (SIA3101). SIA3002 and the ElastiCache/CloudFront parts of SIA3101 are
/// driven by the table in <see cref="EncryptionCheck.All"/>; SQS, load balancer listeners and buckets have their own logic.
/// A missing setting is reported at the resource creation, a wrong one at its value; an unknown value is never a finding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EncryptionAnalyzer : SophiaAnalyzerBase
{
    private static readonly ArgsPath ListenerActionType = new("DefaultActions[].Type");
    private static readonly ArgsPath ListenerRedirectProtocol = new("DefaultActions[].Redirect.Protocol");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.BucketNotEncrypted,
        Descriptors.BucketNotEncryptedLive,
        Descriptors.StoreNotEncrypted,
        Descriptors.TransitNotEncrypted);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var lazyChecks = new Lazy<Dictionary<ISymbol, EncryptionCheck[]>>(() => EncryptionCheck.ByType(services.Symbols)); // in the first callback (SophiaAnalyzerBase)
        var buckets = new BucketEncryption(context.Compilation, services);
        RegisterResourceCreationAction(context, services, (operationContext, creation) =>
        {
            var symbols = services.Symbols;
            var type = creation.Type;
            if (lazyChecks.Value.TryGetValue(type.OriginalDefinition, out var typeChecks))
            {
                AnalyzeChecks(operationContext, creation, typeChecks, services.Values);
            }
            else if (symbols.Is(type, PulumiType.SqsQueue))
            {
                AnalyzeQueue(operationContext, creation, services.Values);
            }
            else if (symbols.Is(type, PulumiType.LbListener) || symbols.Is(type, PulumiType.AlbListener))
            {
                AnalyzeListener(operationContext, creation, services.Values);
            }
            else
            {
                buckets.Analyze(operationContext, creation);
            }
        });

        RegisterCompilationEndAction(context, services, buckets.ReportAtCompilationEnd);
    }

    // ------------------------------------------------------------------ SIA3002 / SIA3101: the table

    private static void AnalyzeChecks(OperationAnalysisContext context, ResourceCreation creation, EncryptionCheck[] checks, ValueResolver values)
    {
        var cancellationToken = context.CancellationToken;
        if (!creation.HasKnownArgs(values, cancellationToken))
        {
            return;
        }

        var args = creation.GetArgsCreation(values, cancellationToken);
        var collector = new CheckCollector(values, cancellationToken);
        foreach (var check in checks)
        {
            collector.Check = check;
            check.Path.Walk(args, values, ref collector, cancellationToken);
        }

        if (collector.Findings is null)
        {
            return;
        }

        Report(context, creation, values, collector.Findings);
    }

    private static void Report(OperationAnalysisContext context, ResourceCreation creation, ValueResolver values, List<CheckFinding> findings)
    {
        var name = NameOf(creation, values, context.CancellationToken);

        // Wrong values: one finding each, at the value.
        foreach (var finding in findings)
        {
            if (finding.Value is null)
            {
                continue;
            }

            var check = finding.Check;
            var properties = finding.Replacement is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(EncryptionFix.Edit, EncryptionFix.Replace)
                    .Add(EncryptionFix.Value, finding.Replacement)
                    .Add(EncryptionFix.Members, check.Companion);
            context.Report(Diagnostic.Create(check.Rule, finding.Value.Syntax.GetLocation(), properties, Message(check, name, finding.Reason)));
        }

        // Missing values: one finding per rule at the creation, with every reason.
        ReportMissing(context, creation, findings, Descriptors.StoreNotEncrypted, name);
        ReportMissing(context, creation, findings, Descriptors.TransitNotEncrypted, name);
    }

    private static void ReportMissing(OperationAnalysisContext context, ResourceCreation creation, List<CheckFinding> findings, DiagnosticDescriptor rule, string name)
    {
        EncryptionCheck? first = null;
        string? reasons = null;
        string? members = null;
        foreach (var finding in findings)
        {
            if (finding.Value is not null || finding.Check.Rule != rule)
            {
                continue;
            }

            first ??= finding.Check;
            reasons = reasons is null ? finding.Reason : reasons + "; " + finding.Reason;
            var add = finding.Check.MembersToAdd;
            if (members is null)
            {
                members = add;
            }
            else if (!members.Contains(add))
            {
                members += "\n" + add;
            }
        }

        if (first is null)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EncryptionFix.Edit, EncryptionFix.Add)
            .Add(EncryptionFix.Members, members);
        context.Report(Diagnostic.Create(rule, creation.Operation.Syntax.GetLocation(), properties, Message(first, name, reasons!)));
    }

    private static object[] Message(EncryptionCheck check, string name, string reason) =>
        check.Rule == Descriptors.StoreNotEncrypted
            ? new object[] { check.Store, name, reason }
            : new object[] { check.Store + " '" + name + "' does not encrypt data in transit: " + reason };

    /// <summary>What one check found that is a finding: a missing value (<see cref="Value"/> null) or a wrong one.</summary>
    private sealed class CheckFinding
    {
        public CheckFinding(EncryptionCheck check, IOperation? value, string reason, string? replacement)
        {
            Check = check;
            Value = value;
            Reason = reason;
            Replacement = replacement;
        }

        public EncryptionCheck Check { get; }

        /// <summary>The wrong value as written in the initializer; null for a missing one.</summary>
        public IOperation? Value { get; }

        public string Reason { get; }

        /// <summary>The expression the fix writes instead of the value; null when there is no single-edit fix.</summary>
        public string? Replacement { get; }
    }

    /// <summary>Judges the hits of a check's path walk; allocates only when there is a finding.</summary>
    private struct CheckCollector : IArgsPathVisitor
    {
        private readonly ValueResolver _values;
        private readonly CancellationToken _cancellationToken;

        public CheckCollector(ValueResolver values, CancellationToken cancellationToken)
        {
            _values = values;
            _cancellationToken = cancellationToken;
            Check = null!;
            Findings = null;
        }

        public EncryptionCheck Check { get; set; }

        public List<CheckFinding>? Findings { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            var check = Check;
            switch (hit.Kind)
            {
                case ArgsPathHitKind.Missing when check.MissingIsFinding && !check.Path.IsList(hit.Depth):
                    Add(new CheckFinding(check, null, check.MissingReason(hit.Depth, hit.ListIndex), null));
                    return;
                case ArgsPathHitKind.Null when check.MissingIsFinding && !check.Path.IsList(hit.Depth):
                    // An explicit null block: reported at the value, without a fix (the block's type would have to be written).
                    var shown = check.Path.Display(hit.Depth, hit.ListIndex) + " is null";
                    Add(new CheckFinding(check, hit.Assignment!.Value, shown + " (set " + check.Path.Display(check.Path.Length - 1, hit.ListIndex) + " = " + check.Fix + ")", null));
                    return;
                case ArgsPathHitKind.Value:
                    JudgeValue(check, hit);
                    return;
                default:
                    return;
            }
        }

        private void JudgeValue(EncryptionCheck check, in ArgsPathHit hit)
        {
            var value = hit.Assignment!.Value;
            var constant = _values.ResolveConstant(value, _cancellationToken);
            if (!constant.HasValue)
            {
                return;
            }

            string? shown = null;
            switch (check.Expectation)
            {
                case Expectation.True:
                    shown = constant.Value switch
                    {
                        false => "false",
                        null => "null",
                        _ => null,
                    };
                    break;
                case Expectation.NotFalseText:
                    shown = constant.Value is string text && string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? "\"" + text + "\"" : null;
                    break;
                case Expectation.Set:
                    shown = constant.Value switch
                    {
                        null => "null",
                        string { Length: 0 } => "empty",
                        _ => null,
                    };
                    break;
                case Expectation.NotForbidden:
                    shown = constant.Value is string forbidden && string.Equals(forbidden, check.Forbidden, StringComparison.OrdinalIgnoreCase) ? "\"" + forbidden + "\"" : null;
                    break;
            }

            if (shown is not null)
            {
                Add(new CheckFinding(check, value, check.WrongReason(hit.ListIndex, shown), check.Fix));
            }
        }

        private void Add(CheckFinding finding) => (Findings ??= new List<CheckFinding>()).Add(finding);
    }

    // ------------------------------------------------------------------ SIA3002: SQS

    private static void AnalyzeQueue(OperationAnalysisContext context, ResourceCreation creation, ValueResolver values)
    {
        // Queues are encrypted with SQS-managed keys by default: only SqsManagedSseEnabled = false without a KMS key is a finding.
        var cancellationToken = context.CancellationToken;
        var managed = creation.FindArgsAssignment("SqsManagedSseEnabled", values, cancellationToken);
        if (managed is null || values.ResolveBoolean(managed.Value, cancellationToken) != false)
        {
            return;
        }

        var kms = creation.FindArgsAssignment("KmsMasterKeyId", values, cancellationToken);
        if (kms is not null)
        {
            var key = values.ResolveConstant(kms.Value, cancellationToken);
            if (!key.HasValue || key.Value is string { Length: > 0 })
            {
                return;
            }
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EncryptionFix.Edit, EncryptionFix.Replace)
            .Add(EncryptionFix.Value, "true");
        context.Report(Diagnostic.Create(
            Descriptors.StoreNotEncrypted,
            managed.Value.Syntax.GetLocation(),
            properties,
            "SQS queue",
            NameOf(creation, values, cancellationToken),
            "SqsManagedSseEnabled is false and no KmsMasterKeyId is set (set SqsManagedSseEnabled = true, or a KmsMasterKeyId)"));
    }

    // ------------------------------------------------------------------ SIA3101: load balancer listeners

    private static void AnalyzeListener(OperationAnalysisContext context, ResourceCreation creation, ValueResolver values)
    {
        var cancellationToken = context.CancellationToken;
        if (!creation.HasKnownArgs(values, cancellationToken))
        {
            return;
        }

        var args = creation.GetArgsCreation(values, cancellationToken);
        IOperation? explicitHttp = null;
        var protocol = ResourceCreation.FindInitializerAssignment(args, "Protocol");
        var protocolValue = protocol is null ? default : values.ResolveConstant(protocol.Value, cancellationToken);
        if (protocol is not null && !protocolValue.HasValue)
        {
            return;
        }

        if (protocolValue.HasValue && protocolValue.Value is not null)
        {
            if (protocolValue.Value is not string text || !string.Equals(text, "HTTP", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            explicitHttp = protocol!.Value;
        }
        else
        {
            // No protocol: AWS uses HTTPS when a certificate is set, HTTP otherwise.
            var certificate = ResourceCreation.FindInitializerAssignment(args, "CertificateArn");
            if (certificate is not null && values.ResolveConstant(certificate.Value, cancellationToken) is not { HasValue: true, Value: null })
            {
                return;
            }
        }

        var redirect = new RedirectCollector(values, cancellationToken, https: false);
        ListenerActionType.Walk(args, values, ref redirect, cancellationToken);
        redirect.Https = true;
        ListenerRedirectProtocol.Walk(args, values, ref redirect, cancellationToken);
        if (redirect.Unknown || (redirect.Redirects & redirect.ToHttps) != 0)
        {
            return;
        }

        var name = NameOf(creation, values, cancellationToken);
        var how = explicitHttp is null ? "no Protocol and no CertificateArn" : "Protocol = \"HTTP\"";
        var message = "Load balancer listener '" + name + "' serves plain HTTP (" + how + ") and its default action does not redirect to HTTPS: "
            + "use Protocol = \"HTTPS\" with a CertificateArn, or make the default action a redirect to HTTPS";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(EncryptionFix.Edit, EncryptionFix.Redirect);
        var location = (explicitHttp ?? creation.Operation).Syntax.GetLocation();
        context.Report(Diagnostic.Create(Descriptors.TransitNotEncrypted, location, properties, message));
    }

    /// <summary>Which default actions are redirects (first walk) and which redirect to HTTPS (second walk), as bit masks.</summary>
    private struct RedirectCollector : IArgsPathVisitor
    {
        private readonly ValueResolver _values;
        private readonly CancellationToken _cancellationToken;

        public RedirectCollector(ValueResolver values, CancellationToken cancellationToken, bool https)
        {
            _values = values;
            _cancellationToken = cancellationToken;
            Https = https;
            Unknown = false;
            Redirects = 0;
            ToHttps = 0;
        }

        /// <summary>False while walking <c>Type</c>, true while walking <c>Redirect.Protocol</c>.</summary>
        public bool Https { get; set; }

        public bool Unknown { get; private set; }

        public ulong Redirects { get; private set; }

        public ulong ToHttps { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            if (hit.Kind == ArgsPathHitKind.Unknown || hit.ListIndex >= 64)
            {
                Unknown = true;
                return;
            }

            if (hit.Kind != ArgsPathHitKind.Value)
            {
                return;
            }

            var value = _values.ResolveConstant(hit.Assignment!.Value, _cancellationToken);
            if (!value.HasValue)
            {
                Unknown = true;
                return;
            }

            var text = value.Value as string;
            var bit = 1UL << hit.ListIndex;
            if (!Https && string.Equals(text, "redirect", StringComparison.OrdinalIgnoreCase))
            {
                Redirects |= bit;
            }
            else if (Https && string.Equals(text, "HTTPS", StringComparison.OrdinalIgnoreCase))
            {
                ToHttps |= bit;
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>The resource's name for messages: its resolved text, with <c>{stack}</c> and <c>{expression}</c> for what is not known.</summary>
    internal static string NameOf(ResourceCreation creation, ValueResolver values, CancellationToken cancellationToken) =>
        creation.NameArgument is null ? "(unnamed)" : values.ResolveString(creation.NameArgument.Value, cancellationToken).ToDisplayString();
}
