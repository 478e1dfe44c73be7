using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>
/// The required inputs of an args type (<c>ResourceArgs</c> or <c>InvokeArgs</c>, generated or user-defined): the
/// properties marked <c>[Input("...", required: true)]</c>, read from metadata or source, the type's base types included.
/// Pulumi puts the attribute of a list or map input on its private backing field (<c>_values</c> for <c>Values</c>); such a
/// field counts for its property when the compilation can see it (source types; metadata types only expose private members
/// when imported with all members). Thread-safe; each type is read once (the answers are kept with the type symbol).
/// </summary>
public sealed class RequiredInputs
{
    private static readonly object Yes = true;
    private static readonly object No = false;

    // Keyed by the type's definition object and shared by the compilations that share it (a metadata args type is one
    // object for every compilation over the same references, as the IDE makes after each edit); what a type requires
    // depends only on the type, its base types and their attributes, which are shared with it.
    private static readonly ConditionalWeakTable<ISymbol, StrongBox<ImmutableArray<IPropertySymbol>>> Cache = new();
    private static readonly ConditionalWeakTable<ISymbol, object> IsArgs = new();

    private readonly PulumiSymbols _symbols;

    public RequiredInputs(PulumiSymbols symbols) => _symbols = symbols;

    /// <summary>True for a type that derives from <c>Pulumi.ResourceArgs</c> or <c>Pulumi.InvokeArgs</c>.</summary>
    public bool IsArgsType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named)
        {
            return false;
        }

        // Asked for every object creation of the compilation: cached per type.
        var definition = named.OriginalDefinition;
        var shared = _symbols.SharesTypeFacts;
        if (shared && IsArgs.TryGetValue(definition, out var known))
        {
            return ReferenceEquals(known, Yes);
        }

        var isArgs = _symbols.IsOrDerivesFrom(definition, PulumiType.ResourceArgs) || _symbols.IsOrDerivesFrom(definition, PulumiType.InvokeArgs);
        return shared ? AddIsArgs(definition, isArgs) : isArgs;
    }

    // Apart from the look-ups: a lambda that captures a local makes the compiler allocate its closure on every call.
    private static bool AddIsArgs(ISymbol definition, bool isArgs)
    {
        var box = isArgs ? Yes : No;
        return ReferenceEquals(IsArgs.GetValue(definition, _ => box), Yes);
    }

    private static ImmutableArray<IPropertySymbol> AddRequired(ISymbol definition, ImmutableArray<IPropertySymbol> required)
    {
        var read = new StrongBox<ImmutableArray<IPropertySymbol>>(required);
        return Cache.GetValue(definition, _ => read).Value;
    }

    /// <summary>The required input properties of <paramref name="argsType"/> in declaration order (base types first); empty when none.</summary>
    public ImmutableArray<IPropertySymbol> Of(ITypeSymbol argsType)
    {
        var definition = argsType.OriginalDefinition; // args types are not generic; a generic one is read as its definition
        if (!_symbols.SharesTypeFacts)
        {
            return Read(definition);
        }

        return Cache.TryGetValue(definition, out var known) ? known.Value : AddRequired(definition, Read(definition));
    }

    private ImmutableArray<IPropertySymbol> Read(ITypeSymbol argsType)
    {
        var attribute = _symbols.Get(PulumiType.InputAttribute);
        if (attribute is null)
        {
            return ImmutableArray<IPropertySymbol>.Empty;
        }

        ImmutableArray<IPropertySymbol>.Builder? found = null;
        var chain = ImmutableArray.CreateBuilder<ITypeSymbol>();
        for (var type = argsType; type is not null && !_symbols.Is(type, PulumiType.ResourceArgs) && !_symbols.Is(type, PulumiType.InvokeArgs); type = type.BaseType)
        {
            chain.Add(type);
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var member in chain[i].GetMembers())
            {
                if (member is not (IPropertySymbol or IFieldSymbol) || !IsRequired(member, attribute))
                {
                    continue;
                }

                var property = member as IPropertySymbol ?? FindPropertyOfField((IFieldSymbol)member, chain[i]);
                if (property is not null && (found is null || !found.Contains(property)))
                {
                    (found ??= ImmutableArray.CreateBuilder<IPropertySymbol>()).Add(property);
                }
            }
        }

        return found is null ? ImmutableArray<IPropertySymbol>.Empty : found.ToImmutable();
    }

    private static bool IsRequired(ISymbol member, INamedTypeSymbol inputAttribute)
    {
        foreach (var data in member.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(data.AttributeClass, inputAttribute))
            {
                continue;
            }

            var arguments = data.ConstructorArguments;
            if (arguments.Length > 1 && arguments[1].Value is bool required)
            {
                return required;
            }

            foreach (var named in data.NamedArguments)
            {
                if (named.Key == "required" && named.Value.Value is bool namedRequired)
                {
                    return namedRequired;
                }
            }

            return false;
        }

        return false;
    }

    /// <summary>The property a backing field serves: <c>_values</c> → <c>Values</c> (compared without case).</summary>
    private static IPropertySymbol? FindPropertyOfField(IFieldSymbol field, ITypeSymbol type)
    {
        var name = field.Name.TrimStart('_');
        if (name.Length == 0)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property && string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        return null;
    }
}
