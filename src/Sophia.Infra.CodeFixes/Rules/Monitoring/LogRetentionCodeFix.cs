using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.CodeFixes.Rules.Encryption;

namespace Sophia.Infra.CodeFixes.Rules.Monitoring;

/// <summary>
/// SIA7001: gives a log group a retention — adds <c>RetentionInDays = N</c> to its args (writing the args when there are
/// none), or replaces a <c>0</c>/<c>null</c> with N, where N is <c>sophia_infra.logs.retention_days</c> (default 30), as the
/// analyzer passes it in the finding's properties. The edits are the shared args edits of the encryption fixes
/// (<see cref="EncryptionEdits"/>: add members along a path, replace a value); Fix All is one editor pass per document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LogRetentionCodeFix)), Shared]
public sealed class LogRetentionCodeFix : CodeFixProvider
{
    public const string Key = "Sophia.SetLogRetention";

    private const string Title = "Set RetentionInDays";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LogGroupWithoutRetention);

    public override FixAllProvider GetFixAllProvider() => new FixAll();

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!EncryptionEdits.CanFix(diagnostic))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => EncryptionEdits.FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    Key),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private sealed class FixAll : Infrastructure.DocumentBasedFixAllProvider
    {
        protected override string Title => LogRetentionCodeFix.Title;

        protected override Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            EncryptionEdits.FixAsync(document, diagnostics, context.CancellationToken);
    }
}
