using System.Threading.Tasks;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>
/// SIA1001, SIA1002 on names that go through conditional and switch expressions (design.md, decided edge cases: known when
/// every branch is, a finding only when every branch is one). Reported once, at the name; fixed only when every branch
/// leads to the same compliant name.
/// </summary>
public sealed class ConditionalNameTests
{
    [Fact]
    public async Task ConditionalWhoseBranchesEachHardCodeAnEnvironment_IsSIA1002_FixedToOneName()
    {
        var test = Create(
            InMethod("""
                    new Aws.S3.Bucket({|#0:stack == "prod" ? "sophia-prod-bucket-logs" : "sophia-dev-bucket-logs"|});
            """),
            fixedSource: InMethod("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-logs");
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-prod-bucket-logs' or 'sophia-dev-bucket-logs", "prod', 'dev", "sophia-{stack}-bucket-logs"));
        await test.RunAsync();
    }

    [Fact]
    public async Task NestedConditional_IsSIA1002_WhenEveryBranchIsOne()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:stack == "prod" ? "sophia-prod-vm-agent" : stack == "staging" ? "sophia-staging-vm-agent" : "sophia-dev-vm-agent"|});
                    new Aws.Ec2.Instance(stack == "prod" ? "sophia-prod-vm-db" : stack == "staging" ? $"sophia-{stack}-vm-db" : "sophia-dev-vm-db");
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-prod-vm-agent' or 'sophia-staging-vm-agent' or 'sophia-dev-vm-agent", "prod', 'staging', 'dev", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SwitchExpressionWithADiscardArm_IsSIA1002_FixedToOneName()
    {
        await Create(
            InMethod("""
                    new Aws.Ec2.Instance({|SIA1002:stack switch
                    {
                        "prod" => "sophia-prod-vm-agent",
                        "staging" => "sophia-staging-vm-agent",
                        _ => "sophia-dev-vm-agent",
                    }|});
            """),
            fixedSource: InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
            """)).RunAsync();
    }

    [Fact]
    public async Task SwitchExpressionWhoseDiscardArmUsesTheStack_IsSilent()
    {
        await Create(InMethod("""
                    new Aws.Ec2.Instance(stack switch
                    {
                        "prod" => "sophia-prod-vm-agent",
                        _ => $"sophia-{stack}-vm-agent",
                    });
            """)).RunAsync();
    }

    [Fact]
    public async Task MixedBranches_OneHardCodedOneFromTheStack_AreSilent()
    {
        await Create(InMethod("""
                    new Aws.S3.Bucket(stack == "prod" ? "sophia-prod-bucket-logs" : $"sophia-{stack}-bucket-logs");
                    new Aws.S3.Bucket(stack != "prod" ? $"sophia-{stack}-bucket-data" : "sophia-prod-bucket-data");
            """)).RunAsync();
    }

    [Fact]
    public async Task UnknownBranch_KeepsTheWholeExpressionUnknown()
    {
        await Create(InMethod("""
                    new Aws.S3.Bucket(stack == "prod" ? config.Require("bucketName") : "sophia-dev-bucket-logs");
                    new Aws.S3.Bucket(stack == "prod" ? purpose : "Sophia_Dev_Logs");
                    new Aws.Ec2.Instance(stack switch { "prod" => "sophia-prod-vm-agent", _ => other });
            """)).RunAsync();
    }

    [Fact]
    public async Task InterpolatedBranches_AreSIA1002_TheKeptPartSurvivesTheFix()
    {
        await Create(
            InMethod("""
                    new Aws.S3.Bucket({|SIA1002:stack == "prod" ? $"sophia-prod-bucket-{purpose}" : $"sophia-dev-bucket-{purpose}"|});
                    new Aws.S3.Bucket({|SIA1002:$"sophia-{(stack == "prod" ? "prod" : "dev")}-bucket-{other}"|});
            """),
            fixedSource: InMethod("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-{purpose}");
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-{other}");
            """)).RunAsync();
    }

    [Fact]
    public async Task ConditionalHeldByALocal_IsFollowed()
    {
        var test = Create(InMethod("""
                    var environment = stack == "prod" ? "prod" : "dev";
                    new Aws.S3.Bucket({|#0:$"sophia-{environment}-bucket-logs"|});
                    var mixed = stack == "prod" ? "prod" : stack;
                    new Aws.S3.Bucket($"sophia-{mixed}-bucket-data");
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-prod-bucket-logs' or 'sophia-dev-bucket-logs", "prod', 'dev", "sophia-{stack}-bucket-logs"));
        await test.RunAsync();
    }

    [Fact]
    public async Task BranchesLeadingToDifferentNames_AreReported_WithoutAFix()
    {
        var source = InMethod("""
                    new Aws.S3.Bucket({|#0:stack == "prod" ? "sophia-prod-bucket-logs" : "sophia-dev-bucket-archive"|});
            """);
        var test = Create(source, fixedSource: source);
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-prod-bucket-logs' or 'sophia-dev-bucket-archive", "prod', 'dev", "sophia-{stack}-bucket-logs' or 'sophia-{stack}-bucket-archive"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EveryBranchBreakingThePattern_IsSIA1001_OneBranchFollowingIt_IsSilent()
    {
        var test = Create(InMethod("""
                    new Aws.S3.Bucket({|#0:stack == "prod" ? $"sophia-{stack}-vm-logs" : $"sophia-{stack}-vm-logs"|});
                    new Aws.S3.Bucket(stack == "prod" ? $"sophia-{stack}-vm-data" : $"sophia-{stack}-bucket-data");
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-vm-logs", "resource-type segment is 'vm'; 'Pulumi.Aws.S3.Bucket' expects 'bucket'", "sophia-{stack}-bucket-logs"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OneBranchHardCodesTheEnvironment_TheOtherBreaksThePattern_IsSilent()
    {
        // Per rule: SIA1002 needs every branch to hard-code an environment, SIA1001 every branch to break the pattern.
        await Create(InMethod("""
                    new Aws.S3.Bucket(stack == "prod" ? "sophia-prod-bucket-logs" : $"sophia-{stack}-vm-logs");
            """)).RunAsync();
    }

    [Fact]
    public async Task IncompleteConditionalOrSwitch_WhileTyping_IsSilent()
    {
        await Create(InMethod("""
                    new Aws.S3.Bucket(stack == "prod" ? "sophia-prod-bucket-logs" : {|CS0103:missing|});
                    new Aws.S3.Bucket(stack switch { });
            """)).RunAsync();
    }

    [Fact]
    public async Task ConditionalName_OnALookAlikeType_IsSilent()
    {
        await Create(InMethod(
            """
                    new Bucket(stack == "prod" ? "sophia-prod-bucket-logs" : "sophia-dev-bucket-logs");
            """,
            """
                class Bucket { public Bucket(string name) { } }
            """)).RunAsync();
    }
}
