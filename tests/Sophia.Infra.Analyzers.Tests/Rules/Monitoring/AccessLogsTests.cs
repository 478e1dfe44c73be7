using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Monitoring.MonitoringAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Monitoring;

/// <summary>SIA7003: load balancers, CloudFront distributions and API stages record their access logs.</summary>
public sealed class AccessLogsTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config, Aws.S3.Bucket logs, Aws.CloudWatch.LogGroup logGroup, Aws.ApiGateway.Deployment deployment)
            {
                var isProd = Deployment.Instance.StackName == "prod";
        {{body}}
            }
        }
        """;

    private static DiagnosticResult Sia7003(int location, string message) =>
        Verify.Diagnostic(Descriptors.EntryPointWithoutAccessLogs).WithLocation(location).WithArguments(message);

    [Fact]
    public async Task LoggedEntryPoints_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var on = true;
                    var accessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true };
                    new Aws.LB.LoadBalancer("a", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true } });
                    new Aws.LB.LoadBalancer("b", new Aws.LB.LoadBalancerArgs { AccessLogs = accessLogs });
                    new Aws.LB.LoadBalancer("c", new Aws.LB.LoadBalancerArgs { LoadBalancerType = "network", AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = on } });
                    new Aws.Alb.LoadBalancer("d", new Aws.Alb.LoadBalancerArgs { AccessLogs = new Aws.Alb.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true } });
                    new Aws.CloudFront.Distribution("e", new Aws.CloudFront.DistributionArgs { Enabled = true, LoggingConfig = new Aws.CloudFront.Inputs.DistributionLoggingConfigArgs { Bucket = logs.BucketDomainName } });
                    new Aws.CloudFront.Distribution("f", new Aws.CloudFront.DistributionArgs { Enabled = true, LoggingConfig = new Aws.CloudFront.Inputs.DistributionLoggingConfigArgs() });
                    new Aws.ApiGateway.Stage("g", new Aws.ApiGateway.StageArgs
                    {
                        StageName = "v1", RestApi = "api", Deployment = deployment.Id,
                        AccessLogSettings = new Aws.ApiGateway.Inputs.StageAccessLogSettingsArgs { DestinationArn = logGroup.Arn, Format = "$context.requestId" },
                    });
                    new Aws.ApiGatewayV2.Stage("h", new Aws.ApiGatewayV2.StageArgs
                    {
                        ApiId = "api",
                        AccessLogSettings = new Aws.ApiGatewayV2.Inputs.StageAccessLogSettingsArgs { DestinationArn = logGroup.Arn, Format = "$context.requestId" },
                    });
            """));
    }

    [Fact]
    public async Task GatewayOrUnknownType_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.LB.LoadBalancer("d", new Aws.LB.LoadBalancerArgs { LoadBalancerType = "GATEWAY" });
                    new Aws.LB.LoadBalancer("a", new Aws.LB.LoadBalancerArgs { LoadBalancerType = "gateway" });
                    new Aws.Alb.LoadBalancer("b", new Aws.Alb.LoadBalancerArgs { LoadBalancerType = Pick() });
                    new Aws.LB.LoadBalancer("c", new Aws.LB.LoadBalancerArgs { LoadBalancerType = config.Require("lbType") });
                }

                static Aws.Alb.LoadBalancerType Pick() => Aws.Alb.LoadBalancerType.Application;

                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task LoggingOnInProduction_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.LB.LoadBalancer("a", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = Deployment.Instance.StackName == "prod" } });
                    new Aws.LB.LoadBalancer("b", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = isProd } });
                    new Aws.LB.LoadBalancer("c", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = config.RequireBoolean("logs") } });
                    new Aws.LB.LoadBalancer("d", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = Deployment.Instance.StackName.StartsWith("prod") } });
                    new Aws.CloudFront.Distribution("e", new Aws.CloudFront.DistributionArgs { Enabled = true, LoggingConfig = isProd ? new Aws.CloudFront.Inputs.DistributionLoggingConfigArgs { Bucket = logs.BucketDomainName } : null });
            """));
    }

    [Fact]
    public async Task MissingLogs_IsReportedAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    {|#0:new Aws.LB.LoadBalancer("a")|};
                    {|#1:new Aws.Alb.LoadBalancer("b", new Aws.Alb.LoadBalancerArgs { LoadBalancerType = Aws.Alb.LoadBalancerType.Network })|};
                    {|#2:new Aws.LB.LoadBalancer("c", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id } })|};
                    {|#3:new Aws.CloudFront.Distribution("d", new Aws.CloudFront.DistributionArgs { Enabled = true })|};
                    {|#4:new Aws.ApiGateway.Stage("e", new Aws.ApiGateway.StageArgs { StageName = "v1", RestApi = "api", Deployment = deployment.Id })|};
                    {|#5:new Aws.ApiGatewayV2.Stage("f", new Aws.ApiGatewayV2.StageArgs { ApiId = "api" })|};
            """),
            Sia7003(0, "Load balancer 'a' has no AccessLogs, so the requests it receives are not recorded: set AccessLogs = new LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true }"),
            Sia7003(1, "Load balancer 'b' has no AccessLogs, so the requests it receives are not recorded: set AccessLogs = new LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true }"),
            Sia7003(2, "Load balancer 'c' sets AccessLogs without Enabled = true, and access logs are off by default: set Enabled = true in AccessLogs"),
            Sia7003(3, "CloudFront distribution 'd' has no LoggingConfig, so the requests it receives are not recorded: set LoggingConfig = new DistributionLoggingConfigArgs { Bucket = logs.BucketDomainName }"),
            Sia7003(4, "API stage 'e' has no AccessLogSettings, so the requests it receives are not recorded: set AccessLogSettings = new StageAccessLogSettingsArgs { DestinationArn = logGroup.Arn, Format = ... }"),
            Sia7003(5, "API stage 'f' has no AccessLogSettings, so the requests it receives are not recorded: set AccessLogSettings = new StageAccessLogSettingsArgs { DestinationArn = logGroup.Arn, Format = ... }"));
    }

    [Fact]
    public async Task LogsOff_IsReportedAtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    const bool off = false;
                    new Aws.LB.LoadBalancer("a", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = {|#0:false|} } });
                    new Aws.LB.LoadBalancer("b", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = {|#1:off|} } });
                    new Aws.LB.LoadBalancer("c", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = {|#2:Deployment.Instance.StackName == "dev"|} } });
                    new Aws.LB.LoadBalancer("h", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = stack == "dev" } });
                    new Aws.LB.LoadBalancer("d", new Aws.LB.LoadBalancerArgs { AccessLogs = {|#3:null|} });
                    new Aws.CloudFront.Distribution("e", new Aws.CloudFront.DistributionArgs { Enabled = true, LoggingConfig = {|#4:null|} });
                    new Aws.ApiGatewayV2.Stage("f", new Aws.ApiGatewayV2.StageArgs { ApiId = "api", AccessLogSettings = {|#5:null|} });
                    new Aws.LB.LoadBalancer("g", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = {|#6:Deployment.Instance.StackName != "prod"|} } });
            """),
            Sia7003(0, "Load balancer 'a' has AccessLogs.Enabled = false, so the requests it receives are not recorded: set Enabled = true"),
            Sia7003(1, "Load balancer 'b' has AccessLogs.Enabled = false, so the requests it receives are not recorded: set Enabled = true"),
            Sia7003(2, "Load balancer 'c' has AccessLogs.Enabled = Deployment.Instance.StackName == \"dev\", which is false in the production stack 'prod', so the requests it receives are not recorded: set Enabled = true"),
            Sia7003(3, "Load balancer 'd' has AccessLogs = null, so the requests it receives are not recorded: set AccessLogs = new LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true }"),
            Sia7003(4, "CloudFront distribution 'e' has LoggingConfig = null, so the requests it receives are not recorded: set LoggingConfig = new DistributionLoggingConfigArgs { Bucket = logs.BucketDomainName }"),
            Sia7003(5, "API stage 'f' has AccessLogSettings = null, so the requests it receives are not recorded: set AccessLogSettings = new StageAccessLogSettingsArgs { DestinationArn = logGroup.Arn, Format = ... }"),
            Sia7003(6, "Load balancer 'g' has AccessLogs.Enabled = Deployment.Instance.StackName != \"prod\", which is false in the production stack 'prod', so the requests it receives are not recorded: set Enabled = true"));
    }

    [Fact]
    public async Task StackComparisons_FollowTheProductionStacksOption()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    var live = Deployment.Instance.StackName == "live";
                    new Aws.LB.LoadBalancer("a", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = live } });
                    new Aws.LB.LoadBalancer("b", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = {|#0:isProd|} } });
            """),
            ExpectedDiagnostics =
            {
                Sia7003(0, "Load balancer 'b' has AccessLogs.Enabled = isProd, which is false in the production stacks 'live', 'prod-eu', so the requests it receives are not recorded: set Enabled = true"),
            },
        }.WithOptions("sophia_infra.production_stacks = live,prod-eu").RunAsync();
    }

    [Fact]
    public async Task ArgsThroughLocalsAndHelpers()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var plain = new Aws.LB.LoadBalancerArgs { Internal = true };
                    {|SIA7003:new Aws.LB.LoadBalancer("a", plain)|};
                    var later = new Aws.LB.LoadBalancerArgs();
                    later.AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = true };
                    new Aws.LB.LoadBalancer("b", later);
                    var block = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id };
                    block.Enabled = true;
                    new Aws.LB.LoadBalancer("c", new Aws.LB.LoadBalancerArgs { AccessLogs = block });
                    Balancer("d", false);
                    new Aws.CloudFront.Distribution("e", Distribution());
                }

                static void Balancer(string name, bool logging) =>
                    new Aws.LB.LoadBalancer(name, new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = "logs", Enabled = logging } });

                static Aws.CloudFront.DistributionArgs Distribution() => new Aws.CloudFront.DistributionArgs { Enabled = true };

                static void Unused(Aws.S3.Bucket logs)
                {
            """));
    }

    [Fact]
    public async Task LookAlikeType_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.LB
            {
                public sealed class LoadBalancerArgs { public string? LoadBalancerType { get; set; } }
                public sealed class LoadBalancer { public LoadBalancer(string name, LoadBalancerArgs? args = null) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.LB.LoadBalancer("a");
                    new Lookalike.LB.LoadBalancer("b", new Lookalike.LB.LoadBalancerArgs { LoadBalancerType = "application" });
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
                namespace Pulumi.Aws.LB
                {
                    public sealed class LoadBalancer { public LoadBalancer(string name) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.LB.LoadBalancer("a");
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
                    new Aws.LB.LoadBalancer("a", new Aws.LB.LoadBalancerArgs { AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Id, Enabled = {|CS0103:maybe|} } });
                    new Aws.LB.LoadBalancer("b", new Aws.LB.LoadBalancerArgs { LoadBalancerType = {|CS0103:kind|} });
                    new Aws.CloudFront.Distribution("c", new Aws.CloudFront.DistributionArgs { Enabled = true, LoggingConfig = new {|CS0246:Missing|}() });
            """),
        }.RunAsync();
    }
}
