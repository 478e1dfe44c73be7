using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.TransitEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>SIA3101: data in transit — HTTP listeners that do not redirect, CloudFront allow-all, ElastiCache transit encryption.</summary>
public sealed class TransitEncryptionTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config, Aws.LB.LoadBalancer lb, Aws.LB.TargetGroup web)
            {
        {{body}}
            }
        }
        """;

    private const string Forward = """
                    DefaultActions =
                    {
                        new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = web.Arn },
                    },
        """;

    [Fact]
    public async Task HttpsListener_AndHttpListenerThatRedirects_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    new Aws.LB.Listener("https", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 443,
                        Protocol = "HTTPS",
                        CertificateArn = config.Require("certificateArn"),
            {{Forward}}
                    });
                    new Aws.LB.Listener("implicit-https", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        CertificateArn = config.Require("certificateArn"),
            {{Forward}}
                    });
                    new Aws.LB.Listener("http", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = "HTTP",
                        DefaultActions =
                        {
                            new Aws.LB.Inputs.ListenerDefaultActionArgs
                            {
                                Type = "redirect",
                                Redirect = new Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
                            },
                        },
                    });
                    new Aws.LB.Listener("tcp", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = "TCP",
                        Port = 22,
            {{Forward}}
                    });
            """));
    }

    [Fact]
    public async Task HttpListener_Explicit_IsReportedAtTheProtocol_Implicit_AtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program($$"""
                    new Aws.LB.Listener("sophia-dev-listener-web", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = {|#0:"HTTP"|},
            {{Forward}}
                    });
                    {|#1:new Aws.LB.Listener("sophia-dev-listener-implicit", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
            {{Forward}}
                    })|};
            """),
            Verify.Diagnostic(Descriptors.TransitNotEncrypted).WithLocation(0).WithArguments(
                "Load balancer listener 'sophia-dev-listener-web' serves plain HTTP (Protocol = \"HTTP\") and its default action does not redirect to HTTPS: use Protocol = \"HTTPS\" with a CertificateArn, or make the default action a redirect to HTTPS"),
            Verify.Diagnostic(Descriptors.TransitNotEncrypted).WithLocation(1).WithArguments(
                "Load balancer listener 'sophia-dev-listener-implicit' serves plain HTTP (no Protocol and no CertificateArn) and its default action does not redirect to HTTPS: use Protocol = \"HTTPS\" with a CertificateArn, or make the default action a redirect to HTTPS"));
    }

    [Fact]
    public async Task RedirectToHttp_IsNotEnough()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.LB.Listener("http", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = {|SIA3101:"HTTP"|},
                        DefaultActions =
                        {
                            new Aws.LB.Inputs.ListenerDefaultActionArgs
                            {
                                Type = "redirect",
                                Redirect = new Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Host = "example.com", StatusCode = "HTTP_301" },
                            },
                        },
                    });
            """));
    }

    [Fact]
    public async Task UnknownProtocolOrActions_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    new Aws.LB.Listener("a", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = config.Require("protocol"),
            {{Forward}}
                    });
                    new Aws.LB.Listener("b", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = "HTTP",
                        DefaultActions = Actions(),
                    });
                    new Aws.LB.Listener("c", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = "HTTP",
                        DefaultActions = { new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = config.Require("action") } },
                    });
                }

                static InputList<Aws.LB.Inputs.ListenerDefaultActionArgs> Actions() => new();
                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task CloudFront_AllowAll_IsReported_InDefaultAndOrderedBehaviors()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.CloudFront.Distribution("cdn", new Aws.CloudFront.DistributionArgs
                    {
                        Enabled = true,
                        DefaultCacheBehavior = new Aws.CloudFront.Inputs.DistributionDefaultCacheBehaviorArgs
                        {
                            TargetOriginId = "web",
                            AllowedMethods = { "GET", "HEAD" },
                            CachedMethods = { "GET", "HEAD" },
                            ViewerProtocolPolicy = {|SIA3101:"allow-all"|},
                        },
                        OrderedCacheBehaviors =
                        {
                            new Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs { PathPattern = "/api/*", ViewerProtocolPolicy = "https-only" },
                            new Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs { PathPattern = "/img/*", ViewerProtocolPolicy = {|SIA3101:"allow-all"|} },
                        },
                    });
            """));
    }

    [Fact]
    public async Task Fix_HttpListener_RedirectsToHttps()
    {
        await Verify.VerifyCodeFixAsync(Program($$"""
                    new Aws.LB.Listener("web", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = {|SIA3101:"HTTP"|},
            {{Forward}}
                    });
                    {|SIA3101:new Aws.LB.Listener("implicit", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                    })|};
            """), Program("""
                    new Aws.LB.Listener("web", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = "HTTP",
                        DefaultActions =
                        {
                            new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = "redirect", Redirect = new Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" } },
                        },
                    });
                    new Aws.LB.Listener("implicit", new Aws.LB.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        DefaultActions =
                        {
                            new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = "redirect", Redirect = new Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" } }
                        },
                    });
            """));
    }

    [Fact]
    public async Task Fix_ElastiCacheAndCloudFront()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    {|SIA3101:new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache", AtRestEncryptionEnabled = true })|};
                    new Aws.ElastiCache.ReplicationGroup("cache2", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache", AtRestEncryptionEnabled = true, TransitEncryptionEnabled = {|SIA3101:false|} });
                    new Aws.CloudFront.Distribution("cdn", new Aws.CloudFront.DistributionArgs
                    {
                        DefaultCacheBehavior = new Aws.CloudFront.Inputs.DistributionDefaultCacheBehaviorArgs { TargetOriginId = "web", ViewerProtocolPolicy = {|SIA3101:"allow-all"|} },
                    });
            """), Program("""
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache", AtRestEncryptionEnabled = true, TransitEncryptionEnabled = true });
                    new Aws.ElastiCache.ReplicationGroup("cache2", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache", AtRestEncryptionEnabled = true, TransitEncryptionEnabled = true });
                    new Aws.CloudFront.Distribution("cdn", new Aws.CloudFront.DistributionArgs
                    {
                        DefaultCacheBehavior = new Aws.CloudFront.Inputs.DistributionDefaultCacheBehaviorArgs { TargetOriginId = "web", ViewerProtocolPolicy = "redirect-to-https" },
                    });
            """));
    }

    [Fact]
    public async Task LookAlikeListener_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.LB
            {
                public sealed class ListenerArgs { public string? Protocol { get; set; } }
                public sealed class Listener { public Listener(string name, ListenerArgs args) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.LB.Listener("web", new Lookalike.LB.ListenerArgs { Protocol = "HTTP" });
            }
            """);
    }
}
