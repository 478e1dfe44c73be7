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
    private PolicyNode(PolicyNodeKind kind, PolicyValue? value, Location? location)
    {
        Kind = kind;
        Value = value;
        Location = location;
    }

    public PolicyNodeKind Kind { get; }

    /// <summary>For strings, literals and unknowns: the value (<see cref="PolicyValue.Text"/> is null when not fully known).</summary>
    public PolicyValue? Value { get; }

    /// <summary>Where the value is written.</summary>
    public Location? Location { get; }

    /// <summary>The members of an object, in source order.</summary>
    public List<PolicyMember> Members { get; } = new();

    /// <summary>The elements of an array, in source order.</summary>
    public List<PolicyNode> Elements { get; } = new();

    /// <summary>For an object or array: true when holes or unknown entries may add members or elements that are not in the lists.</summary>
    public bool IsOpen { get; set; }

    public static PolicyNode Object(Location? location) => new(PolicyNodeKind.Object, null, location);

    public static PolicyNode Array(Location? location) => new(PolicyNodeKind.Array, null, location);

    public static PolicyNode String(PolicyValue value) => new(PolicyNodeKind.String, value, value.Location);

    public static PolicyNode Literal(string text, Location? location) => new(PolicyNodeKind.Literal, new PolicyValue(text, text, location), location);

    public static PolicyNode Unknown(string display, Location? location) => new(PolicyNodeKind.Unknown, new PolicyValue(null, display, location), location);

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
    public PolicyMember(string? key, Location? keyLocation, PolicyNode value)
    {
        Key = key;
        KeyLocation = keyLocation;
        Value = value;
    }

    /// <summary>The key; null when it is not known (a hole, a computed key).</summary>
    public string? Key { get; }

    /// <summary>Where the member is named: the JSON key, or the whole initializer entry (<c>Action = "*"</c>, <c>["Action"] = "*"</c>).</summary>
    public Location? KeyLocation { get; }

    public PolicyNode Value { get; }

    public override string ToString() => (Key ?? "?") + ": " + Value;
}
