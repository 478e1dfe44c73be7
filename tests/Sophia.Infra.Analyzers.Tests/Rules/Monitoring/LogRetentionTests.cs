using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Monitoring.MonitoringAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Monitoring.LogRetentionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Monitoring;

/// <summary>SIA7001: CloudWatch log groups have a retention period; the fix writes sophia_infra.logs.retention_days.</summary>
public sealed class LogRetentionTests
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

    private static DiagnosticResult Sia7001(int location, string message) =>
        Verify.Diagnostic(Descriptors.LogGroupWithoutRetention).WithLocation(location).WithArguments(message);

    [Fact]
    public async Task WithRetention_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    const int days = 14;
                    var retention = 90;
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 30 });
                    new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = days });
                    new Aws.CloudWatch.LogGroup("c", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = retention });
                    new Aws.CloudWatch.LogGroup("d", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = config.RequireInt32("days") });
                    new Aws.CloudWatch.LogGroup("e", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = stack == "prod" ? 365 : 7 });
                    var args = new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 7 };
                    new Aws.CloudWatch.LogGroup("f", args);
            """));
    }

    [Fact]
    public async Task MissingRetention_IsReportedAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    {|#0:new Aws.CloudWatch.LogGroup("app")|};
                    {|#1:new Aws.CloudWatch.LogGroup($"sophia-{stack}-logs-app", new Aws.CloudWatch.LogGroupArgs { KmsKeyId = "alias/logs" })|};
                    {|#2:new Aws.CloudWatch.LogGroup("nulls", null)|};
            """),
            Sia7001(0, "CloudWatch log group 'app' has no RetentionInDays, so its logs are kept forever: set RetentionInDays = 30"),
            Sia7001(1, "CloudWatch log group 'sophia-{stack}-logs-app' has no RetentionInDays, so its logs are kept forever: set RetentionInDays = 30"),
            Sia7001(2, "CloudWatch log group 'nulls' has no RetentionInDays, so its logs are kept forever: set RetentionInDays = 30"));
    }

    [Fact]
    public async Task ZeroOrNullRetention_IsReportedAtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    const int never = 0;
                    var forever = 0;
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|#0:0|} });
                    new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|#1:never|} });
                    new Aws.CloudWatch.LogGroup("c", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|#2:forever|} });
                    new Aws.CloudWatch.LogGroup("d", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|#3:null|} });
            """),
            Sia7001(0, "CloudWatch log group 'a' has RetentionInDays = 0, so its logs never expire: set RetentionInDays = 30"),
            Sia7001(1, "CloudWatch log group 'b' has RetentionInDays = 0, so its logs never expire: set RetentionInDays = 30"),
            Sia7001(2, "CloudWatch log group 'c' has RetentionInDays = 0, so its logs never expire: set RetentionInDays = 30"),
            Sia7001(3, "CloudWatch log group 'd' has RetentionInDays = null, so its logs never expire: set RetentionInDays = 30"));
    }

    [Fact]
    public async Task ArgsInALocal_AreFollowed()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var missing = new Aws.CloudWatch.LogGroupArgs { KmsKeyId = "alias/logs" };
                    {|SIA7001:new Aws.CloudWatch.LogGroup("a", missing)|};
                    var zero = new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|SIA7001:0|} };
                    new Aws.CloudWatch.LogGroup("b", zero);
            """));
    }

    [Fact]
    public async Task ArgsChangedLaterOrUnknown_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var args = new Aws.CloudWatch.LogGroupArgs();
                    args.RetentionInDays = 7;
                    new Aws.CloudWatch.LogGroup("a", args);
                    new Aws.CloudWatch.LogGroup("b", Make());
                    new Aws.CloudWatch.LogGroup("c", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = Days() });
                }

                static Aws.CloudWatch.LogGroupArgs Make() => new Aws.CloudWatch.LogGroupArgs();

                static int Days() => 0;

                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task RetentionPassedAsHelperParameter_IsUnknown()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    Logs("a", 0);
                    Logs("b", 30);
                }

                static Aws.CloudWatch.LogGroup Logs(string name, int days) =>
                    new Aws.CloudWatch.LogGroup(name, new Aws.CloudWatch.LogGroupArgs { RetentionInDays = days });

                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task ConstantFromAnotherFile_IsFollowed()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|SIA7001:Settings.Never|} });
                    new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = Settings.Month });
            """),
        };
        test.TestState.Sources.Add(("/0/Settings.cs", "static class Settings { public const int Never = 0; public const int Month = 30; }"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeType_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.CloudWatch
            {
                public sealed class LogGroupArgs { public int? RetentionInDays { get; set; } }
                public sealed class LogGroup { public LogGroup(string name, LogGroupArgs? args = null) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.CloudWatch.LogGroup("a");
                    new Lookalike.CloudWatch.LogGroup("b", new Lookalike.CloudWatch.LogGroupArgs { RetentionInDays = 0 });
                }
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = """
                namespace Pulumi.Aws.CloudWatch
                {
                    public sealed class LogGroupArgs { public int? RetentionInDays { get; set; } }
                    public sealed class LogGroup { public LogGroup(string name, LogGroupArgs? args = null) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.CloudWatch.LogGroup("a", new Pulumi.Aws.CloudWatch.LogGroupArgs { RetentionInDays = 0 });
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
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|CS0103:missing|} });
                    new Aws.CloudWatch.LogGroup({|CS1503:1|}, new Aws.CloudWatch.LogGroupArgs { {|CS0117:Retention|} = 0 });
            """),
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_AddsOrSetsRetention_FixAll()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    {|SIA7001:new Aws.CloudWatch.LogGroup("a")|};
                    {|SIA7001:new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { KmsKeyId = "alias/logs" })|};
                    new Aws.CloudWatch.LogGroup("c", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|SIA7001:0|} });
                    {|SIA7001:new Aws.CloudWatch.LogGroup("d", new Aws.CloudWatch.LogGroupArgs
                    {
                        KmsKeyId = "alias/logs",
                    })|};
                    {|SIA7001:new Aws.CloudWatch.LogGroup("e", null, new CustomResourceOptions { Protect = stack == "prod" })|};
            """),
            Program("""
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 30 });
                    new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { KmsKeyId = "alias/logs", RetentionInDays = 30 });
                    new Aws.CloudWatch.LogGroup("c", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 30 });
                    new Aws.CloudWatch.LogGroup("d", new Aws.CloudWatch.LogGroupArgs
                    {
                        KmsKeyId = "alias/logs",
                        RetentionInDays = 30,
                    });
                    new Aws.CloudWatch.LogGroup("e", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 30 }, new CustomResourceOptions { Protect = stack == "prod" });
            """));
    }

    [Fact]
    public async Task Fix_UsesTheRetentionOption()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    {|#0:new Aws.CloudWatch.LogGroup("a")|};
                    new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = {|SIA7001:null|} });
            """),
            FixedCode = Program("""
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 90 });
                    new Aws.CloudWatch.LogGroup("b", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 90 });
            """),
            ExpectedDiagnostics = { Sia7001(0, "CloudWatch log group 'a' has no RetentionInDays, so its logs are kept forever: set RetentionInDays = 90") },
        }.WithOptions("sophia_infra.logs.retention_days = 90").RunAsync();
    }

    [Fact]
    public async Task Fix_InvalidRetentionOption_UsesTheDefault()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    {|SIA7001:new Aws.CloudWatch.LogGroup("a")|};
            """),
            FixedCode = Program("""
                    new Aws.CloudWatch.LogGroup("a", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 30 });
            """),
        }.WithOptions("sophia_infra.logs.retention_days = 0").RunAsync();
    }

    [Fact]
    public async Task Fix_ArgsInALocal_AreEdited()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var args = new Aws.CloudWatch.LogGroupArgs { KmsKeyId = "alias/logs" };
                    {|SIA7001:new Aws.CloudWatch.LogGroup("a", args)|};
            """),
            Program("""
                    var args = new Aws.CloudWatch.LogGroupArgs { KmsKeyId = "alias/logs", RetentionInDays = 30 };
                    new Aws.CloudWatch.LogGroup("a", args);
            """));
    }
}
