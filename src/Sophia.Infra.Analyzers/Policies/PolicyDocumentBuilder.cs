using System;
using System.Collections.Immutable;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>
/// Reads policy documents out of JSON-shaped trees: the IAM JSON grammar (<c>Statement</c>, <c>Effect</c>, <c>Action</c>, ...),
/// whatever wrote it, and the statements of <c>Iam.GetPolicyDocument</c> (<c>Actions</c>, <c>Resources</c>, <c>Principals</c>, ...).
/// </summary>
public static class PolicyDocumentBuilder
{
    /// <summary>The document of an IAM JSON tree (<c>{"Version": ..., "Statement": [...]}</c>); null when it is not one.</summary>
    public static PolicyDocument? FromJson(PolicyNode? root, PolicyKind kind)
    {
        if (root is not { Kind: PolicyNodeKind.Object } || root.Find("Statement")?.Value is not { } statements)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<PolicyStatement>();
        switch (statements.Kind)
        {
            case PolicyNodeKind.Object:
                builder.Add(Statement(statements, 0, invokeArgs: false));
                break;
            case PolicyNodeKind.Array:
                for (var i = 0; i < statements.Elements.Count; i++)
                {
                    if (statements.Elements[i].Kind == PolicyNodeKind.Object)
                    {
                        builder.Add(Statement(statements.Elements[i], i, invokeArgs: false));
                    }
                }

                break;
            default:
                return null;
        }

        return new PolicyDocument(kind, builder.ToImmutable());
    }

    /// <summary>
    /// The document of the statements of an <c>Iam.GetPolicyDocument</c> call (a list of statement args, as a tree);
    /// null when the list cannot be read.
    /// </summary>
    public static PolicyDocument? FromGetPolicyDocumentStatements(PolicyNode? statements, PolicyKind kind)
    {
        if (statements is not { Kind: PolicyNodeKind.Array })
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<PolicyStatement>();
        for (var i = 0; i < statements.Elements.Count; i++)
        {
            if (statements.Elements[i].Kind == PolicyNodeKind.Object)
            {
                builder.Add(Statement(statements.Elements[i], i, invokeArgs: true));
            }
        }

        return new PolicyDocument(kind, builder.ToImmutable());
    }

    /// <summary>
    /// One statement: in the IAM JSON grammar (<c>Action</c>, <c>Principal</c>, <c>Condition</c>), or in the grammar of
    /// <c>GetPolicyDocument</c> statement args (<c>Actions</c>, <c>Principals</c> of <c>Type</c> and <c>Identifiers</c>,
    /// <c>Conditions</c>; <c>Effect</c> defaults to Allow).
    /// </summary>
    private static PolicyStatement Statement(PolicyNode statement, int index, bool invokeArgs)
    {
        var hidden = statement.MayHaveHiddenMembers;
        var plural = invokeArgs ? "s" : string.Empty;
        var effect = statement.Find("Effect") is { } effectMember ? EffectOf(effectMember.Value)
            : invokeArgs && !hidden ? PolicyEffect.Allow
            : PolicyEffect.Unknown;

        var principalPresence = Presence(statement, "Principal" + plural, hidden);
        var notPrincipalPresence = Presence(statement, "NotPrincipal" + plural, hidden);
        if (principalPresence == PolicyPresence.Absent)
        {
            principalPresence = notPrincipalPresence;
        }

        var notPrincipal = notPrincipalPresence switch
        {
            PolicyPresence.Present => new PolicyValueList(PolicyPresence.Present, ImmutableArray<PolicyValue>.Empty, isComplete: false, statement.Find("NotPrincipal" + plural)?.KeyPlace ?? default),
            PolicyPresence.Unknown => PolicyValueList.Unknown,
            _ => PolicyValueList.Absent,
        };

        var principals = ImmutableArray.CreateBuilder<PolicyPrincipal>();
        if (statement.Find("Principal" + plural) is { } principal)
        {
            if (invokeArgs)
            {
                AddInvokePrincipals(principal.Value, principals);
            }
            else
            {
                AddJsonPrincipals(principal.Value, principals);
            }
        }

        return new PolicyStatement(
            index,
            statement.Find("Sid")?.Value.Value,
            effect,
            List(statement, "Action" + plural, hidden),
            List(statement, "NotAction" + plural, hidden),
            List(statement, "Resource" + plural, hidden),
            List(statement, "NotResource" + plural, hidden),
            principalPresence,
            principals.ToImmutable(),
            Presence(statement, "Condition" + plural, hidden),
            statement.Place,
            notPrincipal);
    }

    private static PolicyEffect EffectOf(PolicyNode node) => node.Value?.Text switch
    {
        "Allow" => PolicyEffect.Allow,
        "Deny" => PolicyEffect.Deny,
        _ => PolicyEffect.Unknown,
    };

    /// <summary>
    /// Whether an element is written: absent when missing from a statement without hidden members, or written as
    /// <c>null</c>, <c>{}</c> or <c>[]</c> (an empty condition narrows nothing).
    /// </summary>
    private static PolicyPresence Presence(PolicyNode statement, string key, bool hidden)
    {
        if (statement.Find(key) is not { } member)
        {
            return hidden ? PolicyPresence.Unknown : PolicyPresence.Absent;
        }

        var value = member.Value;
        return value.Kind switch
        {
            PolicyNodeKind.Object when value.Members.Count == 0 && !value.IsOpen => PolicyPresence.Absent,
            PolicyNodeKind.Array when value.Elements.Count == 0 && !value.IsOpen => PolicyPresence.Absent,
            PolicyNodeKind.Literal when value.Value?.Text == "null" => PolicyPresence.Absent,
            PolicyNodeKind.Unknown => PolicyPresence.Unknown,
            _ => PolicyPresence.Present,
        };
    }

    private static PolicyValueList List(PolicyNode statement, string key, bool hidden)
    {
        if (statement.Find(key) is not { } member)
        {
            return hidden ? PolicyValueList.Unknown : PolicyValueList.Absent;
        }

        var values = Values(member.Value, out var complete);
        return new PolicyValueList(PolicyPresence.Present, values, complete, member.KeyPlace);
    }

    /// <summary>The strings of a string-or-list value; <paramref name="complete"/> is false when some cannot be known.</summary>
    private static ImmutableArray<PolicyValue> Values(PolicyNode node, out bool complete)
    {
        complete = true;
        switch (node.Kind)
        {
            case PolicyNodeKind.String:
                return ImmutableArray.Create(node.Value!);
            case PolicyNodeKind.Array:
                var builder = ImmutableArray.CreateBuilder<PolicyValue>(node.Elements.Count);
                complete = !node.IsOpen;
                foreach (var element in node.Elements)
                {
                    if (element.Kind is PolicyNodeKind.String or PolicyNodeKind.Unknown)
                    {
                        builder.Add(element.Value!);
                        complete &= element.Value!.IsKnown;
                    }
                    else
                    {
                        complete = false;
                    }
                }

                return builder.ToImmutable();
            case PolicyNodeKind.Unknown:
                complete = false;
                return ImmutableArray.Create(node.Value!);
            default:
                complete = false;
                return ImmutableArray<PolicyValue>.Empty;
        }
    }

    /// <summary>GetPolicyDocument principals: <c>{ Type = "AWS", Identifiers = { ... } }</c>; type <c>"*"</c> is a bare principal.</summary>
    private static void AddInvokePrincipals(PolicyNode list, ImmutableArray<PolicyPrincipal>.Builder principals)
    {
        foreach (var element in list.Elements)
        {
            if (element.Kind != PolicyNodeKind.Object || element.Find("Type")?.Value.Value is not { Text: { } type }
                || element.Find("Identifiers")?.Value is not { } identifiers)
            {
                continue;
            }

            foreach (var value in Values(identifiers, out _))
            {
                principals.Add(new PolicyPrincipal(type == "*" ? null : type, value));
            }
        }
    }

    private static void AddJsonPrincipals(PolicyNode principal, ImmutableArray<PolicyPrincipal>.Builder principals)
    {
        switch (principal.Kind)
        {
            case PolicyNodeKind.String:
                principals.Add(new PolicyPrincipal(null, principal.Value!));
                break;
            case PolicyNodeKind.Object:
                foreach (var member in principal.Members)
                {
                    if (member.Key is null)
                    {
                        continue;
                    }

                    foreach (var value in Values(member.Value, out _))
                    {
                        principals.Add(new PolicyPrincipal(member.Key, value));
                    }
                }

                break;
        }
    }

    /// <summary>True when <paramref name="principal"/> is everyone: <c>"*"</c> or <c>{"AWS": "*"}</c>.</summary>
    public static bool IsEveryone(PolicyPrincipal principal) =>
        principal.Value.Text == "*" && (principal.Type is null || string.Equals(principal.Type, "AWS", StringComparison.OrdinalIgnoreCase));
}
