using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Sophia.Infra.CodeFixes.Infrastructure;

/// <summary>
/// Fix All for fixes that may touch the same node more than once in a document (two findings in one initializer, several
/// statements inserted after one another): each document is fixed in one pass over all of its diagnostics, so that edits
/// never conflict. Used in document, project and solution scope.
/// </summary>
public abstract class DocumentBasedFixAllProvider : FixAllProvider
{
    /// <summary>The title of the Fix All action.</summary>
    protected abstract string Title { get; }

    /// <summary>Fixes every diagnostic of <paramref name="diagnostics"/> in <paramref name="document"/>; returns the new document (or the same one).</summary>
    protected abstract Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics);

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var action = CodeAction.Create(Title, cancellationToken => FixAllAsync(fixAllContext), fixAllContext.CodeActionEquivalenceKey);
        return Task.FromResult<CodeAction?>(action);
    }

    private async Task<Solution> FixAllAsync(FixAllContext context)
    {
        var solution = context.Solution;
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => ImmutableArray.Create(context.Document),
            FixAllScope.Project => context.Project.Documents.ToImmutableArray(),
            FixAllScope.Solution => context.Solution.Projects.SelectMany(static p => p.Documents).ToImmutableArray(),
            _ => ImmutableArray<Document>.Empty,
        };

        foreach (var document in documents)
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            var current = solution.GetDocument(document.Id);
            if (current is null)
            {
                continue;
            }

            var fixedDocument = await FixAllInDocumentAsync(context, current, diagnostics).ConfigureAwait(false);
            var root = await fixedDocument.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is not null)
            {
                solution = solution.WithDocumentSyntaxRoot(document.Id, root);
            }
        }

        return solution;
    }
}
