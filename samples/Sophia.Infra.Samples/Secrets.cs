using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA6001, SIA6002 (and SIA6003 in Pulumi.dev.yaml): secrets come from Pulumi secret config or a secret store, never from
/// the code or a plain-text stack file. Names, protection and encryption follow the standard, so that only the secrets rules
/// speak. Every value below is a placeholder, not a credential.
/// </summary>
public static class Secrets
{
    // SIA6001 through a constant whose own name marks no secret: reported here, where the literal is written.
    private const string Fallback = "sample-placeholder-not-a-secret";

    public static void Create(string stack, Config config)
    {
        var options = new CustomResourceOptions { Protect = stack == "prod" };

        // SIA6001: a literal RDS password (the fix writes config.RequireSecret("password")).
        new Aws.Rds.Instance($"sophia-{stack}-db-billing", new Aws.Rds.InstanceArgs
        {
            InstanceClass = "db.t3.micro",
            StorageEncrypted = true,
            Password = "sample-placeholder-not-a-secret",
        }, options);

        // SIA6001: the constant above, reaching an Aurora master password.
        new Aws.Rds.Cluster($"sophia-{stack}-db-cluster-billing", new Aws.Rds.ClusterArgs
        {
            Engine = "aurora-postgresql",
            StorageEncrypted = true,
            MasterPassword = Fallback,
        }, options);

        // SIA6001: an ElastiCache auth token, and a Lambda environment variable whose name marks a secret.
        new Aws.ElastiCache.ReplicationGroup($"sophia-{stack}-cache-sessions", new Aws.ElastiCache.ReplicationGroupArgs
        {
            Description = "sessions",
            AtRestEncryptionEnabled = true,
            TransitEncryptionEnabled = true,
            AuthToken = "sample-placeholder-auth-token",
        }, options);
        new Aws.Lambda.Function($"sophia-{stack}-fn-billing", new Aws.Lambda.FunctionArgs
        {
            Role = "arn:aws:iam::123456789012:role/sophia-billing",
            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs
            {
                Variables =
                {
                    ["DB_HOST"] = "db.internal",
                    ["DB_PASSWORD"] = "sample-placeholder-not-a-secret",
                },
            },
        }, options);

        // SIA6001: a string shaped like an AWS access key id (AWS's documented example id, not a real key).
        var exampleKeyId = "AKIAIOSFODNN7EXAMPLE";
        _ = exampleKeyId;

        // SIA6002 at the Get, and SIA6001 at its hard-coded fallback.
        var openApiKey = config.Get("open-api-key") ?? "CHANGEME";
        _ = openApiKey;

        // SIA6002: a secret key read as plain text into a secret (the fix switches to RequireSecret).
        new Aws.SecretsManager.SecretVersion($"sophia-{stack}-secret-version-db", new Aws.SecretsManager.SecretVersionArgs
        {
            SecretId = "sophia/db",
            SecretString = config.Require("dbPassword"),
        }, options);

        // Compliant: read with RequireSecret, so the value stays encrypted in config and state.
        new Aws.SecretsManager.SecretVersion($"sophia-{stack}-secret-version-api", new Aws.SecretsManager.SecretVersionArgs
        {
            SecretId = "sophia/api",
            SecretString = config.RequireSecret("apiToken"),
        }, options);
    }
}
