using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>One key under <c>config:</c> in a <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    internal sealed class PulumiStackConfigEntry
    {
        public PulumiStackConfigEntry(string key, int line, bool isSecure, string? plainValue, bool isStructured, YamlNode value)
        {
            Key = key;
            Line = line;
            IsSecure = isSecure;
            PlainValue = plainValue;
            IsStructured = isStructured;
            Value = value;
        }

        /// <summary>The key as written, e.g. <c>sophia:dbPassword</c> or <c>aws:region</c>.</summary>
        public string Key { get; }

        /// <summary>1-based line of the key.</summary>
        public int Line { get; }

        /// <summary>True when the value is <c>secure: &lt;ciphertext&gt;</c> (a mapping with that single key).</summary>
        public bool IsSecure { get; }

        /// <summary>The scalar text, or null for secure values, mappings and sequences.</summary>
        public string? PlainValue { get; }

        /// <summary>True for a mapping or sequence value that is not a secure value.</summary>
        public bool IsStructured { get; }

        /// <summary>The raw value node.</summary>
        public YamlNode Value { get; }
    }

    /// <summary>What the analyzers need from a <c>Pulumi.&lt;stack&gt;.yaml</c>. Never throws; problems are in <see cref="Errors"/>.</summary>
    /// <remarks><c>encryptionsalt</c>, <c>secretsprovider</c>, <c>encryptedkey</c> and <c>environment</c> are ignored.</remarks>
    internal sealed class PulumiStackFile
    {
        private PulumiStackFile(string path, string stackName, SourceText text, AdditionalText? file, ImmutableArray<PulumiStackConfigEntry> config, ImmutableArray<YamlError> errors)
        {
            Path = path;
            StackName = stackName;
            Text = text;
            File = file;
            Config = config;
            Errors = errors;
        }

        public string Path { get; }

        /// <summary>The stack name from the file name (<c>Pulumi.dev.yaml</c> → <c>dev</c>); "" if the name has no stack.</summary>
        public string StackName { get; }

        public SourceText Text { get; }

        /// <summary>The AdditionalText it was read from (null when parsed from a string).</summary>
        public AdditionalText? File { get; }

        public ImmutableArray<PulumiStackConfigEntry> Config { get; }

        public ImmutableArray<YamlError> Errors { get; }

        /// <summary>True when the file was read without any error. Rules must not report missing keys on an invalid file.</summary>
        public bool IsValid => Errors.IsEmpty;

        /// <summary>
        /// True for <c>Pulumi.&lt;stack&gt;.yaml</c> / <c>.yml</c> (case-insensitive, any folder; '/' and '\' both separate folders).
        /// <c>Pulumi.yaml</c> itself is not a stack file.
        /// </summary>
        public static bool TryGetStackName(string? path, out string stackName)
        {
            stackName = string.Empty;
            if (path is null)
            {
                return false;
            }

            string fileName = PulumiWorkspace.GetFileName(path);
            const string Prefix = "Pulumi.";
            if (fileName.Length <= Prefix.Length || !fileName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            int extensionLength;
            if (fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                extensionLength = 5;
            }
            else if (fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                extensionLength = 4;
            }
            else
            {
                return false;
            }

            int length = fileName.Length - Prefix.Length - extensionLength;
            if (length <= 0)
            {
                return false;
            }

            stackName = fileName.Substring(Prefix.Length, length);
            return true;
        }

        public static PulumiStackFile Parse(string path, string text) => Parse(path, SourceText.From(text ?? string.Empty), null);

        public static PulumiStackFile Parse(string path, SourceText text, AdditionalText? file)
        {
            path ??= string.Empty;
            TryGetStackName(path, out string stackName);
            YamlDocument document = YamlReader.Parse(text.ToString());
            if (document.Root is null)
            {
                YamlError error = document.Error ?? new YamlError(1, "the file could not be read");
                return new PulumiStackFile(path, stackName, text, file, ImmutableArray<PulumiStackConfigEntry>.Empty, ImmutableArray.Create(error));
            }

            if (!(document.Root is YamlMapping root))
            {
                var notMapping = new YamlError(document.Root.Line, "a stack file must be a mapping ('key: value' lines) at the top level");
                return new PulumiStackFile(path, stackName, text, file, ImmutableArray<PulumiStackConfigEntry>.Empty, ImmutableArray.Create(notMapping));
            }

            var config = ImmutableArray.CreateBuilder<PulumiStackConfigEntry>();
            var errors = ImmutableArray<YamlError>.Empty;
            YamlMappingEntry? configEntry = root.Find("config");
            if (configEntry is not null)
            {
                if (configEntry.Value is YamlMapping map)
                {
                    foreach (YamlMappingEntry entry in map.Entries)
                    {
                        config.Add(ReadEntry(entry));
                    }
                }
                else if (!(configEntry.Value is YamlScalar { IsNull: true }))
                {
                    errors = ImmutableArray.Create(new YamlError(configEntry.KeyLine, "'config:' in a stack file must be a mapping of config keys"));
                }
            }

            return new PulumiStackFile(path, stackName, text, file, config.ToImmutable(), errors);
        }

        internal static PulumiStackFile Unreadable(AdditionalText file, string message)
        {
            TryGetStackName(file.Path, out string stackName);
            return new PulumiStackFile(file.Path ?? string.Empty, stackName, SourceText.From(string.Empty), file, ImmutableArray<PulumiStackConfigEntry>.Empty, ImmutableArray.Create(new YamlError(1, message)));
        }

        /// <summary>The entry written with exactly this key (ordinal), or null. See <see cref="PulumiWorkspace.TryGetKey"/> for qualified lookup.</summary>
        public PulumiStackConfigEntry? Find(string key)
        {
            foreach (PulumiStackConfigEntry entry in Config)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>A location on the given 1-based line of this file.</summary>
        public Location GetLocation(int line) => PulumiWorkspace.CreateLocation(Path, Text, line);

        private static PulumiStackConfigEntry ReadEntry(YamlMappingEntry entry)
        {
            switch (entry.Value)
            {
                case YamlScalar scalar:
                    return new PulumiStackConfigEntry(entry.Key, entry.KeyLine, false, scalar.Value, false, scalar);
                case YamlMapping map when map.Entries.Length == 1
                    && string.Equals(map.Entries[0].Key, "secure", StringComparison.Ordinal)
                    && map.Entries[0].Value is YamlScalar:
                    return new PulumiStackConfigEntry(entry.Key, entry.KeyLine, true, null, false, map);
                default:
                    return new PulumiStackConfigEntry(entry.Key, entry.KeyLine, false, null, true, entry.Value);
            }
        }
    }
}
