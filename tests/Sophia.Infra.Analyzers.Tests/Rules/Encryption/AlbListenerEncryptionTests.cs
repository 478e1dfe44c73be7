using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.TransitEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>SIA3101 on the real <c>Alb.Listener</c> of the extended listing (the <c>LB.Listener</c> twin with its own <c>Alb.Inputs</c> types).</summary>
public sealed class AlbListenerEncryptionTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config, Aws.Alb.LoadBalancer lb, Aws.Alb.TargetGroup web)
            {
        {{body}}
            }
        }
        """;

    private const string Forward = """
                    DefaultActions =
                    {
                        new Aws.Alb.Inputs.ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = web.Arn },
                    },
        """;

    private static string Message(string name, string how) =>
        $"Load balancer listener '{name}' serves plain HTTP ({how}) and its default action does not redirect to HTTPS: " +
        "use Protocol = \"HTTPS\" with a CertificateArn, or make the default action a redirect to HTTPS";

    [Fact]
    public async Task HttpsAlbListener_ImplicitHttps_AndHttpThatRedirectsToHttps_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    new Aws.Alb.Listener("https", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 443,
                        Protocol = "HTTPS",
                        CertificateArn = config.Require("certificateArn"),
            {{Forward}}
                    });
                    new Aws.Alb.Listener("implicit-https", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        CertificateArn = config.Require("certificateArn"),
            {{Forward}}
                    });
                    new Aws.Alb.Listener("http", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = "HTTP",
                        DefaultActions =
                        {
                            new Aws.Alb.Inputs.ListenerDefaultActionArgs
                            {
                                Type = "redirect",
                                Redirect = new Aws.Alb.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
                            },
                        },
                    });
                    new Aws.Alb.Listener("tcp", new Aws.Alb.ListenerArgs { LoadBalancerArn = lb.Arn, Port = 5432, Protocol = "TCP", {{Forward.Trim()}} });
            """));
    }

    [Fact]
    public async Task HttpAlbListener_Explicit_AtTheProtocol_Implicit_AtTheCreation_RedirectToHttp_StillReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Program($$"""
                    new Aws.Alb.Listener("sophia-dev-listener-web", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = {|#0:"HTTP"|},
            {{Forward}}
                    });
                    {|#1:new Aws.Alb.Listener("sophia-dev-listener-implicit", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
            {{Forward}}
                    })|};
                    new Aws.Alb.Listener("sophia-dev-listener-moved", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = {|#2:"http"|},
                        DefaultActions =
                        {
                            new Aws.Alb.Inputs.ListenerDefaultActionArgs
                            {
                                Type = "redirect",
                                Redirect = new Aws.Alb.Inputs.ListenerDefaultActionRedirectArgs { Host = "example.com", StatusCode = "HTTP_301" },
                            },
                        },
                    });
            """),
            Verify.Diagnostic(Descriptors.TransitNotEncrypted).WithLocation(0).WithArguments(Message("sophia-dev-listener-web", "Protocol = \"HTTP\"")),
            Verify.Diagnostic(Descriptors.TransitNotEncrypted).WithLocation(1).WithArguments(Message("sophia-dev-listener-implicit", "no Protocol and no CertificateArn")),
            Verify.Diagnostic(Descriptors.TransitNotEncrypted).WithLocation(2).WithArguments(Message("sophia-dev-listener-moved", "Protocol = \"HTTP\"")));
    }

    [Fact]
    public async Task UnknownProtocol_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    new Aws.Alb.Listener("a", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Protocol = config.Require("protocol"),
            {{Forward}}
                    });
            """));
    }

    [Fact]
    public async Task Fix_HttpAlbListener_RedirectsToHttps_WithTheAlbInputTypes()
    {
        await Verify.VerifyCodeFixAsync(Program($$"""
                    new Aws.Alb.Listener("web", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = {|SIA3101:"HTTP"|},
            {{Forward}}
                    });
                    {|SIA3101:new Aws.Alb.Listener("implicit", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                    })|};
            """), Program("""
                    new Aws.Alb.Listener("web", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        Protocol = "HTTP",
                        DefaultActions =
                        {
                            new Aws.Alb.Inputs.ListenerDefaultActionArgs { Type = "redirect", Redirect = new Aws.Alb.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" } },
                        },
                    });
                    new Aws.Alb.Listener("implicit", new Aws.Alb.ListenerArgs
                    {
                        LoadBalancerArn = lb.Arn,
                        Port = 80,
                        DefaultActions =
                        {
                            new Aws.Alb.Inputs.ListenerDefaultActionArgs { Type = "redirect", Redirect = new Aws.Alb.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" } }
                        },
                    });
            """));
    }
}
