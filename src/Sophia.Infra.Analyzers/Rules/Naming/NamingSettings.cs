using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
/// The naming options of one syntax tree (editorconfig sections may differ per file), read once: the project
/// (<c>sophia_infra.project</c>, else the <c>name:</c> of Pulumi.yaml), the environments, and the resource-type token of
/// each type (<c>sophia_infra.resource_type.&lt;type&gt;</c>, else the built-in table). Kept with the options object (see
/// <see cref="ForOptions"/>), so the compilations the IDE makes after each edit reuse it while .editorconfig and
/// Pulumi.yaml do not change.
/// </summary>
internal sealed class NamingSettings
{
    // The compiler and the IDE hand every tree with the same .editorconfig sections the same options object, and keep it
    // across compilations while the files do not change. Weak on both sides: the settings live as long as the options.
    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, NamingSettings> Shared = new();

    private readonly AnalyzerConfigOptions _options;
    private readonly ConcurrentDictionary<string, NamePattern> _patterns;
    // Keyed by the type's definition, weakly: the settings outlive a compilation, and must not keep its source types alive.
    private readonly ConditionalWeakTable<INamedTypeSymbol, ResourceTypeNaming> _types = new();
    private readonly ConditionalWeakTable<INamedTypeSymbol, ResourceTypeNaming>.CreateValueCallback _create;

    public NamingSettings(AnalyzerConfigOptions options, string? workspaceProject, ConcurrentDictionary<string, NamePattern> patterns)
    {
        _options = options;
        _patterns = patterns;
        _create = Create;
        WorkspaceProject = workspaceProject;
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

    /// <summary>
    /// The settings for <paramref name="options"/>: the ones kept with that options object when they were made for the same
    /// Pulumi.yaml project; else new ones (kept with it when it has none yet).
    /// </summary>
    public static NamingSettings ForOptions(AnalyzerConfigOptions options, string? workspaceProject, ConcurrentDictionary<string, NamePattern> patterns)
    {
        if (Shared.TryGetValue(options, out var shared) && shared.WorkspaceProject == workspaceProject)
        {
            return shared;
        }

        var created = new NamingSettings(options, workspaceProject, patterns);
        var kept = Shared.GetValue(options, _ => created);
        return kept.WorkspaceProject == workspaceProject ? kept : created;
    }

    /// <summary>The project segment of Pulumi.yaml these settings were made with (before <c>sophia_infra.project</c>).</summary>
    public string? WorkspaceProject { get; }

    /// <summary>The project segment; null when no option, no Pulumi.yaml (then any lower-case token will do).</summary>
    public string? Project { get; }

    /// <summary>The names that are environments (SIA1002).</summary>
    public ImmutableArray<string> Environments { get; }

    /// <summary>The longest environment name: what the stack name counts as for SIA1004.</summary>
    public string LongestEnvironment { get; }

    public ResourceTypeNaming For(INamedTypeSymbol type)
    {
        return _types.GetValue(type.OriginalDefinition, _create);
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
