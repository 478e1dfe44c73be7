using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sophia.Infra.Analyzers.Options;

/// <summary>
/// Every option of the package, each declared once with its default. Keys are read from .editorconfig or .globalconfig
/// as <c>sophia_infra.&lt;ruleid&gt;.&lt;option&gt;</c>, falling back to <c>sophia_infra.&lt;option&gt;</c>; key matching is
/// case-insensitive. An invalid value is reported once as SIA0001 (by the configuration analyzer) and the default is used.
/// </summary>
public static class SophiaOptions
{
    public const string Prefix = "sophia_infra.";

    /// <summary>The prefix of the per-type resource-type token keys: <c>sophia_infra.resource_type.&lt;full CLR type name&gt;</c>.</summary>
    public const string ResourceTypePrefix = Prefix + "resource_type.";

    /// <summary>The project segment of names; when unset, the <c>name:</c> of Pulumi.yaml.</summary>
    public static readonly OptionDefinition<string?> Project = new(
        "project", null, "a lower-case name of letters, digits and hyphens (e.g. 'sophia')",
        static text => IsNameToken(text) ? (true, text) : (false, null));

    /// <summary>Names that are environments (SIA1002); the longest counts for SIA1004.</summary>
    public static readonly OptionDefinition<ImmutableArray<string>> Environments = new(
        "environments", ImmutableArray.Create("dev", "staging", "prod"), "a comma-separated list of lower-case stack names (e.g. 'dev,staging,prod')",
        static text => ParseNameList(text));

    /// <summary>Stacks that count as production (SIA2001); the first is the one the fix writes.</summary>
    public static readonly OptionDefinition<ImmutableArray<string>> ProductionStacks = new(
        "production_stacks", ImmutableArray.Create("prod"), "a comma-separated list of lower-case stack names (e.g. 'prod,prod-eu')",
        static text => ParseNameList(text));

    /// <summary>Ports that may be open to the internet (SIA5001).</summary>
    public static readonly OptionDefinition<ImmutableArray<int>> PublicPorts = new(
        "public_ports", ImmutableArray.Create(80, 443), "a comma-separated list of port numbers from 0 to 65535 (e.g. '80,443')",
        static text => ParsePortList(text));

    /// <summary>Also flag partial wildcards such as <c>s3:Get*</c> (SIA4001).</summary>
    public static readonly OptionDefinition<bool> IamPartialWildcards = new(
        "iam.partial_wildcards", false, "true or false", static text => ParseBoolean(text));

    /// <summary>Require SSE-KMS: <c>AES256</c> is a finding too (SIA3001).</summary>
    public static readonly OptionDefinition<bool> S3RequireKms = new(
        "s3.require_kms", false, "true or false", static text => ParseBoolean(text));

    /// <summary>The retention the SIA7001 fix writes; one of the values CloudWatch accepts.</summary>
    public static readonly OptionDefinition<int> LogsRetentionDays = new(
        "logs.retention_days", 30, "one of the retention periods CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)",
        static text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Array.IndexOf(ValidRetentionDays, days) >= 0 ? (true, days) : (false, 0));

    /// <summary>
    /// The .NET regular expression an alarm description must contain a match of (SIA7004); when unset, the built-in test (a
    /// URL, or the word playbook or runbook, in any case). Searched, not anchored; case-sensitive unless it says <c>(?i)</c>.
    /// Matching gives up after <see cref="PlaybookPatternTimeout"/> (then the description counts as unknown).
    /// </summary>
    public static readonly OptionDefinition<Regex?> AlarmsPlaybookPattern = new(
        "alarms.playbook_pattern", null, "a non-empty .NET regular expression (e.g. 'wiki\\.example\\.com/playbooks/')",
        static text => ParseRegex(text));

    /// <summary>How long one match of <see cref="AlarmsPlaybookPattern"/> may take.</summary>
    public static readonly TimeSpan PlaybookPatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The value definition of a <c>sophia_infra.resource_type.&lt;type&gt;</c> key.</summary>
    public static readonly OptionDefinition<string?> ResourceTypeToken = new(
        "resource_type", null, "a lower-case token of letters, digits and hyphens (e.g. 'vm')",
        static text => IsNameToken(text) ? (true, text) : (false, null));

    /// <summary>Every option with a fixed key, for validation.</summary>
    public static readonly ImmutableArray<string> FixedOptionNames = ImmutableArray.Create(
        Project.Name, Environments.Name, ProductionStacks.Name, PublicPorts.Name, IamPartialWildcards.Name, S3RequireKms.Name, LogsRetentionDays.Name,
        AlarmsPlaybookPattern.Name);

    internal static readonly int[] ValidRetentionDays = { 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 };

    /// <summary>True for a non-empty lower-case token of <c>a-z</c>, <c>0-9</c> and single inner hyphens.</summary>
    public static bool IsNameToken(string text)
    {
        if (text.Length == 0 || text[0] == '-' || text[text.Length - 1] == '-')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && text[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static (bool, ImmutableArray<string>) ParseNameList(string text)
    {
        var items = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (!IsNameToken(item))
            {
                return (false, default);
            }

            if (seen.Add(item))
            {
                items.Add(item);
            }
        }

        return (true, items.ToImmutable());
    }

    private static (bool, ImmutableArray<int>) ParsePortList(string text)
    {
        var items = ImmutableArray.CreateBuilder<int>();
        if (text.Length == 0)
        {
            return (true, items.ToImmutable());
        }

        foreach (var raw in text.Split(','))
        {
            if (!int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                return (false, default);
            }

            items.Add(port);
        }

        return (true, items.ToImmutable());
    }

    private static (bool, Regex?) ParseRegex(string text)
    {
        if (text.Length == 0)
        {
            return (false, null);
        }

        try
        {
            return (true, new Regex(text, RegexOptions.CultureInvariant, PlaybookPatternTimeout));
        }
        catch (ArgumentException)
        {
            return (false, null);
        }
    }

    private static (bool, bool) ParseBoolean(string text) =>
        string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? (true, true)
        : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? (true, false)
        : (false, false);
}
