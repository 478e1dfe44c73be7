using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Sophia.Infra.Analyzers.Catalog;

namespace Sophia.Infra.CodeFixes.Rules.Encryption;

/// <summary>SIA3002: turns encryption at rest on — sets the flag to true (adds it, or replaces false), or sets a KMS key.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StoreEncryptionCodeFix)), Shared]
public sealed class StoreEncryptionCodeFix : EncryptionCodeFixBase
{
    public const string Key = "Sophia.EncryptAtRest";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.StoreNotEncrypted);

    protected override string Title => "Encrypt at rest";

    protected override string EquivalenceKey => Key;
}
