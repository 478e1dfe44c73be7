using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>What a policy document is for, which decides the rules that apply to it.</summary>
public enum PolicyKind
{
    /// <summary>Attached to a role, user or group (<c>Iam.Policy</c>, <c>RolePolicy</c>, inline policies, ...).</summary>
    Identity,

    /// <summary>A role's trust policy (<c>Role.AssumeRolePolicy</c>).</summary>
    Trust,

    /// <summary>Attached to a resource (bucket, queue, topic policies).</summary>
    Resource,

    /// <summary>A KMS key policy, where <c>"Resource": "*"</c> means the key itself.</summary>
    Key,
}

/// <summary>The <c>Effect</c> of a statement.</summary>
public enum PolicyEffect
{
    /// <summary>Not known at compile time (a hole, a missing key in an open object, an unexpected value).</summary>
    Unknown,
    Allow,
    Deny,
}

/// <summary>Whether a statement element is there.</summary>
public enum PolicyPresence
{
    /// <summary>Provably absent (or provably empty, for <c>Condition</c>).</summary>
    Absent,

    /// <summary>Provably present.</summary>
    Present,

    /// <summary>Cannot be known (the statement has holes where members could be).</summary>
    Unknown,
}

/// <summary>
/// A string of a policy (an action, a resource, a principal, a Sid) as far as it is known, and where it is written.
/// A value with holes (<c>"{arn}/*"</c>) is unknown: it is never a wildcard.
/// </summary>
public sealed class PolicyValue
{
    public PolicyValue(string? text, string display, PolicyPlace place)
    {
        Text = text;
        Display = display;
        Place = place;
    }

    /// <summary>The value when it is fully known; null otherwise.</summary>
    public string? Text { get; }

    public bool IsKnown => Text is not null;

    /// <summary>The value for messages: known text as is, holes as <c>{expression}</c>.</summary>
    public string Display { get; }

    /// <summary>Where the value is written, unresolved (see <see cref="Location"/>).</summary>
    public PolicyPlace Place { get; }

    /// <summary>Where the value is written: the JSON string inside the literal, the array element or the initializer entry (resolved when asked: a finding).</summary>
    public Location? Location => Place.Resolve();

    public override string ToString() => Display;
}

/// <summary>A statement element that holds one string or a list of them (<c>Action</c>, <c>Resource</c>, ...).</summary>
public sealed class PolicyValueList
{
    public static readonly PolicyValueList Absent = new(PolicyPresence.Absent, ImmutableArray<PolicyValue>.Empty, isComplete: true, null);

    public static readonly PolicyValueList Unknown = new(PolicyPresence.Unknown, ImmutableArray<PolicyValue>.Empty, isComplete: false, null);

    public PolicyValueList(PolicyPresence presence, ImmutableArray<PolicyValue> values, bool isComplete, PolicyPlace memberPlace)
    {
        Presence = presence;
        Values = values;
        IsComplete = isComplete;
        MemberPlace = memberPlace;
    }

    public PolicyPresence Presence { get; }

    /// <summary>The values that are written (known or not).</summary>
    public ImmutableArray<PolicyValue> Values { get; }

    /// <summary>False when the list may hold more than <see cref="Values"/> (a hole, an unknown list, an unknown element).</summary>
    public bool IsComplete { get; }

    /// <summary>Where the element is written: the JSON key, or the initializer entry.</summary>
    public Location? MemberLocation => MemberPlace.Resolve();

    public PolicyPlace MemberPlace { get; }
}

/// <summary>One principal of a statement: <c>"*"</c> (no type), or one identifier of a typed principal (<c>{"AWS": "*"}</c>).</summary>
public readonly struct PolicyPrincipal
{
    public PolicyPrincipal(string? type, PolicyValue value)
    {
        Type = type;
        Value = value;
    }

    /// <summary><c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>; null for a bare principal (<c>"Principal": "*"</c>).</summary>
    public string? Type { get; }

    public PolicyValue Value { get; }
}

/// <summary>One statement of a policy document, in the terms of the IAM JSON grammar.</summary>
public sealed class PolicyStatement
{
    public PolicyStatement(
        int index,
        PolicyValue? sid,
        PolicyEffect effect,
        PolicyValueList action,
        PolicyValueList notAction,
        PolicyValueList resource,
        PolicyValueList notResource,
        PolicyPresence principalPresence,
        ImmutableArray<PolicyPrincipal> principals,
        PolicyPresence condition,
        PolicyPlace place,
        PolicyValueList? notPrincipal = null)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Action = action;
        NotAction = notAction;
        Resource = resource;
        NotResource = notResource;
        PrincipalPresence = principalPresence;
        Principals = principals;
        Condition = condition;
        Place = place;
        NotPrincipal = notPrincipal ?? PolicyValueList.Absent;
    }

    /// <summary>The position of the statement in the document (0-based).</summary>
    public int Index { get; }

    public PolicyValue? Sid { get; }

    public PolicyEffect Effect { get; }

    public PolicyValueList Action { get; }

    public PolicyValueList NotAction { get; }

    public PolicyValueList Resource { get; }

    public PolicyValueList NotResource { get; }

    /// <summary>Whether a <c>Principal</c> or <c>NotPrincipal</c> is written (a statement with one belongs to a resource or trust policy).</summary>
    public PolicyPresence PrincipalPresence { get; }

    /// <summary>The principals of <c>Principal</c> that are written (known or not).</summary>
    public ImmutableArray<PolicyPrincipal> Principals { get; }

    /// <summary>
    /// Whether a <c>NotPrincipal</c> (<c>NotPrincipals</c> of GetPolicyDocument) is written, and where its key is; its values
    /// are not read (the statement grants every principal but those).
    /// </summary>
    public PolicyValueList NotPrincipal { get; }

    /// <summary>Whether the statement has a (non-empty) <c>Condition</c>.</summary>
    public PolicyPresence Condition { get; }

    /// <summary>Where the statement is written.</summary>
    public Location? Location => Place.Resolve();

    public PolicyPlace Place { get; }

    /// <summary>The statement for messages: <c>Statement "Sid"</c>, or <c>Statement[index]</c> without a known Sid.</summary>
    public string DisplayName => Sid is { Text: { Length: > 0 } sid } ? "Statement \"" + sid + "\"" : "Statement[" + Index + "]";
}

/// <summary>A policy document as far as it can be read from the code.</summary>
public sealed class PolicyDocument
{
    public PolicyDocument(PolicyKind kind, ImmutableArray<PolicyStatement> statements)
    {
        Kind = kind;
        Statements = statements;
    }

    public PolicyKind Kind { get; }

    public ImmutableArray<PolicyStatement> Statements { get; }
}
