using System;

namespace Sophia.Infra.Analyzers.Options;

/// <summary>
/// One <c>sophia_infra.*</c> option: its key, its default and how its text is parsed. Declared once in
/// <see cref="SophiaOptions"/>; read through <see cref="OptionReader"/>.
/// </summary>
public sealed class OptionDefinition<T>
{
    private readonly Func<string, (bool Ok, T Value)> _parse;

    public OptionDefinition(string name, T defaultValue, string expected, Func<string, (bool Ok, T Value)> parse)
    {
        Name = name;
        Default = defaultValue;
        Expected = expected;
        _parse = parse;
    }

    /// <summary>The key without prefix, lower_snake_case (e.g. <c>production_stacks</c>).</summary>
    public string Name { get; }

    /// <summary>The full key: <c>sophia_infra.&lt;name&gt;</c>.</summary>
    public string Key => SophiaOptions.Prefix + Name;

    public T Default { get; }

    /// <summary>What a valid value looks like, for the SIA0001 message.</summary>
    public string Expected { get; }

    public bool TryParse(string text, out T value)
    {
        try
        {
            var (ok, parsed) = _parse(text.Trim());
            value = ok ? parsed : Default;
            return ok;
        }
        catch (FormatException)
        {
            value = Default;
            return false;
        }
        catch (OverflowException)
        {
            value = Default;
            return false;
        }
    }
}
