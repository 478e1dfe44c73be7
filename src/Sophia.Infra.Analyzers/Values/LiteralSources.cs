using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>A non-empty string literal (or constant string expression) that a value may hold, where it is written.</summary>
public readonly struct LiteralSource
{
    public LiteralSource(SyntaxNode syntax, IOperation? operation)
    {
        Syntax = syntax;
        Operation = operation;
    }

    /// <summary>The literal, or the constant expression, where it is written (possibly in another file).</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>Its operation when it is in the file being analysed; null when it was found by syntax in another file.</summary>
    public IOperation? Operation { get; }
}

/// <summary>
/// The non-empty string literals a value may hold as a whole: the literal itself, each branch of <c>?:</c>, <c>??</c> and
/// switch expressions, <c>Output.Create</c>/<c>Output.CreateSecret</c> of one, and what constants, locals, fields and
/// properties assigned exactly once and single-return helpers of the compilation hold (followed through
/// <see cref="ValueResolver"/>). A literal that is only a piece of a composed string (<c>$"{host}:5432"</c>) is not a
/// source; a constant composition (<c>"a" + "b"</c>) is one, at the composition.
/// </summary>
public static class LiteralSources
{
    private const int MaxDepth = 8;

    /// <summary>Adds the sources of <paramref name="value"/> to <paramref name="sources"/>.</summary>
    public static void Collect(IOperation value, ValueResolver values, List<LiteralSource> sources, CancellationToken cancellationToken) =>
        Collect(value, values, sources, 0, cancellationToken);

    /// <summary>True when <paramref name="operation"/> is a non-empty constant string written as a literal or a constant composition.</summary>
    public static bool IsNonEmptyStringConstant(IOperation operation) =>
        operation is ILiteralOperation or IInterpolatedStringOperation or IBinaryOperation
        && operation.ConstantValue is { HasValue: true, Value: string { Length: > 0 } };

    private static void Collect(IOperation value, ValueResolver values, List<LiteralSource> sources, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var operation = ValueResolver.Unwrap(value);
        if (IsNonEmptyStringConstant(operation))
        {
            sources.Add(new LiteralSource(operation.Syntax, operation));
            return;
        }

        switch (operation)
        {
            case IConditionalOperation conditional:
                Collect(conditional.WhenTrue, values, sources, depth + 1, cancellationToken);
                if (conditional.WhenFalse is not null)
                {
                    Collect(conditional.WhenFalse, values, sources, depth + 1, cancellationToken);
                }

                return;
            case ICoalesceOperation coalesce:
                Collect(coalesce.Value, values, sources, depth + 1, cancellationToken);
                Collect(coalesce.WhenNull, values, sources, depth + 1, cancellationToken);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Collect(arm.Value, values, sources, depth + 1, cancellationToken);
                }

                return;
            case IInvocationOperation invocation:
                if (IsOutputCreate(invocation, values.Symbols))
                {
                    Collect(invocation.Arguments[0].Value, values, sources, depth + 1, cancellationToken);
                }
                else if (values.FollowHelper(invocation, cancellationToken) is { } helper)
                {
                    Collect(helper.Returned, values, sources, depth + 1, cancellationToken);
                }

                return;
        }

        var symbol = ValueResolver.ReferencedSymbol(operation);
        if (symbol is null)
        {
            return;
        }

        // A constant: where its value is written (also in another file).
        var assigned = symbol switch
        {
            IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true } => ConstantInitializer(symbol, cancellationToken),
            _ => values.FindSingleAssignment(symbol, cancellationToken),
        };
        if (assigned is null)
        {
            return;
        }

        var model = operation.SemanticModel;
        if (model is not null && assigned.SyntaxTree == model.SyntaxTree)
        {
            if (model.GetOperation(assigned, cancellationToken) is { } next)
            {
                Collect(next, values, sources, depth + 1, cancellationToken);
            }

            return;
        }

        // Declared in another file: only a literal is taken (its operations cannot be built here).
        if (assigned is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length > 0)
        {
            sources.Add(new LiteralSource(literal, null));
        }
        else if (symbol is IFieldSymbol { IsConst: true, ConstantValue: string { Length: > 0 } })
        {
            sources.Add(new LiteralSource(assigned, null));
        }
    }

    private static ExpressionSyntax? ConstantInitializer(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences.Length == 1
        && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
            ? value
            : null;

    /// <summary><c>Output.Create(x)</c> or <c>Output.CreateSecret(x)</c> of Pulumi.</summary>
    public static bool IsOutputCreate(IInvocationOperation invocation, PulumiSymbols symbols) =>
        invocation.Arguments.Length == 1
        && invocation.TargetMethod.Name is "Create" or "CreateSecret"
        && symbols.Is(invocation.TargetMethod.ContainingType, PulumiType.Output);
}
