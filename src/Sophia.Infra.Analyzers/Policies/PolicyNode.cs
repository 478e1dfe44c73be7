using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>The kind of a <see cref="PolicyNode"/>.</summary>
public enum PolicyNodeKind
{
    Object,
    Array,

    /// <summary>A string, known or with holes (<see cref="PolicyNode.Value"/>).</summary>
    String,

    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    Literal,

    /// <summary>A value that cannot be known (an interpolation hole, an expression the analyzer cannot follow).</summary>
    Unknown,
}

/// <summary>
/// A JSON-shaped value, whatever C# wrote it: JSON text, an anonymous object, a dictionary, an array, typed Pulumi args.
/// Policy documents are read from these trees (<see cref="PolicyDocumentBuilder"/>).
/// </summary>
public sealed class PolicyNode
{
    // Shared by every node that is not an object (or not an array): never added to.
    private static readonly List<PolicyMember> NoMembers = new(0);
    private static readonly List<PolicyNode> NoElements = new(0);

    private PolicyNode(PolicyNodeKind kind, PolicyValue? value, PolicyPlace place, List<PolicyMember>? members = null, List<PolicyNode>? elements = null)
    {
        Kind = kind;
        Value = value;
        Place = place;
        Members = kind == PolicyNodeKind.Object ? members ?? new List<PolicyMember>() : NoMembers;
        Elements = kind == PolicyNodeKind.Array ? elements ?? new List<PolicyNode>() : NoElements;
    }

    public PolicyNodeKind Kind { get; }

    /// <summary>For strings, literals and unknowns: the value (<see cref="PolicyValue.Text"/> is null when not fully known).</summary>
    public PolicyValue? Value { get; }

    /// <summary>Where the value is written, unresolved.</summary>
    public PolicyPlace Place { get; }

    /// <summary>Where the value is written.</summary>
    public Location? Location => Place.Resolve();

    /// <summary>The members of an object, in source order (empty, and never to be added to, for other kinds).</summary>
    public List<PolicyMember> Members { get; }

    /// <summary>The elements of an array, in source order (empty, and never to be added to, for other kinds).</summary>
    public List<PolicyNode> Elements { get; }

    /// <summary>For an object or array: true when holes or unknown entries may add members or elements that are not in the lists.</summary>
    public bool IsOpen { get; set; }

    public static PolicyNode Object(PolicyPlace place, List<PolicyMember>? members = null) => new(PolicyNodeKind.Object, null, place, members: members);

    public static PolicyNode Array(PolicyPlace place, List<PolicyNode>? elements = null) => new(PolicyNodeKind.Array, null, place, elements: elements);

    public static PolicyNode String(PolicyValue value) => new(PolicyNodeKind.String, value, value.Place);

    public static PolicyNode Literal(string text, PolicyPlace place) => new(PolicyNodeKind.Literal, new PolicyValue(text, text, place), place);

    public static PolicyNode Unknown(string display, PolicyPlace place) => new(PolicyNodeKind.Unknown, new PolicyValue(null, display, place), place);

    /// <summary>The member named <paramref name="key"/> (IAM element names, compared ignoring case); null when absent.</summary>
    public PolicyMember? Find(string key)
    {
        foreach (var member in Members)
        {
            if (member.Key is not null && string.Equals(member.Key, key, System.StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>True when an object may have members the analyzer cannot see (holes, unknown keys).</summary>
    public bool MayHaveHiddenMembers
    {
        get
        {
            if (IsOpen)
            {
                return true;
            }

            foreach (var member in Members)
            {
                if (member.Key is null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public override string ToString() => Kind switch
    {
        PolicyNodeKind.Object => "{" + string.Join(", ", Members) + (IsOpen ? ", ..." : string.Empty) + "}",
        PolicyNodeKind.Array => "[" + string.Join(", ", Elements) + (IsOpen ? ", ..." : string.Empty) + "]",
        PolicyNodeKind.String => Value!.IsKnown ? "\"" + Value.Text + "\"" : "\"" + Value.Display + "\"?",
        PolicyNodeKind.Unknown => "?" + Value!.Display,
        _ => Value!.Display,
    };
}

/// <summary>One member of a JSON-shaped object.</summary>
public sealed class PolicyMember
{
    public PolicyMember(string? key, PolicyPlace keyPlace, PolicyNode value)
    {
        Key = key;
        KeyPlace = keyPlace;
        Value = value;
    }

    /// <summary>The key; null when it is not known (a hole, a computed key).</summary>
    public string? Key { get; }

    /// <summary>Where the member is named: the JSON key, or the whole initializer entry (<c>Action = "*"</c>, <c>["Action"] = "*"</c>).</summary>
    public Location? KeyLocation => KeyPlace.Resolve();

    /// <summary>Where the member is named, unresolved.</summary>
    public PolicyPlace KeyPlace { get; }

    public PolicyNode Value { get; }

    public override string ToString() => (Key ?? "?") + ": " + Value;
}
