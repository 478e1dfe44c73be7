using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>
/// The identity of a resource for SIA1003: its type and its resolved name, where adjacent text is merged, the project
/// name counts as the configured project, and an unknown part counts only when it reads a symbol whose value cannot
/// change between two uses (so that two names with unknown parts are equal only where the unknown parts are the same
/// symbol). Null when a name has an unknown part that no such symbol identifies.
/// </summary>
internal sealed class NameKey : IEquatable<NameKey>
{
    private readonly INamedTypeSymbol _type;
    private readonly ImmutableArray<Element> _elements;
    private readonly int _hash;

    private NameKey(INamedTypeSymbol type, ImmutableArray<Element> elements)
    {
        _type = type;
        _elements = elements;
        var hash = SymbolEqualityComparer.Default.GetHashCode(type);
        foreach (var element in elements)
        {
            hash = (hash * 31) + element.GetHashCode();
        }

        _hash = hash;
    }

    private readonly struct Element : IEquatable<Element>
    {
        public Element(StringPartKind kind, string text, ISymbol? symbol)
        {
            Kind = kind;
            Text = text;
            Symbol = symbol;
        }

        public StringPartKind Kind { get; }

        /// <summary>The text, or the member path of an unknown part.</summary>
        public string Text { get; }

        public ISymbol? Symbol { get; }

        public bool Equals(Element other) =>
            Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => obj is Element other && Equals(other);

        public override int GetHashCode() =>
            ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Text) ^ (Symbol is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(Symbol));
    }

    /// <summary>The key of a name, or null when an unknown part of it cannot be compared.</summary>
    public static NameKey? Create(INamedTypeSymbol type, ResolvedString name, string? project, Func<ISymbol, bool> isStable)
    {
        var elements = ImmutableArray.CreateBuilder<Element>(name.Parts.Length);
        var text = new StringBuilder();
        foreach (var part in name.Parts)
        {
            switch (part.Kind)
            {
                case StringPartKind.Text:
                    text.Append(part.Text);
                    continue;
                case StringPartKind.ProjectName when project is not null:
                    text.Append(project);
                    continue;
                case StringPartKind.Unknown when part.Symbol is null || !isStable(part.Symbol):
                    return null;
            }

            Flush(elements, text);
            elements.Add(part.Kind == StringPartKind.Unknown
                ? new Element(part.Kind, part.Path ?? string.Empty, part.Symbol)
                : new Element(part.Kind, string.Empty, null));
        }

        Flush(elements, text);
        return new NameKey(type.OriginalDefinition, elements.ToImmutable());

        static void Flush(ImmutableArray<Element>.Builder elements, StringBuilder text)
        {
            if (text.Length > 0)
            {
                elements.Add(new Element(StringPartKind.Text, text.ToString(), null));
                text.Clear();
            }
        }
    }

    public bool Equals(NameKey? other)
    {
        if (other is null || other._hash != _hash || other._elements.Length != _elements.Length || !SymbolEqualityComparer.Default.Equals(_type, other._type))
        {
            return false;
        }

        for (var i = 0; i < _elements.Length; i++)
        {
            if (!_elements[i].Equals(other._elements[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as NameKey);

    public override int GetHashCode() => _hash;
}
