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
    private readonly HashSet<string> _changedReceivers = new();

    private WrittenNames(SyntaxNode scope)
    {
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    AddTarget(assignment.Left, assignment);
                    AddChangedReceiver(assignment.Left);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } when IsChangingCall(call.Name.Identifier.ValueText):
                    AddReceiver(call.Expression);
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

    /// <summary>
    /// True when the object that <paramref name="name"/> holds is changed in the scope: a member or an element written
    /// through it (<c>x.Condition = ...</c>, <c>x["Condition"] = ...</c>), or a changing call on it (<c>x.Add(...)</c>,
    /// <c>x.Remove(...)</c>, <c>x.Clear()</c>, ...). Matched by the receiver's last identifier, erring on the side of "changed".
    /// </summary>
    public bool IsChangedReceiver(string name) => _changedReceivers.Contains(name);

    /// <summary>The written expression of a write node returned by <see cref="WritesOf"/> (the left side, the operand, the argument).</summary>
    public static ExpressionSyntax? TargetOf(SyntaxNode write) => write switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left,
        PrefixUnaryExpressionSyntax prefix => prefix.Operand,
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        ArgumentSyntax argument => argument.Expression,
        _ => null,
    };

    private static bool IsChangingCall(string name) => name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Remove" or "RemoveAt"
        or "RemoveAll" or "RemoveRange" or "Clear" or "TryAdd" or "Set" or "SetItem" or "Push" or "Enqueue";

    private void AddChangedReceiver(ExpressionSyntax target)
    {
        switch (target)
        {
            case MemberAccessExpressionSyntax memberAccess:
                AddReceiver(memberAccess.Expression);
                break;
            case ElementAccessExpressionSyntax elementAccess:
                AddReceiver(elementAccess.Expression);
                break;
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    AddChangedReceiver(argument.Expression);
                }

                break;
        }
    }

    private void AddReceiver(ExpressionSyntax receiver)
    {
        switch (receiver)
        {
            case IdentifierNameSyntax identifier:
                _changedReceivers.Add(identifier.Identifier.ValueText);
                break;
            case MemberAccessExpressionSyntax memberAccess:
                _changedReceivers.Add(memberAccess.Name.Identifier.ValueText);
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                AddReceiver(parenthesized.Expression);
                break;
        }
    }

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
