using System.Threading.Tasks;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>The SIA1001/SIA1002 code fix: rewrite the name to $"{project}-{stack}-{type}-{purpose}" (single fixes and Fix All).</summary>
public sealed class NamingCodeFixTests
{

    [Fact]
    public async Task RenameToANameAnotherResourceHas_AppendsADistinguishingToken()
    {
        await Create(
            InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
                    new Aws.Ec2.Instance({|SIA1001:$"sophia-{stack}-server-agent"|});
                    new Aws.S3.Bucket({|SIA1002:"sophia-dev-bucket-agent"|});
            """),
            fixedSource: InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent-2");
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-agent");
            """)).RunAsync();
    }

    [Fact]
    public async Task FixAll_TwoNamesThatWouldMeet_GetDistinctNames()
    {
        // In exclusive branches (not SIA1003), each hard-coding its environment: after the fix both would read the same.
        await Create(
            InMethod("""
                    if (stack == "dev")
                    {
                        new Aws.Ec2.Instance({|SIA1002:"sophia-dev-vm-agent"|});
                    }
                    else
                    {
                        new Aws.Ec2.Instance({|SIA1002:"sophia-prod-vm-agent"|});
                    }
            """),
            fixedSource: InMethod("""
                    if (stack == "dev")
                    {
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
                    }
                    else
                    {
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-agent-2");
                    }
            """)).RunAsync();
    }

    [Fact]
    public async Task WrongType_IsRewritten_WithTheStackLocal()
    {
        await Create(
            InMethod("""
                    new Aws.Ec2.Instance({|SIA1001:$"sophia-{stack}-server-agent"|});
            """),
            fixedSource: InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
            """)).RunAsync();
    }

    [Fact]
    public async Task HardCodedEnvironment_WithoutStackLocal_UsesDeploymentInstanceStackName()
    {
        await Create(
            /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Infra
            {
                void Create() => new Aws.Ec2.Instance({|SIA1002:"sophia-dev-vm-agent"|});
            }
            """,
            fixedSource: /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Infra
            {
                void Create() => new Aws.Ec2.Instance($"sophia-{Deployment.Instance.StackName}-vm-agent");
            }
            """).RunAsync();
    }

    [Fact]
    public async Task UnknownParts_AreKept_WhenTheyMeanTheSameAtTheName()
    {
        await Create(
            InMethod("""
                    for (var i = 0; i < 2; i++)
                    {
                        new Aws.Ec2.Instance({|SIA1001:$"Sophia-{stack}-VM-{i}"|});
                    }

                    var suffix = config.Require("suffix");
                    var name = $"Sophia-{stack}-VM-{suffix}";
                    new Aws.Ec2.Instance({|SIA1001:name|});
            """),
            fixedSource: InMethod("""
                    for (var i = 0; i < 2; i++)
                    {
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-{i}");
                    }

                    var suffix = config.Require("suffix");
                    var name = $"Sophia-{stack}-VM-{suffix}";
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-{suffix}");
            """)).RunAsync();
    }

    [Fact]
    public async Task ProjectName_IsKept_AndMissingPurposeBecomesMain()
    {
        await Create(
            InMethod("""
                    new Aws.Ec2.Instance({|SIA1001:$"{Deployment.Instance.ProjectName}-{stack}-server-agent"|});
                    new Aws.Ec2.Instance({|SIA1001:{|SIA1002:"sophia-dev-vm"|}|});
            """),
            fixedSource: InMethod("""
                    new Aws.Ec2.Instance($"{Deployment.Instance.ProjectName}-{stack}-vm-agent");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-main");
            """)).RunAsync();
    }

    [Fact]
    public async Task NoKnownProject_KeepsTheNamesProjectToken_OrUsesProjectName()
    {
        await Create(
            InMethod("""
                    new Aws.Ec2.Instance({|SIA1001:$"myapp-{stack}-server-agent"|});
                    new Aws.Ec2.Instance({|SIA1001:$"{stack}-vm-worker"|});
            """),
            project: null,
            fixedSource: InMethod("""
                    new Aws.Ec2.Instance($"myapp-{stack}-vm-agent");
                    new Aws.Ec2.Instance($"{Deployment.Instance.ProjectName}-{stack}-vm-worker");
            """)).RunAsync();
    }

    [Fact]
    public async Task FixAll_RewritesEveryNameInDocumentProjectAndSolution()
    {
        var test = Create(
            InMethod("""
                    new Aws.Ec2.Instance({|SIA1002:"sophia-dev-vm-agent"|});
                    new Aws.S3.Bucket({|SIA1001:"MyBucket"|});
                    new Aws.Ec2.Instance({|SIA1001:{|SIA1002:"Sophia-Prod-VM-Worker"|}|});
                    new Aws.Kms.Key({|SIA1001:"key"|});
            """),
            fixedSource: InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-my");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-worker");
                    new Aws.Kms.Key($"sophia-{stack}-kms-key");
            """));
        test.TestState.Sources.Add(("/0/Test1.cs", /* lang=c#-test */ """
            using Pulumi;

            static class Dns
            {
                public static void Create() => new Pulumi.Aws.Route53.Zone({|SIA1001:"sophia-{stack}-dns-zone-main"|});
            }
            """));
        test.FixedState.Sources.Add(("/0/Test1.cs", /* lang=c#-test */ """
            using Pulumi;

            static class Dns
            {
                public static void Create() => new Pulumi.Aws.Route53.Zone($"sophia-{Deployment.Instance.StackName}-zone-main");
            }
            """));
        await test.RunAsync();
    }
}
