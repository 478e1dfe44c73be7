using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Rollback.DataRecoveryAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Rollback.DataRecoveryCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Rollback;

/// <summary>SIA2002: RDS backups and final snapshots, DynamoDB point-in-time recovery, in production stacks.</summary>
public sealed class DataRecoveryTests
{
    private static string Program(string body, string members = "") => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(Config config)
            {
                var stack = Deployment.Instance.StackName;
        {{body}}
            }
        {{members}}
        }
        """;

    [Fact]
    public async Task ZeroRetentionAndSkippedFinalSnapshot_AreEachReportedAtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = {|#0:0|}, SkipFinalSnapshot = {|#1:true|} });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", BackupRetentionPeriod = {|SIA2002:0|} });
            """),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments(
                "RDS instance 'db' keeps no automated backups in production: BackupRetentionPeriod is 0 in stack 'prod', so a bad change cannot be rolled back to an earlier state (set BackupRetentionPeriod = 7, or more)"),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(1).WithArguments(
                "RDS instance 'db' is deleted without a final snapshot in production: SkipFinalSnapshot is true in stack 'prod' (write SkipFinalSnapshot = stack != \"prod\")"));
    }

    [Fact]
    public async Task TableWithoutPointInTimeRecovery_IsReportedAtTheCreation_OrAtFalse()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    {|#0:new Aws.DynamoDB.Table("sessions", new Aws.DynamoDB.TableArgs { HashKey = "id" })|};
                    {|SIA2002:new Aws.DynamoDB.Table("bare")|};
                    {|SIA2002:new Aws.DynamoDB.Table("null-block", new Aws.DynamoDB.TableArgs { PointInTimeRecovery = null })|};
                    {|SIA2002:new Aws.DynamoDB.Table("no-flag", new Aws.DynamoDB.TableArgs { PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs() })|};
                    new Aws.DynamoDB.Table("off", new Aws.DynamoDB.TableArgs
                    {
                        PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = {|#1:false|} },
                    });
            """),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments(
                "DynamoDB table 'sessions' has no point-in-time recovery: PointInTimeRecovery is not set, so a bad write cannot be undone (set PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true })"),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(1).WithArguments(
                "DynamoDB table 'off' has no point-in-time recovery in production: PointInTimeRecovery.Enabled is false in stack 'prod', so a bad write cannot be undone (set Enabled = true)"));
    }

    [Fact]
    public async Task RecoverableInProduction_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var isProd = stack == "prod";
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" });
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = 7, SkipFinalSnapshot = false });
                    new Aws.Rds.Instance("db3", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = stack == "prod" ? 7 : 0, SkipFinalSnapshot = stack != "prod" });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", BackupRetentionPeriod = isProd ? 14 : 0, SkipFinalSnapshot = !isProd });
                    new Aws.Rds.Cluster("cluster2", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", SkipFinalSnapshot = stack == "dev" });
                    new Aws.DynamoDB.Table("t1", new Aws.DynamoDB.TableArgs { PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true } });
                    new Aws.DynamoDB.Table("t2", new Aws.DynamoDB.TableArgs { PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = isProd } });
            """));
    }

    [Fact]
    public async Task StackComparisons_AreReadAsForProtection()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = {|SIA2002:stack != "dev"|} });
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = {|SIA2002:stack == "dev" ? 7 : 0|} });
                    new Aws.DynamoDB.Table("t", new Aws.DynamoDB.TableArgs
                    {
                        PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = {|SIA2002:stack is "dev" or "staging"|} },
                    });
            """));
    }

    [Fact]
    public async Task ProductionStacksOption_IsHonoured()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = {|#0:stack != "prod"|} });
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = stack != "live" });
                    new Aws.Rds.Instance("db3", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = stack != "live-eu" });
                    new Aws.Rds.Instance("db4", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = {|#1:stack is "live" or "live-eu" ? 0 : 7|} });
            """),
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments(
            "RDS instance 'db' is deleted without a final snapshot in production: SkipFinalSnapshot is true in stack 'live' (write SkipFinalSnapshot = stack != \"live\")"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(1).WithArguments(
            "RDS instance 'db4' keeps no automated backups in production: BackupRetentionPeriod is 0 in stack 'live', so a bad change cannot be rolled back to an earlier state (set BackupRetentionPeriod = 7, or more)"));
        test.WithOptions("sophia_infra.production_stacks = live,live-eu");
        await test.RunAsync();
    }

    [Fact]
    public async Task InvalidProductionStacksOption_UsesTheDefault()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = {|SIA2002:stack != "live"|} });
            """),
        };
        test.WithOptions("sophia_infra.production_stacks = ,");
        await test.RunAsync();
    }

    [Fact]
    public async Task ValuesThroughLocalsConstantsAndFields_AreFollowed_ParametersAreUnknown()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    const int none = 0;
                    var skip = true;
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = {|SIA2002:none|}, SkipFinalSnapshot = {|SIA2002:skip|} });
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = {|SIA2002:Retention|} });
                    new Aws.Rds.Instance("db3", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = config.RequireInt32("retention") });
                    Database(0, true);
                    new Aws.DynamoDB.Table("t", TableArgs());
            """, """
                private static readonly int Retention = 0;

                static void Database(int retention, bool skip) =>
                    new Aws.Rds.Instance("db4", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = retention, SkipFinalSnapshot = skip });

                static Aws.DynamoDB.TableArgs TableArgs() => new();
            """));
    }

    [Fact]
    public async Task LookAlikeTypes_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            namespace Lookalike.Aws.Rds
            {
                public sealed class InstanceArgs { public int? BackupRetentionPeriod { get; set; } public bool? SkipFinalSnapshot { get; set; } }
                public sealed class Instance { public Instance(string name, InstanceArgs? args = null) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.Aws.Rds.Instance("db", new Lookalike.Aws.Rds.InstanceArgs { BackupRetentionPeriod = 0, SkipFinalSnapshot = true });
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                namespace Pulumi.Aws.DynamoDB
                {
                    public sealed class Table { public Table(string name) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.DynamoDB.Table("t");
                }
                """,
        };
        test.WithoutPulumi();
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_SetsTheValues_FixAll()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = {|SIA2002:0|}, SkipFinalSnapshot = {|SIA2002:true|} });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", SkipFinalSnapshot = {|SIA2002:true|} });
                    {|SIA2002:new Aws.DynamoDB.Table("sessions", new Aws.DynamoDB.TableArgs
                    {
                        HashKey = "id",
                    })|};
                    {|SIA2002:new Aws.DynamoDB.Table("bare")|};
                    new Aws.DynamoDB.Table("off", new Aws.DynamoDB.TableArgs
                    {
                        PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = {|SIA2002:false|} },
                    });
            """), Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", BackupRetentionPeriod = 7, SkipFinalSnapshot = stack != "prod" });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", SkipFinalSnapshot = stack != "prod" });
                    new Aws.DynamoDB.Table("sessions", new Aws.DynamoDB.TableArgs
                    {
                        HashKey = "id",
                        PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true },
                    });
                    new Aws.DynamoDB.Table("bare", new Aws.DynamoDB.TableArgs { PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true } });
                    new Aws.DynamoDB.Table("off", new Aws.DynamoDB.TableArgs
                    {
                        PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true },
                    });
            """));
    }

    [Fact]
    public async Task Fix_WithoutAStackLocal_UsesDeploymentInstanceStackName()
    {
        await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                static void Create() => new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = {|SIA2002:true|} });
            }
            """, /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                static void Create() => new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", SkipFinalSnapshot = Deployment.Instance.StackName != "prod" });
            }
            """);
    }
}
