using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Secrets;

namespace Sophia.Infra.CodeFixes.Rules.Secrets;

/// <summary>
/// SIA6002: switches a plain config read of a secret key to its secret variant (<c>Require</c> → <c>RequireSecret</c>,
/// <c>Get</c> → <c>GetSecret</c>, <c>RequireInt32</c> → <c>RequireSecretInt32</c>, <c>GetObject&lt;T&gt;</c> →
/// <c>GetSecretObject&lt;T&gt;</c>, ...). The secret variants return an <c>Output</c>, so the fix is offered only where the
/// document still compiles afterwards (an <c>Input</c> argument, a local used only as inputs, ...).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretConfigReadCodeFix)), Shared]
public sealed class SecretConfigReadCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string Key_UseSecretRead = "SIA6002.UseSecretRead";

    private static readonly FixAllProvider FixAllProvider = new CompilingEdits.FixAll("Read every secret config key with its secret variant", FindNode, Rewrite);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SecretReadAsPlainConfig);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SecretsAnalyzer.SecretMethodProperty, out var method) || method is null)
            {
                continue;
            }

            var fixedDocument = await CompilingEdits.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), FindNode, Rewrite, context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Use {method}", _ => Task.FromResult(fixedDocument), Key_UseSecretRead),
                diagnostic);
        }
    }

    private static SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Location.SourceSpan.End <= root.FullSpan.End
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
            ? invocation
            : null;

    private static SyntaxNode? Rewrite(SyntaxNode node, Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SecretsAnalyzer.SecretMethodProperty, out var method) || method is null
            || node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return null;
        }

        SimpleNameSyntax name = access.Name switch
        {
            GenericNameSyntax generic => generic.WithIdentifier(SyntaxFactory.Identifier(method).WithTriviaFrom(generic.Identifier)),
            var simple => SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(method).WithTriviaFrom(simple.Identifier)),
        };
        return invocation.WithExpression(access.WithName(name));
    }
}
