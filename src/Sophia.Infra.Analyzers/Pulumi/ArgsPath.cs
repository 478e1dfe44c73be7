using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>What a walk along an <see cref="ArgsPath"/> found at one place.</summary>
public enum ArgsPathHitKind
{
    /// <summary>The member at <see cref="ArgsPathHit.Depth"/> is not set in the initializer of <see cref="ArgsPathHit.Owner"/>.</summary>
    Missing,

    /// <summary>The last member is set: <see cref="ArgsPathHit.Assignment"/> is <c>Member = value</c>.</summary>
    Value,

    /// <summary>A nested block (not the last member) is explicitly <c>null</c>: <see cref="ArgsPathHit.Assignment"/> is that assignment.</summary>
    Null,

    /// <summary>The value at <see cref="ArgsPathHit.Depth"/> cannot be followed (a parameter, a call, a value from another file, ...).</summary>
    Unknown,
}

/// <summary>One place an <see cref="ArgsPath"/> walk reached.</summary>
public readonly struct ArgsPathHit
{
    public ArgsPathHit(ArgsPathHitKind kind, int depth, int listIndex, IObjectCreationOperation? owner, ISimpleAssignmentOperation? assignment)
    {
        Kind = kind;
        Depth = depth;
        ListIndex = listIndex;
        Owner = owner;
        Assignment = assignment;
    }

    public ArgsPathHitKind Kind { get; }

    /// <summary>The index of the segment the hit is about (0 = the first member of the path).</summary>
    public int Depth { get; }

    /// <summary>The index of the element of the (first) list segment that the walk went through; -1 when it went through none.</summary>
    public int ListIndex { get; }

    /// <summary>The object creation whose initializer holds (or lacks) the member; null when the args themselves are absent.</summary>
    public IObjectCreationOperation? Owner { get; }

    /// <summary>For <see cref="ArgsPathHitKind.Value"/> and <see cref="ArgsPathHitKind.Null"/>: the assignment in the initializer.</summary>
    public ISimpleAssignmentOperation? Assignment { get; }
}

/// <summary>Receives the hits of an <see cref="ArgsPath"/> walk (a struct, so that a walk allocates nothing).</summary>
public interface IArgsPathVisitor
{
    void Visit(in ArgsPathHit hit);
}

/// <summary>
/// A member path in resource args, such as <c>StorageEncrypted</c>, <c>RootBlockDevice.Encrypted</c> or
/// <c>EbsBlockDevices[].Encrypted</c> (<c>[]</c>: every element of a list input). <see cref="Walk"/> follows it through the
/// object initializers of the args, nested args (<c>new XArgs { ... }</c>, also through a local) and list inputs
/// (collection initializers <c>P = { a, b }</c>, arrays, list creations and collection expressions), and reports what it finds at the end of the path,
/// or where the path stops: a member that is not set, an explicit <c>null</c> block, or a value it cannot follow.
/// Parse a path once (static field) and walk it per creation.
/// </summary>
public sealed class ArgsPath
{
    private readonly string[] _names;
    private readonly bool[] _isList;

    public ArgsPath(string path)
    {
        Text = path;
        var segments = path.Split('.');
        _names = new string[segments.Length];
        _isList = new bool[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isList = segment.EndsWith("[]", StringComparison.Ordinal);
            if (isList && i == segments.Length - 1)
            {
                throw new ArgumentException("A path cannot end with a list segment: " + path, nameof(path));
            }

            _names[i] = isList ? segment.Substring(0, segment.Length - 2) : segment;
            _isList[i] = isList;
        }
    }

    /// <summary>The path as written (<c>EbsBlockDevices[].Encrypted</c>).</summary>
    public string Text { get; }

    /// <summary>The number of segments.</summary>
    public int Length => _names.Length;

    /// <summary>The member name of segment <paramref name="index"/> (without <c>[]</c>).</summary>
    public string Name(int index) => _names[index];

    /// <summary>True when segment <paramref name="index"/> is a list (<c>Name[]</c>).</summary>
    public bool IsList(int index) => _isList[index];

    /// <summary>The path up to and including segment <paramref name="depth"/>, with the list index filled in (<c>EbsBlockDevices[1].Encrypted</c>).</summary>
    public string Display(int depth, int listIndex)
    {
        var builder = new StringBuilder();
        var listSeen = false;
        for (var i = 0; i <= depth && i < _names.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            builder.Append(_names[i]);
            if (_isList[i])
            {
                builder.Append('[');
                if (!listSeen && listIndex >= 0)
                {
                    builder.Append(listIndex);
                }

                builder.Append(']');
                listSeen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Walks the path from <paramref name="args"/> (the args object creation; pass null when the args are provably absent, and
    /// do not walk at all when they are unknown) and hands every hit to <paramref name="visitor"/>. Never throws on incomplete code.
    /// </summary>
    public void Walk<TVisitor>(IObjectCreationOperation? args, ValueResolver resolver, ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IArgsPathVisitor
    {
        if (args is null)
        {
            visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Missing, 0, -1, null, null));
            return;
        }

        WalkFrom(args, 0, -1, resolver, ref visitor, cancellationToken);
    }

    private void WalkFrom<TVisitor>(IObjectCreationOperation owner, int depth, int listIndex, ValueResolver resolver, ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IArgsPathVisitor
    {
        cancellationToken.ThrowIfCancellationRequested();
        var name = _names[depth];
        if (_isList[depth])
        {
            WalkList(owner, depth, listIndex, resolver, ref visitor, cancellationToken);
            return;
        }

        var assignment = ResourceCreation.FindInitializerAssignment(owner, name);
        if (assignment is null)
        {
            visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Missing, depth, listIndex, owner, null));
            return;
        }

        if (depth == _names.Length - 1)
        {
            visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Value, depth, listIndex, owner, assignment));
            return;
        }

        var value = resolver.Follow(assignment.Value, cancellationToken);
        switch (value)
        {
            case IObjectCreationOperation nested when nested.Arguments.IsEmpty:
                WalkFrom(nested, depth + 1, listIndex, resolver, ref visitor, cancellationToken);
                return;
            case { ConstantValue: { HasValue: true, Value: null } }:
                visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Null, depth, listIndex, owner, assignment));
                return;
            default:
                visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Unknown, depth, listIndex, owner, assignment));
                return;
        }
    }

    private void WalkList<TVisitor>(IObjectCreationOperation owner, int depth, int listIndex, ValueResolver resolver, ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IArgsPathVisitor
    {
        var name = _names[depth];
        var index = 0;
        var member = ResourceCreation.FindMemberInitializer(owner, name);
        if (member is not null)
        {
            // P = { a, b }: the Add calls of a collection initializer on the list the args already hold.
            if (member.Initializer is not { } initializer || !VisitElements(initializer.Initializers, depth, listIndex, ref index, resolver, ref visitor, cancellationToken))
            {
                visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Unknown, depth, listIndex, owner, null));
            }

            return;
        }

        var assignment = ResourceCreation.FindInitializerAssignment(owner, name);
        if (assignment is null)
        {
            visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Missing, depth, listIndex, owner, null));
            return;
        }

        var value = resolver.Follow(assignment.Value, cancellationToken);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                foreach (var element in arrayInitializer.ElementValues)
                {
                    VisitElement(element, depth, listIndex, index++, resolver, ref visitor, cancellationToken);
                }

                return;
            case IObjectCreationOperation { Arguments.IsEmpty: true } collection
                when collection.Initializer is null || VisitElements(collection.Initializer.Initializers, depth, listIndex, ref index, resolver, ref visitor, cancellationToken):
                return;
            case { ConstantValue: { HasValue: true, Value: null } }:
                visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Null, depth, listIndex, owner, assignment));
                return;
            case var written when CollectionExpression.TryGetElements(written, out var elements):
                // P = [a, b] (C# 12), read through its syntax.
                foreach (var element in elements)
                {
                    VisitElement(element, depth, listIndex, index++, resolver, ref visitor, cancellationToken);
                }

                return;
            default:
                visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Unknown, depth, listIndex, owner, assignment));
                return;
        }
    }

    /// <summary>Visits the elements added by a collection initializer; false when one of its entries is not an <c>Add</c> call.</summary>
    private bool VisitElements<TVisitor>(ImmutableArray<IOperation> initializers, int depth, int listIndex, ref int index, ValueResolver resolver, ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IArgsPathVisitor
    {
        foreach (var initializer in initializers)
        {
            if (initializer is not IInvocationOperation add)
            {
                return false;
            }

            foreach (var argument in add.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && ValueResolver.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } elements })
                {
                    foreach (var element in elements.ElementValues)
                    {
                        VisitElement(element, depth, listIndex, index++, resolver, ref visitor, cancellationToken);
                    }
                }
                else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    VisitElement(argument.Value, depth, listIndex, index++, resolver, ref visitor, cancellationToken);
                }
            }
        }

        return true;
    }

    private void VisitElement<TVisitor>(IOperation element, int depth, int listIndex, int index, ValueResolver resolver, ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IArgsPathVisitor
    {
        var elementIndex = listIndex < 0 ? index : listIndex;
        if (resolver.Follow(element, cancellationToken) is IObjectCreationOperation { Arguments.IsEmpty: true } item
            && item.Type is { } type
            && !IsCollection(type))
        {
            WalkFrom(item, depth + 1, elementIndex, resolver, ref visitor, cancellationToken);
            return;
        }

        visitor.Visit(new ArgsPathHit(ArgsPathHitKind.Unknown, depth, elementIndex, null, null));
    }

    // An element that is itself a list (InputList.Add(InputList<T>)) cannot be walked element by element here.
    private static bool IsCollection(ITypeSymbol type)
    {
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
