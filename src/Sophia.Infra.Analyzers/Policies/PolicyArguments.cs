using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>A resource argument that takes a policy document (<c>Iam.RolePolicy.Policy</c>, <c>Kms.Key.Policy</c>, ...).</summary>
public sealed class PolicyArgument
{
    public PolicyArgument(PulumiType resource, string property, PolicyKind kind, string description, bool isInlinePolicyList = false)
    {
        Resource = resource;
        Property = property;
        Kind = kind;
        Description = description;
        IsInlinePolicyList = isInlinePolicyList;
    }

    public PulumiType Resource { get; }

    /// <summary>The args property.</summary>
    public string Property { get; }

    public PolicyKind Kind { get; }

    /// <summary>What the document is, for messages (<c>bucket policy</c>, <c>trust policy</c>, ...).</summary>
    public string Description { get; }

    /// <summary>True for <c>Role.InlinePolicies</c>: a list of <c>RoleInlinePolicyArgs</c> whose <c>Policy</c> is the document.</summary>
    public bool IsInlinePolicyList { get; }
}

/// <summary>Every policy-bearing argument of the AWS resources.</summary>
public static class PolicyArguments
{
    public static readonly ImmutableArray<PolicyArgument> All = ImmutableArray.Create(
        new PolicyArgument(PulumiType.IamPolicy, "PolicyDocument", PolicyKind.Identity, "identity policy"),
        new PolicyArgument(PulumiType.IamRolePolicy, "Policy", PolicyKind.Identity, "identity policy"),
        new PolicyArgument(PulumiType.IamUserPolicy, "Policy", PolicyKind.Identity, "identity policy"),
        new PolicyArgument(PulumiType.IamGroupPolicy, "Policy", PolicyKind.Identity, "identity policy"),
        new PolicyArgument(PulumiType.IamRole, "InlinePolicies", PolicyKind.Identity, "identity policy", isInlinePolicyList: true),
        new PolicyArgument(PulumiType.IamRole, "AssumeRolePolicy", PolicyKind.Trust, "trust policy"),
        new PolicyArgument(PulumiType.S3Bucket, "Policy", PolicyKind.Resource, "bucket policy"),
        new PolicyArgument(PulumiType.S3BucketPolicy, "Policy", PolicyKind.Resource, "bucket policy"),
        new PolicyArgument(PulumiType.SqsQueue, "Policy", PolicyKind.Resource, "queue policy"),
        new PolicyArgument(PulumiType.SqsQueuePolicy, "Policy", PolicyKind.Resource, "queue policy"),
        new PolicyArgument(PulumiType.SnsTopic, "Policy", PolicyKind.Resource, "topic policy"),
        new PolicyArgument(PulumiType.SnsTopicPolicy, "Policy", PolicyKind.Resource, "topic policy"),
        new PolicyArgument(PulumiType.KmsKey, "Policy", PolicyKind.Key, "key policy"));

    /// <summary>The policy arguments of <paramref name="resourceType"/> (none for most resources).</summary>
    public static ImmutableArray<PolicyArgument> Of(PulumiSymbols symbols, ITypeSymbol resourceType)
    {
        ImmutableArray<PolicyArgument>.Builder? found = null;
        foreach (var argument in All)
        {
            if (symbols.Is(resourceType, argument.Resource))
            {
                found ??= ImmutableArray.CreateBuilder<PolicyArgument>();
                found.Add(argument);
            }
        }

        return found?.ToImmutable() ?? ImmutableArray<PolicyArgument>.Empty;
    }

    /// <summary>The policy argument <paramref name="property"/> of <paramref name="resourceType"/>; null when it is not one.</summary>
    public static PolicyArgument? Find(PulumiSymbols symbols, ITypeSymbol resourceType, string property)
    {
        foreach (var argument in All)
        {
            if (argument.Property == property && symbols.Is(resourceType, argument.Resource))
            {
                return argument;
            }
        }

        return null;
    }
}
