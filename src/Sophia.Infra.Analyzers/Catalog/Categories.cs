namespace Sophia.Infra.Analyzers.Catalog;

/// <summary>Diagnostic categories, one per rule family.</summary>
public static class Categories
{
    public const string Configuration = "Sophia.Configuration";
    public const string Naming = "Sophia.Naming";
    public const string Protection = "Sophia.Protection";
    public const string Rollback = "Sophia.Rollback";
    public const string Encryption = "Sophia.Encryption";
    public const string Iam = "Sophia.IAM";
    public const string Network = "Sophia.Network";
    public const string Secrets = "Sophia.Secrets";
    public const string Monitoring = "Sophia.Monitoring";
    public const string Plan = "Sophia.Plan";
}
