using System.Threading.Tasks;
using Xunit;
using BucketFix = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Network.NetworkAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Network.PublicBucketCodeFix>;
using DatabaseFix = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Network.NetworkAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Network.PublicDatabaseCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Network;

/// <summary>The SIA5002 and SIA5003 fixes leave code that compiles and that no other rule of the package reports.</summary>
public sealed class NetworkFixCrossRuleTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(Aws.S3.Bucket site, Aws.Rds.Cluster orders)
            {
                var stack = Deployment.Instance.StackName;
                var options = new CustomResourceOptions { Protect = stack == "prod" };
        {{body}}
            }
        }
        """;

    private const string FixedBucket = """
                new Aws.S3.BucketPublicAccessBlock($"sophia-{stack}-bucket-public-access-block-site", new Aws.S3.BucketPublicAccessBlockArgs { Bucket = site.Id, BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true }, options);
                new Aws.S3.BucketObject($"sophia-{stack}-object-index", new Aws.S3.BucketObjectArgs { Bucket = site.Id, Key = "index.html", Acl = "private" }, options);
        """;

    private const string FixedDatabase = """
                new Aws.Rds.Instance($"sophia-{stack}-db-reports", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = true, PubliclyAccessible = false }, options);
                new Aws.Rds.ClusterInstance($"sophia-{stack}-db-cluster-instance-orders", new Aws.Rds.ClusterInstanceArgs { ClusterIdentifier = orders.Id, InstanceClass = "db.r6g.large", Engine = Aws.Rds.EngineType.AuroraPostgresql, PubliclyAccessible = false }, options);
        """;

    [Fact]
    public async Task PublicBucketFix_GivesTheCompliantCode()
    {
        await BucketFix.VerifyCodeFixAsync(
            Program("""
                new Aws.S3.BucketPublicAccessBlock($"sophia-{stack}-bucket-public-access-block-site", new Aws.S3.BucketPublicAccessBlockArgs { Bucket = site.Id, BlockPublicAcls = {|SIA5002:false|}, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true }, options);
                new Aws.S3.BucketObject($"sophia-{stack}-object-index", new Aws.S3.BucketObjectArgs { Bucket = site.Id, Key = "index.html", Acl = {|SIA5002:"public-read"|} }, options);
        """),
            Program(FixedBucket));
    }

    [Fact]
    public async Task PublicDatabaseFix_GivesTheCompliantCode()
    {
        await DatabaseFix.VerifyCodeFixAsync(
            Program("""
                new Aws.Rds.Instance($"sophia-{stack}-db-reports", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = true, PubliclyAccessible = {|SIA5003:true|} }, options);
                new Aws.Rds.ClusterInstance($"sophia-{stack}-db-cluster-instance-orders", new Aws.Rds.ClusterInstanceArgs { ClusterIdentifier = orders.Id, InstanceClass = "db.r6g.large", Engine = Aws.Rds.EngineType.AuroraPostgresql, PubliclyAccessible = {|SIA5003:stack != "prod"|} }, options);
        """),
            Program(FixedDatabase));
    }

    [Fact]
    public async Task FixedCode_HasNoFindingOfAnyOtherFamily()
    {
        var source = Program(FixedBucket + FixedDatabase);
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Naming.NamingAnalyzer>.VerifyAnalyzerAsync(source);
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Protection.ProtectionAnalyzer>.VerifyAnalyzerAsync(source);
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer>.VerifyAnalyzerAsync(source);
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Iam.IamAnalyzer>.VerifyAnalyzerAsync(source);
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Network.NetworkAnalyzer>.VerifyAnalyzerAsync(source);
    }
}
