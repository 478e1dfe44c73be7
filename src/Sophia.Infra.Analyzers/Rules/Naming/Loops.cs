using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>A loop around a resource creation: a <c>for</c>, <c>foreach</c>, <c>while</c> or <c>do</c> body, a LINQ <c>Select</c> lambda or a query.</summary>
internal readonly struct EnclosingLoop
{
    public EnclosingLoop(SyntaxNode node, string kind)
    {
        Node = node;
        Kind = kind;
    }

    /// <summary>The loop statement, lambda or query; everything declared inside it may vary per iteration.</summary>
    public SyntaxNode Node { get; }

    /// <summary>For messages: <c>foreach loop</c>, <c>Select lambda</c>, ...</summary>
    public string Kind { get; }
}

internal static class Loops
{
    /// <summary>
    /// The loops that repeat <paramref name="node"/>, innermost first, up to the member that contains it (a local function
    /// stops the walk too: it may be called from anywhere). Other lambdas are walked through.
    /// </summary>
    public static List<EnclosingLoop>? Enclosing(SyntaxNode node)
    {
        List<EnclosingLoop>? loops = null;
        var child = node;
        for (var current = node.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case ForStatementSyntax @for when child == @for.Statement:
                    Add(ref loops, current, "for loop");
                    break;
                case CommonForEachStatementSyntax forEach when child == forEach.Statement:
                    Add(ref loops, current, "foreach loop");
                    break;
                case WhileStatementSyntax @while when child == @while.Statement:
                    Add(ref loops, current, "while loop");
                    break;
                case DoStatementSyntax @do when child == @do.Statement:
                    Add(ref loops, current, "do loop");
                    break;
                case AnonymousFunctionExpressionSyntax lambda when IsSelectArgument(lambda, out var method):
                    Add(ref loops, current, method + " lambda");
                    break;
                case QueryExpressionSyntax when child is QueryBodySyntax:
                    Add(ref loops, current, "query");
                    break;
                case LocalFunctionStatementSyntax:
                case MemberDeclarationSyntax:
                    return loops;
            }
        }

        return loops;
    }

    private static void Add(ref List<EnclosingLoop>? loops, SyntaxNode node, string kind) =>
        (loops ??= new List<EnclosingLoop>(1)).Add(new EnclosingLoop(node, kind));

    private static bool IsSelectArgument(AnonymousFunctionExpressionSyntax lambda, out string method)
    {
        method = string.Empty;
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
        {
            return false;
        }

        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };
        if (name is "Select" or "SelectMany")
        {
            method = name;
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="symbol"/> is declared inside <paramref name="scope"/> (a loop variable, a body local, a lambda parameter).</summary>
    public static bool IsDeclaredIn(ISymbol symbol, SyntaxNode scope)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == scope.SyntaxTree && scope.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> sit in different branches of one if/else, conditional or switch (so never both run).</summary>
    public static bool AreExclusive(SyntaxNode a, SyntaxNode b)
    {
        if (a.SyntaxTree != b.SyntaxTree)
        {
            return false;
        }

        var ancestors = new HashSet<SyntaxNode>(a.AncestorsAndSelf());
        SyntaxNode? fromB = null;
        foreach (var node in b.AncestorsAndSelf())
        {
            if (ancestors.Contains(node))
            {
                var common = node;
                var fromA = ChildTowards(common, a);
                return fromA is not null && fromB is not null && common switch
                {
                    IfStatementSyntax @if => (fromA == @if.Statement && fromB == @if.Else) || (fromA == @if.Else && fromB == @if.Statement),
                    ConditionalExpressionSyntax conditional => (fromA == conditional.WhenTrue && fromB == conditional.WhenFalse) || (fromA == conditional.WhenFalse && fromB == conditional.WhenTrue),
                    SwitchStatementSyntax => fromA != fromB && fromA is SwitchSectionSyntax && fromB is SwitchSectionSyntax,
                    SwitchExpressionSyntax => fromA != fromB && fromA is SwitchExpressionArmSyntax && fromB is SwitchExpressionArmSyntax,
                    _ => false,
                };
            }

            fromB = node;
        }

        return false;
    }

    private static SyntaxNode? ChildTowards(SyntaxNode ancestor, SyntaxNode descendant)
    {
        SyntaxNode? child = null;
        for (var current = descendant; current is not null && current != ancestor; current = current.Parent)
        {
            child = current;
        }

        return child;
    }
}
