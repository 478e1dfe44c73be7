using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.PulumiFiles;

namespace Sophia.Infra.Analyzers.Rules.Configuration;

/// <summary>
/// SIA0001: reports, once per compilation, every <c>sophia_infra.*</c> option whose value cannot be read (a
/// compilation-level finding: options have no source location) and every Pulumi config file that cannot be read (at the
/// offending line of the file, once per file, whichever rules read it). The rules themselves fall back to defaults and
/// ignore unreadable files silently, so that each problem is said exactly once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationAnalyzer : SophiaAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidConfiguration);

    // RS1013 asks for RegisterCompilationAction instead of a start/end pair; the start action is the base class's gate
    // that keeps every analyzer of the package silent when Pulumi is not referenced, so the pair is deliberate.
#pragma warning disable RS1013
    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
#pragma warning restore RS1013
    {
        RegisterCompilationEndAction(context, services, static end =>
        {
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var provider = end.Options.AnalyzerConfigOptionsProvider;
            ValidateOptions(provider.GlobalOptions, reported, end);
            foreach (var tree in end.Compilation.SyntaxTrees)
            {
                ValidateOptions(provider.GetOptions(tree), reported, end);
            }

            var workspace = PulumiWorkspace.GetOrCreate(end.Options, end.CancellationToken);
            foreach (var error in workspace.Errors)
            {
                end.Report(Diagnostic.Create(
                    Descriptors.InvalidConfiguration,
                    error.ToLocation(),
                    $"{PulumiWorkspace.GetFileName(error.File.Path)} cannot be read at line {error.Line}: {error.Message}. The rules that read it ignore this file until it is fixed."));
            }
        });
    }

    /// <summary>Checks every <c>sophia_infra.*</c> key of one options set; each key and value is reported once per compilation.</summary>
    private static void ValidateOptions(AnalyzerConfigOptions options, HashSet<string> reported, CompilationAnalysisContext context)
    {
        foreach (var key in options.Keys)
        {
            if (!key.StartsWith(SophiaOptions.Prefix, StringComparison.OrdinalIgnoreCase) || !options.TryGetValue(key, out var value))
            {
                continue;
            }

            var message = Check(key.Substring(SophiaOptions.Prefix.Length).ToLowerInvariant(), value);
            if (message is not null && reported.Add(key + "=" + value))
            {
                context.Report(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, message));
            }
        }
    }

    /// <summary>The SIA0001 message for <c>sophia_infra.&lt;name&gt; = value</c>, or null when it is valid (or not ours to judge).</summary>
    internal static string? Check(string name, string value)
    {
        if (name.StartsWith("resource_type.", StringComparison.Ordinal))
        {
            return SophiaOptions.ResourceTypeToken.TryParse(value, out _) ? null : Invalid(name, value, SophiaOptions.ResourceTypeToken.Expected, "the built-in token");
        }

        // A per-rule key: sophia_infra.sia2001.production_stacks
        if (name.Length > 8 && name.StartsWith("sia", StringComparison.Ordinal) && name[7] == '.')
        {
            name = name.Substring(8);
        }

        return name switch
        {
            "project" => CheckOne(SophiaOptions.Project, value, d => d ?? "the name: of Pulumi.yaml"),
            "environments" => CheckOne(SophiaOptions.Environments, value, d => string.Join(",", d)),
            "production_stacks" => CheckOne(SophiaOptions.ProductionStacks, value, d => string.Join(",", d)),
            "public_ports" => CheckOne(SophiaOptions.PublicPorts, value, d => string.Join(",", d)),
            "iam.partial_wildcards" => CheckOne(SophiaOptions.IamPartialWildcards, value, d => d ? "true" : "false"),
            "s3.require_kms" => CheckOne(SophiaOptions.S3RequireKms, value, d => d ? "true" : "false"),
            "logs.retention_days" => CheckOne(SophiaOptions.LogsRetentionDays, value, d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "alarms.playbook_pattern" => CheckOne(SophiaOptions.AlarmsPlaybookPattern, value, _ => "a URL or the word playbook or runbook"),
            _ => $"'{SophiaOptions.Prefix}{name}' is not a Sophia.Infra option (known: {string.Join(", ", SophiaOptions.FixedOptionNames)}, resource_type.<type>); it is ignored",
        };
    }

    private static string? CheckOne<T>(OptionDefinition<T> definition, string value, Func<T, string> describeDefault) =>
        definition.TryParse(value, out _) ? null : Invalid(definition.Name, value, definition.Expected, "the default '" + describeDefault(definition.Default) + "'");

    private static string Invalid(string name, string value, string expected, string fallback) =>
        $"'{SophiaOptions.Prefix}{name} = {value}' is not valid: expected {expected}; {fallback} is used";
}
