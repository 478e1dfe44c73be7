using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.Analyzers.Rules.Protection;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Rollback;

/// <summary>
/// SIA2002: production data that a bad change cannot be rolled back from. An RDS instance or cluster whose
/// <c>BackupRetentionPeriod</c> is 0, or whose <c>SkipFinalSnapshot</c> is true, in a production stack; a DynamoDB table
/// whose <c>PointInTimeRecovery.Enabled</c> is not true in a production stack. "In a production stack" is read as SIA2001
/// reads <c>Protect</c> (<see cref="ProductionCondition"/>, the stacks of <c>sophia_infra.production_stacks</c>):
/// <c>stack == "prod" ? 7 : 0</c> and <c>SkipFinalSnapshot = stack != "prod"</c> are fine. A wrong value is reported at the
/// value (each its own finding), a missing recovery setting at the creation; unknown values are silent. An S3 bucket (any
/// stack) without versioning: see <see cref="BucketVersioning"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataRecoveryAnalyzer : SophiaAnalyzerBase
{
    private static readonly ArgsPath PointInTimeRecovery = new("PointInTimeRecovery.Enabled");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DataNotRecoverable, Descriptors.DataNotRecoverableLive);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var buckets = new BucketVersioning(context.Compilation, services);
        RegisterResourceCreationAction(context, services, (operationContext, creation) =>
        {
            var symbols = services.Symbols;
            var type = creation.Type;
            if (symbols.Is(type, PulumiType.RdsInstance))
            {
                AnalyzeDatabase(operationContext, creation, services.Values, "RDS instance");
            }
            else if (symbols.Is(type, PulumiType.RdsCluster))
            {
                AnalyzeDatabase(operationContext, creation, services.Values, "RDS cluster");
            }
            else if (symbols.Is(type, PulumiType.DynamoDbTable))
            {
                AnalyzeTable(operationContext, creation, services.Values);
            }
            else
            {
                buckets.Analyze(operationContext, creation);
            }
        });

        RegisterCompilationEndAction(context, services, buckets.ReportAtCompilationEnd);
    }

    private static void AnalyzeDatabase(OperationAnalysisContext context, ResourceCreation creation, ValueResolver values, string store)
    {
        var cancellationToken = context.CancellationToken;
        var retention = creation.FindArgsAssignment("BackupRetentionPeriod", values, cancellationToken);
        var skip = creation.FindArgsAssignment("SkipFinalSnapshot", values, cancellationToken);
        if (retention is null && skip is null)
        {
            return; // AWS's defaults keep a day of backups and take a final snapshot.
        }

        var stacks = ProductionStacks(context, creation);
        if (retention is not null && ProductionStackWhere(retention.Value, stacks, values, cancellationToken, static value => value is int days && days == 0) is { } zeroIn)
        {
            Report(context, retention.Value, "7", store, creation, values,
                "keeps no automated backups in production: BackupRetentionPeriod is 0 in stack '" + zeroIn + "', so a bad change cannot be rolled back to an earlier state (set BackupRetentionPeriod = 7, or more)");
        }

        if (skip is not null && ProductionStackWhere(skip.Value, stacks, values, cancellationToken, static value => value is true) is { } skippedIn)
        {
            Report(context, skip.Value, EncryptionFix.StackName + " != \"" + stacks[0] + "\"", store, creation, values,
                "is deleted without a final snapshot in production: SkipFinalSnapshot is true in stack '" + skippedIn + "' (write SkipFinalSnapshot = stack != \"" + stacks[0] + "\")");
        }
    }

    private static void AnalyzeTable(OperationAnalysisContext context, ResourceCreation creation, ValueResolver values)
    {
        var cancellationToken = context.CancellationToken;
        if (!creation.HasKnownArgs(values, cancellationToken))
        {
            return;
        }

        var collector = new RecoveryCollector();
        PointInTimeRecovery.Walk(creation.GetArgsCreation(values, cancellationToken), values, ref collector, cancellationToken);
        if (collector.Unknown)
        {
            return;
        }

        if (collector.Missing)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(EncryptionFix.Edit, EncryptionFix.Add)
                .Add(EncryptionFix.Members, "PointInTimeRecovery.Enabled=true");
            context.Report(Diagnostic.Create(
                Descriptors.DataNotRecoverableLive,
                creation.Operation.Syntax.GetLocation(),
                properties,
                Message("DynamoDB table", creation, values, cancellationToken,
                    "has no point-in-time recovery: PointInTimeRecovery is not set, so a bad write cannot be undone (set PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true })")));
            return;
        }

        if (collector.Value is { } enabled
            && ProductionStackWhere(enabled, ProductionStacks(context, creation), values, cancellationToken, static value => value is false) is { } offIn)
        {
            Report(context, enabled, "true", "DynamoDB table", creation, values,
                "has no point-in-time recovery in production: PointInTimeRecovery.Enabled is false in stack '" + offIn + "', so a bad write cannot be undone (set Enabled = true)");
        }
    }

    /// <summary>
    /// The first production stack when <paramref name="value"/> provably holds a value <paramref name="isWrong"/> accepts in
    /// every production stack; null otherwise. As for SIA2001's <c>Protect</c>, a value that is right in any one production
    /// stack (<c>SkipFinalSnapshot = stack != "prod"</c> with <c>prod,prod-eu</c>) or unknown is not a finding.
    /// </summary>
    private static string? ProductionStackWhere(IOperation value, ImmutableArray<string> stacks, ValueResolver values, CancellationToken cancellationToken, System.Func<object?, bool> isWrong)
    {
        foreach (var stack in stacks)
        {
            if (ProductionCondition.ValueIn(value, stack, values, cancellationToken) is not { HasValue: true } known || !isWrong(known.Value))
            {
                return null;
            }
        }

        return stacks[0];
    }

    private static ImmutableArray<string> ProductionStacks(OperationAnalysisContext context, ResourceCreation creation) =>
        ProductionCondition.ProductionStacks(new OptionReader(
            context.Options.AnalyzerConfigOptionsProvider.GetOptions(creation.Operation.Syntax.SyntaxTree), RuleIds.DataNotRecoverable));

    private static void Report(OperationAnalysisContext context, IOperation value, string replacement, string store, ResourceCreation creation, ValueResolver values, string reason)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EncryptionFix.Edit, EncryptionFix.Replace)
            .Add(EncryptionFix.Value, replacement);
        var written = ValueResolver.Unwrap(value).Syntax;
        var location = written.SyntaxTree == creation.Operation.Syntax.SyntaxTree ? written.GetLocation() : creation.Operation.Syntax.GetLocation();
        context.Report(Diagnostic.Create(Descriptors.DataNotRecoverableLive, location, properties, Message(store, creation, values, context.CancellationToken, reason)));
    }

    private static string Message(string store, ResourceCreation creation, ValueResolver values, CancellationToken cancellationToken, string reason) =>
        store + " '" + EncryptionAnalyzer.NameOf(creation, values, cancellationToken) + "' " + reason;

    private struct RecoveryCollector : IArgsPathVisitor
    {
        public bool Missing { get; private set; }

        public bool Unknown { get; private set; }

        public IOperation? Value { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            switch (hit.Kind)
            {
                case ArgsPathHitKind.Missing:
                case ArgsPathHitKind.Null:
                    Missing = true;
                    break;
                case ArgsPathHitKind.Value:
                    Value = hit.Assignment!.Value;
                    break;
                default:
                    Unknown = true;
                    break;
            }
        }
    }
}
