using System;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>A cheap text test before binding: whether a file's text names an identifier at all.</summary>
internal static class IdentifierText
{
    /// <summary>True when <paramref name="text"/> holds <paramref name="name"/> as a whole identifier (comments included: errs towards "named").</summary>
    public static bool Occurs(string text, string name)
    {
        for (var index = text.IndexOf(name, StringComparison.Ordinal); index >= 0; index = text.IndexOf(name, index + 1, StringComparison.Ordinal))
        {
            var end = index + name.Length;
            var before = index == 0 ? ' ' : text[index - 1];
            var after = end >= text.Length ? ' ' : text[end];
            if (!IsIdentifierChar(before) && !IsIdentifierChar(after))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
