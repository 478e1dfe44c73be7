using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Protection;
using Sophia.Infra.CodeFixes.Infrastructure;

namespace Sophia.Infra.CodeFixes.Rules.Protection;

/// <summary>
/// SIA2001: protects the resource in production with <c>Protect = &lt;stack&gt; == "prod"</c>. Adds
/// <c>new CustomResourceOptions { Protect = ... }</c> (<c>ComponentResourceOptions</c> for components) as the options
/// argument (named when an optional parameter before it is skipped), replaces null options with it, adds <c>Protect</c>
/// to an existing options initializer, or replaces a wrong <c>Protect</c> value. <c>&lt;stack&gt;</c> is the in-scope
/// local holding the stack name, else <c>Deployment.Instance.StackName</c>; <c>"prod"</c> is the first of
/// <c>sophia_infra.production_stacks</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProtectionCodeFix)), Shared]
public sealed class ProtectionCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one for every variant, so that Fix All applies them all).</summary>
    public const string Key_ProtectInProduction = "SIA2001.ProtectInProduction";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ProductionNotProtected);

    // Several findings can edit one node (resources sharing one options object, a resource inside another's args):
    // each document is fixed in one pass.
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ProtectionAnalyzer.ProductionStackProperty, out var production) || production is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Protect in production (Protect = stack == \"{production}\")",
                    cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    Key_ProtectInProduction),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var edited = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(ProtectionAnalyzer.FixProperty, out var fix)
                || !properties.TryGetValue(ProtectionAnalyzer.ProductionStackProperty, out var production)
                || production is null)
            {
                continue;
            }

            var node = TargetNode(root, properties);
            if (node is null || !edited.Add(node))
            {
                continue; // One options object shared by several resources: set once.
            }

            var protect = ProtectValue(model, node.SpanStart, production, cancellationToken);
            switch (fix)
            {
                case ProtectionAnalyzer.AddOptions when node is BaseObjectCreationExpressionSyntax:
                    var parameter = properties.TryGetValue(ProtectionAnalyzer.ParameterProperty, out var name) && name is not null ? name : "options";
                    var named = properties.TryGetValue(ProtectionAnalyzer.NamedProperty, out var needsName) && needsName == "true";
                    var options = NewOptions(properties, protect);
                    editor.ReplaceNode(node, (current, _) => SyntaxEdits.AddArgument((BaseObjectCreationExpressionSyntax)current, parameter, options, named));
                    break;

                case ProtectionAnalyzer.ReplaceOptions when node is ExpressionSyntax:
                    var replacement = NewOptions(properties, protect);
                    editor.ReplaceNode(node, (current, _) => replacement.WithTriviaFrom(current));
                    break;

                case ProtectionAnalyzer.SetProtect when node is BaseObjectCreationExpressionSyntax:
                    editor.ReplaceNode(node, (current, _) => SyntaxEdits.SetInitializerMember((BaseObjectCreationExpressionSyntax)current, "Protect", protect));
                    break;
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The node at the analyzer's <c>TargetSpan</c> (<c>start:length</c>); null when it is absent or out of range.</summary>
    private static SyntaxNode? TargetNode(SyntaxNode root, ImmutableDictionary<string, string?> properties)
    {
        if (!properties.TryGetValue(ProtectionAnalyzer.TargetSpanProperty, out var text) || text is null)
        {
            return null;
        }

        var colon = text.IndexOf(':');
        if (colon < 0
            || !int.TryParse(text.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || start + length > root.FullSpan.End)
        {
            return null;
        }

        return root.FindNode(new TextSpan(start, length), getInnermostNodeForTie: true);
    }

    /// <summary><c>&lt;stack&gt; == "prod"</c>.</summary>
    private static ExpressionSyntax ProtectValue(SemanticModel model, int position, string production, CancellationToken cancellationToken) =>
        SyntaxFactory.BinaryExpression(
            SyntaxKind.EqualsExpression,
            SyntaxEdits.StackNameExpression(model, position, cancellationToken),
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(production)));

    /// <summary><c>new CustomResourceOptions { Protect = ... }</c> (or <c>ComponentResourceOptions</c>).</summary>
    private static ExpressionSyntax NewOptions(ImmutableDictionary<string, string?> properties, ExpressionSyntax protect)
    {
        var typeName = properties.TryGetValue(ProtectionAnalyzer.OptionsTypeProperty, out var type) && type == "ComponentResourceOptions"
            ? "ComponentResourceOptions"
            : "CustomResourceOptions";
        var creation = SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.ParseTypeName("global::Pulumi." + typeName).WithAdditionalAnnotations(Simplifier.Annotation),
            argumentList: null,
            initializer: null);
        return SyntaxEdits.SetInitializerMember(creation, "Protect", protect);
    }

    private sealed class FixAll : Infrastructure.DocumentBasedFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override string Title => "Protect every resource in production";

        protected override Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            FixAsync(document, diagnostics, context.CancellationToken);
    }
}
