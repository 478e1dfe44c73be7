using System;
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
    private readonly Element[] _elements;
    private readonly int _hash;

    private NameKey(INamedTypeSymbol type, Element[] elements)
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
        // First pass: whether the name can be compared at all, and how many elements it has (runs of text merge into one).
        var parts = name.Parts;
        var count = 0;
        var inText = false;
        foreach (var part in parts)
        {
            if (IsText(part, project))
            {
                count += inText ? 0 : 1;
                inText = true;
                continue;
            }

            if (part.Kind == StringPartKind.Unknown && (part.Symbol is null || !isStable(part.Symbol)))
            {
                return null;
            }

            count++;
            inText = false;
        }

        var elements = new Element[count];
        var at = 0;
        for (var i = 0; i < parts.Length;)
        {
            var part = parts[i];
            if (IsText(part, project))
            {
                // A run of text: one string, built only when the run has more than one piece.
                var end = i + 1;
                while (end < parts.Length && IsText(parts[end], project))
                {
                    end++;
                }

                string text;
                if (end == i + 1)
                {
                    text = TextOf(part, project);
                }
                else
                {
                    var builder = new StringBuilder();
                    for (var k = i; k < end; k++)
                    {
                        builder.Append(TextOf(parts[k], project));
                    }

                    text = builder.ToString();
                }

                if (text.Length > 0)
                {
                    elements[at++] = new Element(StringPartKind.Text, text, null);
                }

                i = end;
                continue;
            }

            elements[at++] = part.Kind == StringPartKind.Unknown
                ? new Element(part.Kind, part.Path ?? string.Empty, part.Symbol)
                : new Element(part.Kind, string.Empty, null);
            i++;
        }

        if (at < elements.Length)
        {
            System.Array.Resize(ref elements, at); // a run of empty text
        }

        return new NameKey(type.OriginalDefinition, elements);

        static bool IsText(StringPart part, string? project) =>
            part.Kind == StringPartKind.Text || (part.Kind == StringPartKind.ProjectName && project is not null);

        static string TextOf(StringPart part, string? project) => part.Kind == StringPartKind.Text ? part.Text : project!;
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
