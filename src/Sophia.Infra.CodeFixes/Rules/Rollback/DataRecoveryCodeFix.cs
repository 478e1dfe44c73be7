using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.CodeFixes.Rules.Encryption;

namespace Sophia.Infra.CodeFixes.Rules.Rollback;

/// <summary>
/// SIA2002: keeps production data recoverable — <c>BackupRetentionPeriod = 7</c>, <c>SkipFinalSnapshot = stack != "prod"</c>,
/// <c>PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true }</c> (or <c>Enabled = true</c>). The edits are
/// the args edits of the encryption fixes (replace a value, add a nested member), driven by the finding's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DataRecoveryCodeFix)), Shared]
public sealed class DataRecoveryCodeFix : EncryptionCodeFixBase
{
    public const string Key = "Sophia.KeepDataRecoverable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DataNotRecoverable);

    protected override string Title => "Keep the data recoverable";

    protected override string EquivalenceKey => Key;
}
