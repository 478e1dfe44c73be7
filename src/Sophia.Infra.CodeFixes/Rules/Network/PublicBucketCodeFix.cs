using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.CodeFixes.Rules.Encryption;

namespace Sophia.Infra.CodeFixes.Rules.Network;

/// <summary>
/// SIA5002: makes S3 private again — a public canned ACL becomes <c>"private"</c>, a public access block flag that is
/// <c>false</c> becomes <c>true</c>, and the flags that are not set are added as <c>true</c>. The edits are the generic
/// value and member edits the encryption fixes share (<see cref="EncryptionCodeFixBase"/>), driven by the finding's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PublicBucketCodeFix)), Shared]
public sealed class PublicBucketCodeFix : EncryptionCodeFixBase
{
    public const string Key = "Sophia.MakeS3Private";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PublicBucket);

    protected override string Title => "Make S3 private";

    protected override string EquivalenceKey => Key;
}
