using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Sophia.Infra.Analyzers.Tests.Rules;

/// <summary>
/// The 48 resource types that the extended Pulumi.Aws listing (issue 14) added to ref/, with the resource-type token each
/// gets. The data-driven tests of SIA1001, SIA1004 and SIA2001 run over this list; ExtendedListingNamingTests checks that
/// each is a resource type of the mirror.
/// </summary>
internal static class ExtendedListing
{
    /// <summary>Type name after <c>Pulumi.Aws.</c> -> resource-type token.</summary>
    public static readonly IReadOnlyList<(string Type, string Token)> ResourceTypes = new[]
    {
        ("Alb.Listener", "listener"),
        ("Alb.LoadBalancer", "lb"),
        ("Alb.TargetGroup", "tg"),
        ("ApiGateway.Deployment", "api-deployment"),
        ("ApiGateway.RestApi", "api"),
        ("ApiGateway.Stage", "api-stage"),
        ("ApiGatewayV2.Api", "api"),
        ("ApiGatewayV2.Integration", "api-integration"),
        ("ApiGatewayV2.Route", "api-route"),
        ("ApiGatewayV2.Stage", "api-stage"),
        ("AppAutoScaling.Policy", "scaling-policy"),
        ("AppAutoScaling.Target", "scaling-target"),
        ("Backup.Plan", "backup-plan"),
        ("Backup.Vault", "backup-vault"),
        ("CloudFront.OriginAccessControl", "oac"),
        ("CloudFront.OriginAccessIdentity", "oai"),
        ("CloudWatch.CompositeAlarm", "composite-alarm"),
        ("CloudWatch.EventRule", "event-rule"),
        ("CloudWatch.EventTarget", "event-target"),
        ("CloudWatch.LogMetricFilter", "metric-filter"),
        ("Cognito.UserPool", "user-pool"),
        ("Ec2.FlowLog", "flow-log"),
        ("Ec2.NetworkAcl", "nacl"),
        ("Ec2.NetworkAclRule", "nacl-rule"),
        ("Efs.MountTarget", "efs-mount"),
        ("Eks.AccessPolicyAssociation", "eks-access-policy"),
        ("Iam.Group", "group"),
        ("Iam.GroupPolicyAttachment", "group-policy-attachment"),
        ("Iam.PolicyAttachment", "policy-attachment"),
        ("Iam.UserPolicyAttachment", "user-policy-attachment"),
        ("Kms.Alias", "kms-alias"),
        ("LB.ListenerRule", "listener-rule"),
        ("Lambda.EventSourceMapping", "fn-event-source"),
        ("Lambda.FunctionUrl", "fn-url"),
        ("OpenSearch.Domain", "opensearch"),
        ("Rds.ClusterInstance", "db-cluster-instance"),
        ("S3.BucketAclV2", "bucket-acl"),
        ("S3.BucketCorsConfiguration", "bucket-cors"),
        ("S3.BucketLifecycleConfiguration", "bucket-lifecycle"),
        ("S3.BucketLogging", "bucket-logging"),
        ("S3.BucketLoggingV2", "bucket-logging"),
        ("S3.BucketNotification", "bucket-notification"),
        ("S3.BucketServerSideEncryptionConfigurationV2", "bucket-sse"),
        ("S3.BucketV2", "bucket"),
        ("S3.BucketVersioning", "bucket-versioning"),
        ("S3.BucketVersioningV2", "bucket-versioning"),
        ("SecretsManager.SecretRotation", "secret-rotation"),
        ("Sns.TopicSubscription", "topic-subscription"),
    };

    /// <summary>
    /// The args each creation gets: <c>new()</c>, except where the physical name must be set explicitly because the
    /// pattern name plus Pulumi's suffix cannot fit AWS's limit (an OpenSearch domain name has at most 28 characters).
    /// </summary>
    public static string Args(string type) => type switch
    {
        "OpenSearch.Domain" => "new() { DomainName = \"sophia-search\" }",
        _ => "new()",
    };

    /// <summary>What the statements of <see cref="Creations"/> mark as <c>{|#i:...|}</c> (i = the type's index).</summary>
    public enum Mark { None, Name, Creation }

    /// <summary>Statements creating one resource of every type, named <paramref name="name"/>(token), with <paramref name="options"/> if given.</summary>
    public static string Creations(System.Func<string, string> name, Mark mark, string? options = null)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < ResourceTypes.Count; i++)
        {
            var (type, token) = ResourceTypes[i];
            var nameText = mark == Mark.Name ? $"{{|#{i}:{name(token)}|}}" : name(token);
            var creation = $"new Aws.{type}({nameText}, {Args(type)}{(options is null ? string.Empty : ", " + options)})";
            builder.Append("            ").Append(mark == Mark.Creation ? $"{{|#{i}:{creation}|}}" : creation).Append(";\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    public static IEnumerable<object[]> TypesAndTokens() => ResourceTypes.Select(t => new object[] { t.Type, t.Token });
}
