using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Naming;
using Sophia.Infra.CodeFixes.Infrastructure;

namespace Sophia.Infra.CodeFixes.Rules.Naming;

/// <summary>
/// SIA1001, SIA1002: rewrites the resource name to <c>$"{project}-{stack}-{type}-{purpose}"</c> — the project, the stack
/// (the in-scope local that holds <c>Deployment.Instance.StackName</c>, else <c>Deployment.Instance.StackName</c>), the
/// expected type token and the purpose recovered from the old name (<c>main</c> when nothing can be recovered). The
/// analyzer computes the name (<see cref="NamingAnalyzer.SuggestionProperty"/>); the fix only writes it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NamingCodeFix)), Shared]
public sealed class NamingCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the rewrite (one for both rules: they write the same name).</summary>
    public const string KeyRewriteName = "Sophia.Naming.RewriteName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NamingPattern, RuleIds.HardCodedEnvironment);

    // SIA1001 and SIA1002 often sit on the same name: one pass per document rewrites each name once.
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var free = new FreeNames(context.Document);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindName(root, diagnostic) is not { } name
                || Rewrite(root, model, name, diagnostic, context.CancellationToken) is not { } rewritten)
            {
                continue;
            }

            rewritten = await free.MakeFreeAsync(root, model, name, rewritten, diagnostic, context.CancellationToken).ConfigureAwait(false);
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Rename to '" + Display(diagnostic) + "'",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(name, rewritten))),
                    KeyRewriteName),
                diagnostic);
        }
    }

    private static ExpressionSyntax? FindName(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            ArgumentSyntax argument => argument.Expression,
            ExpressionSyntax expression => expression,
            _ => null,
        };

    /// <summary>The new name expression, or null when the analyzer's name cannot be written here (an unknown part from elsewhere).</summary>
    private static ExpressionSyntax? Rewrite(SyntaxNode root, SemanticModel model, ExpressionSyntax name, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(NamingAnalyzer.SuggestionProperty, out var suggestion) || string.IsNullOrEmpty(suggestion))
        {
            return null;
        }

        var contents = new List<InterpolatedStringContentSyntax>();
        foreach (var piece in suggestion!.Split(NameSuggestionFormat.Separator))
        {
            if (piece.StartsWith("t:", System.StringComparison.Ordinal))
            {
                var text = piece.Substring(2);
                contents.Add(SyntaxFactory.InterpolatedStringText(
                    SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, text, text, default)));
                continue;
            }

            var expression = piece switch
            {
                "s" => SyntaxEdits.StackNameExpression(model, name.SpanStart, cancellationToken),
                "p" => SyntaxFactory.ParseExpression("global::Pulumi.Deployment.Instance.ProjectName").WithAdditionalAnnotations(Simplifier.Annotation),
                _ => KeptPart(root, model, name, piece, cancellationToken),
            };
            if (expression is null)
            {
                return null;
            }

            if (expression is ConditionalExpressionSyntax)
            {
                expression = SyntaxFactory.ParenthesizedExpression(expression);
            }

            contents.Add(SyntaxFactory.Interpolation(expression));
        }

        return SyntaxFactory.InterpolatedStringExpression(
                SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken),
                SyntaxFactory.List(contents),
                SyntaxFactory.Token(SyntaxKind.InterpolatedStringEndToken))
            .WithTriviaFrom(name)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>An unknown part of the old name (<c>h:start:length</c>) when it means the same where the name is written; else null.</summary>
    private static ExpressionSyntax? KeptPart(SyntaxNode root, SemanticModel model, ExpressionSyntax name, string piece, CancellationToken cancellationToken)
    {
        var fields = piece.Split(':');
        if (fields.Length != 3 || fields[0] != "h"
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || start + length > root.FullSpan.End)
        {
            return null;
        }

        var span = new TextSpan(start, length);
        var expression = root.FindNode(span, getInnermostNodeForTie: true) switch
        {
            InterpolationSyntax interpolation => interpolation.Expression,
            ArgumentSyntax argument => argument.Expression,
            ExpressionSyntax found => found,
            _ => null,
        };
        if (expression is null || expression.Span != span)
        {
            return null;
        }

        if (name.Span.Contains(span))
        {
            return expression.WithoutTrivia();
        }

        // Written elsewhere (a local's initializer, a helper's argument): keep it only if it binds to the same symbol here.
        var original = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        var here = model.GetSpeculativeSymbolInfo(name.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
        return original is not null && SymbolEqualityComparer.Default.Equals(original, here) ? expression.WithoutTrivia() : null;
    }

    private static string Display(Diagnostic diagnostic)
    {
        var builder = new StringBuilder();
        if (diagnostic.Properties.TryGetValue(NamingAnalyzer.SuggestionProperty, out var suggestion) && suggestion is not null)
        {
            foreach (var piece in suggestion.Split(NameSuggestionFormat.Separator))
            {
                builder.Append(piece switch
                {
                    "s" => "{stack}",
                    "p" => "{project}",
                    _ when piece.StartsWith("t:", System.StringComparison.Ordinal) => piece.Substring(2),
                    _ => "{...}",
                });
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Keeps new names apart from the names other resources of the same type already have (and from each other within one
    /// fix pass): a taken name gets <c>-2</c>, <c>-3</c>, ... appended (<see cref="ResourceNames"/>).
    /// </summary>
    private sealed class FreeNames
    {
        private readonly Document _document;
        private readonly Dictionary<ITypeSymbol, ResourceNames> _byType = new(SymbolEqualityComparer.Default);

        public FreeNames(Document document) => _document = document;

        public async Task<ExpressionSyntax> MakeFreeAsync(SyntaxNode root, SemanticModel model, ExpressionSyntax name, ExpressionSyntax rewritten, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var creation = name.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            if (creation is null || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol type)
            {
                return rewritten;
            }

            if (!_byType.TryGetValue(type, out var names))
            {
                names = await ResourceNames.OfTypeAsync(_document, type, creation, cancellationToken).ConfigureAwait(false);
                _byType.Add(type, names);
            }

            return ResourceNames.AppendText(rewritten, names.ReserveFree(SuggestedName(root, model, diagnostic, cancellationToken)));
        }

        /// <summary>The suggested name in display form (<c>sophia-{stack}-bucket-logs</c>), kept parts resolved as the analyzer resolves names.</summary>
        private static string SuggestedName(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var builder = new StringBuilder();
            if (!diagnostic.Properties.TryGetValue(NamingAnalyzer.SuggestionProperty, out var suggestion) || suggestion is null)
            {
                return string.Empty;
            }

            var services = Sophia.Infra.Analyzers.Infrastructure.AnalysisServices.For(model.Compilation);
            foreach (var piece in suggestion.Split(NameSuggestionFormat.Separator))
            {
                if (piece == "s")
                {
                    builder.Append("{stack}");
                }
                else if (piece == "p")
                {
                    builder.Append("{project}");
                }
                else if (piece.StartsWith("t:", System.StringComparison.Ordinal))
                {
                    builder.Append(piece.Substring(2));
                }
                else
                {
                    var fields = piece.Split(':');
                    SyntaxNode? node = null;
                    if (fields.Length == 3
                        && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                        && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                        && start + length <= root.FullSpan.End)
                    {
                        node = root.FindNode(new TextSpan(start, length), getInnermostNodeForTie: true);
                        node = node is InterpolationSyntax interpolation ? interpolation.Expression : node is ArgumentSyntax argument ? argument.Expression : node;
                    }

                    builder.Append(node is not null && services is not null && model.GetOperation(node, cancellationToken) is { } operation
                        ? services.Values.ResolveString(operation, cancellationToken).ToDisplayString()
                        : "{" + piece + "}");
                }
            }

            return builder.ToString();
        }
    }

    private sealed class FixAll : Infrastructure.DocumentBasedFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override string Title => "Rename every resource to {project}-{stack}-{type}-{purpose}";

        protected override async Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
            var free = new FreeNames(document);
            foreach (var diagnostic in diagnostics.OrderBy(static d => d.Location.SourceSpan.Start).ThenBy(static d => d.Id, System.StringComparer.Ordinal))
            {
                if (FindName(root, diagnostic) is { } name
                    && !replacements.ContainsKey(name)
                    && Rewrite(root, model, name, diagnostic, context.CancellationToken) is { } rewritten)
                {
                    replacements.Add(name, await free.MakeFreeAsync(root, model, name, rewritten, diagnostic, context.CancellationToken).ConfigureAwait(false));
                }
            }

            return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        }
    }
}
