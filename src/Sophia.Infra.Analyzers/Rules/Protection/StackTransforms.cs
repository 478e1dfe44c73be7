using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sophia.Infra.Analyzers.Rules.Protection;

/// <summary>
/// Whether the program has a stack-wide transform that sets <c>Protect</c>: a <c>StackOptions</c> object (passed to
/// <c>Deployment.RunAsync</c> or to a <c>Stack</c> base constructor) whose <c>ResourceTransforms</c> or
/// <c>ResourceTransformations</c> holds a transform that may set it. Then every resource gets its protection from the
/// transform, and SIA2001 does not report resources one by one.
/// </summary>
/// <remarks>
/// <para>The transform may be written in any file, so the scan is syntactic (an analyzer does not create semantic models
/// of other trees). It runs at most once per compilation, and only when a resource would be reported; the answer of each tree is
/// cached with the tree, so a compilation made after an edit scans only the trees that changed.</para>
/// <para>"Sets Protect" means: the transform's code (a lambda, an anonymous method, or a method or local function of the
/// same type referred to by name) assigns <c>Protect</c> (<c>options.Protect = ...</c>, or <c>Protect = ...</c> in an
/// object initializer such as <c>new CustomResourceOptions { Protect = isProd }</c>) to anything but the literal
/// <c>false</c>. Which resources a transform protects is not examined (a transform that protects only some types still
/// silences the rule). A transform whose code cannot be seen (a delegate held in a variable, a method of another type or
/// library, a list built elsewhere) may set Protect: unknown is not wrong, so it counts as setting it.</para>
/// </remarks>
internal sealed class StackTransforms
{
    private const int NotScanned = 0;
    private const int Absent = 1;
    private const int Present = 2;

    private readonly Compilation _compilation;
    private int _state;

    public StackTransforms(Compilation compilation) => _compilation = compilation;

    /// <summary>True when a stack-wide transform may set Protect (scanned on first call).</summary>
    public bool SetProtect(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state == NotScanned)
        {
            state = Scan(cancellationToken) ? Present : Absent;
            Volatile.Write(ref _state, state);
        }

        return state == Present;
    }

    private bool Scan(CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TreeSetsProtect.GetValue(tree, ScanTree) == Yes)
            {
                return true;
            }
        }

        return false;
    }

    // The answer per tree, cached with the tree (it is syntactic): a compilation made after an edit scans only the changed trees.
    private static readonly object Yes = new();
    private static readonly object No = new();
    private static readonly ConditionalWeakTable<SyntaxTree, object> TreeSetsProtect = new();
    private static readonly ConditionalWeakTable<SyntaxTree, object>.CreateValueCallback ScanTree =
        static tree => MentionsTransforms(tree) && ScanRoot(tree.GetRoot()) ? Yes : No;

    /// <summary>A text search first: walking the syntax of a tree that never says "ResourceTransform" is wasted.</summary>
    private static bool MentionsTransforms(SyntaxTree tree) =>
        tree.GetText().ToString().IndexOf("ResourceTransform", System.StringComparison.Ordinal) >= 0;

    private static bool ScanRoot(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax
                {
                    Left: IdentifierNameSyntax { Identifier.ValueText: "ResourceTransforms" or "ResourceTransformations" },
                    Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation },
                } assignment
                && IsStackOptions(creation)
                && ListSetsProtect(assignment.Right))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>new StackOptions { ... }</c>, or <c>new() { ... }</c> passed to <c>RunAsync</c>, a base constructor or a <c>StackOptions</c> variable.</summary>
    private static bool IsStackOptions(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ObjectCreationExpressionSyntax explicitCreation)
        {
            return RightmostName(explicitCreation.Type) == "StackOptions";
        }

        return creation.Parent switch
        {
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } =>
                invocation.Expression switch
                {
                    MemberAccessExpressionSyntax memberAccess => RightmostName(memberAccess.Name) == "RunAsync",
                    SimpleNameSyntax name => RightmostName(name) == "RunAsync",
                    _ => false,
                },
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ConstructorInitializerSyntax } } => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } =>
                RightmostName(declaration.Type) == "StackOptions",
            _ => false,
        };
    }

    private static bool ListSetsProtect(ExpressionSyntax list)
    {
        switch (list)
        {
            case InitializerExpressionSyntax initializer:
                return AnySetsProtect(initializer);
            case BaseObjectCreationExpressionSyntax { Initializer: { } initializer }:
                return AnySetsProtect(initializer);
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax expression || TransformSetsProtect(expression.Expression))
                    {
                        return true;
                    }
                }

                return false;
            default:
                // A list built elsewhere: it may hold anything.
                return true;
        }
    }

    private static bool AnySetsProtect(InitializerExpressionSyntax initializer)
    {
        foreach (var element in initializer.Expressions)
        {
            if (TransformSetsProtect(element))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TransformSetsProtect(ExpressionSyntax transform)
    {
        switch (transform)
        {
            case AnonymousFunctionExpressionSyntax function:
                return WritesProtect(function.Body);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                // A method group of this type (or a local function); another type's method is not looked for.
                var body = FindMethodBody(transform, RightmostName(transform)!);
                return body is null || WritesProtect(body);
            default:
                return true;
        }
    }

    /// <summary>The body of the local function or method named <paramref name="name"/> seen from <paramref name="use"/> (same type only).</summary>
    private static SyntaxNode? FindMethodBody(SyntaxNode use, string name)
    {
        for (var current = use.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BlockSyntax block:
                    foreach (var statement in block.Statements)
                    {
                        if (statement is LocalFunctionStatementSyntax function && function.Identifier.ValueText == name)
                        {
                            return (SyntaxNode?)function.Body ?? function.ExpressionBody;
                        }
                    }

                    break;
                case CompilationUnitSyntax unit:
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } && function.Identifier.ValueText == name)
                        {
                            return (SyntaxNode?)function.Body ?? function.ExpressionBody;
                        }
                    }

                    break;
                case TypeDeclarationSyntax type:
                    foreach (var member in type.Members)
                    {
                        if (member is MethodDeclarationSyntax method && method.Identifier.ValueText == name)
                        {
                            return (SyntaxNode?)method.Body ?? method.ExpressionBody;
                        }
                    }

                    return null;
            }
        }

        return null;
    }

    private static bool WritesProtect(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is AssignmentExpressionSyntax assignment
                && RightmostName(assignment.Left) == "Protect"
                && !assignment.Right.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                return true;
            }
        }

        return false;
    }

    private static string? RightmostName(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostName(alias.Name),
        MemberAccessExpressionSyntax memberAccess => RightmostName(memberAccess.Name),
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => null,
    };
}
