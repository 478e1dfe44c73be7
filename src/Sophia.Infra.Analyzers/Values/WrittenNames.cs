using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>
/// For a scope (a block, a member body, a type declaration), every simple name that is written in it, with the writes:
/// assignments (plain and compound), <c>++</c>/<c>--</c>, <c>ref</c>/<c>out</c> arguments and deconstructions.
/// Computed once per scope and cached, so that "assigned exactly once" costs one walk per scope, not one per question.
/// A name is matched by its last identifier (<c>x</c> in <c>x = ...</c>, <c>this.x = ...</c> and <c>other.x = ...</c>),
/// which errs on the side of "written", so a followed value is never one that could have been replaced.
/// </summary>
internal sealed class WrittenNames
{
    private static readonly List<SyntaxNode> None = new();

    private readonly Dictionary<string, List<SyntaxNode>> _writes = new();

    private WrittenNames(SyntaxNode scope)
    {
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    AddTarget(assignment.Left, assignment);
                    break;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    AddTarget(prefix.Operand, prefix);
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    AddTarget(postfix.Operand, postfix);
                    break;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                    AddTarget(argument.Expression, argument);
                    break;
            }
        }
    }

    public static WrittenNames For(SyntaxNode scope, ConcurrentDictionary<SyntaxNode, WrittenNames> cache) =>
        cache.GetOrAdd(scope, static s => new WrittenNames(s));

    /// <summary>The writes of <paramref name="name"/> in the scope (assignments, increments, ref/out arguments).</summary>
    public List<SyntaxNode> WritesOf(string name) => _writes.TryGetValue(name, out var list) ? list : None;

    /// <summary>The written expression of a write node returned by <see cref="WritesOf"/> (the left side, the operand, the argument).</summary>
    public static ExpressionSyntax? TargetOf(SyntaxNode write) => write switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left,
        PrefixUnaryExpressionSyntax prefix => prefix.Operand,
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        ArgumentSyntax argument => argument.Expression,
        _ => null,
    };

    private void AddTarget(ExpressionSyntax target, SyntaxNode write)
    {
        switch (target)
        {
            case IdentifierNameSyntax identifier:
                Add(identifier.Identifier.ValueText, write);
                break;
            case MemberAccessExpressionSyntax memberAccess:
                Add(memberAccess.Name.Identifier.ValueText, write);
                break;
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    AddTarget(argument.Expression, write);
                }

                break;
            case ParenthesizedExpressionSyntax parenthesized:
                AddTarget(parenthesized.Expression, write);
                break;
            case DeclarationExpressionSyntax:
                break;
            default:
                // Element access, pointer indirection, ...: the written storage is not a named variable.
                break;
        }
    }

    private void Add(string name, SyntaxNode write)
    {
        if (!_writes.TryGetValue(name, out var list))
        {
            list = new List<SyntaxNode>(1);
            _writes.Add(name, list);
        }

        list.Add(write);
    }
}
