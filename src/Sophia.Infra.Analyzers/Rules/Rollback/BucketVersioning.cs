using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Rollback;

/// <summary>
/// SIA2002 for the buckets of one compilation, on the mechanism SIA3001 uses (<see cref="BucketCompanions"/>). A bucket
/// (<c>Bucket</c>, <c>BucketV2</c>, in any stack) is versioned by its inline <c>Versioning.Enabled = true</c> (the list
/// <c>Versionings</c> of <c>BucketV2</c> likewise), or by a <c>BucketVersioning(V2)</c> anywhere in the compilation whose
/// <c>Bucket</c> is bound to it. A versioning resource whose <c>VersioningConfiguration.Status</c> is a known value other than
/// <c>"Enabled"</c> is reported at that value (and not again at its bucket). Unknown values are silent.
/// </summary>
internal sealed class BucketVersioning : BucketCompanions
{
    private static readonly CompanionMention VersioningMention = new("BucketVersioning");
    private static readonly ArgsPath InlineEnabled = new("Versioning.Enabled");
    private static readonly ArgsPath InlineEnabledV2 = new("Versionings[].Enabled");
    private static readonly ArgsPath Status = new("VersioningConfiguration.Status");

    public BucketVersioning(Compilation compilation, AnalysisServices services)
        : base(compilation, services, VersioningMention)
    {
    }

    protected override bool IsCompanion(ITypeSymbol? type) =>
        Symbols.Is(type, PulumiType.S3BucketVersioning) || Symbols.Is(type, PulumiType.S3BucketVersioningV2);

    protected override bool IsSatisfiedInline(OperationAnalysisContext context, ResourceCreation creation, IObjectCreationOperation args, bool isV2)
    {
        var collector = new EnabledCollector(Values, context.CancellationToken);
        (isV2 ? InlineEnabledV2 : InlineEnabled).Walk(args, Values, ref collector, context.CancellationToken);
        return collector.EnabledOrUnknown;
    }

    protected override void AnalyzeCompanion(OperationAnalysisContext context, ResourceCreation creation)
    {
        var cancellationToken = context.CancellationToken;
        if (!creation.HasKnownArgs(Values, cancellationToken))
        {
            return;
        }

        var collector = new StatusCollector(Values, cancellationToken);
        Status.Walk(creation.GetArgsCreation(Values, cancellationToken), Values, ref collector, cancellationToken);
        if (collector.Wrong is not { } wrong)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EncryptionFix.Edit, EncryptionFix.Replace)
            .Add(EncryptionFix.Value, "\"Enabled\"");
        context.Report(Diagnostic.Create(
            Descriptors.DataNotRecoverableLive,
            ValueResolver.Unwrap(wrong.Value).Syntax.GetLocation(),
            properties,
            "S3 bucket '" + BucketNameFor(creation, cancellationToken) + "' is not versioned: its versioning status is \"" + wrong.Status
                + "\", so an overwritten or deleted object cannot be restored (write Status = \"Enabled\")"));
    }

    protected override void Report(Action<Diagnostic> report, bool live, ResourceCreation bucket, CancellationToken cancellationToken)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(EncryptionFix.Edit, EncryptionFix.AddVersioning);
        report(Diagnostic.Create(
            live ? Descriptors.DataNotRecoverableLive : Descriptors.DataNotRecoverable,
            bucket.Operation.Syntax.GetLocation(),
            properties,
            "S3 bucket '" + EncryptionAnalyzer.NameOf(bucket, Values, cancellationToken)
                + "' is not versioned, so an overwritten or deleted object cannot be restored: add a BucketVersioning whose Bucket is this bucket, with VersioningConfiguration.Status = \"Enabled\""));
    }

    /// <summary>True when some inline <c>Enabled</c> is true or unknown (a list or args from elsewhere counts as unknown).</summary>
    private struct EnabledCollector : IArgsPathVisitor
    {
        private readonly ValueResolver _resolver;
        private readonly CancellationToken _cancellationToken;

        public EnabledCollector(ValueResolver resolver, CancellationToken cancellationToken)
        {
            _resolver = resolver;
            _cancellationToken = cancellationToken;
            EnabledOrUnknown = false;
        }

        public bool EnabledOrUnknown { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            switch (hit.Kind)
            {
                case ArgsPathHitKind.Missing:
                case ArgsPathHitKind.Null:
                    break;
                case ArgsPathHitKind.Value:
                    if (_resolver.ResolveConstant(hit.Assignment!.Value, _cancellationToken) is not { HasValue: true, Value: false })
                    {
                        EnabledOrUnknown = true;
                    }

                    break;
                default:
                    EnabledOrUnknown = true;
                    break;
            }
        }
    }

    /// <summary>The first status that is a known string other than <c>Enabled</c>.</summary>
    private struct StatusCollector : IArgsPathVisitor
    {
        private readonly ValueResolver _resolver;
        private readonly CancellationToken _cancellationToken;

        public StatusCollector(ValueResolver resolver, CancellationToken cancellationToken)
        {
            _resolver = resolver;
            _cancellationToken = cancellationToken;
            Wrong = null;
        }

        public (IOperation Value, string Status)? Wrong { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            if (Wrong is null
                && hit.Kind == ArgsPathHitKind.Value
                && _resolver.ResolveConstant(hit.Assignment!.Value, _cancellationToken) is { HasValue: true, Value: string status }
                && !string.Equals(status, "Enabled", StringComparison.Ordinal))
            {
                Wrong = (hit.Assignment.Value, status);
            }
        }
    }
}
