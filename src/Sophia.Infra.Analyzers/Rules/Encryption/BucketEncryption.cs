using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Encryption;

/// <summary>
/// SIA3001 for one compilation, on the shared <see cref="BucketCompanions"/> mechanism. A bucket is encrypted by its inline
/// <c>ServerSideEncryptionConfiguration(s)</c>, or by a <c>BucketServerSideEncryptionConfiguration(V2)</c> bound to it.
/// Findings found from the bucket's own file use <see cref="Descriptors.BucketNotEncryptedLive"/>, the others
/// <see cref="Descriptors.BucketNotEncrypted"/>.
/// </summary>
internal sealed class BucketEncryption : BucketCompanions
{
    private static readonly CompanionMention ConfigurationMention = new("BucketServerSideEncryptionConfiguration");
    private static readonly ArgsPath InlineAlgorithm = new("ServerSideEncryptionConfiguration.Rule.ApplyServerSideEncryptionByDefault.SseAlgorithm");
    private static readonly ArgsPath ConfigurationAlgorithm = new("Rules[].ApplyServerSideEncryptionByDefault.SseAlgorithm");

    public BucketEncryption(Compilation compilation, AnalysisServices services)
        : base(compilation, services, ConfigurationMention)
    {
    }

    protected override bool IsCompanion(ITypeSymbol? type) =>
        Symbols.Is(type, PulumiType.S3BucketServerSideEncryptionConfiguration) || Symbols.Is(type, PulumiType.S3BucketServerSideEncryptionConfigurationV2);

    protected override bool IsSatisfiedInline(OperationAnalysisContext context, ResourceCreation creation, IObjectCreationOperation args, bool isV2)
    {
        var cancellationToken = context.CancellationToken;
        if (isV2)
        {
            // BucketV2 (deprecated): the plural list ServerSideEncryptionConfigurations; its nested shape is not judged.
            return ResourceCreation.FindMemberInitializer(args, "ServerSideEncryptionConfigurations") is { Initializer.Initializers.IsEmpty: false }
                || IsSetToNonNull(ResourceCreation.FindInitializerAssignment(args, "ServerSideEncryptionConfigurations"), cancellationToken);
        }

        if (IsSetToNonNull(ResourceCreation.FindInitializerAssignment(args, "ServerSideEncryptionConfiguration"), cancellationToken))
        {
            ReportAes256(context, InlineAlgorithm, args, creation, cancellationToken);
            return true;
        }

        return false;
    }

    protected override void AnalyzeCompanion(OperationAnalysisContext context, ResourceCreation creation)
    {
        var cancellationToken = context.CancellationToken;
        if (creation.HasKnownArgs(Values, cancellationToken))
        {
            ReportAes256(context, ConfigurationAlgorithm, creation.GetArgsCreation(Values, cancellationToken), creation, cancellationToken);
        }
    }

    protected override void Report(Action<Diagnostic> report, bool live, ResourceCreation bucket, CancellationToken cancellationToken)
    {
        var name = EncryptionAnalyzer.NameOf(bucket, Values, cancellationToken);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(EncryptionFix.Edit, EncryptionFix.AddConfiguration);
        report(Diagnostic.Create(
            live ? Descriptors.BucketNotEncryptedLive : Descriptors.BucketNotEncrypted,
            bucket.Operation.Syntax.GetLocation(),
            properties,
            name,
            "has no server-side encryption configuration: add a BucketServerSideEncryptionConfiguration whose Bucket is this bucket (SSE-KMS, \"aws:kms\")"));
    }

    // ------------------------------------------------------------------ require_kms: AES256 at the value

    private void ReportAes256(OperationAnalysisContext context, ArgsPath path, IObjectCreationOperation? args, ResourceCreation creation, CancellationToken cancellationToken)
    {
        if (args is null)
        {
            return;
        }

        var collector = new Aes256Collector(Values, cancellationToken);
        path.Walk(args, Values, ref collector, cancellationToken);
        if (collector.Values is null)
        {
            return;
        }

        var tree = creation.Operation.Syntax.SyntaxTree;
        var options = new OptionReader(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), RuleIds.BucketNotEncrypted);
        if (!options.Get(SophiaOptions.S3RequireKms))
        {
            return;
        }

        var name = BucketNameFor(creation, cancellationToken);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EncryptionFix.Edit, EncryptionFix.Replace)
            .Add(EncryptionFix.Value, "\"aws:kms\"");
        foreach (var value in collector.Values)
        {
            context.Report(Diagnostic.Create(
                Descriptors.BucketNotEncryptedLive,
                value.Syntax.GetLocation(),
                properties,
                name,
                "uses SSE-S3 (\"AES256\") but sophia_infra.s3.require_kms requires SSE-KMS: use \"aws:kms\""));
        }
    }

    private struct Aes256Collector : IArgsPathVisitor
    {
        private readonly ValueResolver _resolver;
        private readonly CancellationToken _cancellationToken;

        public Aes256Collector(ValueResolver resolver, CancellationToken cancellationToken)
        {
            _resolver = resolver;
            _cancellationToken = cancellationToken;
            Values = null;
        }

        public List<IOperation>? Values { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            if (hit.Kind == ArgsPathHitKind.Value
                && _resolver.ResolveConstant(hit.Assignment!.Value, _cancellationToken) is { HasValue: true, Value: string algorithm }
                && string.Equals(algorithm, "AES256", StringComparison.OrdinalIgnoreCase))
            {
                (Values ??= new List<IOperation>()).Add(hit.Assignment.Value);
            }
        }
    }
}
