using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Network;

/// <summary>
/// The values that the iteration variables of <c>foreach</c> loops over written-out lists of constants take
/// (<c>foreach (var port in new[] { 22, 443 })</c>), so that a value built from such a variable is known once per
/// element. The values of several operations are read together, one combination of the variables at a time, so that
/// <c>FromPort = port, ToPort = port</c> pairs each element with itself. Loops over anything else leave their variable
/// unknown. Created only when an operation reads such a variable (the common case allocates nothing).
/// </summary>
internal sealed class LoopBindings
{
    private const int MaxCombinations = 256;

    private readonly List<ILocalSymbol> _locals = new();
    private readonly List<ImmutableArray<object?>> _values = new();

    private LoopBindings()
    {
    }

    /// <summary>The number of combinations of the loop variables' values (1 when there are no loop variables).</summary>
    public int Count { get; private set; } = 1;

    /// <summary>
    /// Adds the loop variable that <paramref name="operation"/> reads (after following locals), if it is one. False when it
    /// reads a loop variable whose values cannot be known, or when there would be too many combinations.
    /// </summary>
    public static bool TryAdd(ref LoopBindings? bindings, IOperation? operation, ValueResolver values, CancellationToken cancellationToken)
    {
        if (operation is null || values.Follow(operation, cancellationToken) is not ILocalReferenceOperation { Local: var local } reference
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ForEachStatementSyntax loop)
        {
            return true;
        }

        if (bindings is not null)
        {
            foreach (var known in bindings._locals)
            {
                if (SymbolEqualityComparer.Default.Equals(known, local))
                {
                    return true;
                }
            }
        }

        if (!TryGetElements(loop, reference, values, cancellationToken, out var elements) || elements.IsEmpty)
        {
            return false;
        }

        bindings ??= new LoopBindings();
        if (bindings.Count * elements.Length > MaxCombinations)
        {
            return false;
        }

        bindings._locals.Add(local);
        bindings._values.Add(elements);
        bindings.Count *= elements.Length;
        return true;
    }

    /// <summary>
    /// The value of <paramref name="operation"/> in combination <paramref name="combination"/> of the loop variables
    /// (pass 0 when <paramref name="bindings"/> is null): a constant, an enum-like Pulumi value, or a loop variable's element.
    /// </summary>
    public static Optional<object?> Resolve(LoopBindings? bindings, int combination, IOperation operation, ValueResolver values, CancellationToken cancellationToken)
    {
        var followed = values.Follow(operation, cancellationToken);
        if (bindings is not null && followed is ILocalReferenceOperation { Local: var local })
        {
            var stride = 1;
            for (var i = 0; i < bindings._locals.Count; i++)
            {
                var elements = bindings._values[i];
                if (SymbolEqualityComparer.Default.Equals(bindings._locals[i], local))
                {
                    return elements[(combination / stride) % elements.Length];
                }

                stride *= elements.Length;
            }
        }

        return ResolveValue(followed, values, cancellationToken);
    }

    /// <summary>
    /// The constant value of <paramref name="operation"/>, also for the enum-like values of Pulumi packages
    /// (<c>CannedAcl.PublicRead</c> is <c>"public-read"</c>, <c>ProtocolType.TCP</c> is <c>"tcp"</c>).
    /// </summary>
    public static Optional<object?> ResolveValue(IOperation operation, ValueResolver values, CancellationToken cancellationToken)
    {
        var constant = values.ResolveConstant(operation, cancellationToken);
        if (constant.HasValue)
        {
            return constant;
        }

        return values.Follow(operation, cancellationToken) is IPropertyReferenceOperation { Instance: null, Property: var property }
            && property.IsStatic
            && property.Type is { IsValueType: true } type
            && SymbolEqualityComparer.Default.Equals(type, property.ContainingType)
            && IsPulumiNamespace(type.ContainingNamespace)
                ? EnumText(property.Name)
                : default(Optional<object?>);
    }

    /// <summary>The elements of the loop's collection when it is a written-out list of known values.</summary>
    private static bool TryGetElements(ForEachStatementSyntax loop, IOperation use, ValueResolver values, CancellationToken cancellationToken, out ImmutableArray<object?> elements)
    {
        elements = default;
        if (use.SemanticModel is not { } model || loop.SyntaxTree != model.SyntaxTree
            || model.GetOperation(loop, cancellationToken) is not IForEachLoopOperation operation)
        {
            return false;
        }

        var collection = ValueResolver.Unwrap(operation.Collection);
        if (ValueResolver.ReferencedSymbol(collection) is { } symbol && values.IsChangedAfterAssignment(symbol, cancellationToken))
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<object?>();
        switch (values.Follow(collection, cancellationToken))
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (!TryAddValue(builder, element, values, cancellationToken))
                    {
                        return false;
                    }
                }

                break;
            case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer }:
                foreach (var initializerEntry in initializer.Initializers)
                {
                    if (initializerEntry is not IInvocationOperation { Arguments.Length: 1 } add
                        || !TryAddValue(builder, add.Arguments[0].Value, values, cancellationToken))
                    {
                        return false;
                    }
                }

                break;
            case var other when CollectionExpression.TryGetElements(other, out var written):
                foreach (var element in written)
                {
                    if (!TryAddValue(builder, element, values, cancellationToken))
                    {
                        return false;
                    }
                }

                break;
            default:
                return false;
        }

        elements = builder.ToImmutable();
        return true;
    }

    private static bool TryAddValue(ImmutableArray<object?>.Builder builder, IOperation element, ValueResolver values, CancellationToken cancellationToken)
    {
        var value = ResolveValue(element, values, cancellationToken);
        if (!value.HasValue)
        {
            return false;
        }

        builder.Add(value.Value);
        return true;
    }

    private static bool IsPulumiNamespace(INamespaceSymbol? ns)
    {
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name == "Pulumi";
    }

    /// <summary><c>PublicRead</c> → <c>public-read</c>, <c>TCP</c> → <c>tcp</c>: how Pulumi names the values of its enums.</summary>
    private static string EnumText(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
