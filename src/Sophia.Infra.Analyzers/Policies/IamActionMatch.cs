using System.Globalization;
using System.Text;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>What an action entry of a policy (<c>s3:GetObject</c>, <c>ec2:Describe*</c>) names in the catalogue.</summary>
internal enum IamActionMatchKind : byte
{
    /// <summary>The catalogue is unavailable: nothing can be concluded.</summary>
    NotChecked,

    /// <summary><c>"*"</c>: every action of every service.</summary>
    Everything,

    /// <summary>Not of the form <c>service:action</c>.</summary>
    Malformed,

    /// <summary>No service has the prefix (or, with a wildcard in the prefix, no service matches it).</summary>
    UnknownService,

    /// <summary>The service exists, but no action of it has the name or matches the wildcard.</summary>
    NoMatch,

    /// <summary>One action or more.</summary>
    Matched,
}

/// <summary>The result of <see cref="IamActionMatch.Evaluate"/>: what kind of entry, how many actions, and the first one that takes a resource ARN.</summary>
internal readonly struct IamActionMatch
{
    private IamActionMatch(IamActionMatchKind kind, int count, int firstScopable)
    {
        Kind = kind;
        Count = count;
        FirstScopable = firstScopable;
    }

    public IamActionMatchKind Kind { get; }

    /// <summary>The number of actions the entry names (for <see cref="IamActionMatchKind.Matched"/>).</summary>
    public int Count { get; }

    /// <summary>The first action (catalogue index) that names a resource type; -1 when all of them are only granted on <c>"*"</c>.</summary>
    public int FirstScopable { get; }

    /// <summary>True when the entry names actions and every one of them is only granted on <c>"*"</c>.</summary>
    public bool IsStarOnly => Kind == IamActionMatchKind.Matched && FirstScopable < 0;

    /// <summary>True when the entry grants nothing: no such service or action, or a wildcard that matches none.</summary>
    public bool GrantsNothing => Kind is IamActionMatchKind.Malformed or IamActionMatchKind.UnknownService or IamActionMatchKind.NoMatch;

    /// <summary>Looks <paramref name="action"/> up (service prefix and action name ignore case, <c>*</c>/<c>?</c> expand). No allocation.</summary>
    public static IamActionMatch Evaluate(IamActionCatalog catalog, string action)
    {
        if (!catalog.IsAvailable)
        {
            return new IamActionMatch(IamActionMatchKind.NotChecked, 0, -1);
        }

        if (action == "*")
        {
            return new IamActionMatch(IamActionMatchKind.Everything, catalog.ActionCount, 0);
        }

        var colon = action.IndexOf(':');
        if (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0)
        {
            return new IamActionMatch(IamActionMatchKind.Malformed, 0, -1);
        }

        var nameStart = colon + 1;
        var nameHasWildcard = IamGlob.HasWildcard(action, nameStart, action.Length);
        if (!IamGlob.HasWildcard(action, 0, colon))
        {
            var service = catalog.FindService(action, 0, colon);
            if (service < 0)
            {
                return new IamActionMatch(IamActionMatchKind.UnknownService, 0, -1);
            }

            if (!nameHasWildcard)
            {
                var found = catalog.FindAction(service, action, nameStart, action.Length - nameStart);
                return found < 0
                    ? new IamActionMatch(IamActionMatchKind.NoMatch, 0, -1)
                    : new IamActionMatch(IamActionMatchKind.Matched, 1, catalog.HasResourceType(found) ? found : -1);
            }

            return Scan(catalog, action, service, service + 1, nameStart);
        }

        // A wildcard in the prefix ("*:Get*", "s3*:List*"): every service it matches.
        int count = 0, firstScopable = -1, services = 0;
        for (var service = 0; service < catalog.ServiceCount; service++)
        {
            var prefix = catalog.Prefix(service);
            if (IamGlob.Matches(action, 0, colon, prefix, 0, prefix.Length))
            {
                services++;
                var part = Scan(catalog, action, service, service + 1, nameStart);
                count += part.Count;
                if (firstScopable < 0)
                {
                    firstScopable = part.FirstScopable;
                }
            }
        }

        return services == 0 ? new IamActionMatch(IamActionMatchKind.UnknownService, 0, -1)
            : count == 0 ? new IamActionMatch(IamActionMatchKind.NoMatch, 0, -1)
            : new IamActionMatch(IamActionMatchKind.Matched, count, firstScopable);
    }

    private static IamActionMatch Scan(IamActionCatalog catalog, string action, int firstService, int endService, int nameStart)
    {
        int count = 0, firstScopable = -1;
        for (var service = firstService; service < endService; service++)
        {
            for (int i = catalog.FirstAction(service), end = catalog.EndAction(service); i < end; i++)
            {
                if (catalog.ActionMatches(i, action, nameStart, action.Length))
                {
                    count++;
                    if (firstScopable < 0 && catalog.HasResourceType(i))
                    {
                        firstScopable = i;
                    }
                }
            }
        }

        return count == 0 ? new IamActionMatch(IamActionMatchKind.NoMatch, 0, -1) : new IamActionMatch(IamActionMatchKind.Matched, count, firstScopable);
    }

    // ------------------------------------------------------------------ for messages (finding path only)

    /// <summary><c>s3:GetObject</c>: the canonical name of a catalogue action.</summary>
    public static string FullName(IamActionCatalog catalog, int action)
    {
        int low = 0, high = catalog.ServiceCount - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (catalog.FirstAction(middle) <= action)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        // Services without actions share a FirstAction with the next one: take the one that owns the index.
        while (low < catalog.ServiceCount - 1 && catalog.EndAction(low) <= action)
        {
            low++;
        }

        return catalog.Prefix(low) + ":" + catalog.ActionName(action);
    }

    /// <summary>How many of the actions that <paramref name="action"/> names have each access level, in AWS's order: "63 actions, all Read".</summary>
    public static string DescribeLevels(IamActionCatalog catalog, string action)
    {
        var counts = new int[5];
        var total = 0;
        var colon = action.IndexOf(':');
        for (var service = 0; service < catalog.ServiceCount; service++)
        {
            var prefix = catalog.Prefix(service);
            if (!IamGlob.Matches(action, 0, colon, prefix, 0, prefix.Length))
            {
                continue;
            }

            for (int i = catalog.FirstAction(service), end = catalog.EndAction(service); i < end; i++)
            {
                if (catalog.ActionMatches(i, action, colon + 1, action.Length))
                {
                    counts[(int)catalog.Level(i)]++;
                    total++;
                }
            }
        }

        var text = new StringBuilder();
        text.Append(total.ToString(CultureInfo.InvariantCulture)).Append(total == 1 ? " action" : " actions");
        for (var level = 0; level < counts.Length; level++)
        {
            if (counts[level] == total)
            {
                return text.Append(total == 1 ? ", " : ", all ").Append(LevelName((IamAccessLevel)level)).ToString();
            }
        }

        text.Append(':');
        var first = true;
        for (var level = 0; level < counts.Length; level++)
        {
            if (counts[level] > 0)
            {
                text.Append(first ? " " : ", ").Append(counts[level].ToString(CultureInfo.InvariantCulture)).Append(' ').Append(LevelName((IamAccessLevel)level));
                first = false;
            }
        }

        return text.ToString();
    }

    public static string LevelName(IamAccessLevel level) => level switch
    {
        IamAccessLevel.List => "List",
        IamAccessLevel.Read => "Read",
        IamAccessLevel.Write => "Write",
        IamAccessLevel.PermissionsManagement => "Permissions management",
        _ => "Tagging",
    };

    /// <summary>
    /// The existing action nearest to <paramref name="action"/> (an entry that grants nothing), by edit distance, when one is
    /// near: within the service when it exists, else in the services whose prefix is at most two edits away. Null otherwise.
    /// </summary>
    public static string? Closest(IamActionCatalog catalog, string action)
    {
        var colon = action.IndexOf(':');
        if (!catalog.IsAvailable || colon <= 0 || IamGlob.HasWildcard(action, 0, colon))
        {
            return null;
        }

        var nameStart = colon + 1;
        var nameHasWildcard = IamGlob.HasWildcard(action, nameStart, action.Length);
        var service = catalog.FindService(action, 0, colon);
        if (service >= 0)
        {
            return nameHasWildcard ? null : ClosestIn(catalog, service, action, nameStart, out _);
        }

        const int PrefixLimit = 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var candidate = 0; candidate < catalog.ServiceCount; candidate++)
        {
            var prefix = catalog.Prefix(candidate);
            var prefixDistance = IamGlob.EditDistance(prefix, 0, prefix.Length, action, 0, colon, PrefixLimit);
            if (prefixDistance > PrefixLimit || prefixDistance >= prefix.Length)
            {
                continue;
            }

            string? suggestion;
            var distance = prefixDistance;
            if (nameHasWildcard)
            {
                suggestion = Scan(catalog, action, candidate, candidate + 1, nameStart).Count > 0 ? prefix + action.Substring(colon) : null;
            }
            else
            {
                suggestion = ClosestIn(catalog, candidate, action, nameStart, out var nameDistance);
                distance += nameDistance;
            }

            if (suggestion is not null && distance < bestDistance)
            {
                best = suggestion;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static string? ClosestIn(IamActionCatalog catalog, int service, string action, int nameStart, out int distance)
    {
        var length = action.Length - nameStart;
        var limit = length < 6 ? 1 : length < 9 ? 2 : 3;
        var best = -1;
        distance = limit + 1;
        for (int i = catalog.FirstAction(service), end = catalog.EndAction(service); i < end; i++)
        {
            var d = catalog.NameDistance(i, action, nameStart, action.Length, distance - 1);
            if (d < distance)
            {
                best = i;
                distance = d;
            }
        }

        return best < 0 ? null : catalog.Prefix(service) + ":" + catalog.ActionName(best);
    }
}
