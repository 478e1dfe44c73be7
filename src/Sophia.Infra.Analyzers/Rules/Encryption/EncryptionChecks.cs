using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Rules.Encryption;

/// <summary>How the value at the end of a check's path is judged.</summary>
internal enum Expectation
{
    /// <summary>A boolean that must be <c>true</c>: <c>false</c> (or <c>null</c>) is a finding.</summary>
    True,

    /// <summary>A string flag that must not be <c>"false"</c> (Redshift's <c>Encrypted</c> is a string in Pulumi.Aws 7).</summary>
    NotFalseText,

    /// <summary>A KMS key that must be set: <c>null</c> or <c>""</c> is a finding.</summary>
    Set,

    /// <summary>A string that must not be <see cref="EncryptionCheck.Forbidden"/> (compared case-insensitively).</summary>
    NotForbidden,
}

/// <summary>
/// One row of the "store kind → property path → how it is judged" table of SIA3002 and SIA3101. A missing value is a finding
/// at the creation when <see cref="MissingIsFinding"/>; a wrong value is a finding at the value; an unknown value is silent.
/// </summary>
internal sealed class EncryptionCheck
{
    public EncryptionCheck(
        DiagnosticDescriptor rule,
        PulumiType type,
        string store,
        string path,
        Expectation expectation,
        bool missingIsFinding,
        string fix,
        string? forbidden = null,
        string? companion = null,
        string? hint = null)
    {
        Rule = rule;
        Type = type;
        Store = store;
        Path = new ArgsPath(path);
        Expectation = expectation;
        MissingIsFinding = missingIsFinding;
        Fix = fix;
        Forbidden = forbidden;
        Companion = companion;
        Hint = hint;
    }

    public DiagnosticDescriptor Rule { get; }

    public PulumiType Type { get; }

    /// <summary>What the resource is, for messages ("RDS instance").</summary>
    public string Store { get; }

    public ArgsPath Path { get; }

    public Expectation Expectation { get; }

    /// <summary>False where AWS's default is the safe value or an absent list means no element to check.</summary>
    public bool MissingIsFinding { get; }

    /// <summary>The C# expression the code fix writes at the end of the path (<c>true</c>, <c>"KMS"</c>, ...).</summary>
    public string Fix { get; }

    /// <summary>For <see cref="Expectation.NotForbidden"/>: the value that is a finding.</summary>
    public string? Forbidden { get; }

    /// <summary>A member the fix also adds when it is not set, as <c>path=expression</c> (Kinesis needs a key with <c>"KMS"</c>).</summary>
    public string? Companion { get; }

    /// <summary>What a missing value means, for the message; null for the plain "is not set".</summary>
    public string? Hint { get; }

    /// <summary>The fix of a missing value: <c>path=expression</c> lines for <see cref="EncryptionFix.Members"/>.</summary>
    public string MembersToAdd => Companion is null ? Path.Text + "=" + Fix : Path.Text + "=" + Fix + "\n" + Companion;

    /// <summary>The reason for a missing value at <paramref name="depth"/> of the path.</summary>
    public string MissingReason(int depth, int listIndex)
    {
        var missing = Path.Display(depth, listIndex);
        var full = Path.Display(Path.Length - 1, listIndex);
        var reason = missing + " is not set";
        if (Hint is not null)
        {
            reason += ", " + Hint;
        }

        return reason + " (set " + full + " = " + Fix + ")";
    }

    /// <summary>The reason for a wrong value, written as <paramref name="shown"/>.</summary>
    public string WrongReason(int listIndex, string shown) =>
        Path.Display(Path.Length - 1, listIndex) + " is " + shown + " (set it to " + Fix + ")";

    /// <summary>The checks of SIA3002 (at rest) and SIA3101 (in transit), several per type where a type has several places.</summary>
    public static readonly EncryptionCheck[] All =
    {
        // ----- SIA3002: at rest -----
        new(Descriptors.StoreNotEncrypted, PulumiType.RdsInstance, "RDS instance", "StorageEncrypted", Expectation.True, missingIsFinding: true, "true"),
        new(Descriptors.StoreNotEncrypted, PulumiType.RdsCluster, "RDS cluster", "StorageEncrypted", Expectation.True, missingIsFinding: true, "true"),
        new(Descriptors.StoreNotEncrypted, PulumiType.EbsVolume, "EBS volume", "Encrypted", Expectation.True, missingIsFinding: true, "true"),
        new(Descriptors.StoreNotEncrypted, PulumiType.Ec2Instance, "EC2 instance", "RootBlockDevice.Encrypted", Expectation.True, missingIsFinding: true, "true",
            hint: "so the root volume follows the account's default encryption"),
        new(Descriptors.StoreNotEncrypted, PulumiType.Ec2Instance, "EC2 instance", "EbsBlockDevices[].Encrypted", Expectation.True, missingIsFinding: true, "true"),
        new(Descriptors.StoreNotEncrypted, PulumiType.EfsFileSystem, "EFS file system", "Encrypted", Expectation.True, missingIsFinding: true, "true"),
        // DynamoDB tables are always encrypted at rest (ServerSideEncryption only picks the key), and CloudWatch log groups
        // too: no row. SQS queues are encrypted by default and are checked apart (EncryptionAnalyzer.AnalyzeQueue).
        new(Descriptors.StoreNotEncrypted, PulumiType.SnsTopic, "SNS topic", "KmsMasterKeyId", Expectation.Set, missingIsFinding: true, "\"alias/aws/sns\""),
        new(Descriptors.StoreNotEncrypted, PulumiType.ElastiCacheReplicationGroup, "ElastiCache replication group", "AtRestEncryptionEnabled", Expectation.True, missingIsFinding: true, "true"),
        new(Descriptors.StoreNotEncrypted, PulumiType.KinesisStream, "Kinesis stream", "EncryptionType", Expectation.NotForbidden, missingIsFinding: true, "\"KMS\"",
            forbidden: "NONE", companion: "KmsKeyId=\"alias/aws/kinesis\""),

        // OpenSearch: encryption at rest is off unless EncryptAtRest.Enabled is true (AWS's and the provider's default is disabled).
        new(Descriptors.StoreNotEncrypted, PulumiType.OpenSearchDomain, "OpenSearch domain", "EncryptAtRest.Enabled", Expectation.True, missingIsFinding: true, "true"),

        // Pulumi.Aws 7 (Terraform AWS provider 6) makes Redshift's Encrypted a string that defaults to "true": only "false" is a finding.
        new(Descriptors.StoreNotEncrypted, PulumiType.RedShiftCluster, "Redshift cluster", "Encrypted", Expectation.NotFalseText, missingIsFinding: false, "\"true\""),

        // ----- SIA3101: in transit -----
        new(Descriptors.TransitNotEncrypted, PulumiType.ElastiCacheReplicationGroup, "ElastiCache replication group", "TransitEncryptionEnabled", Expectation.True, missingIsFinding: true, "true"),

        // "preferred" still accepts plain-text connections (design.md's decided edge cases): only "required" encrypts all.
        new(Descriptors.TransitNotEncrypted, PulumiType.ElastiCacheReplicationGroup, "ElastiCache replication group", "TransitEncryptionMode", Expectation.NotForbidden, missingIsFinding: false, "\"required\"",
            forbidden: "preferred"),

        // ViewerProtocolPolicy is required: a missing one is SIA8002's business.
        new(Descriptors.TransitNotEncrypted, PulumiType.CloudFrontDistribution, "CloudFront distribution", "DefaultCacheBehavior.ViewerProtocolPolicy", Expectation.NotForbidden, missingIsFinding: false, "\"redirect-to-https\"",
            forbidden: "allow-all"),
        new(Descriptors.TransitNotEncrypted, PulumiType.CloudFrontDistribution, "CloudFront distribution", "OrderedCacheBehaviors[].ViewerProtocolPolicy", Expectation.NotForbidden, missingIsFinding: false, "\"redirect-to-https\"",
            forbidden: "allow-all"),
    };

    /// <summary>
    /// The checks per resource type of one compilation (types the compilation does not have are left out), keyed by the
    /// type's definition (look up <c>type.OriginalDefinition</c>).
    /// </summary>
    public static Dictionary<ISymbol, EncryptionCheck[]> ByType(PulumiSymbols symbols)
    {
        var byType = new Dictionary<ISymbol, EncryptionCheck[]>(SymbolIdentity.Instance);
        foreach (var check in All)
        {
            var type = symbols.Get(check.Type)?.OriginalDefinition;
            if (type is null)
            {
                continue;
            }

            if (byType.TryGetValue(type, out var existing))
            {
                var extended = new EncryptionCheck[existing.Length + 1];
                Array.Copy(existing, extended, existing.Length);
                extended[existing.Length] = check;
                byType[type] = extended;
            }
            else
            {
                byType.Add(type, new[] { check });
            }
        }

        return byType;
    }
}
