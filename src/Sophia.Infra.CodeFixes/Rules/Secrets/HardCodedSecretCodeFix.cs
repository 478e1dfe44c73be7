using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Secrets;

namespace Sophia.Infra.CodeFixes.Rules.Secrets;

/// <summary>
/// SIA6001: replaces a hard-coded secret with <c>config.RequireSecret("&lt;camelCaseName&gt;")</c>, the key derived from
/// the place it is written into, using a <c>Pulumi.Config</c> in scope (a local or parameter declared before it, or a
/// field or property usable there, that is not a <c>new Config("namespace")</c>), or <c>new Config()</c> when there is
/// none. For <c>config.Get("key") ?? "..."</c> the whole expression becomes <c>config.RequireSecret("key")</c>. Offered
/// only where the analyzer found an <c>Input&lt;string&gt;</c> target and the result compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedSecretCodeFix)), Shared]
public sealed class HardCodedSecretCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string Key_ReadSecretConfig = "SIA6001.ReadSecretConfig";

    private static readonly FixAllProvider FixAllProvider = new CompilingEdits.FixAll("Read every hard-coded secret from secret config", FindNode, Rewrite);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedSecret);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SecretsAnalyzer.KeyProperty, out var key) || key is null
                || !diagnostic.Properties.ContainsKey(SecretsAnalyzer.FixProperty))
            {
                continue;
            }

            var fixedDocument = await CompilingEdits.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), FindNode, Rewrite, context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Read the secret with RequireSecret(\"{key}\")", _ => Task.FromResult(fixedDocument), Key_ReadSecretConfig),
                diagnostic);
        }
    }

    /// <summary>The literal, or for a fallback the <c>??</c> expression that holds it.</summary>
    private static SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(SecretsAnalyzer.FixProperty, out var fix) || diagnostic.Location.SourceSpan.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is not LiteralExpressionSyntax literal)
        {
            return null;
        }

        if (fix == SecretsAnalyzer.FixLiteral)
        {
            return literal;
        }

        SyntaxNode current = literal;
        while (current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            current = current.Parent;
        }

        return fix == SecretsAnalyzer.FixFallback && current.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == current
            ? coalesce
            : null;
    }

    private static SyntaxNode? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SecretsAnalyzer.KeyProperty, out var key) || key is null)
        {
            return null;
        }

        ExpressionSyntax? config;
        if (node is BinaryExpressionSyntax coalesce)
        {
            // config.Get("key") ?? "..." → config.RequireSecret("key"), on the same Config instance.
            var left = coalesce.Left;
            while (left is ParenthesizedExpressionSyntax parenthesized)
            {
                left = parenthesized.Expression;
            }

            config = left is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression.WithoutTrivia() : null;
        }
        else
        {
            config = ConfigInScope(model, node.SpanStart, cancellationToken);
        }

        if (config is null)
        {
            return null;
        }

        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, config, SyntaxFactory.IdentifierName("RequireSecret")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key))))));
    }

    /// <summary>A <c>Pulumi.Config</c> usable at <paramref name="position"/>, else <c>new Config()</c>.</summary>
    private static ExpressionSyntax ConfigInScope(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        var isStaticContext = enclosing is null || enclosing.IsStatic || enclosing.ContainingSymbol is IMethodSymbol { IsStatic: true };
        ISymbol? best = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var type = symbol switch
            {
                ILocalSymbol local when DeclaredBefore(local, position) && !HasNamespaceArgument(local, cancellationToken) => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field when (field.IsStatic || !isStaticContext) && !HasNamespaceArgument(field, cancellationToken) => field.Type,
                IPropertySymbol property when (property.IsStatic || !isStaticContext) && property.GetMethod is not null => property.Type,
                _ => null,
            };
            if (type is not { Name: "Config", ContainingNamespace: { Name: "Pulumi", ContainingNamespace.IsGlobalNamespace: true } })
            {
                continue;
            }

            if (best is null || Rank(symbol) < Rank(best) || (Rank(symbol) == Rank(best) && string.CompareOrdinal(symbol.Name, best.Name) < 0))
            {
                best = symbol;
            }
        }

        if (best is not null)
        {
            return SyntaxFactory.IdentifierName(best.Name);
        }

        return SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.ParseTypeName("global::Pulumi.Config").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(),
            initializer: null);
    }

    private static int Rank(ISymbol symbol) => symbol is ILocalSymbol or IParameterSymbol ? 0 : 1;

    private static bool DeclaredBefore(ISymbol symbol, int position) =>
        symbol.DeclaringSyntaxReferences.Length == 1 && symbol.DeclaringSyntaxReferences[0].Span.End < position;

    /// <summary>True when the symbol is initialized with <c>new Config(...)</c> given a namespace (it reads another namespace's keys).</summary>
    private static bool HasNamespaceArgument(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences.Length == 1
        && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } }
        && !arguments[0].Expression.IsKind(SyntaxKind.NullLiteralExpression);
}
