using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Catalog;

/// <summary>How loud a rule is by default. Users change it with <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>.</summary>
public enum RuleLevel
{
    /// <summary>An error in every build.</summary>
    BuildError,

    /// <summary>A warning in every build (an error under warnings-as-errors).</summary>
    BuildWarning,

    /// <summary>A suggestion in the IDE only.</summary>
    IdeSuggestion,

    /// <summary>Off unless enabled in configuration.</summary>
    Disabled,
}

internal static class RuleLevelExtensions
{
    public static DiagnosticSeverity ToSeverity(this RuleLevel level) => level switch
    {
        RuleLevel.BuildError => DiagnosticSeverity.Error,
        RuleLevel.BuildWarning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    public static bool IsEnabledByDefault(this RuleLevel level) => level != RuleLevel.Disabled;
}
