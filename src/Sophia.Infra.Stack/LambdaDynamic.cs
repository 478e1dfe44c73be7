using System.Collections.Generic;
using System.Text.Json;
using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Stack;

/// <summary>Serverless: a Lambda function, its role and least-privilege policy, its log group, an encrypted artifacts bucket and an alarm.</summary>
public static class LambdaDynamic
{
    public sealed class Outputs
    {
        public Outputs(Output<string> functionName, Output<string> artifactsBucket)
        {
            FunctionName = functionName;
            ArtifactsBucket = artifactsBucket;
        }

        public Output<string> FunctionName { get; }

        public Output<string> ArtifactsBucket { get; }
    }

    public static Outputs Create()
    {
        var stack = Deployment.Instance.StackName;
        var isProd = stack == "prod";

        var key = new Aws.Kms.Key($"sophia-{stack}-kms-artifacts", new Aws.Kms.KeyArgs
        {
            Description = "Encrypts the artifacts bucket",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
        }, new CustomResourceOptions { Protect = isProd });

        var bucket = new Aws.S3.Bucket($"sophia-{stack}-bucket-artifacts", new Aws.S3.BucketArgs
        {
            ForceDestroy = !isProd,
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.S3.BucketServerSideEncryptionConfiguration($"sophia-{stack}-bucket-sse-artifacts", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                        KmsMasterKeyId = key.Arn,
                    },
                    BucketKeyEnabled = true,
                },
            },
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.S3.BucketVersioning($"sophia-{stack}-bucket-versioning-artifacts", new Aws.S3.BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs
            {
                Status = "Enabled",
            },
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.S3.BucketPublicAccessBlock($"sophia-{stack}-bucket-public-access-block-artifacts", new Aws.S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, new CustomResourceOptions { Protect = isProd });

        var logGroup = new Aws.CloudWatch.LogGroup($"sophia-{stack}-logs-handler", new Aws.CloudWatch.LogGroupArgs
        {
            RetentionInDays = 30,
        }, new CustomResourceOptions { Protect = isProd });

        var role = new Aws.Iam.Role($"sophia-{stack}-role-handler", new Aws.Iam.RoleArgs
        {
            AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new Dictionary<string, object?> { ["Service"] = "lambda.amazonaws.com" },
                        ["Action"] = "sts:AssumeRole",
                    },
                },
            }),
        }, new CustomResourceOptions { Protect = isProd });

        // Least privilege: write to its own log group, read its own artifacts.
        new Aws.Iam.RolePolicy($"sophia-{stack}-role-policy-handler", new Aws.Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = Output.Tuple(logGroup.Arn, bucket.Arn).Apply(arns => JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["Sid"] = "WriteOwnLogs",
                        ["Effect"] = "Allow",
                        ["Action"] = new[] { "logs:CreateLogStream", "logs:PutLogEvents" },
                        ["Resource"] = $"{arns.Item1}:*",
                    },
                    new Dictionary<string, object?>
                    {
                        ["Sid"] = "ReadOwnArtifacts",
                        ["Effect"] = "Allow",
                        ["Action"] = new[] { "s3:GetObject" },
                        ["Resource"] = $"{arns.Item2}/*",
                    },
                },
            })),
        }, new CustomResourceOptions { Protect = isProd });

        var function = new Aws.Lambda.Function($"sophia-{stack}-fn-handler", new Aws.Lambda.FunctionArgs
        {
            Role = role.Arn,
            Runtime = "dotnet8",
            Handler = "Sophia.Handler::Sophia.Handler.Function::Handle",
            Code = new FileArchive("./lambda"),
            MemorySize = 256,
            Timeout = 30,
            LoggingConfig = new Aws.Lambda.Inputs.FunctionLoggingConfigArgs
            {
                LogFormat = "JSON",
                LogGroup = logGroup.Name,
            },
        }, new CustomResourceOptions { Protect = isProd });

        var alerts = new Aws.Sns.Topic($"sophia-{stack}-topic-alerts", new Aws.Sns.TopicArgs
        {
            KmsMasterKeyId = "alias/aws/sns",
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.CloudWatch.MetricAlarm($"sophia-{stack}-alarm-handler-errors", new Aws.CloudWatch.MetricAlarmArgs
        {
            AlarmDescription = "The handler fails. Runbook: https://github.com/sophia-infra/Sophia.Infra/blob/main/src/Sophia.Infra.Stack/ROLLBACK.md",
            Namespace = "AWS/Lambda",
            MetricName = "Errors",
            Dimensions = { ["FunctionName"] = function.Name },
            Statistic = "Sum",
            Period = 300,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            AlarmActions = { alerts.Arn },
        }, new CustomResourceOptions { Protect = isProd });

        return new Outputs(function.Name, bucket.BucketName);
    }
}
