using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.CodeFixes.Rules.Encryption;

namespace Sophia.Infra.CodeFixes.Rules.Network;

/// <summary>
/// SIA5003: writes <c>PubliclyAccessible = false</c> in place of the value that makes the database reachable from the
/// internet, through the generic value edit the encryption fixes share (<see cref="EncryptionCodeFixBase"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PublicDatabaseCodeFix)), Shared]
public sealed class PublicDatabaseCodeFix : EncryptionCodeFixBase
{
    public const string Key = "Sophia.MakeDatabasePrivate";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PublicDatabase);

    protected override string Title => "Set PubliclyAccessible = false";

    protected override string EquivalenceKey => Key;
}
