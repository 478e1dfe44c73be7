using Pulumi;
using Aws = Pulumi.Aws;

namespace Infra;

/// <summary>Application data: an S3 bucket encrypted with its own KMS key, versioned, and closed to the public.</summary>
public static class Storage
{
    public sealed record Result(Aws.S3.Bucket Bucket, Aws.Kms.Key Key);

    public static Result Create(Config config)
    {
        var stack = Deployment.Instance.StackName;
        var isProd = stack == "prod";

        var key = new Aws.Kms.Key(Naming.Name("kms", "data"), new Aws.Kms.KeyArgs
        {
            Description = "Encrypts the application data",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
        }, new CustomResourceOptions { Protect = isProd });

        var bucket = new Aws.S3.Bucket(Naming.Name("bucket", "data"), new Aws.S3.BucketArgs
        {
            ForceDestroy = !isProd,
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.S3.BucketServerSideEncryptionConfiguration(Naming.Name("bucket-sse", "data"), new Aws.S3.BucketServerSideEncryptionConfigurationArgs
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

        // Versioning keeps every overwritten or deleted object: a bad change can be rolled back (ROLLBACK.md).
        new Aws.S3.BucketVersioning(Naming.Name("bucket-versioning", "data"), new Aws.S3.BucketVersioningArgs
        {
            Bucket = bucket.Id,
            VersioningConfiguration = new Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs
            {
                Status = "Enabled",
            },
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.S3.BucketPublicAccessBlock(Naming.Name("bucket-public-access-block", "data"), new Aws.S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, new CustomResourceOptions { Protect = isProd });

        // A secret comes from the stack's encrypted configuration (`pulumi config set --secret appApiKey ...`), never from code.
        var apiKey = config.GetSecret("appApiKey");
        if (apiKey is not null)
        {
            new Aws.Ssm.Parameter(Naming.Name("param", "app-api-key"), new Aws.Ssm.ParameterArgs
            {
                Type = "SecureString",
                Value = apiKey,
                KeyId = key.Arn,
            }, new CustomResourceOptions { Protect = isProd });
        }

        return new Result(bucket, key);
    }
}
