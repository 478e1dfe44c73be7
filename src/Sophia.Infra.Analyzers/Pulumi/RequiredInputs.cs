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

    // Keyed by the type's definition object and kept with it for the compilations that share it (see SharedTypeFacts).
    private static readonly SharedTypeFacts<ITypeSymbol, StrongBox<ImmutableArray<IPropertySymbol>>> Cache = new();
    private static readonly SharedTypeFacts<INamedTypeSymbol, object> IsArgs = new();

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
        var isArgs = IsArgs.Get(named.OriginalDefinition, _symbols, static (definition, symbols) =>
            symbols.IsOrDerivesFrom(definition, PulumiType.ResourceArgs) || symbols.IsOrDerivesFrom(definition, PulumiType.InvokeArgs) ? Yes : No);
        return ReferenceEquals(isArgs, Yes);
    }

    /// <summary>The required input properties of <paramref name="argsType"/> in declaration order (base types first); empty when none.</summary>
    public ImmutableArray<IPropertySymbol> Of(ITypeSymbol argsType) =>
        // Args types are not generic; a generic one is read as its definition.
        Cache.Get(argsType.OriginalDefinition, _symbols, static (definition, symbols) => new StrongBox<ImmutableArray<IPropertySymbol>>(Read(definition, symbols))).Value;

    private static ImmutableArray<IPropertySymbol> Read(ITypeSymbol argsType, PulumiSymbols symbols)
    {
        var attribute = symbols.Get(PulumiType.InputAttribute);
        if (attribute is null)
        {
            return ImmutableArray<IPropertySymbol>.Empty;
        }

        ImmutableArray<IPropertySymbol>.Builder? found = null;
        var chain = ImmutableArray.CreateBuilder<ITypeSymbol>();
        for (var type = argsType; type is not null && !symbols.Is(type, PulumiType.ResourceArgs) && !symbols.Is(type, PulumiType.InvokeArgs); type = type.BaseType)
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
