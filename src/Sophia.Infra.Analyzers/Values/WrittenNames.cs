using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>
/// For a scope (a block, a member body, a type declaration), every simple name that is written in it, with the writes:
/// assignments (plain and compound), <c>++</c>/<c>--</c>, <c>ref</c>/<c>out</c> arguments and deconstructions.
/// The writes of a whole syntax tree are gathered in one walk, the first time any scope of it is asked about, and cached
/// with the tree (syntax only, so the table is reused by every compilation that holds the tree: the IDE re-analyses an
/// edited document without walking the unchanged ones again); a scope then sees the writes inside its span.
/// A name is matched by its last identifier (<c>x</c> in <c>x = ...</c>, <c>this.x = ...</c> and <c>other.x = ...</c>),
/// which errs on the side of "written", so a followed value is never one that could have been replaced. The member
/// assignments of an object initializer (<c>new T { X = ... }</c>, <c>with { X = ... }</c>) are not writes: they set a member
/// of the new object, never a variable.
/// </summary>
internal readonly struct WrittenNames
{
    private static readonly List<SyntaxNode> None = new();
    private static readonly ConditionalWeakTable<SyntaxTree, TreeWrites> Cache = new();
    private static readonly ConditionalWeakTable<SyntaxTree, TreeWrites>.CreateValueCallback Create = static tree => new TreeWrites(tree.GetRoot());

    private readonly TreeWrites _tree;
    private readonly SyntaxNode _scope;

    private WrittenNames(TreeWrites tree, SyntaxNode scope)
    {
        _tree = tree;
        _scope = scope;
    }

    public static WrittenNames For(SyntaxNode scope) => new(Cache.GetValue(scope.SyntaxTree, Create), scope);

    /// <summary>The writes of <paramref name="name"/> in the scope (assignments, increments, ref/out arguments).</summary>
    public List<SyntaxNode> WritesOf(string name) => _tree.Writes.TryGetValue(name, out var list) ? InScope(list) : None;

    /// <summary>
    /// True when the object that <paramref name="name"/> holds is changed in the scope: a member or an element written
    /// through it (<c>x.Condition = ...</c>, <c>x["Condition"] = ...</c>), or a changing call on it (<c>x.Add(...)</c>,
    /// <c>x.Remove(...)</c>, <c>x.Clear()</c>, ...). Matched by the receiver's last identifier, erring on the side of "changed".
    /// </summary>
    public bool IsChangedReceiver(string name) => _tree.ChangedReceivers.TryGetValue(name, out var list) && InScope(list).Count > 0;

    /// <summary>The nodes of <paramref name="list"/> that are descendants of the scope (the list itself when all are; no allocation then).</summary>
    private List<SyntaxNode> InScope(List<SyntaxNode> list)
    {
        var inside = 0;
        foreach (var node in list)
        {
            if (IsInScope(node))
            {
                inside++;
            }
        }

        if (inside == list.Count)
        {
            return list;
        }

        if (inside == 0)
        {
            return None;
        }

        var result = new List<SyntaxNode>(inside);
        foreach (var node in list)
        {
            if (IsInScope(node))
            {
                result.Add(node);
            }
        }

        return result;
    }

    private bool IsInScope(SyntaxNode node)
    {
        if (!_scope.FullSpan.Contains(node.Span))
        {
            return false;
        }

        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == _scope)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The written expression of a write node returned by <see cref="WritesOf"/> (the left side, the operand, the argument).</summary>
    public static ExpressionSyntax? TargetOf(SyntaxNode write) => write switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left,
        PrefixUnaryExpressionSyntax prefix => prefix.Operand,
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        ArgumentSyntax argument => argument.Expression,
        _ => null,
    };

    /// <summary>
    /// The writes and changed receivers of one whole tree, by name, in source order. A syntax walker: the compiler's own
    /// child iteration, and a virtual call per node in place of type tests; names, literals, types and using directives
    /// (which cannot hold a write) are not descended into.
    /// </summary>
    private sealed class TreeWrites : CSharpSyntaxWalker
    {
        private SyntaxNode? _current;

        public TreeWrites(SyntaxNode root)
            : base(SyntaxWalkerDepth.Node)
        {
            try
            {
                Visit(root);
            }
            catch (System.InsufficientExecutionStackException)
            {
                // Nesting too deep for a recursive walk (machine-made code): gather the writes again without recursion.
                Writes.Clear();
                ChangedReceivers.Clear();
                foreach (var node in root.DescendantNodes())
                {
                    Note(node);
                }
            }

            _current = null;
        }

        public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
        {
            Note(node);
            base.VisitAssignmentExpression(node);
        }

        public override void VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            Note(node);
            base.VisitInvocationExpression(node);
        }

        public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
        {
            Note(node);
            base.VisitPrefixUnaryExpression(node);
        }

        public override void VisitPostfixUnaryExpression(PostfixUnaryExpressionSyntax node)
        {
            Note(node);
            base.VisitPostfixUnaryExpression(node);
        }

        public override void VisitArgument(ArgumentSyntax node)
        {
            Note(node);
            base.VisitArgument(node);
        }

        // Nodes that hold no expression that could write: not descended into.
        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
        }

        public override void VisitLiteralExpression(LiteralExpressionSyntax node)
        {
        }

        public override void VisitPredefinedType(PredefinedTypeSyntax node)
        {
        }

        public override void VisitQualifiedName(QualifiedNameSyntax node)
        {
        }

        public override void VisitAliasQualifiedName(AliasQualifiedNameSyntax node)
        {
        }

        public override void VisitGenericName(GenericNameSyntax node)
        {
        }

        public override void VisitUsingDirective(UsingDirectiveSyntax node)
        {
        }

        /// <summary>Records <paramref name="node"/> when it writes a name or changes the object a name holds.</summary>
        private void Note(SyntaxNode node)
        {
            _current = node;
            switch (node)
            {
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer }
                    when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression):
                    // `Member = value` inside `new T { ... }` or `x with { ... }` sets a member of the new object, never a
                    // variable of that name (most assignments of a Pulumi program are these: leaving them out keeps the table small).
                    break;
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

        public Dictionary<string, List<SyntaxNode>> Writes { get; } = new();

        public Dictionary<string, List<SyntaxNode>> ChangedReceivers { get; } = new();

        private static bool IsChangingCall(string name) => name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Remove" or "RemoveAt"
            or "RemoveAll" or "RemoveRange" or "Clear" or "TryAdd" or "Set" or "SetItem" or "Push" or "Enqueue";

        public void AddChangedReceiver(ExpressionSyntax target)
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

        public void AddReceiver(ExpressionSyntax receiver)
        {
            switch (receiver)
            {
                case IdentifierNameSyntax identifier:
                    Add(ChangedReceivers, identifier.Identifier.ValueText, _current!);
                    break;
                case MemberAccessExpressionSyntax memberAccess:
                    Add(ChangedReceivers, memberAccess.Name.Identifier.ValueText, _current!);
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
                    Add(Writes, identifier.Identifier.ValueText, write);
                    break;
                case MemberAccessExpressionSyntax memberAccess:
                    Add(Writes, memberAccess.Name.Identifier.ValueText, write);
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

        private static void Add(Dictionary<string, List<SyntaxNode>> table, string name, SyntaxNode write)
        {
            if (!table.TryGetValue(name, out var list))
            {
                list = new List<SyntaxNode>(1);
                table.Add(name, list);
            }

            list.Add(write);
        }
    }
}
