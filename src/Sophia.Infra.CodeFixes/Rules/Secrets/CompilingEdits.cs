using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Sophia.Infra.CodeFixes.Rules.Secrets;

/// <summary>
/// Rewrites one node per diagnostic and keeps a rewrite only when the document then has no more compiler errors than
/// before: switching a read to its secret variant changes its type (<c>string</c> to <c>Output&lt;string&gt;</c>), which
/// only some uses accept. Fix All applies the rewrites one after the other, each checked on the document as it stands.
/// </summary>
internal static class CompilingEdits
{
    /// <summary>Rewrites <paramref name="node"/> (a node of <paramref name="model"/>'s tree); null when no rewrite applies.</summary>
    public delegate SyntaxNode? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken);

    /// <summary>The document with every rewrite that compiles applied, or null when none does.</summary>
    public static async Task<Document?> ApplyAsync(
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        Func<SyntaxNode, Diagnostic, SyntaxNode?> findNode,
        Rewrite rewrite,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        // Mark each target first: spans move as earlier rewrites are applied.
        var targets = new List<(SyntaxAnnotation Annotation, Diagnostic Diagnostic)>();
        var marked = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics.OrderBy(static d => d.Location.SourceSpan.Start))
        {
            var node = findNode(root, diagnostic);
            if (node is null || marked.ContainsKey(node))
            {
                continue;
            }

            var annotation = new SyntaxAnnotation();
            marked.Add(node, annotation);
            targets.Add((annotation, diagnostic));
        }

        if (targets.Count == 0)
        {
            return null;
        }

        root = root.ReplaceNodes(marked.Keys, (original, current) => current.WithAdditionalAnnotations(marked[original]));
        var current = document.WithSyntaxRoot(root);
        var baseline = await ErrorCountAsync(current, cancellationToken).ConfigureAwait(false);
        var changed = false;
        foreach (var (annotation, diagnostic) in targets)
        {
            var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await current.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var node = currentRoot?.GetAnnotatedNodes(annotation).FirstOrDefault();
            if (currentRoot is null || model is null || node is null)
            {
                continue;
            }

            var replacement = rewrite(node, diagnostic, model, cancellationToken);
            if (replacement is null)
            {
                continue;
            }

            var candidate = current.WithSyntaxRoot(currentRoot.ReplaceNode(node, replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation)));
            candidate = await Simplifier.ReduceAsync(candidate, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (await ErrorCountAsync(candidate, cancellationToken).ConfigureAwait(false) <= baseline)
            {
                current = candidate;
                changed = true;
            }
        }

        return changed ? current : null;
    }

    private static async Task<int> ErrorCountAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return int.MaxValue;
        }

        var count = 0;
        foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Fix All over <see cref="ApplyAsync"/>, one document at a time.</summary>
    internal sealed class FixAll : Infrastructure.DocumentBasedFixAllProvider
    {
        private readonly string _title;
        private readonly Func<SyntaxNode, Diagnostic, SyntaxNode?> _findNode;
        private readonly Rewrite _rewrite;

        public FixAll(string title, Func<SyntaxNode, Diagnostic, SyntaxNode?> findNode, Rewrite rewrite)
        {
            _title = title;
            _findNode = findNode;
            _rewrite = rewrite;
        }

        protected override string Title => _title;

        protected override async Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await ApplyAsync(document, diagnostics, _findNode, _rewrite, context.CancellationToken).ConfigureAwait(false) ?? document;
    }
}
