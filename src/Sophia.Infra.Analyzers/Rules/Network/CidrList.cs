using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Network;

/// <summary>
/// The elements of a list of strings in args (<c>CidrBlocks</c>), each as the operation where it is written: a collection
/// initializer (<c>CidrBlocks = { a, b }</c>), an array (<c>new[] { ... }</c>), a list (<c>new List&lt;string&gt; { ... }</c>,
/// <c>new InputList&lt;string&gt; { ... }</c>), a collection expression (<c>["10.0.0.0/8"]</c>), one string converted to a list, and any of these
/// held by a local or field assigned once (and not changed afterwards), nested lists included. A list that cannot be
/// followed adds nothing.
/// </summary>
internal readonly struct CidrList
{
    private const int MaxDepth = 6;

    private readonly ValueResolver _values;
    private readonly List<IOperation> _elements;
    private readonly CancellationToken _cancellationToken;

    public CidrList(ValueResolver values, List<IOperation> elements, CancellationToken cancellationToken)
    {
        _values = values;
        _elements = elements;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Adds the elements of the list that <paramref name="owner"/>'s initializer sets for <paramref name="member"/>.</summary>
    public void AddMember(IObjectCreationOperation owner, string member)
    {
        if (ResourceCreation.FindMemberInitializer(owner, member) is { Initializer: { } initializer })
        {
            AddInitializer(initializer.Initializers, 0);
        }
        else if (ResourceCreation.FindInitializerAssignment(owner, member) is { } assignment)
        {
            AddList(assignment.Value, 0);
        }
    }

    private void AddList(IOperation value, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var unwrapped = ValueResolver.Unwrap(value);
        if (IsText(unwrapped.Type))
        {
            _elements.Add(value); // one string converted to a list: the value is its only element
            return;
        }

        if (ValueResolver.ReferencedSymbol(unwrapped) is { } symbol && _values.IsChangedAfterAssignment(symbol, _cancellationToken))
        {
            return;
        }

        switch (_values.Follow(unwrapped, _cancellationToken))
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    AddElement(element, depth);
                }

                return;
            case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer }:
                AddInitializer(initializer.Initializers, depth);
                return;
            case var other when CollectionExpression.TryGetElements(other, out var written):
                foreach (var element in written)
                {
                    AddElement(element, depth);
                }

                return;
            case { Type: var type } when IsText(type):
                _elements.Add(value); // a local holding one string: the use is the place
                return;
        }
    }

    private void AddInitializer(ImmutableArray<IOperation> initializers, int depth)
    {
        foreach (var entry in initializers)
        {
            if (entry is not IInvocationOperation add)
            {
                continue;
            }

            foreach (var argument in add.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && ValueResolver.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } elements })
                {
                    foreach (var element in elements.ElementValues)
                    {
                        AddElement(element, depth);
                    }
                }
                else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    AddElement(argument.Value, depth);
                }
            }
        }
    }

    private void AddElement(IOperation element, int depth)
    {
        var type = ValueResolver.Unwrap(element).Type;
        if (type is not null && !IsText(type) && IsEnumerable(type))
        {
            AddList(element, depth + 1); // InputList.Add(InputList<T>): a list inside the list
            return;
        }

        _elements.Add(element);
    }

    private static bool IsText(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    private static bool IsEnumerable(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }
}
