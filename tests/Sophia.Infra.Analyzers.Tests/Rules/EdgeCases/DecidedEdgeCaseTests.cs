using System.Threading.Tasks;
using Xunit;
using EncryptionVerify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer>;
using IamVerify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.EdgeCases;

/// <summary>design.md's "Decided edge cases" that the landed rules touch and no other test pins down, one test per bullet.</summary>
public sealed class DecidedEdgeCaseTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config)
            {
        {{body}}
            }
        }
        """;

    // ------------------------------------------------------------------ naming

    [Fact]
    public async Task Naming_EnvironmentWordAsATokenOfThePurpose_IsSIA1002()
    {
        await Create(InMethod("""
                    new Aws.S3.Bucket({|SIA1002:$"sophia-{stack}-bucket-logs-prod-mirror"|});
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-production-logs");
            """)).RunAsync();
    }

    [Fact]
    public async Task Naming_UnknownLiteralEnvironmentSegment_IsSIA1001()
    {
        await Create(InMethod("""
                    new Aws.Ec2.Instance({|SIA1001:"sophia-qa-vm-agent"|});
            """)).RunAsync();
    }

    [Fact]
    public async Task Naming_ConditionalName_WithACompliantOrUnknownBranch_IsSilent()
    {
        // design.md: a conditional is a finding only when every branch is one (ConditionalNameTests: when every branch is one,
        // it is reported).
        await Create(InMethod("""
                    new Aws.Ec2.Instance(stack == "prod" ? $"sophia-{stack}-vm-b" : "sophia-dev-vm-b");
                    new Aws.Ec2.Instance(config.GetBoolean("x") == true ? $"sophia-{stack}-vm-c" : $"sophia-{stack}-vm-d");
            """)).RunAsync();
    }

    [Fact]
    public async Task Naming_ComponentChildNamedFromItsArgs_IsNotADuplicate()
    {
        await Create(InMethod(
            """
                    new Web($"sophia-{stack}-web-a", new WebArgs { Site = "a" });
                    new Web($"sophia-{stack}-web-b", new WebArgs { Site = "b" });
            """,
            """
            }

            class WebArgs : ResourceArgs { public string Site { get; set; } = ""; }

            class Web : ComponentResource
            {
                public Web(string name, WebArgs args, ComponentResourceOptions? options = null) : base("sophia:web:Web", name, options)
                {
                    new Aws.S3.Bucket($"sophia-{Deployment.Instance.StackName}-bucket-{args.Site}", null, new CustomResourceOptions { Parent = this });
                }
            """)).RunAsync();
    }

    // ------------------------------------------------------------------ encryption

    [Fact]
    public async Task Encryption_RedshiftFalse_InAnyCase_IsAFinding()
    {
        await EncryptionVerify.VerifyAnalyzerAsync(Program("""
                    new Aws.RedShift.Cluster("w1", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = {|SIA3002:"FALSE"|} });
                    new Aws.RedShift.Cluster("w2", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = {|SIA3002:"False"|} });
                    new Aws.RedShift.Cluster("w3", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = "TRUE" });
            """));
    }

    [Fact]
    public async Task Encryption_ElastiCachePreferredTransitMode_IsAFinding()
    {
        await EncryptionVerify.VerifyAnalyzerAsync(Program("""
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs
                    {
                        Description = "cache",
                        AtRestEncryptionEnabled = true,
                        TransitEncryptionEnabled = true,
                        TransitEncryptionMode = {|SIA3101:"preferred"|},
                    });
                    new Aws.ElastiCache.ReplicationGroup("cache2", new Aws.ElastiCache.ReplicationGroupArgs
                    {
                        Description = "cache",
                        AtRestEncryptionEnabled = true,
                        TransitEncryptionEnabled = true,
                        TransitEncryptionMode = "required",
                    });
            """));
    }

    [Fact]
    public async Task Encryption_NonHttpListeners_AreOutOfScope()
    {
        await EncryptionVerify.VerifyAnalyzerAsync(Program("""
                    new Aws.LB.Listener("tcp", new Aws.LB.ListenerArgs { LoadBalancerArn = "arn", Port = 22, Protocol = "TCP" });
                    new Aws.LB.Listener("udp", new Aws.LB.ListenerArgs { LoadBalancerArn = "arn", Port = 53, Protocol = "UDP" });
                    new Aws.LB.Listener("tls", new Aws.LB.ListenerArgs { LoadBalancerArn = "arn", Port = 443, Protocol = "TLS", CertificateArn = "arn:cert" });
            """));
    }

    [Fact]
    public async Task Options_BooleansInAnyCase_AreRead()
    {
        var test = new EncryptionVerify.Test
        {
            TestCode = Program("""
                    new Aws.S3.Bucket("b", new Aws.S3.BucketArgs
                    {
                        ServerSideEncryptionConfiguration = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationArgs
                        {
                            Rule = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = {|SIA3001:"AES256"|},
                                },
                            },
                        },
                    });
            """),
        };
        test.WithOptions("sophia_infra.s3.require_kms = TRUE");
        await test.RunAsync();
    }

    // ------------------------------------------------------------------ IAM

    [Fact]
    public async Task Iam_AdminPolicyInEveryPartition_IsSIA4004()
    {
        await IamVerify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.RolePolicyAttachment("a", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|SIA4004:PolicyArn = "arn:aws-cn:iam::aws:policy/AdministratorAccess"|} });
                    new Aws.Iam.RolePolicyAttachment("b", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|SIA4004:PolicyArn = "arn:aws-us-gov:iam::aws:policy/PowerUserAccess"|} });
                    new Aws.Iam.RolePolicyAttachment("c", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = "arn:aws-cn:iam::aws:policy/ReadOnlyAccess" });
                }
            }
            """);
    }
}
