using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Sophia.Infra.CodeFixes.Infrastructure;

/// <summary>
/// The syntax edits the fixes share: set a member in an object initializer, add an argument to a creation, insert a
/// statement after the statement that holds a node, and write the stack-name expression. Every edit keeps the trivia
/// around it and marks new nodes for formatting and simplification.
/// </summary>
public static class SyntaxEdits
{
    /// <summary>
    /// Returns <paramref name="creation"/> with <c>member = value</c> in its initializer: the existing assignment's value is
    /// replaced, or the assignment is appended (an initializer is created when there is none).
    /// </summary>
    public static BaseObjectCreationExpressionSyntax SetInitializerMember(BaseObjectCreationExpressionSyntax creation, string member, ExpressionSyntax value)
    {
        value = value.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        var initializer = creation.Initializer;
        if (initializer is not null)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment && name.Identifier.ValueText == member)
                {
                    var replaced = assignment.WithRight(value.WithTriviaFrom(assignment.Right));
                    return creation.WithInitializer(initializer.ReplaceNode(assignment, replaced));
                }
            }
        }

        var added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value)
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (initializer is null)
        {
            var newInitializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(added))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var withoutTrailing = creation.ArgumentList is null
                ? creation
                : creation.WithArgumentList(creation.ArgumentList.WithoutTrailingTrivia());
            return withoutTrailing.WithInitializer(newInitializer).WithTrailingTrivia(creation.GetTrailingTrivia());
        }

        var expressions = initializer.Expressions;
        if (expressions.Count > 0 && expressions.SeparatorCount == expressions.Count)
        {
            // A trailing comma (multi-line style): the new member gets one too, followed by the old comma's line break.
            var lastSeparator = expressions.GetSeparator(expressions.SeparatorCount - 1);
            var nodesAndTokens = expressions.GetWithSeparators()
                .Add(added)
                .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia));
            expressions = SyntaxFactory.SeparatedList<ExpressionSyntax>(nodesAndTokens);
        }
        else
        {
            expressions = expressions.Add(added);
        }

        return creation.WithInitializer(initializer.WithExpressions(expressions).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>
    /// Returns <paramref name="creation"/> with <paramref name="argument"/> appended; named when an optional parameter before
    /// it was skipped (<paramref name="needsName"/>), positional otherwise.
    /// </summary>
    public static BaseObjectCreationExpressionSyntax AddArgument(BaseObjectCreationExpressionSyntax creation, string parameterName, ExpressionSyntax value, bool needsName)
    {
        var argument = SyntaxFactory.Argument(value.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
        if (needsName)
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(parameterName));
        }

        var list = creation.ArgumentList ?? SyntaxFactory.ArgumentList();
        return creation.WithArgumentList(list.AddArguments(argument));
    }

    /// <summary>The statement that contains <paramref name="node"/> and sits directly in a block or switch section; null when there is none.</summary>
    public static StatementSyntax? ContainingStatementInBlock(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is StatementSyntax statement && current.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            {
                return statement;
            }
        }

        return null;
    }

    /// <summary>
    /// The expression that names the stack at <paramref name="position"/>: an in-scope local initialised with
    /// <c>Deployment.Instance.StackName</c> and never reassigned, else <c>Deployment.Instance.StackName</c> itself.
    /// </summary>
    public static ExpressionSyntax StackNameExpression(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_String } local
                && local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                && declarator.SpanStart < position
                && IsStackNameSyntax(value))
            {
                return SyntaxFactory.IdentifierName(local.Name);
            }
        }

        return SyntaxFactory.ParseExpression("global::Pulumi.Deployment.Instance.StackName").WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>True for <c>Deployment.Instance.StackName</c> written with any qualification.</summary>
    public static bool IsStackNameSyntax(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StackName" } stackName
        && stackName.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Instance" } instance
        && instance.Expression.ToString().Split('.', ':').LastOrDefault() == "Deployment";
}
