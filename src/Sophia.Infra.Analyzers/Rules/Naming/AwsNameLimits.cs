using System.Collections.Generic;
using System.Collections.Immutable;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>The AWS limit on the physical name of one resource type, and the args properties that set that name.</summary>
internal sealed class AwsNameLimit
{
    public AwsNameLimit(int maxLength, string what, ImmutableArray<string> nameProperties, ImmutableArray<string> prefixProperties)
    {
        MaxLength = maxLength;
        What = what;
        NameProperties = nameProperties;
        PrefixProperties = prefixProperties;
    }

    /// <summary>The longest physical name AWS accepts.</summary>
    public int MaxLength { get; }

    /// <summary>What the limit applies to, for messages (e.g. <c>an ALB/NLB name</c>).</summary>
    public string What { get; }

    /// <summary>The args properties that set the physical name explicitly (<c>Name</c>, <c>BucketName</c>, ...); Pulumi then does not derive it.</summary>
    public ImmutableArray<string> NameProperties { get; }

    /// <summary>The args properties that set a name prefix (<c>NamePrefix</c>, ...); Pulumi then does not derive the name from the resource name.</summary>
    public ImmutableArray<string> PrefixProperties { get; }
}

/// <summary>
/// The AWS physical-name limits of the types whose physical name Pulumi derives from the resource name (auto-naming:
/// the resource name, <c>-</c> and 7 random hex characters). docs/rules/SIA1004.md lists this table.
/// </summary>
internal static class AwsNameLimits
{
    /// <summary>What Pulumi appends to the resource name: <c>-</c> and 7 random hex characters.</summary>
    public const int RandomSuffixLength = 8;

    private static readonly ImmutableArray<string> Name = ImmutableArray.Create("Name");
    private static readonly ImmutableArray<string> NamePrefix = ImmutableArray.Create("NamePrefix");
    private static readonly ImmutableArray<string> None = ImmutableArray<string>.Empty;

    internal static readonly IReadOnlyDictionary<string, AwsNameLimit> Table = new Dictionary<string, AwsNameLimit>(System.StringComparer.Ordinal)
    {
        ["Pulumi.Aws.LB.LoadBalancer"] = new(32, "a load balancer name", Name, NamePrefix),
        ["Pulumi.Aws.LB.TargetGroup"] = new(32, "a target group name", Name, NamePrefix),
        ["Pulumi.Aws.S3.Bucket"] = new(63, "an S3 bucket name", ImmutableArray.Create("BucketName", "Bucket"), ImmutableArray.Create("BucketPrefix")),
        ["Pulumi.Aws.S3.BucketV2"] = new(63, "an S3 bucket name", ImmutableArray.Create("Bucket", "BucketName"), ImmutableArray.Create("BucketPrefix")),
        ["Pulumi.Aws.Iam.Role"] = new(64, "an IAM role name", Name, NamePrefix),
        ["Pulumi.Aws.Iam.User"] = new(64, "an IAM user name", Name, None),
        ["Pulumi.Aws.Iam.Group"] = new(128, "an IAM group name", Name, None),
        ["Pulumi.Aws.Iam.Policy"] = new(128, "an IAM policy name", Name, NamePrefix),
        ["Pulumi.Aws.Iam.RolePolicy"] = new(128, "an inline IAM policy name", Name, NamePrefix),
        ["Pulumi.Aws.Iam.UserPolicy"] = new(128, "an inline IAM policy name", Name, NamePrefix),
        ["Pulumi.Aws.Iam.GroupPolicy"] = new(128, "an inline IAM policy name", Name, NamePrefix),
        ["Pulumi.Aws.Iam.InstanceProfile"] = new(128, "an IAM instance profile name", Name, NamePrefix),
        ["Pulumi.Aws.Lambda.Function"] = new(64, "a Lambda function name", Name, None),
        ["Pulumi.Aws.Rds.Instance"] = new(63, "an RDS DB instance identifier", ImmutableArray.Create("Identifier"), ImmutableArray.Create("IdentifierPrefix")),
        ["Pulumi.Aws.Rds.Cluster"] = new(63, "an RDS DB cluster identifier", ImmutableArray.Create("ClusterIdentifier"), ImmutableArray.Create("ClusterIdentifierPrefix")),
        ["Pulumi.Aws.Rds.SubnetGroup"] = new(255, "an RDS DB subnet group name", Name, NamePrefix),
        ["Pulumi.Aws.Sqs.Queue"] = new(80, "an SQS queue name", Name, NamePrefix),
        ["Pulumi.Aws.Sns.Topic"] = new(256, "an SNS topic name", Name, NamePrefix),
        ["Pulumi.Aws.DynamoDB.Table"] = new(255, "a DynamoDB table name", Name, None),
        ["Pulumi.Aws.CloudWatch.LogGroup"] = new(512, "a CloudWatch log group name", Name, NamePrefix),
        ["Pulumi.Aws.CloudWatch.MetricAlarm"] = new(255, "a CloudWatch alarm name", Name, None),
        ["Pulumi.Aws.Ec2.SecurityGroup"] = new(255, "a security group name", Name, NamePrefix),
        ["Pulumi.Aws.Ec2.KeyPair"] = new(255, "an EC2 key pair name", ImmutableArray.Create("KeyName"), ImmutableArray.Create("KeyNamePrefix")),
        ["Pulumi.Aws.Ec2.LaunchTemplate"] = new(128, "an EC2 launch template name", Name, NamePrefix),
        ["Pulumi.Aws.Ecr.Repository"] = new(256, "an ECR repository name", Name, None),
        ["Pulumi.Aws.Ecs.Cluster"] = new(255, "an ECS cluster name", Name, None),
        ["Pulumi.Aws.Ecs.Service"] = new(255, "an ECS service name", Name, None),
        ["Pulumi.Aws.Eks.Cluster"] = new(100, "an EKS cluster name", Name, None),
        ["Pulumi.Aws.Eks.NodeGroup"] = new(63, "an EKS node group name", ImmutableArray.Create("NodeGroupName"), ImmutableArray.Create("NodeGroupNamePrefix")),
        ["Pulumi.Aws.ElastiCache.ReplicationGroup"] = new(40, "an ElastiCache replication group id", ImmutableArray.Create("ReplicationGroupId"), None),
        ["Pulumi.Aws.Kinesis.Stream"] = new(128, "a Kinesis stream name", Name, None),
        ["Pulumi.Aws.SecretsManager.Secret"] = new(512, "a Secrets Manager secret name", Name, NamePrefix),
        ["Pulumi.Aws.Ssm.Parameter"] = new(2048, "an SSM parameter name", Name, None),

        // Resource types of the extended Pulumi.Aws listing (issue 14). Each limit was looked up at the AWS API reference
        // named beside it; the name properties are the listing's (ref/listings/pulumi-aws-api.txt).
        // ELBv2 CreateLoadBalancer / CreateTargetGroup, Name: "a maximum of 32 characters" (the LB.* twins above).
        ["Pulumi.Aws.Alb.LoadBalancer"] = new(32, "a load balancer name", Name, NamePrefix),
        ["Pulumi.Aws.Alb.TargetGroup"] = new(32, "a target group name", Name, NamePrefix),
        // OpenSearch Service API, DomainInfo.DomainName: length 3 to 28, [a-z][a-z0-9\-]+.
        ["Pulumi.Aws.OpenSearch.Domain"] = new(28, "an OpenSearch domain name", ImmutableArray.Create("DomainName"), None),
        // RDS CreateDBInstance, DBInstanceIdentifier (also for a DB instance of an Aurora cluster): 1 to 63 characters.
        ["Pulumi.Aws.Rds.ClusterInstance"] = new(63, "an RDS DB instance identifier", ImmutableArray.Create("Identifier"), ImmutableArray.Create("IdentifierPrefix")),
        // AWS Backup CreateBackupVault, backupVaultName: ^[a-zA-Z0-9\-\_]{2,50}$; BackupPlanInput.BackupPlanName: 1 to 50 characters.
        ["Pulumi.Aws.Backup.Vault"] = new(50, "an AWS Backup vault name", Name, None),
        ["Pulumi.Aws.Backup.Plan"] = new(50, "an AWS Backup plan name", Name, None),
        // CloudFront CreateOriginAccessControl, OriginAccessControlConfig.Name: "up to 64 characters".
        ["Pulumi.Aws.CloudFront.OriginAccessControl"] = new(64, "a CloudFront origin access control name", Name, None),
        // EventBridge PutRule, Name: the service rejects more than 64 characters ("Member must have length less than or equal to 64").
        ["Pulumi.Aws.CloudWatch.EventRule"] = new(64, "an EventBridge rule name", Name, NamePrefix),
        // CloudWatch PutCompositeAlarm, AlarmName: 1 to 255 characters (required in the args, so never derived).
        ["Pulumi.Aws.CloudWatch.CompositeAlarm"] = new(255, "a CloudWatch alarm name", ImmutableArray.Create("AlarmName"), None),
        // Application Auto Scaling PutScalingPolicy, PolicyName: 1 to 256 characters.
        ["Pulumi.Aws.AppAutoScaling.Policy"] = new(256, "a scaling policy name", Name, None),
    };

    /// <summary>The limit of a full CLR type name, or null when AWS has none that the resource name drives.</summary>
    public static AwsNameLimit? For(string fullTypeName) => Table.TryGetValue(fullTypeName, out var limit) ? limit : null;
}
