using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>What is wrong with one resource name (SIA1001, SIA1002), and the name it should have.</summary>
internal sealed class NameCheckResult
{
    public NameCheckResult(ImmutableArray<string> patternFaults, ImmutableArray<string> environments, NameSuggestion suggestion)
    {
        PatternFaults = patternFaults;
        Environments = environments;
        Suggestion = suggestion;
    }

    /// <summary>SIA1001: the faults as message clauses; empty when the name follows the pattern (once the stack replaces hard-coded environments).</summary>
    public ImmutableArray<string> PatternFaults { get; }

    /// <summary>SIA1002: the environment names hard-coded in the name; empty when there are none.</summary>
    public ImmutableArray<string> Environments { get; }

    /// <summary>The compliant name recovered from this one (what the code fix writes).</summary>
    public NameSuggestion Suggestion { get; }
}

/// <summary>
/// Checks a resolved name against <c>{project}-{environment}-{resource-type}-{purpose}</c>: the character faults, the
/// hard-coded environments, whether the pattern can match (<see cref="NamePattern"/>), and, when it cannot, which segment
/// is wrong, what was found and what is expected. Unknown parts match anything.
/// </summary>
internal static class NameChecker
{
    /// <summary>The purpose the fix writes when nothing can be recovered from the old name.</summary>
    public const string DefaultPurpose = "main";

    private const string StackExpected = "expected the stack name (Deployment.Instance.StackName)";

    /// <summary>The findings for <paramref name="name"/>, or null when it complies (the common, cheap path).</summary>
    /// <param name="name">The resolved name.</param>
    /// <param name="pattern">The pattern of the project and the type's token.</param>
    /// <param name="typeName">The full type name, for messages.</param>
    /// <param name="longToken">The kebab-case of the type name (<c>metric-alarm</c>), which a name may use instead of a shorter table token (<c>alarm</c>).</param>
    /// <param name="environments">The names that are environments.</param>
    public static NameCheckResult? Check(ResolvedString name, NamePattern pattern, string typeName, string longToken, ImmutableArray<string> environments)
    {
        var symbols = NameSymbols.From(name);
        var valid = NameSymbols.HasOnlyValidCharacters(symbols);
        var normalized = valid ? symbols : NameSymbols.Normalize(symbols);
        List<string>? hits = null;
        var substituted = SubstituteEnvironments(normalized, environments, pattern.Project, ref hits);
        var matches = substituted.Length > 0 && pattern.Matches(substituted);
        if (valid && hits is null && matches)
        {
            return null;
        }

        var faults = new List<string>();
        if (!valid)
        {
            NameSymbols.AddCharacterFaults(symbols, faults);
        }

        if (!matches && substituted.Length > 0)
        {
            var count = faults.Count;
            Explain(substituted, pattern, typeName, longToken, name, faults);
            if (faults.Count == count)
            {
                faults.Add("no value of its unknown parts can make it match");
            }
        }

        return new NameCheckResult(
            faults.ToImmutableArray(),
            hits is null ? ImmutableArray<string>.Empty : hits.ToImmutableArray(),
            Suggest(substituted, pattern, longToken, matches && hits is null));
    }

    /// <summary>
    /// Replaces every whole segment of known text that is an environment name (<c>dev</c>, <c>prod</c>, ...) with the stack
    /// symbol, which is what it should have been; <paramref name="hits"/> gets the names found. A leading project name is skipped.
    /// </summary>
    internal static NameSymbol[] SubstituteEnvironments(NameSymbol[] symbols, ImmutableArray<string> environments, string? project, ref List<string>? hits)
    {
        var start = project is not null && StartsWithText(symbols, project) && symbols.Length > project.Length && symbols[project.Length].IsHyphen
            ? project.Length + 1
            : 0;
        List<NameSymbol>? result = null;
        var copied = 0;
        var i = start;
        while (i < symbols.Length)
        {
            if (symbols[i].Kind != NameSymbolKind.Char || symbols[i].IsHyphen || (i > 0 && !symbols[i - 1].IsHyphen))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < symbols.Length && symbols[end].Kind == NameSymbolKind.Char && !symbols[end].IsHyphen)
            {
                end++;
            }

            if ((end == symbols.Length || symbols[end].IsHyphen) && FindEnvironment(symbols, i, end, environments) is { } environment)
            {
                hits ??= new List<string>();
                if (!hits.Contains(environment))
                {
                    hits.Add(environment);
                }

                result ??= new List<NameSymbol>(symbols.Length);
                for (var k = copied; k < i; k++)
                {
                    result.Add(symbols[k]);
                }

                result.Add(new NameSymbol(NameSymbolKind.Stack, '\0', symbols[i].Part));
                copied = end;
            }

            i = end;
        }

        if (result is null)
        {
            return symbols;
        }

        for (var k = copied; k < symbols.Length; k++)
        {
            result.Add(symbols[k]);
        }

        return result.ToArray();
    }

    private static string? FindEnvironment(NameSymbol[] symbols, int start, int end, ImmutableArray<string> environments)
    {
        foreach (var environment in environments)
        {
            if (environment.Length != end - start)
            {
                continue;
            }

            var same = true;
            for (var k = 0; k < environment.Length && same; k++)
            {
                same = symbols[start + k].Char == environment[k];
            }

            if (same)
            {
                return environment;
            }
        }

        return null;
    }

    private static bool StartsWithText(NameSymbol[] symbols, string text)
    {
        if (symbols.Length < text.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!symbols[i].IsChar(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // ------------------------------------------------------------------ explanation (only when the pattern cannot match)

    private sealed class Reading
    {
        public Reading(NameSymbol[] symbols, NamePattern pattern, string longToken, ResolvedString name)
        {
            Symbols = symbols;
            Name = name;
            Segments = NameSymbols.Segments(symbols);
            TypeSegments = pattern.TypeToken.Split('-');
            LongTypeSegments = longToken.Split('-');
            ProjectSegments = pattern.Project?.Split('-');
            Anchor = -1;
            for (var i = 0; i < Segments.Count && Anchor < 0; i++)
            {
                if (NameSymbols.IsSingle(symbols, Segments[i], NameSymbolKind.Stack))
                {
                    Anchor = i;
                }
            }

        }

        public NameSymbol[] Symbols { get; }

        public ResolvedString Name { get; }

        public List<NameSegment> Segments { get; }

        public string[] TypeSegments { get; }

        public string[] LongTypeSegments { get; }

        public string[]? ProjectSegments { get; }

        /// <summary>
        /// How many segments from <paramref name="start"/> (which does not spell the type token) stand for a wrong type:
        /// the type's kebab-case name (<c>metric-alarm</c> for <c>alarm</c>), one word before the token
        /// (<c>metric-alarm</c>), else as many segments as the token has, leaving at least one for the purpose.
        /// </summary>
        public int WrongTypeLength(int start)
        {
            var count = Segments.Count;
            if (SpellsAt(start, LongTypeSegments) && start + LongTypeSegments.Length < count)
            {
                return LongTypeSegments.Length;
            }

            if (SpellsAt(start + 1, TypeSegments) && start + 1 + TypeSegments.Length < count)
            {
                return 1 + TypeSegments.Length;
            }

            return System.Math.Max(1, System.Math.Min(TypeSegments.Length, count - start - 1));
        }

        /// <summary>The first segment that is the stack name, -1 when none.</summary>
        public int Anchor { get; }

        public bool IsText(int segment, string text) => NameSymbols.TextOf(Symbols, Segments[segment]) == text;

        public bool IsProjectSymbol(int segment) => NameSymbols.IsSingle(Symbols, Segments[segment], NameSymbolKind.Project);

        /// <summary>True when the segments from <paramref name="start"/> spell <paramref name="words"/>.</summary>
        public bool SpellsAt(int start, string[] words)
        {
            if (start < 0 || start + words.Length > Segments.Count)
            {
                return false;
            }

            for (var i = 0; i < words.Length; i++)
            {
                if (!IsText(start + i, words[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The index of the first segment from <paramref name="start"/> where the type token is spelled; -1 when none.</summary>
        public int IndexOfType(int start)
        {
            for (var i = start; i < Segments.Count; i++)
            {
                if (SpellsAt(i, TypeSegments))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>How many leading segments are the expected project (the project symbol counts); -1 when they are not.</summary>
        public int ProjectPrefix()
        {
            if (Segments.Count > 0 && IsProjectSymbol(0))
            {
                return 1;
            }

            return ProjectSegments is not null && SpellsAt(0, ProjectSegments) ? ProjectSegments.Length : -1;
        }

        /// <summary>The segments <c>[start, end)</c> as written, unknown parts as <c>{expression}</c>.</summary>
        public string Display(int start, int end)
        {
            var builder = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                if (i > start)
                {
                    builder.Append('-');
                }

                var segment = Segments[i];
                for (var k = segment.Start; k < segment.End; k++)
                {
                    AppendSymbol(builder, Symbols[k], Name);
                }
            }

            return builder.ToString();
        }
    }

    private static void Explain(NameSymbol[] symbols, NamePattern pattern, string typeName, string longToken, ResolvedString name, List<string> faults)
    {
        var reading = new Reading(symbols, pattern, longToken, name);
        var count = reading.Segments.Count;
        if (reading.Anchor >= 0)
        {
            ExplainProject(reading, pattern, reading.Anchor, faults);
            ExplainTypeAndPurpose(reading, pattern, typeName, reading.Anchor + 1, faults);
            return;
        }

        // No stack name anywhere: say what stands where it should be, as far as no unknown part blurs the positions.
        int rest;
        var projectPrefix = reading.ProjectPrefix();
        if (projectPrefix >= 0)
        {
            rest = projectPrefix;
        }
        else if (NameSymbols.HasUnknown(symbols, reading.Segments[0]))
        {
            return;
        }
        else if (count > 1 && !reading.SpellsAt(0, reading.TypeSegments))
        {
            if (pattern.Project is not null)
            {
                faults.Add($"project segment is '{reading.Display(0, 1)}'; expected '{pattern.Project}'");
            }

            rest = 1;
        }
        else
        {
            faults.Add("project segment is missing; " + ExpectedProject(pattern));
            rest = 0;
        }

        for (var i = rest; i < count; i++)
        {
            if (NameSymbols.HasUnknown(symbols, reading.Segments[i]))
            {
                return;
            }
        }

        var type = reading.IndexOfType(rest);
        if (type >= 0)
        {
            faults.Add(type == rest
                ? "environment segment is missing; " + StackExpected
                : $"environment segment is '{reading.Display(rest, type)}'; {StackExpected}");
            if (type + reading.TypeSegments.Length >= count)
            {
                faults.Add("purpose segment is missing");
            }

            return;
        }

        if (count - rest >= 3)
        {
            faults.Add($"environment segment is '{reading.Display(rest, rest + 1)}'; {StackExpected}");
            faults.Add($"resource-type segment is '{reading.Display(rest + 1, rest + 2)}'; '{typeName}' expects '{pattern.TypeToken}'");
            return;
        }

        faults.Add("environment segment is missing; " + StackExpected);
        faults.Add($"resource-type segment is missing; '{typeName}' expects '{pattern.TypeToken}'");
        if (count - rest == 0)
        {
            faults.Add("purpose segment is missing");
        }
    }

    private static void ExplainProject(Reading reading, NamePattern pattern, int end, List<string> faults)
    {
        if (end == 0)
        {
            faults.Add("project segment is missing; " + ExpectedProject(pattern));
            return;
        }

        for (var i = 0; i < end; i++)
        {
            if (NameSymbols.HasUnknown(reading.Symbols, reading.Segments[i]))
            {
                return;
            }
        }

        if (end == 1 && reading.IsProjectSymbol(0))
        {
            return;
        }

        if (pattern.Project is not null && !(reading.ProjectSegments!.Length == end && reading.SpellsAt(0, reading.ProjectSegments)))
        {
            faults.Add($"project segment is '{reading.Display(0, end)}'; expected '{pattern.Project}'");
        }
    }

    private static void ExplainTypeAndPurpose(Reading reading, NamePattern pattern, string typeName, int start, List<string> faults)
    {
        var count = reading.Segments.Count;
        var typeLength = reading.TypeSegments.Length;
        if (start >= count)
        {
            faults.Add($"resource-type segment is missing; '{typeName}' expects '{pattern.TypeToken}'");
            faults.Add("purpose segment is missing");
            return;
        }

        if (reading.SpellsAt(start, reading.TypeSegments))
        {
            if (start + typeLength >= count)
            {
                faults.Add("purpose segment is missing");
            }

            return;
        }

        if (NameSymbols.HasUnknown(reading.Symbols, reading.Segments[start]))
        {
            return;
        }

        if (count - start == 1)
        {
            faults.Add($"resource-type segment is missing; '{typeName}' expects '{pattern.TypeToken}' before the purpose '{reading.Display(start, start + 1)}'");
            return;
        }

        var found = reading.WrongTypeLength(start);
        faults.Add($"resource-type segment is '{reading.Display(start, start + found)}'; '{typeName}' expects '{pattern.TypeToken}'");
    }

    private static string ExpectedProject(NamePattern pattern) =>
        pattern.Project is null ? "expected the project name" : $"expected '{pattern.Project}'";

    // ------------------------------------------------------------------ the compliant name

    private static NameSuggestion Suggest(NameSymbol[] symbols, NamePattern pattern, string longToken, bool matches)
    {
        if (matches)
        {
            // Only the characters were wrong: the normalised name is the answer.
            return new NameSuggestion(ImmutableArray.Create(symbols));
        }

        var reading = new Reading(symbols, pattern, longToken, new ResolvedString(ImmutableArray<StringPart>.Empty));
        var count = symbols.Length == 0 ? 0 : reading.Segments.Count;
        int projectEnd;
        int after;
        if (reading.Anchor >= 0)
        {
            projectEnd = reading.Anchor;
            after = reading.Anchor + 1;
        }
        else
        {
            var prefix = reading.ProjectPrefix();
            projectEnd = prefix >= 0 ? prefix
                : pattern.Project is null && count > 1 && NameSymbols.TextOf(symbols, reading.Segments[0]) is not null && !reading.SpellsAt(0, reading.TypeSegments) ? 1
                : 0;
            after = projectEnd;
        }

        var typeLength = reading.TypeSegments.Length;
        var purpose = new List<int>();
        if (reading.SpellsAt(after, reading.TypeSegments))
        {
            AddRange(purpose, after + typeLength, count);
        }
        else if (reading.Anchor >= 0 && count - after >= 2)
        {
            AddRange(purpose, after + reading.WrongTypeLength(after), count);
        }
        else
        {
            var type = reading.IndexOfType(after);
            if (type > after && type + typeLength < count)
            {
                // sophia-staging-vm-worker: what stands before the type is a wrong environment, the purpose follows the type.
                AddRange(purpose, type + typeLength, count);
            }
            else
            {
                AddRange(purpose, after, count);
                if (type >= 0 && count - after > typeLength)
                {
                    purpose.RemoveRange(type - after, typeLength);
                }
            }
        }

        string? projectText;
        if (projectEnd == 1 && reading.IsProjectSymbol(0))
        {
            projectText = null;
        }
        else if (pattern.Project is not null)
        {
            projectText = pattern.Project;
        }
        else
        {
            projectText = projectEnd > 0 ? JoinText(symbols, reading.Segments, projectEnd) : null;
        }

        var result = ImmutableArray.CreateBuilder<NameSymbol>();
        if (projectText is null)
        {
            result.Add(new NameSymbol(NameSymbolKind.Project, '\0', -1));
        }
        else
        {
            AddText(result, projectText);
        }

        AddText(result, "-");
        result.Add(new NameSymbol(NameSymbolKind.Stack, '\0', -1));
        AddText(result, "-" + pattern.TypeToken + "-");
        var purposeStart = result.Count;
        foreach (var index in purpose)
        {
            var segment = reading.Segments[index];
            if (segment.Length == 0 || NameSymbols.IsSingle(symbols, segment, NameSymbolKind.Stack))
            {
                continue;
            }

            if (result.Count > purposeStart)
            {
                AddText(result, "-");
            }

            for (var k = segment.Start; k < segment.End; k++)
            {
                result.Add(symbols[k]);
            }
        }

        if (result.Count == purposeStart)
        {
            AddText(result, DefaultPurpose);
        }

        return new NameSuggestion(result.ToImmutable());

        static void AddRange(List<int> list, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                list.Add(i);
            }
        }
    }

    private static void AddText(ImmutableArray<NameSymbol>.Builder result, string text)
    {
        foreach (var c in text)
        {
            result.Add(new NameSymbol(NameSymbolKind.Char, c, -1));
        }
    }

    private static string? JoinText(NameSymbol[] symbols, List<NameSegment> segments, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var text = NameSymbols.TextOf(symbols, segments[i]);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            builder.Append(i == 0 ? string.Empty : "-").Append(text);
        }

        return builder.ToString();
    }

    internal static void AppendSymbol(StringBuilder builder, NameSymbol symbol, ResolvedString name)
    {
        switch (symbol.Kind)
        {
            case NameSymbolKind.Char:
                builder.Append(symbol.Char);
                break;
            case NameSymbolKind.Stack:
                builder.Append("{stack}");
                break;
            case NameSymbolKind.Project:
                builder.Append("{project}");
                break;
            default:
                builder.Append('{').Append(symbol.Part < name.Parts.Length ? name.Parts[symbol.Part].Text : "...").Append('}');
                break;
        }
    }
}

/// <summary>The compliant name the analyzer proposes (and the code fix writes): known characters, the stack, the project and the kept unknown parts.</summary>
internal sealed class NameSuggestion
{
    public NameSuggestion(ImmutableArray<NameSymbol> symbols) => Symbols = symbols;

    /// <summary>The symbols; <see cref="NameSymbol.Part"/> is -1 for what the suggestion adds, else the part of the old name.</summary>
    public ImmutableArray<NameSymbol> Symbols { get; }

    /// <summary>The name for messages: <c>sophia-{stack}-vm-agent</c>.</summary>
    public string Display(ResolvedString name)
    {
        var builder = new StringBuilder();
        foreach (var symbol in Symbols)
        {
            NameChecker.AppendSymbol(builder, symbol, name);
        }

        return builder.ToString();
    }
}
