using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.CodeFixes.Rules.Protection;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Protection.ProtectionSources;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Protection.ProtectionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Protection.ProtectionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Protection;

/// <summary>SIA2001 code fix: every variant yields code that compiles and has no SIA2001 left (also through Fix All).</summary>
public sealed class ProtectionCodeFixTests
{
    [Fact]
    public async Task NoOptions_AddsPositionalOptionsWithStackLocal()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var db = [|new Aws.Rds.Instance($"sophia-{stack}-db-main", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" })|];
            """),
            Program("""
                    var db = new Aws.Rds.Instance($"sophia-{stack}-db-main", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" }, new CustomResourceOptions { Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task NoOptionsAndNoArgs_AddsNamedOptionsWithDeploymentStackName()
    {
        await Verify.VerifyCodeFixAsync(
            /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                public static void Create(string env)
                {
                    [|new Aws.S3.Bucket($"sophia-{env}-bucket-data")|];
                }
            }
            """,
            /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                public static void Create(string env)
                {
                    new Aws.S3.Bucket($"sophia-{env}-bucket-data", options: new CustomResourceOptions { Protect = Deployment.Instance.StackName == "prod" });
                }
            }
            """);
    }

    [Fact]
    public async Task NoUsingPulumi_WritesQualifiedNames()
    {
        await Verify.VerifyCodeFixAsync(
            /* lang=c#-test */ """
            public static class Infra
            {
                public static void Create()
                {
                    [|new Pulumi.Aws.S3.Bucket("sophia-dev-bucket-data", new Pulumi.Aws.S3.BucketArgs())|];
                }
            }
            """,
            /* lang=c#-test */ """
            public static class Infra
            {
                public static void Create()
                {
                    new Pulumi.Aws.S3.Bucket("sophia-dev-bucket-data", new Pulumi.Aws.S3.BucketArgs(), new Pulumi.CustomResourceOptions { Protect = Pulumi.Deployment.Instance.StackName == "prod" });
                }
            }
            """);
    }

    [Fact]
    public async Task NamedArguments_AddsNamedOptions()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    [|new Aws.S3.Bucket(args: new Aws.S3.BucketArgs(), name: $"sophia-{stack}-bucket-data")|];
            """),
            Program("""
                    new Aws.S3.Bucket(args: new Aws.S3.BucketArgs(), name: $"sophia-{stack}-bucket-data", options: new CustomResourceOptions { Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task UserComponent_AddsComponentResourceOptions()
    {
        const string Component = """

            public sealed class Storage : ComponentResource
            {
                public Storage(string name, ComponentResourceOptions? opts = null)
                    : base("sophia:index:Storage", name, opts)
                {
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(
            Program("""
                    [|new Storage($"sophia-{stack}-storage-main")|];
            """) + Component,
            Program("""
                    new Storage($"sophia-{stack}-storage-main", new ComponentResourceOptions { Protect = stack == "prod" });
            """) + Component);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("default")]
    public async Task NullOptions_Replaced(string options)
    {
        await Verify.VerifyCodeFixAsync(
            Program($$"""
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, {{options}})|];
            """),
            Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task OptionsWithoutProtect_ProtectAdded()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { DeleteBeforeReplace = true })|];
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-logs", null, new CustomResourceOptions())|];
            """),
            Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { DeleteBeforeReplace = true, Protect = stack == "prod" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-logs", null, new CustomResourceOptions() { Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task MultiLineOptionsWithoutProtect_ProtectAddedOnItsOwnLine()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions
                    {
                        DeleteBeforeReplace = true,
                    })|];
            """),
            Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions
                    {
                        DeleteBeforeReplace = true,
                        Protect = stack == "prod",
                    });
            """));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("stack == \"dev\"")]
    [InlineData("stack is not \"prod\"")]
    public async Task WrongProtect_Replaced(string value)
    {
        await Verify.VerifyCodeFixAsync(
            Program($$"""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { DeleteBeforeReplace = true, Protect = [|{{value}}|] });
            """),
            Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { DeleteBeforeReplace = true, Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task SharedOptionsLocal_FixedOnceAtItsDeclaration()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var options = new CustomResourceOptions { Protect = false };
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, [|options|]);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, [|options|]);
            """),
            Program("""
                    var options = new CustomResourceOptions { Protect = stack == "prod" };
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, options);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, options);
            """));
    }

    [Fact]
    public async Task OptionsInField_FixedWithDeploymentStackName()
    {
        await Verify.VerifyCodeFixAsync(
            /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                private static readonly CustomResourceOptions Options = new() { DeleteBeforeReplace = true };

                public static void Create()
                {
                    var stack = Deployment.Instance.StackName;
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, [|Options|]);
                }
            }
            """,
            /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                private static readonly CustomResourceOptions Options = new() { DeleteBeforeReplace = true, Protect = Deployment.Instance.StackName == "prod" };

                public static void Create()
                {
                    var stack = Deployment.Instance.StackName;
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, Options);
                }
            }
            """);
    }

    [Fact]
    public async Task ProductionStacksOption_FirstStackWritten()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-data")|];
            """),
            FixedCode = Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", options: new CustomResourceOptions { Protect = stack == "live" });
            """),
        }.WithOptions("sophia_infra.production_stacks = live,prod");
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_SeveralResourcesInOneStatementList()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var role = [|new Aws.Iam.Role($"sophia-{stack}-role-agent", new Aws.Iam.RoleArgs { AssumeRolePolicy = "{}" })|];
                    [|new Aws.Iam.RolePolicyAttachment($"sophia-{stack}-role-policy-attachment-ssm", new Aws.Iam.RolePolicyAttachmentArgs
                    {
                        Role = [|new Aws.Iam.Role($"sophia-{stack}-role-inner", new Aws.Iam.RoleArgs { AssumeRolePolicy = "{}" })|].Name,
                        PolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                    })|];
                    var shared = new CustomResourceOptions { DeleteBeforeReplace = true };
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, [|shared|]);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, [|shared|]);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-c", null, new CustomResourceOptions { Protect = [|false|] });
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-d", null, null)|];
            """),
            Program("""
                    var role = new Aws.Iam.Role($"sophia-{stack}-role-agent", new Aws.Iam.RoleArgs { AssumeRolePolicy = "{}" }, new CustomResourceOptions { Protect = stack == "prod" });
                    new Aws.Iam.RolePolicyAttachment($"sophia-{stack}-role-policy-attachment-ssm", new Aws.Iam.RolePolicyAttachmentArgs
                    {
                        Role = new Aws.Iam.Role($"sophia-{stack}-role-inner", new Aws.Iam.RoleArgs { AssumeRolePolicy = "{}" }, new CustomResourceOptions { Protect = stack == "prod" }).Name,
                        PolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                    }, new CustomResourceOptions { Protect = stack == "prod" });
                    var shared = new CustomResourceOptions { DeleteBeforeReplace = true, Protect = stack == "prod" };
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, shared);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, shared);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-c", null, new CustomResourceOptions { Protect = stack == "prod" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-d", null, new CustomResourceOptions { Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task FixAll_AcrossDocuments()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/A.cs", Program("""
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-a")|];
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-b")|];
            """).Replace("class Infra", "class InfraA")));
        test.TestState.Sources.Add(("/B.cs", Program("""
                    [|new Aws.Sqs.Queue($"sophia-{stack}-queue-jobs")|];
            """).Replace("class Infra", "class InfraB")));
        test.FixedState.Sources.Add(("/A.cs", Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", options: new CustomResourceOptions { Protect = stack == "prod" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", options: new CustomResourceOptions { Protect = stack == "prod" });
            """).Replace("class Infra", "class InfraA")));
        test.FixedState.Sources.Add(("/B.cs", Program("""
                    new Aws.Sqs.Queue($"sophia-{stack}-queue-jobs", options: new CustomResourceOptions { Protect = stack == "prod" });
            """).Replace("class Infra", "class InfraB")));
        test.CodeActionEquivalenceKey = ProtectionCodeFix.Key_ProtectInProduction;
        await test.RunAsync();
    }
}
