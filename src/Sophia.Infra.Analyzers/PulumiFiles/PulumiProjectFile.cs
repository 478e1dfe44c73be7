using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>One key under <c>config:</c> in <c>Pulumi.yaml</c>.</summary>
    internal sealed class PulumiConfigDefault
    {
        public PulumiConfigDefault(string key, string fullKey, int line, bool hasDefault, int defaultLine, string? defaultValue, string? type, bool isSecret)
        {
            Key = key;
            FullKey = fullKey;
            Line = line;
            HasDefault = hasDefault;
            DefaultLine = defaultLine;
            DefaultValue = defaultValue;
            Type = type;
            IsSecret = isSecret;
        }

        /// <summary>The key as written (<c>project:key</c>, <c>aws:region</c> or a bare <c>key</c>).</summary>
        public string Key { get; }

        /// <summary>The key qualified with the project name (a bare key means <c>&lt;project&gt;:key</c>).</summary>
        public string FullKey { get; }

        /// <summary>1-based line of the key.</summary>
        public int Line { get; }

        /// <summary>
        /// True when every stack gets a value: a scalar or sequence shorthand (<c>key: value</c>), or a map with
        /// <c>default:</c> or <c>value:</c>.
        /// </summary>
        public bool HasDefault { get; }

        /// <summary>1-based line of the default (the key line for the shorthand), 0 when there is none.</summary>
        public int DefaultLine { get; }

        /// <summary>The default's text when it is a scalar, else null.</summary>
        public string? DefaultValue { get; }

        /// <summary>The <c>type:</c> scalar, or null.</summary>
        public string? Type { get; }

        /// <summary>True for <c>secret: true</c>.</summary>
        public bool IsSecret { get; }
    }

    /// <summary>What the analyzers need from <c>Pulumi.yaml</c>. Never throws; problems are in <see cref="Errors"/>.</summary>
    internal sealed class PulumiProjectFile
    {
        private PulumiProjectFile(
            string path,
            SourceText text,
            AdditionalText? file,
            string? name,
            int nameLine,
            string? main,
            ImmutableArray<PulumiConfigDefault> configDefaults,
            ImmutableArray<YamlError> errors)
        {
            Path = path;
            Text = text;
            File = file;
            Name = name;
            NameLine = nameLine;
            Main = main;
            ConfigDefaults = configDefaults;
            Errors = errors;
        }

        public string Path { get; }

        public SourceText Text { get; }

        /// <summary>The AdditionalText it was read from (null when parsed from a string).</summary>
        public AdditionalText? File { get; }

        /// <summary>The <c>name:</c> scalar, or null when missing or invalid.</summary>
        public string? Name { get; }

        /// <summary>1-based line of <c>name:</c>, 0 when missing.</summary>
        public int NameLine { get; }

        /// <summary>The <c>main:</c> scalar, or null.</summary>
        public string? Main { get; }

        public ImmutableArray<PulumiConfigDefault> ConfigDefaults { get; }

        /// <summary>YAML errors and Pulumi-level errors (missing <c>name:</c>, <c>config:</c> not a mapping).</summary>
        public ImmutableArray<YamlError> Errors { get; }

        /// <summary>True when the file was read without any error.</summary>
        public bool IsValid => Errors.IsEmpty;

        public static PulumiProjectFile Parse(string path, string text) => Parse(path, SourceText.From(text ?? string.Empty), null);

        public static PulumiProjectFile Parse(string path, SourceText text, AdditionalText? file)
        {
            path ??= string.Empty;
            YamlDocument document = YamlReader.Parse(text.ToString());
            if (document.Root is null)
            {
                YamlError error = document.Error ?? new YamlError(1, "the file could not be read");
                return new PulumiProjectFile(path, text, file, null, 0, null, ImmutableArray<PulumiConfigDefault>.Empty, ImmutableArray.Create(error));
            }

            var errors = ImmutableArray.CreateBuilder<YamlError>();
            if (!(document.Root is YamlMapping root))
            {
                errors.Add(new YamlError(document.Root.Line, "Pulumi.yaml must be a mapping ('key: value' lines) at the top level"));
                return new PulumiProjectFile(path, text, file, null, 0, null, ImmutableArray<PulumiConfigDefault>.Empty, errors.ToImmutable());
            }

            string? name = null;
            int nameLine = 0;
            YamlMappingEntry? nameEntry = root.Find("name");
            if (nameEntry is null)
            {
                errors.Add(new YamlError(1, "Pulumi.yaml has no 'name:'"));
            }
            else if (nameEntry.Value is YamlScalar nameScalar && !nameScalar.IsNull && nameScalar.Value.Trim().Length > 0)
            {
                name = nameScalar.Value.Trim();
                nameLine = nameEntry.KeyLine;
            }
            else
            {
                nameLine = nameEntry.KeyLine;
                errors.Add(new YamlError(nameEntry.KeyLine, "'name:' in Pulumi.yaml must be a non-empty string"));
            }

            string? main = root.Get("main") is YamlScalar mainScalar && !mainScalar.IsNull ? mainScalar.Value : null;

            var defaults = ImmutableArray.CreateBuilder<PulumiConfigDefault>();
            YamlMappingEntry? configEntry = root.Find("config");
            if (configEntry is not null)
            {
                if (configEntry.Value is YamlMapping config)
                {
                    foreach (YamlMappingEntry entry in config.Entries)
                    {
                        defaults.Add(ReadDefault(entry, name));
                    }
                }
                else if (!(configEntry.Value is YamlScalar { IsNull: true }))
                {
                    errors.Add(new YamlError(configEntry.KeyLine, "'config:' in Pulumi.yaml must be a mapping of config keys"));
                }
            }

            return new PulumiProjectFile(path, text, file, name, nameLine, main, defaults.ToImmutable(), errors.ToImmutable());
        }

        internal static PulumiProjectFile Unreadable(AdditionalText file, string message) =>
            new PulumiProjectFile(file.Path ?? string.Empty, SourceText.From(string.Empty), file, null, 0, null, ImmutableArray<PulumiConfigDefault>.Empty, ImmutableArray.Create(new YamlError(1, message)));

        /// <summary>The config declaration whose qualified key is <paramref name="fullKey"/> (qualified the same way), or null.</summary>
        public PulumiConfigDefault? FindConfig(string fullKey)
        {
            string wanted = PulumiWorkspace.QualifyKey(fullKey, Name);
            foreach (PulumiConfigDefault item in ConfigDefaults)
            {
                if (string.Equals(item.FullKey, wanted, StringComparison.Ordinal))
                {
                    return item;
                }
            }

            return null;
        }

        /// <summary>A location on the given 1-based line of this file.</summary>
        public Location GetLocation(int line) => PulumiWorkspace.CreateLocation(Path, Text, line);

        private static PulumiConfigDefault ReadDefault(YamlMappingEntry entry, string? projectName)
        {
            string fullKey = PulumiWorkspace.QualifyKey(entry.Key, projectName);
            switch (entry.Value)
            {
                case YamlScalar scalar:
                    // Shorthand: "key: value" is the default; "key:" alone declares nothing.
                    return scalar.IsNull
                        ? new PulumiConfigDefault(entry.Key, fullKey, entry.KeyLine, false, 0, null, null, false)
                        : new PulumiConfigDefault(entry.Key, fullKey, entry.KeyLine, true, entry.KeyLine, scalar.Value, null, false);
                case YamlMapping map:
                    {
                        YamlMappingEntry? defaultEntry = map.Find("default") ?? map.Find("value");
                        string? type = map.Get("type") is YamlScalar typeScalar ? typeScalar.Value : null;
                        bool isSecret = map.Get("secret") is YamlScalar secretScalar
                            && string.Equals(secretScalar.Value, "true", StringComparison.OrdinalIgnoreCase);
                        if (defaultEntry is null)
                        {
                            return new PulumiConfigDefault(entry.Key, fullKey, entry.KeyLine, false, 0, null, type, isSecret);
                        }

                        string? value = defaultEntry.Value is YamlScalar valueScalar ? valueScalar.Value : null;
                        return new PulumiConfigDefault(entry.Key, fullKey, entry.KeyLine, true, defaultEntry.KeyLine, value, type, isSecret);
                    }

                default:
                    // A sequence is the shorthand for a list default.
                    return new PulumiConfigDefault(entry.Key, fullKey, entry.KeyLine, true, entry.KeyLine, null, null, false);
            }
        }
    }
}
