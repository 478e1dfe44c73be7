using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Sophia.Infra.Analyzers.Catalog;

namespace Sophia.Infra.CodeFixes.Rules.Encryption;

/// <summary>
/// SIA3101, where one edit is well defined: a plain HTTP listener's default action becomes a redirect to HTTPS, ElastiCache's
/// TransitEncryptionEnabled becomes true, CloudFront's "allow-all" becomes "redirect-to-https".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransitEncryptionCodeFix)), Shared]
public sealed class TransitEncryptionCodeFix : EncryptionCodeFixBase
{
    public const string Key = "Sophia.EncryptInTransit";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TransitNotEncrypted);

    protected override string Title => "Encrypt in transit";

    protected override string EquivalenceKey => Key;
}
