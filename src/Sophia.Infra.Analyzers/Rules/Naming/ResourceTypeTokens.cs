using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>
/// The resource-type segment of names: a built-in table for the common AWS types (short tokens such as <c>vm</c>,
/// <c>sg</c>, <c>bucket-sse</c>), the kebab-case of the type name for every other type (AWS or not, user components
/// included: <c>Pulumi.Aws.Iam.InstanceProfile</c> is <c>instance-profile</c>), and
/// <c>sophia_infra.resource_type.&lt;full CLR type name&gt;</c> above both.
/// </summary>
internal static class ResourceTypeTokens
{
    /// <summary>The built-in table, keyed by full CLR type name. docs/rules/SIA1001.md and README.md list it.</summary>
    internal static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>(System.StringComparer.Ordinal)
    {
        // design.md's starting table
        ["Pulumi.Aws.Ec2.Instance"] = "vm",
        ["Pulumi.Aws.S3.Bucket"] = "bucket",
        ["Pulumi.Aws.S3.BucketV2"] = "bucket",
        ["Pulumi.Aws.Iam.Role"] = "role",
        ["Pulumi.Aws.Iam.Policy"] = "policy",
        ["Pulumi.Aws.Ec2.SecurityGroup"] = "sg",
        ["Pulumi.Aws.Ec2.Vpc"] = "vpc",
        ["Pulumi.Aws.Ec2.Subnet"] = "subnet",
        ["Pulumi.Aws.Ebs.Volume"] = "vol",
        ["Pulumi.Aws.Rds.Instance"] = "db",
        ["Pulumi.Aws.Lambda.Function"] = "fn",
        ["Pulumi.Aws.Route53.Zone"] = "zone",
        ["Pulumi.Aws.Route53.Record"] = "dns",
        ["Pulumi.Aws.Acm.Certificate"] = "cert",
        ["Pulumi.Aws.Kms.Key"] = "kms",
        ["Pulumi.Aws.DynamoDB.Table"] = "table",
        ["Pulumi.Aws.Sqs.Queue"] = "queue",
        ["Pulumi.Aws.Sns.Topic"] = "topic",
        ["Pulumi.Aws.CloudWatch.LogGroup"] = "logs",
        ["Pulumi.Aws.LB.LoadBalancer"] = "lb",
        ["Pulumi.Aws.Provider"] = "provider",

        // Short, well-known abbreviations, and tokens that follow the type they belong to (cert -> cert-validation).
        ["Pulumi.Aws.Acm.CertificateValidation"] = "cert-validation",
        ["Pulumi.Aws.CloudFront.Distribution"] = "cdn",
        ["Pulumi.Aws.CloudWatch.MetricAlarm"] = "alarm",
        ["Pulumi.Aws.Ec2.Eip"] = "eip",
        ["Pulumi.Aws.Ec2.InternetGateway"] = "igw",
        ["Pulumi.Aws.Ec2.NatGateway"] = "nat",
        ["Pulumi.Aws.Ec2.SecurityGroupRule"] = "sg-rule",
        ["Pulumi.Aws.Ec2.LaunchTemplate"] = "lt",
        ["Pulumi.Aws.Vpc.SecurityGroupIngressRule"] = "sg-ingress",
        ["Pulumi.Aws.Vpc.SecurityGroupEgressRule"] = "sg-egress",
        ["Pulumi.Aws.Ecr.Repository"] = "ecr",
        ["Pulumi.Aws.Ecr.LifecyclePolicy"] = "ecr-lifecycle",
        ["Pulumi.Aws.Ecs.Cluster"] = "ecs",
        ["Pulumi.Aws.Ecs.ClusterCapacityProviders"] = "ecs-capacity",
        ["Pulumi.Aws.Ecs.Service"] = "ecs-service",
        ["Pulumi.Aws.Ecs.TaskDefinition"] = "ecs-task",
        ["Pulumi.Aws.Efs.FileSystem"] = "efs",
        ["Pulumi.Aws.Eks.Cluster"] = "eks",
        ["Pulumi.Aws.Eks.NodeGroup"] = "eks-nodes",
        ["Pulumi.Aws.ElastiCache.ReplicationGroup"] = "cache",
        ["Pulumi.Aws.Kinesis.Stream"] = "stream",
        ["Pulumi.Aws.Lambda.Permission"] = "fn-permission",
        ["Pulumi.Aws.LB.Listener"] = "listener",
        ["Pulumi.Aws.LB.TargetGroup"] = "tg",
        ["Pulumi.Aws.Rds.Cluster"] = "db-cluster",
        ["Pulumi.Aws.Rds.SubnetGroup"] = "db-subnets",
        ["Pulumi.Aws.RedShift.Cluster"] = "redshift",
        ["Pulumi.Aws.S3.BucketAcl"] = "bucket-acl",
        ["Pulumi.Aws.S3.BucketAclV2"] = "bucket-acl",
        ["Pulumi.Aws.S3.BucketObject"] = "object",
        ["Pulumi.Aws.S3.BucketObjectv2"] = "object",
        ["Pulumi.Aws.S3.BucketOwnershipControls"] = "bucket-ownership",
        ["Pulumi.Aws.S3.BucketPolicy"] = "bucket-policy",
        ["Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration"] = "bucket-sse",
        ["Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationV2"] = "bucket-sse",
        ["Pulumi.Aws.S3.BucketVersioning"] = "bucket-versioning",
        ["Pulumi.Aws.S3.BucketVersioningV2"] = "bucket-versioning",
        ["Pulumi.Aws.S3.BucketWebsiteConfiguration"] = "bucket-website",
        ["Pulumi.Aws.S3.BucketWebsiteConfigurationV2"] = "bucket-website",
        ["Pulumi.Aws.SecretsManager.Secret"] = "secret",
        ["Pulumi.Aws.SecretsManager.SecretVersion"] = "secret-version",
        ["Pulumi.Aws.ServiceDiscovery.PrivateDnsNamespace"] = "dns-namespace",
        ["Pulumi.Aws.Ssm.Parameter"] = "param",

        // The resource types of the extended Pulumi.Aws listing (issue 14; its deprecated S3 *V2 types are above, with their twins). A twin of a type above takes its token
        // (Alb.* as LB.*); a short, well-known abbreviation where one exists (nacl, oac, oai); otherwise the service's
        // token followed by the kebab-case of what the type is (api-stage, fn-url, bucket-cors, ...).
        ["Pulumi.Aws.Alb.Listener"] = "listener",
        ["Pulumi.Aws.Alb.LoadBalancer"] = "lb",
        ["Pulumi.Aws.Alb.TargetGroup"] = "tg",
        ["Pulumi.Aws.ApiGateway.Deployment"] = "api-deployment",
        ["Pulumi.Aws.ApiGateway.RestApi"] = "api",
        ["Pulumi.Aws.ApiGateway.Stage"] = "api-stage",
        ["Pulumi.Aws.ApiGatewayV2.Api"] = "api",
        ["Pulumi.Aws.ApiGatewayV2.Integration"] = "api-integration",
        ["Pulumi.Aws.ApiGatewayV2.Route"] = "api-route",
        ["Pulumi.Aws.ApiGatewayV2.Stage"] = "api-stage",
        ["Pulumi.Aws.AppAutoScaling.Policy"] = "scaling-policy",
        ["Pulumi.Aws.AppAutoScaling.Target"] = "scaling-target",
        ["Pulumi.Aws.Backup.Plan"] = "backup-plan",
        ["Pulumi.Aws.Backup.Vault"] = "backup-vault",
        ["Pulumi.Aws.CloudFront.OriginAccessControl"] = "oac",
        ["Pulumi.Aws.CloudFront.OriginAccessIdentity"] = "oai",
        ["Pulumi.Aws.CloudWatch.CompositeAlarm"] = "composite-alarm",
        ["Pulumi.Aws.CloudWatch.EventRule"] = "event-rule",
        ["Pulumi.Aws.CloudWatch.EventTarget"] = "event-target",
        ["Pulumi.Aws.CloudWatch.LogMetricFilter"] = "metric-filter",
        ["Pulumi.Aws.Cognito.UserPool"] = "user-pool",
        ["Pulumi.Aws.Ec2.FlowLog"] = "flow-log",
        ["Pulumi.Aws.Ec2.NetworkAcl"] = "nacl",
        ["Pulumi.Aws.Ec2.NetworkAclRule"] = "nacl-rule",
        ["Pulumi.Aws.Efs.MountTarget"] = "efs-mount",
        ["Pulumi.Aws.Eks.AccessPolicyAssociation"] = "eks-access-policy",
        ["Pulumi.Aws.Iam.Group"] = "group",
        ["Pulumi.Aws.Iam.GroupPolicyAttachment"] = "group-policy-attachment",
        ["Pulumi.Aws.Iam.PolicyAttachment"] = "policy-attachment",
        ["Pulumi.Aws.Iam.UserPolicyAttachment"] = "user-policy-attachment",
        ["Pulumi.Aws.Kms.Alias"] = "kms-alias",
        ["Pulumi.Aws.LB.ListenerRule"] = "listener-rule",
        ["Pulumi.Aws.Lambda.EventSourceMapping"] = "fn-event-source",
        ["Pulumi.Aws.Lambda.FunctionUrl"] = "fn-url",
        ["Pulumi.Aws.OpenSearch.Domain"] = "opensearch",
        ["Pulumi.Aws.Rds.ClusterInstance"] = "db-cluster-instance",
        ["Pulumi.Aws.S3.BucketCorsConfiguration"] = "bucket-cors",
        ["Pulumi.Aws.S3.BucketLifecycleConfiguration"] = "bucket-lifecycle",
        ["Pulumi.Aws.S3.BucketLogging"] = "bucket-logging",
        ["Pulumi.Aws.S3.BucketLoggingV2"] = "bucket-logging",
        ["Pulumi.Aws.S3.BucketNotification"] = "bucket-notification",
        ["Pulumi.Aws.SecretsManager.SecretRotation"] = "secret-rotation",
        ["Pulumi.Aws.Sns.TopicSubscription"] = "topic-subscription",
    };

    /// <summary>
    /// The token for <paramref name="type"/>: the configured one (<paramref name="configured"/>, read from
    /// <c>sophia_infra.resource_type.&lt;full name&gt;</c>), else the built-in one, else the kebab-case of the type name.
    /// </summary>
    public static string For(INamedTypeSymbol type, System.Func<string, string?> configured)
    {
        var fullName = FullName(type);
        return configured(fullName) ?? ForFullName(fullName, type.Name);
    }

    /// <summary>The built-in token of a full CLR type name, or the kebab-case of <paramref name="simpleName"/>.</summary>
    public static string ForFullName(string fullName, string simpleName)
    {
        if (BuiltIn.TryGetValue(fullName, out var token))
        {
            return token;
        }

        var kebab = KebabCase(simpleName);
        return kebab.Length == 0 ? "resource" : kebab;
    }

    /// <summary>The full CLR name: <c>Namespace.Type</c>, nested types as <c>Namespace.Outer+Inner</c>, generic arity as <c>`1</c>.</summary>
    public static string FullName(INamedTypeSymbol type) => FullNames.GetValue(type, ComputeFullName);

    // Kept with the type symbol: a metadata type is one object for every compilation over the same references (the IDE
    // makes a new compilation after each edit), and its name never changes.
    private static readonly ConditionalWeakTable<INamedTypeSymbol, string> FullNames = new();
    private static readonly ConditionalWeakTable<INamedTypeSymbol, string>.CreateValueCallback ComputeFullName = static type =>
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();

        static void Append(StringBuilder builder, INamedTypeSymbol type)
        {
            if (type.ContainingType is { } outer)
            {
                Append(builder, outer);
                builder.Append('+');
            }
            else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(ns.ToDisplayString()).Append('.');
            }

            builder.Append(type.MetadataName);
        }
    };

    /// <summary>
    /// Lower kebab-case of an identifier or free text: word boundaries at lower-to-upper changes, before the last capital
    /// of an acronym (<c>HTTPServer</c> to <c>http-server</c>) and at every character outside <c>a-z0-9</c>; no empty words.
    /// </summary>
    public static string KebabCase(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUpper(c))
            {
                var previous = i > 0 ? text[i - 1] : '\0';
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (IsLowerOrDigit(previous) || (IsUpper(previous) && IsLower(next)))
                {
                    AppendHyphen(builder);
                }

                builder.Append((char)(c + ('a' - 'A')));
            }
            else if (IsLowerOrDigit(c))
            {
                builder.Append(c);
            }
            else
            {
                AppendHyphen(builder);
            }
        }

        if (builder.Length > 0 && builder[builder.Length - 1] == '-')
        {
            builder.Length--;
        }

        return builder.ToString();

        static void AppendHyphen(StringBuilder builder)
        {
            if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }
    }

    internal static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    internal static bool IsLower(char c) => c >= 'a' && c <= 'z';

    internal static bool IsLowerOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
