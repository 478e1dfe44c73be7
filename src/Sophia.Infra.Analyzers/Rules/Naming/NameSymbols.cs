using System.Collections.Generic;
using System.Text;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>What one symbol of a name is.</summary>
internal enum NameSymbolKind : byte
{
    /// <summary>A known character.</summary>
    Char,

    /// <summary>The stack name (or a hard-coded environment standing where the stack name should be).</summary>
    Stack,

    /// <summary>The project name (<c>Deployment.Instance.ProjectName</c>).</summary>
    Project,

    /// <summary>A part the analyzer cannot know: any text at all, the stack name included.</summary>
    Unknown,
}

/// <summary>One symbol of a name: a known character, or a whole stack, project or unknown part.</summary>
internal readonly struct NameSymbol
{
    public NameSymbol(NameSymbolKind kind, char c, int part)
    {
        Kind = kind;
        Char = c;
        Part = part;
    }

    public NameSymbolKind Kind { get; }

    public char Char { get; }

    /// <summary>The index of the <see cref="ResolvedString"/> part the symbol comes from.</summary>
    public int Part { get; }

    public bool IsChar(char c) => Kind == NameSymbolKind.Char && Char == c;

    public bool IsHyphen => Kind == NameSymbolKind.Char && Char == '-';
}

/// <summary>A run of symbols between hyphens: <c>[start, end)</c> in a symbol array.</summary>
internal readonly struct NameSegment
{
    public NameSegment(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;
}

/// <summary>Turns a resolved name into symbols, finds character faults, normalises to lower kebab-case, splits into segments.</summary>
internal static class NameSymbols
{
    public static NameSymbol[] From(ResolvedString name)
    {
        var count = 0;
        foreach (var part in name.Parts)
        {
            count += part.Kind == StringPartKind.Text ? part.Text.Length : 1;
        }

        var symbols = new NameSymbol[count];
        var index = 0;
        for (var p = 0; p < name.Parts.Length; p++)
        {
            var part = name.Parts[p];
            switch (part.Kind)
            {
                case StringPartKind.Text:
                    foreach (var c in part.Text)
                    {
                        symbols[index++] = new NameSymbol(NameSymbolKind.Char, c, p);
                    }

                    break;
                case StringPartKind.StackName:
                    symbols[index++] = new NameSymbol(NameSymbolKind.Stack, '\0', p);
                    break;
                case StringPartKind.ProjectName:
                    symbols[index++] = new NameSymbol(NameSymbolKind.Project, '\0', p);
                    break;
                default:
                    symbols[index++] = new NameSymbol(NameSymbolKind.Unknown, '\0', p);
                    break;
            }
        }

        return symbols;
    }

    /// <summary>True when every known character is in <c>a-z0-9-</c> and no hyphen is leading, trailing or doubled (and the name is not empty).</summary>
    public static bool HasOnlyValidCharacters(NameSymbol[] symbols)
    {
        if (symbols.Length == 0 || symbols[0].IsHyphen || symbols[symbols.Length - 1].IsHyphen)
        {
            return false;
        }

        for (var i = 0; i < symbols.Length; i++)
        {
            var symbol = symbols[i];
            if (symbol.Kind != NameSymbolKind.Char)
            {
                continue;
            }

            if (symbol.Char == '-')
            {
                if (symbols[i - 1].IsHyphen)
                {
                    return false;
                }
            }
            else if (!ResourceTypeTokens.IsLowerOrDigit(symbol.Char))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The character faults of a name, as message clauses (empty name, upper case, other characters, hyphens).</summary>
    public static void AddCharacterFaults(NameSymbol[] symbols, List<string> faults)
    {
        if (symbols.Length == 0)
        {
            faults.Add("the name is empty");
            return;
        }

        var upper = new List<string>();
        var invalid = new List<char>();
        var doubled = false;
        for (var i = 0; i < symbols.Length; i++)
        {
            var symbol = symbols[i];
            if (symbol.Kind != NameSymbolKind.Char)
            {
                continue;
            }

            var c = symbol.Char;
            if (ResourceTypeTokens.IsUpper(c))
            {
                var word = WordAt(symbols, i);
                if (!upper.Contains(word))
                {
                    upper.Add(word);
                }
            }
            else if (c == '-')
            {
                doubled |= i > 0 && symbols[i - 1].IsHyphen;
            }
            else if (!ResourceTypeTokens.IsLowerOrDigit(c) && !invalid.Contains(c))
            {
                invalid.Add(c);
            }
        }

        if (upper.Count > 0)
        {
            faults.Add("'" + string.Join("', '", upper) + (upper.Count == 1 ? "' has" : "' have") + " upper case letters");
        }

        if (invalid.Count > 0)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < invalid.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : i == invalid.Count - 1 ? " and " : ", ").Append('\'').Append(invalid[i]).Append('\'');
            }

            faults.Add(builder + (invalid.Count == 1 ? " is" : " are") + " not allowed (only a-z, 0-9 and '-')");
        }

        if (symbols[0].IsHyphen)
        {
            faults.Add("it starts with '-'");
        }

        if (doubled)
        {
            faults.Add("'--' leaves an empty segment");
        }

        if (symbols.Length > 1 && symbols[symbols.Length - 1].IsHyphen)
        {
            faults.Add("it ends with '-'");
        }
    }

    /// <summary>
    /// Lower kebab-case: capitals start a new word (<c>myBucket</c> to <c>my-bucket</c>) and are lowered, every character
    /// outside <c>a-z0-9</c> becomes a hyphen, hyphens are collapsed and trimmed at both ends. Other symbols are kept.
    /// </summary>
    public static NameSymbol[] Normalize(NameSymbol[] symbols)
    {
        var result = new List<NameSymbol>(symbols.Length + 4);
        for (var i = 0; i < symbols.Length; i++)
        {
            var symbol = symbols[i];
            if (symbol.Kind != NameSymbolKind.Char)
            {
                result.Add(symbol);
                continue;
            }

            var c = symbol.Char;
            if (ResourceTypeTokens.IsUpper(c))
            {
                var previous = i > 0 && symbols[i - 1].Kind == NameSymbolKind.Char ? symbols[i - 1].Char : '\0';
                var next = i + 1 < symbols.Length && symbols[i + 1].Kind == NameSymbolKind.Char ? symbols[i + 1].Char : '\0';
                if (ResourceTypeTokens.IsLowerOrDigit(previous) || (ResourceTypeTokens.IsUpper(previous) && ResourceTypeTokens.IsLower(next)))
                {
                    AddHyphen(result, symbol.Part);
                }

                result.Add(new NameSymbol(NameSymbolKind.Char, (char)(c + ('a' - 'A')), symbol.Part));
            }
            else if (ResourceTypeTokens.IsLowerOrDigit(c))
            {
                result.Add(symbol);
            }
            else
            {
                AddHyphen(result, symbol.Part);
            }
        }

        if (result.Count > 0 && result[result.Count - 1].IsHyphen)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result.ToArray();

        static void AddHyphen(List<NameSymbol> result, int part)
        {
            if (result.Count > 0 && !result[result.Count - 1].IsHyphen)
            {
                result.Add(new NameSymbol(NameSymbolKind.Char, '-', part));
            }
        }
    }

    /// <summary>The segments of a normalised name (split at hyphens).</summary>
    public static List<NameSegment> Segments(NameSymbol[] symbols)
    {
        var segments = new List<NameSegment>();
        var start = 0;
        for (var i = 0; i <= symbols.Length; i++)
        {
            if (i == symbols.Length || symbols[i].IsHyphen)
            {
                segments.Add(new NameSegment(start, i));
                start = i + 1;
            }
        }

        return segments;
    }

    /// <summary>The text of a segment when it is made of known characters only; null otherwise.</summary>
    public static string? TextOf(NameSymbol[] symbols, NameSegment segment)
    {
        var builder = new StringBuilder(segment.Length);
        for (var i = segment.Start; i < segment.End; i++)
        {
            if (symbols[i].Kind != NameSymbolKind.Char)
            {
                return null;
            }

            builder.Append(symbols[i].Char);
        }

        return builder.ToString();
    }

    /// <summary>True when the segment is exactly one symbol of <paramref name="kind"/>.</summary>
    public static bool IsSingle(NameSymbol[] symbols, NameSegment segment, NameSymbolKind kind) =>
        segment.Length == 1 && symbols[segment.Start].Kind == kind;

    /// <summary>True when the segment holds an unknown part.</summary>
    public static bool HasUnknown(NameSymbol[] symbols, NameSegment segment)
    {
        for (var i = segment.Start; i < segment.End; i++)
        {
            if (symbols[i].Kind == NameSymbolKind.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run of known characters around <paramref name="index"/>, up to hyphens and other symbols.</summary>
    private static string WordAt(NameSymbol[] symbols, int index)
    {
        var start = index;
        while (start > 0 && symbols[start - 1].Kind == NameSymbolKind.Char && !symbols[start - 1].IsHyphen)
        {
            start--;
        }

        var end = index;
        while (end + 1 < symbols.Length && symbols[end + 1].Kind == NameSymbolKind.Char && !symbols[end + 1].IsHyphen)
        {
            end++;
        }

        var builder = new StringBuilder(end - start + 1);
        for (var i = start; i <= end; i++)
        {
            builder.Append(symbols[i].Char);
        }

        return builder.ToString();
    }
}
