using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Sophia.Infra.CodeFixes.Rules.Encryption;

/// <summary>
/// The shape of the SIA3002 and SIA3101 fixes: one code action per finding that carries an edit (see
/// <see cref="EncryptionEdits"/>), and Fix All as one editor pass per document, because several findings can sit in one
/// initializer (a missing root device and a false EBS device of one instance).
/// </summary>
public abstract class EncryptionCodeFixBase : CodeFixProvider
{
    /// <summary>The title of the code action.</summary>
    protected abstract string Title { get; }

    /// <summary>The equivalence key of the code action (a public constant of the fix).</summary>
    protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() => new FixAll(Title);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!EncryptionEdits.CanFix(diagnostic)
                || (diagnostic.Properties.TryGetValue(Sophia.Infra.Analyzers.Rules.Encryption.EncryptionFix.Edit, out var edit)
                    && edit == Sophia.Infra.Analyzers.Rules.Encryption.EncryptionFix.AddVersioning
                    && !BucketCompanionEdits.CanInsert(root, diagnostic)))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => EncryptionEdits.FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private sealed class FixAll : Infrastructure.DocumentBasedFixAllProvider
    {
        public FixAll(string title) => Title = title;

        protected override string Title { get; }

        protected override Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            EncryptionEdits.FixAsync(document, diagnostics, context.CancellationToken);
    }
}
