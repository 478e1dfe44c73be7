using System.Threading.Tasks;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>SIA1002: an environment name hard-coded in a resource name instead of the stack name.</summary>
public sealed class HardCodedEnvironmentTests
{

    [Fact]
    public async Task Literal_IsReportedAlone_WhenItIsTheOnlyFault()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:"sophia-dev-vm-agent"|});
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-dev-vm-agent", "dev", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConstantAndConcatenatedLiteral_AreReported()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"sophia-{Env}-vm-agent"|});
                    new Aws.Ec2.Instance({|#1:"sophia-" + "staging" + "-vm-worker"|});
                    var name = "sophia-" + Env + "-vm-db";
                    new Aws.Ec2.Instance({|#2:name|});
            """, """
                const string Env = "prod";
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-prod-vm-agent", "prod", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Environment(1, "sophia-staging-vm-worker", "staging", "sophia-{stack}-vm-worker"));
        test.ExpectedDiagnostics.Add(Environment(2, "sophia-prod-vm-db", "prod", "sophia-{stack}-vm-db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EnvironmentInAnotherSegment_IsReported()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-vm-prod-db"|});
                    new Aws.Ec2.Instance({|#1:$"sophia-{stack}-vm-dev"|});
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-{stack}-vm-prod-db", "prod", "sophia-{stack}-vm-db"));
        test.ExpectedDiagnostics.Add(Environment(1, "sophia-{stack}-vm-dev", "dev", "sophia-{stack}-vm-main"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EnvironmentAndAnotherFault_ReportBothRules()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:"myapp-dev-vm-agent"|});
                    new Aws.Ec2.Instance({|#1:"Sophia-Prod-VM-Agent"|});
            """));
        test.ExpectedDiagnostics.Add(Environment(0, "myapp-dev-vm-agent", "dev", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(0, "myapp-dev-vm-agent", "project segment is 'myapp'; expected 'sophia'", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Environment(1, "Sophia-Prod-VM-Agent", "prod", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(1, "Sophia-Prod-VM-Agent", "'Sophia', 'Prod', 'VM', 'Agent' have upper case letters", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WordsThatContainAnEnvironment_AreNotReported()
    {
        await Create(InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-devtools");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-products");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-pre-prod{stack}");
            """)).RunAsync();
    }

    [Fact]
    public async Task EnvironmentsOption_DecidesWhatIsAnEnvironment()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:"sophia-qa-vm-agent"|});
                    new Aws.Ec2.Instance({|#1:"sophia-staging-vm-worker"|});
            """)).WithOptions("sophia_infra.environments = dev,qa,prod");
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-qa-vm-agent", "qa", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(1, "sophia-staging-vm-worker",
            "environment segment is 'staging'; expected the stack name (Deployment.Instance.StackName)", "sophia-{stack}-vm-worker"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PerRuleEnvironmentsOption_AndInvalidValue()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:"sophia-live-vm-agent"|});
            """)).WithOptions("sophia_infra.sia1002.environments = live");
        test.ExpectedDiagnostics.Add(Environment(0, "sophia-live-vm-agent", "live", "sophia-{stack}-vm-agent"));
        await test.RunAsync();

        var invalid = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:"sophia-dev-vm-agent"|});
            """)).WithOptions("sophia_infra.environments = Dev!");
        invalid.ExpectedDiagnostics.Add(Environment(0, "sophia-dev-vm-agent", "dev", "sophia-{stack}-vm-agent"));
        await invalid.RunAsync();
    }

    [Fact]
    public async Task NameFromConfig_IsSilent()
    {
        await Create(InMethod("""
                    new Aws.Ec2.Instance(config.Require("name"));
                    new Aws.Ec2.Instance($"sophia-{config.Require("env")}-vm-agent");
            """)).RunAsync();
    }
}
