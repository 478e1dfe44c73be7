using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA2002: production data that a bad change cannot be rolled back from. Names, protection and encryption follow the
/// standard, so that only the rollback rule speaks; the last resources show what passes.
/// </summary>
public static class Rollback
{
    public static void Create(string stack)
    {
        var options = new CustomResourceOptions { Protect = stack == "prod" };

        // SIA2002, at each value: no automated backups, and no final snapshot when the database is deleted or replaced.
        new Aws.Rds.Instance($"sophia-{stack}-db-ledger", new Aws.Rds.InstanceArgs
        {
            InstanceClass = "db.t3.micro",
            Engine = "postgres",
            StorageEncrypted = true,
            BackupRetentionPeriod = 0,
            SkipFinalSnapshot = true,
        }, options);

        // SIA2002, at the creation: a table without point-in-time recovery.
        new Aws.DynamoDB.Table($"sophia-{stack}-table-sessions", new Aws.DynamoDB.TableArgs
        {
            HashKey = "id",
            BillingMode = "PAY_PER_REQUEST",
        }, options);

        // SIA2002, at the creation: a bucket without versioning (encrypted, so that only the rollback rule speaks).
        var exports = new Aws.S3.Bucket($"sophia-{stack}-bucket-exports", null, options);
        new Aws.S3.BucketServerSideEncryptionConfiguration($"sophia-{stack}-bucket-sse-exports", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = exports.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                    },
                },
            },
        }, options);

        // Compliant: backups and a final snapshot in production, point-in-time recovery on.
        new Aws.Rds.Cluster($"sophia-{stack}-db-cluster-reports", new Aws.Rds.ClusterArgs
        {
            Engine = "aurora-postgresql",
            StorageEncrypted = true,
            BackupRetentionPeriod = stack == "prod" ? 7 : 1,
            SkipFinalSnapshot = stack != "prod",
        }, options);
        new Aws.DynamoDB.Table($"sophia-{stack}-table-orders", new Aws.DynamoDB.TableArgs
        {
            HashKey = "id",
            BillingMode = "PAY_PER_REQUEST",
            PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true },
        }, options);
    }
}
