using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Network.NetworkAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Network.PublicDatabaseCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Network;

/// <summary>SIA5003: RDS instances, RDS cluster instances and Redshift clusters reachable from the internet.</summary>
public sealed class PublicDatabaseTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            const bool Exposed = true;

            static void Create(Config config, Aws.Rds.Cluster cluster)
            {
                var stack = Deployment.Instance.StackName;
        {{body}}
            }
        }
        """;

    private static string Message(string what, string name, string when = "") =>
        what + " '" + name + "' is publicly accessible (PubliclyAccessible is true" + when + "): "
        + "set PubliclyAccessible = false and reach it from inside the VPC (a bastion, a VPN or SSM port forwarding)";

    [Fact]
    public async Task PrivateOrUnknown_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Rds.Instance("a", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" });
                    new Aws.Rds.Instance("b", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = false });
                    new Aws.Rds.ClusterInstance("c", new Aws.Rds.ClusterInstanceArgs { ClusterIdentifier = cluster.Id, InstanceClass = "db.r6g.large", Engine = Aws.Rds.EngineType.AuroraPostgresql, PubliclyAccessible = config.RequireBoolean("public") });
                    new Aws.RedShift.Cluster("d", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", PubliclyAccessible = !Exposed });
                    new Aws.Rds.Instance("e", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = stack == "dev" && config.RequireBoolean("x") });
            """));
    }

    [Fact]
    public async Task PubliclyAccessibleTrue_OnEveryDatabase_AtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var open = true;
                    new Aws.Rds.Instance("orders", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|#0:true|} });
                    new Aws.Rds.ClusterInstance("reader", new Aws.Rds.ClusterInstanceArgs { ClusterIdentifier = cluster.Id, InstanceClass = "db.r6g.large", Engine = Aws.Rds.EngineType.AuroraPostgresql, PubliclyAccessible = {|#1:Exposed|} });
                    new Aws.RedShift.Cluster("warehouse", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", PubliclyAccessible = {|#2:open|} });
            """),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(0).WithArguments(Message("RDS instance", "orders")),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(1).WithArguments(Message("RDS cluster instance", "reader")),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(2).WithArguments(Message("Redshift cluster", "warehouse")));
    }

    [Fact]
    public async Task TrueInAnyStack_IsAFinding()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var isProd = stack == "prod";
                    new Aws.Rds.Instance("dev-only", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|#0:stack == "dev"|} });
                    new Aws.Rds.Instance("not-prod", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|#1:!isProd|} });
                    new Aws.Rds.Instance("qa", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|#2:stack is "qa" ? true : false|} });
            """),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(0).WithArguments(Message("RDS instance", "dev-only", " in stack 'dev'")),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(1).WithArguments(Message("RDS instance", "not-prod", " in stack 'dev'")),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(2).WithArguments(Message("RDS instance", "qa", " in stack 'qa'")));
    }

    [Fact]
    public async Task TrueInAStackOnlyTheOptionsName_IsAFinding()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("x", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|#0:stack != "live"|} });
            """),
        }.WithOptions("sophia_infra.environments = sandbox,live\nsophia_infra.production_stacks = live");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(0).WithArguments(Message("RDS instance", "x", " in stack 'sandbox'")));
        await test.RunAsync();
    }

    [Fact]
    public async Task ArgsInALocal_AreFollowed_OneFindingWithoutAResourceName_ArgsChangedLater_AreSilent()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var args = new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|#0:true|} };
                    new Aws.Rds.Instance("a", args);
                    new Aws.Rds.Instance("b", args);

                    var later = new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = true };
                    later.PubliclyAccessible = false;
                    new Aws.Rds.Instance("c", later);
            """),
            Verify.Diagnostic(Descriptors.PublicDatabase).WithLocation(0).WithArguments(Message("RDS instance", "").Replace(" ''", string.Empty)));
    }

    [Fact]
    public async Task LookalikeTypes_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.Aws.Rds
            {
                public sealed class InstanceArgs { public bool PubliclyAccessible { get; set; } }
                public sealed class Instance { public Instance(string name, InstanceArgs args) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.Aws.Rds.Instance("db", new Lookalike.Aws.Rds.InstanceArgs { PubliclyAccessible = true });
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = """
                namespace Pulumi.Aws.Rds
                {
                    public sealed class InstanceArgs { public bool PubliclyAccessible { get; set; } }
                    public sealed class Instance { public Instance(string name, InstanceArgs args) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.Rds.Instance("db", new Pulumi.Aws.Rds.InstanceArgs { PubliclyAccessible = true });
                }
                """,
        }.WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_NoCrash()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("a", new Aws.Rds.InstanceArgs { PubliclyAccessible = {|CS0103:missing|} });
                    new Aws.RedShift.Cluster("b", new Aws.RedShift.ClusterArgs { PubliclyAccessible = {|CS0029:"yes"|} });
                    new {|CS7036:Aws.Rds.ClusterInstance|}();
            """),
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_WritesFalse_FixAll()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    new Aws.Rds.Instance("a", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = {|SIA5003:true|} });
                    new Aws.Rds.ClusterInstance("b", new Aws.Rds.ClusterInstanceArgs { ClusterIdentifier = cluster.Id, InstanceClass = "db.r6g.large", Engine = Aws.Rds.EngineType.AuroraPostgresql, PubliclyAccessible = {|SIA5003:stack == "dev"|} });
                    new Aws.RedShift.Cluster("c", new Aws.RedShift.ClusterArgs
                    {
                        ClusterIdentifier = "w",
                        NodeType = "ra3.xlplus",
                        PubliclyAccessible = {|SIA5003:Exposed|}, // reachable for the BI tool
                    });
            """),
            Program("""
                    new Aws.Rds.Instance("a", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", PubliclyAccessible = false });
                    new Aws.Rds.ClusterInstance("b", new Aws.Rds.ClusterInstanceArgs { ClusterIdentifier = cluster.Id, InstanceClass = "db.r6g.large", Engine = Aws.Rds.EngineType.AuroraPostgresql, PubliclyAccessible = false });
                    new Aws.RedShift.Cluster("c", new Aws.RedShift.ClusterArgs
                    {
                        ClusterIdentifier = "w",
                        NodeType = "ra3.xlplus",
                        PubliclyAccessible = false, // reachable for the BI tool
                    });
            """));
    }
}
