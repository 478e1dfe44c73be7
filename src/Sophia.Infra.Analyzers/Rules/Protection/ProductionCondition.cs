using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Protection;

/// <summary>
/// The value of a boolean expression (the value of <c>Protect</c>) in a given stack: <c>true</c>, <c>false</c>, or null when
/// it cannot be known. Understands constants, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c>, and comparisons of the
/// stack name with a known string: <c>==</c>, <c>!=</c>, <c>string.Equals</c>, <c>Equals</c> and <c>is</c> patterns
/// (<c>is "prod" or "prod-eu"</c>, <c>is not "dev"</c>). Locals and fields are followed through the
/// <see cref="ValueResolver"/>. Anything else is unknown.
/// </summary>
internal static class ProductionCondition
{
    private const int MaxDepth = 8;

    /// <summary>The production stacks configured for the rule of <paramref name="options"/> (<c>sophia_infra.production_stacks</c>), never empty.</summary>
    public static ImmutableArray<string> ProductionStacks(OptionReader options)
    {
        var stacks = options.Get(SophiaOptions.ProductionStacks);
        return stacks.IsDefaultOrEmpty ? SophiaOptions.ProductionStacks.Default : stacks;
    }

    /// <summary>
    /// The constant that <paramref name="operation"/> holds when the stack is <paramref name="stack"/>: a constant, or a
    /// conditional (<c>stack == "prod" ? 7 : 0</c>) whose condition is known in that stack, followed through locals and
    /// fields; no value when unknown. Booleans are read by <see cref="Evaluate"/> (comparisons, <c>!</c>, <c>&amp;&amp;</c>, ...).
    /// </summary>
    public static Optional<object?> ValueIn(IOperation operation, string stack, ValueResolver resolver, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            operation = resolver.Follow(operation, cancellationToken);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            if (operation.Type?.SpecialType == SpecialType.System_Boolean)
            {
                return Evaluate(operation, stack, resolver, cancellationToken) is { } value ? value : default(Optional<object?>);
            }

            if (operation is not IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                return default;
            }

            switch (Evaluate(conditional.Condition, stack, resolver, cancellationToken))
            {
                case true:
                    operation = conditional.WhenTrue;
                    break;
                case false:
                    operation = whenFalse;
                    break;
                default:
                    var whenTrueValue = ValueIn(conditional.WhenTrue, stack, resolver, cancellationToken);
                    var whenFalseValue = ValueIn(whenFalse, stack, resolver, cancellationToken);
                    return whenTrueValue.HasValue && whenFalseValue.HasValue && Equals(whenTrueValue.Value, whenFalseValue.Value) ? whenTrueValue : default;
            }
        }

        return default;
    }

    /// <summary>The value of <paramref name="operation"/> when the stack is <paramref name="stack"/>; null when unknown.</summary>
    public static bool? Evaluate(IOperation operation, string stack, ValueResolver resolver, CancellationToken cancellationToken) =>
        Evaluate(operation, stack, resolver, cancellationToken, depth: 0);

    private static bool? Evaluate(IOperation operation, string stack, ValueResolver resolver, CancellationToken cancellationToken, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = resolver.Follow(operation, cancellationToken);
        if (operation.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Not(Evaluate(not.Operand, stack, resolver, cancellationToken, depth + 1));

            case IBinaryOperation binary:
                return EvaluateBinary(binary, stack, resolver, cancellationToken, depth);

            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                var condition = Evaluate(conditional.Condition, stack, resolver, cancellationToken, depth + 1);
                var whenTrue = condition == false ? null : Evaluate(conditional.WhenTrue, stack, resolver, cancellationToken, depth + 1);
                var otherwise = condition == true ? null : Evaluate(whenFalse, stack, resolver, cancellationToken, depth + 1);
                return condition switch
                {
                    true => whenTrue,
                    false => otherwise,
                    _ => whenTrue == otherwise ? whenTrue : null,
                };

            case IInvocationOperation invocation:
                return EvaluateEquals(invocation, stack, resolver, cancellationToken);

            case IIsPatternOperation isPattern when resolver.IsStackName(isPattern.Value, cancellationToken):
                return EvaluatePattern(isPattern.Pattern, stack, resolver, cancellationToken, depth + 1);

            default:
                return null;
        }
    }

    private static bool? EvaluateBinary(IBinaryOperation binary, string stack, ValueResolver resolver, CancellationToken cancellationToken, int depth)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And when IsBoolean(binary.LeftOperand):
                return And(
                    Evaluate(binary.LeftOperand, stack, resolver, cancellationToken, depth + 1),
                    Evaluate(binary.RightOperand, stack, resolver, cancellationToken, depth + 1));

            case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or when IsBoolean(binary.LeftOperand):
                return Or(
                    Evaluate(binary.LeftOperand, stack, resolver, cancellationToken, depth + 1),
                    Evaluate(binary.RightOperand, stack, resolver, cancellationToken, depth + 1));

            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                bool? equal;
                if (IsString(binary.LeftOperand) && IsString(binary.RightOperand))
                {
                    equal = CompareWithStack(binary.LeftOperand, binary.RightOperand, StringComparison.Ordinal, stack, resolver, cancellationToken);
                }
                else if (IsBoolean(binary.LeftOperand) && IsBoolean(binary.RightOperand))
                {
                    var left = Evaluate(binary.LeftOperand, stack, resolver, cancellationToken, depth + 1);
                    var right = Evaluate(binary.RightOperand, stack, resolver, cancellationToken, depth + 1);
                    equal = left is null || right is null ? null : left == right;
                }
                else
                {
                    return null;
                }

                return binary.OperatorKind == BinaryOperatorKind.Equals ? equal : Not(equal);

            default:
                return null;
        }
    }

    /// <summary><c>string.Equals(a, b[, comparison])</c> and <c>a.Equals(b[, comparison])</c> on strings.</summary>
    private static bool? EvaluateEquals(IInvocationOperation invocation, string stack, ValueResolver resolver, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "Equals" || method.ContainingType?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        var arguments = invocation.Arguments;
        IOperation left;
        IOperation right;
        int next;
        if (method.IsStatic && arguments.Length >= 2)
        {
            left = arguments[0].Value;
            right = arguments[1].Value;
            next = 2;
        }
        else if (!method.IsStatic && invocation.Instance is not null && arguments.Length >= 1)
        {
            left = invocation.Instance;
            right = arguments[0].Value;
            next = 1;
        }
        else
        {
            return null;
        }

        var comparison = StringComparison.Ordinal;
        if (arguments.Length > next)
        {
            if (resolver.ResolveConstant(arguments[next].Value, cancellationToken) is not { HasValue: true, Value: int kind })
            {
                return null;
            }

            // CurrentCultureIgnoreCase, InvariantCultureIgnoreCase, OrdinalIgnoreCase are the odd values.
            comparison = (kind & 1) == 1 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        }

        return CompareWithStack(left, right, comparison, stack, resolver, cancellationToken);
    }

    private static bool? EvaluatePattern(IPatternOperation pattern, string stack, ValueResolver resolver, CancellationToken cancellationToken, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return KnownString(constant.Value, resolver, cancellationToken) is { } text ? string.Equals(text, stack, StringComparison.Ordinal) : null;
            case INegatedPatternOperation negated:
                return Not(EvaluatePattern(negated.Pattern, stack, resolver, cancellationToken, depth + 1));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return Or(
                    EvaluatePattern(or.LeftPattern, stack, resolver, cancellationToken, depth + 1),
                    EvaluatePattern(or.RightPattern, stack, resolver, cancellationToken, depth + 1));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                return And(
                    EvaluatePattern(and.LeftPattern, stack, resolver, cancellationToken, depth + 1),
                    EvaluatePattern(and.RightPattern, stack, resolver, cancellationToken, depth + 1));
            case IDiscardPatternOperation:
                return true;
            default:
                return null;
        }
    }

    /// <summary>Whether the stack name on one side equals the known string on the other; null when neither shape holds.</summary>
    private static bool? CompareWithStack(IOperation left, IOperation right, StringComparison comparison, string stack, ValueResolver resolver, CancellationToken cancellationToken)
    {
        // The known side first: it is the cheap test, and it tells which side must be the stack name.
        if (KnownString(right, resolver, cancellationToken) is { } rightText)
        {
            return resolver.IsStackName(left, cancellationToken) ? string.Equals(rightText, stack, comparison) : null;
        }

        if (KnownString(left, resolver, cancellationToken) is { } leftText)
        {
            return resolver.IsStackName(right, cancellationToken) ? string.Equals(leftText, stack, comparison) : null;
        }

        return null;
    }

    private static string? KnownString(IOperation operation, ValueResolver resolver, CancellationToken cancellationToken) =>
        resolver.ResolveConstant(operation, cancellationToken) is { HasValue: true, Value: string text } ? text : null;

    private static bool IsString(IOperation operation) => ValueResolver.Unwrap(operation).Type?.SpecialType == SpecialType.System_String;

    private static bool IsBoolean(IOperation operation) => ValueResolver.Unwrap(operation).Type?.SpecialType == SpecialType.System_Boolean;

    private static bool? Not(bool? value) => value is null ? null : !value.Value;

    private static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left == true && right == true ? true : null;

    private static bool? Or(bool? left, bool? right) =>
        left == true || right == true ? true : left == false && right == false ? false : null;
}
