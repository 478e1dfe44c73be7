using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>What the naming rules know about one resource type: its full name, token, pattern and AWS name limit.</summary>
internal sealed class ResourceTypeNaming
{
    public ResourceTypeNaming(string fullName, string longToken, NamePattern pattern, AwsNameLimit? limit)
    {
        FullName = fullName;
        LongToken = longToken;
        Pattern = pattern;
        Limit = limit;
    }

    public string FullName { get; }

    /// <summary>The kebab-case of the type name (<c>metric-alarm</c>), recognised as a wrong spelling of a shorter token.</summary>
    public string LongToken { get; }

    public NamePattern Pattern { get; }

    public string Token => Pattern.TypeToken;

    public AwsNameLimit? Limit { get; }
}

/// <summary>
/// The naming options of one syntax tree (editorconfig sections may differ per file), read once and cached for the
/// compilation: the project (<c>sophia_infra.project</c>, else the <c>name:</c> of Pulumi.yaml), the environments, and
/// the resource-type token of each type (<c>sophia_infra.resource_type.&lt;type&gt;</c>, else the built-in table).
/// </summary>
internal sealed class NamingSettings
{
    private readonly AnalyzerConfigOptions _options;
    private readonly ConcurrentDictionary<string, NamePattern> _patterns;
    private readonly ConcurrentDictionary<ISymbol, ResourceTypeNaming> _types = new(SymbolIdentity.Instance); // keyed by definition

    public NamingSettings(AnalyzerConfigOptions options, string? workspaceProject, ConcurrentDictionary<string, NamePattern> patterns)
    {
        _options = options;
        _patterns = patterns;
        Project = new OptionReader(options, RuleIds.NamingPattern).Get(SophiaOptions.Project) ?? workspaceProject;
        Environments = new OptionReader(options, RuleIds.HardCodedEnvironment).Get(SophiaOptions.Environments);
        var longest = string.Empty;
        foreach (var environment in new OptionReader(options, RuleIds.NameTooLong).Get(SophiaOptions.Environments))
        {
            if (environment.Length > longest.Length)
            {
                longest = environment;
            }
        }

        LongestEnvironment = longest;
    }

    /// <summary>The project segment; null when no option, no Pulumi.yaml (then any lower-case token will do).</summary>
    public string? Project { get; }

    /// <summary>The names that are environments (SIA1002).</summary>
    public ImmutableArray<string> Environments { get; }

    /// <summary>The longest environment name: what the stack name counts as for SIA1004.</summary>
    public string LongestEnvironment { get; }

    public ResourceTypeNaming For(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return _types.TryGetValue(definition, out var naming) ? naming : _types.GetOrAdd(definition, Create(definition));
    }

    private ResourceTypeNaming Create(INamedTypeSymbol type)
    {
        var fullName = ResourceTypeTokens.FullName(type);
        var token = new OptionReader(_options, RuleIds.NamingPattern).GetResourceTypeToken(fullName)
            ?? ResourceTypeTokens.ForFullName(fullName, type.Name);
        var key = (Project ?? string.Empty) + "\n" + token;
        var project = Project;
        var pattern = _patterns.GetOrAdd(key, _ => new NamePattern(project, token));
        var longToken = ResourceTypeTokens.KebabCase(type.Name);
        return new ResourceTypeNaming(fullName, longToken.Length == 0 ? token : longToken, pattern, AwsNameLimits.For(fullName));
    }

    /// <summary>The project name of Pulumi.yaml as a name segment (lower kebab-case), or null.</summary>
    public static string? SegmentOf(string? projectName)
    {
        if (projectName is null)
        {
            return null;
        }

        if (SophiaOptions.IsNameToken(projectName))
        {
            return projectName;
        }

        var kebab = ResourceTypeTokens.KebabCase(projectName);
        return kebab.Length == 0 ? null : kebab;
    }
}
