using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA3001, SIA3002, SIA3101: data encrypted at rest and in transit. Every resource below breaks the rule in another way
/// (names and protection follow the standard, so that only the encryption rules speak); the last ones show what passes.
/// </summary>
public static class Encryption
{
    public static void Create(string stack, Aws.LB.LoadBalancer lb, Aws.LB.TargetGroup web)
    {
        var options = new CustomResourceOptions { Protect = stack == "prod" };

        // SIA3001: a bucket that no BucketServerSideEncryptionConfiguration is bound to.
        var logs = new Aws.S3.Bucket($"sophia-{stack}-bucket-logs", new Aws.S3.BucketArgs { ForceDestroy = true }, options);

        // SIA3002, at the creation: flags that are missing.
        new Aws.Rds.Instance($"sophia-{stack}-db-orders", new Aws.Rds.InstanceArgs
        {
            InstanceClass = "db.t3.micro",
            Engine = "postgres",
        }, options);
        new Aws.Ec2.Instance($"sophia-{stack}-vm-worker", new Aws.Ec2.InstanceArgs
        {
            Ami = "ami-0c2b8ca1dad447f8a",
            InstanceType = "t3.small",
            EbsBlockDevices =
            {
                new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", VolumeSize = 100 },
            },
        }, options);
        new Aws.Sns.Topic($"sophia-{stack}-topic-events", null, options);
        new Aws.DynamoDB.Table($"sophia-{stack}-table-sessions", new Aws.DynamoDB.TableArgs
        {
            HashKey = "id",
            BillingMode = "PAY_PER_REQUEST",
        }, options);

        // SIA3002, at the value: encryption turned off.
        new Aws.Ebs.Volume($"sophia-{stack}-vol-scratch", new Aws.Ebs.VolumeArgs
        {
            AvailabilityZone = "us-west-2a",
            Size = 50,
            Encrypted = false,
        }, options);
        new Aws.Sqs.Queue($"sophia-{stack}-queue-jobs", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = false }, options);
        new Aws.Kinesis.Stream($"sophia-{stack}-stream-clicks", new Aws.Kinesis.StreamArgs { ShardCount = 1, EncryptionType = "NONE" }, options);

        // SIA3002 on a search domain: OpenSearch leaves data at rest unencrypted unless EncryptAtRest.Enabled is true.
        new Aws.OpenSearch.Domain($"sophia-{stack}-opensearch-logs", new Aws.OpenSearch.DomainArgs
        {
            DomainName = "sophia-logs",
            EngineVersion = "OpenSearch_2.13",
        }, options);

        // SIA3002 and SIA3101 at once: a cache encrypted neither at rest nor in transit.
        new Aws.ElastiCache.ReplicationGroup($"sophia-{stack}-replication-group-cache", new Aws.ElastiCache.ReplicationGroupArgs
        {
            Description = "sessions cache",
            NodeType = "cache.t3.micro",
        }, options);

        // SIA3101: a listener on plain HTTP that forwards instead of redirecting to HTTPS.
        new Aws.LB.Listener($"sophia-{stack}-listener-http", new Aws.LB.ListenerArgs
        {
            LoadBalancerArn = lb.Arn,
            Port = 80,
            Protocol = "HTTP",
            DefaultActions =
            {
                new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = web.Arn },
            },
        }, options);

        // Compliant: a bucket with its SSE-KMS configuration, and an HTTP listener that only redirects to HTTPS.
        var artifacts = new Aws.S3.Bucket($"sophia-{stack}-bucket-artifacts", null, options);
        new Aws.S3.BucketServerSideEncryptionConfiguration($"sophia-{stack}-bucket-sse-artifacts", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = artifacts.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                    },
                    BucketKeyEnabled = true,
                },
            },
        }, options);
        new Aws.LB.Listener($"sophia-{stack}-listener-redirect", new Aws.LB.ListenerArgs
        {
            LoadBalancerArn = lb.Arn,
            Port = 80,
            Protocol = "HTTP",
            DefaultActions =
            {
                new Aws.LB.Inputs.ListenerDefaultActionArgs
                {
                    Type = "redirect",
                    Redirect = new Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
                },
            },
        }, options);

        _ = logs;
    }
}
