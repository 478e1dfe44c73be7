using System;
using System.Collections.Generic;
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
                builder.Add(JsonStatement(statements, 0));
                break;
            case PolicyNodeKind.Array:
                for (var i = 0; i < statements.Elements.Count; i++)
                {
                    if (statements.Elements[i].Kind == PolicyNodeKind.Object)
                    {
                        builder.Add(JsonStatement(statements.Elements[i], i));
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
                builder.Add(GetPolicyDocumentStatement(statements.Elements[i], i));
            }
        }

        return new PolicyDocument(kind, builder.ToImmutable());
    }

    private static PolicyStatement JsonStatement(PolicyNode statement, int index)
    {
        var hidden = statement.MayHaveHiddenMembers;
        var effect = statement.Find("Effect") is { } effectMember ? EffectOf(effectMember.Value) : PolicyEffect.Unknown;

        var principals = ImmutableArray.CreateBuilder<PolicyPrincipal>();
        var principalPresence = Presence(statement, "Principal", hidden);
        if (principalPresence == PolicyPresence.Absent)
        {
            principalPresence = Presence(statement, "NotPrincipal", hidden);
        }

        if (statement.Find("Principal") is { } principal)
        {
            AddJsonPrincipals(principal.Value, principals);
        }

        return new PolicyStatement(
            index,
            statement.Find("Sid")?.Value.Value,
            effect,
            List(statement, "Action", hidden),
            List(statement, "NotAction", hidden),
            List(statement, "Resource", hidden),
            List(statement, "NotResource", hidden),
            principalPresence,
            principals.ToImmutable(),
            ConditionOf(statement.Find("Condition"), hidden),
            statement.Location);
    }

    private static PolicyStatement GetPolicyDocumentStatement(PolicyNode statement, int index)
    {
        var hidden = statement.MayHaveHiddenMembers;

        // Effect defaults to Allow.
        var effect = statement.Find("Effect") is { } effectMember ? EffectOf(effectMember.Value)
            : hidden ? PolicyEffect.Unknown
            : PolicyEffect.Allow;

        var principals = ImmutableArray.CreateBuilder<PolicyPrincipal>();
        var principalPresence = ListPresence(statement, "Principals", hidden);
        if (principalPresence == PolicyPresence.Absent)
        {
            principalPresence = ListPresence(statement, "NotPrincipals", hidden);
        }

        if (statement.Find("Principals")?.Value is { Kind: PolicyNodeKind.Array } list)
        {
            foreach (var element in list.Elements)
            {
                if (element.Kind != PolicyNodeKind.Object || element.Find("Type")?.Value.Value is not { Text: { } type })
                {
                    continue;
                }

                // Type "*" with identifier "*" is how GetPolicyDocument writes "Principal": "*".
                var principalType = type == "*" ? null : type;
                if (element.Find("Identifiers")?.Value is { } identifiers)
                {
                    foreach (var value in Values(identifiers, out _))
                    {
                        principals.Add(new PolicyPrincipal(principalType, value));
                    }
                }
            }
        }

        return new PolicyStatement(
            index,
            statement.Find("Sid")?.Value.Value,
            effect,
            List(statement, "Actions", hidden),
            List(statement, "NotActions", hidden),
            List(statement, "Resources", hidden),
            List(statement, "NotResources", hidden),
            principalPresence,
            principals.ToImmutable(),
            ListPresence(statement, "Conditions", hidden),
            statement.Location);
    }

    private static PolicyEffect EffectOf(PolicyNode node) => node.Value?.Text switch
    {
        "Allow" => PolicyEffect.Allow,
        "Deny" => PolicyEffect.Deny,
        _ => PolicyEffect.Unknown,
    };

    private static PolicyPresence Presence(PolicyNode statement, string key, bool hidden)
    {
        if (statement.Find(key) is { } member)
        {
            return member.Value.Kind == PolicyNodeKind.Literal && member.Value.Value?.Text == "null" ? PolicyPresence.Absent : PolicyPresence.Present;
        }

        return hidden ? PolicyPresence.Unknown : PolicyPresence.Absent;
    }

    /// <summary>For list-valued args (<c>Principals</c>, <c>Conditions</c>): present when non-empty.</summary>
    private static PolicyPresence ListPresence(PolicyNode statement, string key, bool hidden)
    {
        if (statement.Find(key) is not { } member)
        {
            return hidden ? PolicyPresence.Unknown : PolicyPresence.Absent;
        }

        return member.Value.Kind switch
        {
            PolicyNodeKind.Array when member.Value.Elements.Count == 0 && !member.Value.IsOpen => PolicyPresence.Absent,
            PolicyNodeKind.Literal when member.Value.Value?.Text == "null" => PolicyPresence.Absent,
            PolicyNodeKind.Array or PolicyNodeKind.Object => PolicyPresence.Present,
            _ => PolicyPresence.Unknown,
        };
    }

    private static PolicyPresence ConditionOf(PolicyMember? condition, bool hidden)
    {
        if (condition is null)
        {
            return hidden ? PolicyPresence.Unknown : PolicyPresence.Absent;
        }

        var value = condition.Value;
        return value.Kind switch
        {
            PolicyNodeKind.Object when value.Members.Count == 0 && !value.IsOpen => PolicyPresence.Absent,
            PolicyNodeKind.Literal when value.Value?.Text == "null" => PolicyPresence.Absent,
            PolicyNodeKind.Object => PolicyPresence.Present,
            _ => PolicyPresence.Unknown,
        };
    }

    private static PolicyValueList List(PolicyNode statement, string key, bool hidden)
    {
        if (statement.Find(key) is not { } member)
        {
            return hidden ? PolicyValueList.Unknown : PolicyValueList.Absent;
        }

        var values = Values(member.Value, out var complete);
        return new PolicyValueList(PolicyPresence.Present, values, complete, member.KeyLocation);
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

    internal static IEnumerable<PolicyValue> Known(PolicyValueList list)
    {
        foreach (var value in list.Values)
        {
            if (value.IsKnown)
            {
                yield return value;
            }
        }
    }
}
