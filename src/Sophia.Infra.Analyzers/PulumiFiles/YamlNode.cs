using System;
using System.Collections.Immutable;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>The three kinds of node the small YAML reader produces.</summary>
    internal enum YamlNodeKind
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>A node of a parsed YAML document. <see cref="Line"/> is 1-based.</summary>
    internal abstract class YamlNode
    {
        protected YamlNode(int line)
        {
            Line = line;
        }

        /// <summary>The 1-based line where the node starts.</summary>
        public int Line { get; }

        public abstract YamlNodeKind Kind { get; }
    }

    /// <summary>A scalar. The value is the text after unquoting / unescaping / folding; an empty value (<c>key:</c>) is "".</summary>
    internal sealed class YamlScalar : YamlNode
    {
        public YamlScalar(string value, int line, bool wasQuoted)
            : base(line)
        {
            Value = value;
            WasQuoted = wasQuoted;
        }

        public string Value { get; }

        /// <summary>True for single- or double-quoted scalars and for block scalars (<c>|</c>, <c>&gt;</c>).</summary>
        public bool WasQuoted { get; }

        /// <summary>True for an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
        public bool IsNull => !WasQuoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override YamlNodeKind Kind => YamlNodeKind.Scalar;
    }

    /// <summary>One <c>key: value</c> entry of a mapping.</summary>
    internal sealed class YamlMappingEntry
    {
        public YamlMappingEntry(string key, int keyLine, YamlNode value)
        {
            Key = key;
            KeyLine = keyLine;
            Value = value;
        }

        public string Key { get; }

        public int KeyLine { get; }

        public YamlNode Value { get; }
    }

    /// <summary>A mapping; entries keep the order of the file, keys are unique.</summary>
    internal sealed class YamlMapping : YamlNode
    {
        public YamlMapping(ImmutableArray<YamlMappingEntry> entries, int line)
            : base(line)
        {
            Entries = entries;
        }

        public ImmutableArray<YamlMappingEntry> Entries { get; }

        public override YamlNodeKind Kind => YamlNodeKind.Mapping;

        /// <summary>The entry with this key (ordinal comparison), or null.</summary>
        public YamlMappingEntry? Find(string key)
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>The value of the entry with this key, or null.</summary>
        public YamlNode? Get(string key) => Find(key)?.Value;
    }

    /// <summary>A block (<c>- item</c>) or flow (<c>[a, b]</c>) sequence.</summary>
    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(ImmutableArray<YamlNode> items, int line)
            : base(line)
        {
            Items = items;
        }

        public ImmutableArray<YamlNode> Items { get; }

        public override YamlNodeKind Kind => YamlNodeKind.Sequence;
    }

    /// <summary>A parse error: 1-based line and a message meant for the user.</summary>
    internal sealed class YamlError
    {
        public YamlError(int line, string message)
        {
            Line = line;
            Message = message;
        }

        public int Line { get; }

        public string Message { get; }

        public override string ToString() => "line " + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Message;
    }

    /// <summary>The result of <see cref="YamlReader.Parse"/>: exactly one of <see cref="Root"/> and <see cref="Error"/> is set.</summary>
    internal sealed class YamlDocument
    {
        private YamlDocument(YamlNode? root, YamlError? error)
        {
            Root = root;
            Error = error;
        }

        public YamlNode? Root { get; }

        public YamlError? Error { get; }

        public bool IsSuccess => Error is null;

        public static YamlDocument Success(YamlNode root) => new YamlDocument(root, null);

        public static YamlDocument Failure(int line, string message) => new YamlDocument(null, new YamlError(line, message));
    }
}
