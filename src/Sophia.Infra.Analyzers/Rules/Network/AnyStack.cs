using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Rules.Protection;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Network;

/// <summary>
/// Whether a boolean setting provably takes a given value in at least one stack: a constant, or an expression of the
/// stack name (<c>stack == "dev"</c>, <c>stack != "prod"</c>, <c>isProd ? false : true</c>) evaluated by
/// <see cref="ProductionCondition"/> for every stack it could mean — the known environments and production stacks, every
/// string the expression names, and one stack it does not name. Unknown values never match.
/// </summary>
internal static class AnyStack
{
    /// <summary>A stack name that no expression names (stands for "any other stack").</summary>
    public const string OtherStack = "\u0001";

    /// <summary>
    /// True when <paramref name="operation"/> is <paramref name="expected"/> in some stack; <paramref name="stack"/> is null
    /// when it is so in every stack (a constant), <see cref="OtherStack"/> for stacks the expression does not name, else the stack.
    /// </summary>
    public static bool Holds(
        IOperation operation,
        bool expected,
        ImmutableArray<string> knownStacks,
        ValueResolver values,
        CancellationToken cancellationToken,
        out string? stack)
    {
        stack = null;
        var followed = values.Follow(operation, cancellationToken);
        if (followed.ConstantValue.HasValue)
        {
            return followed.ConstantValue.Value is bool constant && constant == expected;
        }

        if (values.ResolveBoolean(followed, cancellationToken) is { } resolved)
        {
            return resolved == expected;
        }

        // Only an expression that can depend on the stack is worth evaluating per stack.
        if (followed is not (IBinaryOperation or IUnaryOperation or IConditionalOperation or IInvocationOperation or IIsPatternOperation))
        {
            return false;
        }

        foreach (var candidate in Candidates(followed, knownStacks))
        {
            if (ProductionCondition.Evaluate(followed, candidate, values, cancellationToken) == expected)
            {
                stack = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>How a stack returned by <see cref="Holds"/> reads in a message: "" for every stack.</summary>
    public static string Describe(string? stack) => stack switch
    {
        null => string.Empty,
        OtherStack => " in the stacks it does not name",
        _ => " in stack '" + stack + "'",
    };

    private static IEnumerable<string> Candidates(IOperation operation, ImmutableArray<string> knownStacks)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in operation.Syntax.DescendantNodesAndSelf())
        {
            if (node.IsKind(SyntaxKind.StringLiteralExpression) && node.GetFirstToken().Value is string text && seen.Add(text))
            {
                yield return text;
            }
        }

        foreach (var known in knownStacks)
        {
            if (seen.Add(known))
            {
                yield return known;
            }
        }

        yield return OtherStack;
    }
}
