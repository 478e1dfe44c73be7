using Microsoft.CodeAnalysis.Diagnostics;

namespace Sophia.Infra.Analyzers.Options;

/// <summary>
/// Reads typed options for one rule from the options of one syntax tree (or the global options):
/// <c>sophia_infra.&lt;ruleid&gt;.&lt;option&gt;</c> first, then <c>sophia_infra.&lt;option&gt;</c>, then the default.
/// Invalid values give the default here; the configuration analyzer reports them (SIA0001).
/// </summary>
public readonly struct OptionReader
{
    private readonly AnalyzerConfigOptions _options;
    private readonly string? _rulePrefix;

    public OptionReader(AnalyzerConfigOptions options, string? ruleId)
    {
        _options = options;
        _rulePrefix = ruleId is null ? null : SophiaOptions.Prefix + ruleId.ToLowerInvariant() + ".";
    }

    public T Get<T>(OptionDefinition<T> definition)
    {
        if (TryGetRaw(definition.Name, out var text) && definition.TryParse(text, out var value))
        {
            return value;
        }

        return definition.Default;
    }

    /// <summary>The resource-type token configured for <paramref name="fullTypeName"/> (e.g. <c>Pulumi.Aws.Ec2.Instance</c>), or null.</summary>
    public string? GetResourceTypeToken(string fullTypeName) =>
        _options.TryGetValue(SophiaOptions.ResourceTypePrefix + fullTypeName, out var text)
        && SophiaOptions.ResourceTypeToken.TryParse(text, out var token)
            ? token
            : null;

    /// <summary>The raw text of an option (per-rule key first), without parsing.</summary>
    public bool TryGetRaw(string name, out string text)
    {
        if (_rulePrefix is not null && _options.TryGetValue(_rulePrefix + name, out text!))
        {
            return true;
        }

        return _options.TryGetValue(SophiaOptions.Prefix + name, out text!);
    }
}
