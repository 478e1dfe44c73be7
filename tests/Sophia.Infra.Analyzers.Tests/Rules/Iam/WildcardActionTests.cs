using System.Threading;
using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>SIA4001: an Allow statement with a wildcard action, or NotAction with Allow.</summary>
public sealed class WildcardActionTests
{
    private const string PartialWildcards = /* lang=c#-test */ """"
        using Aws = Pulumi.Aws;

        static class Stack
        {
            public static void Create()
            {
                new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                {
                    PolicyDocument = """
                        {"Statement": [{"Effect": "Allow", "Action": [{|#0:"s3:Get*"|}, "s3:ListBucket"], "Resource": "arn:aws:s3:::b"}]}
                        """,
                });
            }
        }
        """";

    [Fact]
    public async Task StarAndServiceWildcard_AreReported_WithTheStatementAndTheValue()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """
                            {
                              "Version": "2012-10-17",
                              "Statement": [
                                { "Sid": "Everything", "Effect": "Allow", "Action": {|#0:"*"|}, "Resource": "arn:aws:s3:::b" },
                                { "Effect": "Allow", "Action": ["s3:GetObject", {|#1:"iam:*"|}], "Resource": "arn:aws:s3:::b/*" }
                              ]
                            }
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(0).WithArguments("Statement \"Everything\"", "the wildcard action \"*\""),
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(1).WithArguments("Statement[1]", "every action of a service (\"iam:*\")"));
    }

    [Fact]
    public async Task NotActionWithAllow_IsReportedOnTheKey()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """
                            {"Statement": [
                              {"Effect": "Allow", {|#0:"NotAction"|}: "iam:*", "Resource": "arn:aws:s3:::b"},
                              {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}
                            ]}
                            """,
                    });
                    new Aws.Iam.Policy("q", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = new Aws.Iam.Inputs.PolicyDocumentArgs
                        {
                            Statement =
                            {
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    {|#1:NotAction = "iam:*"|},
                                    Resource = "arn:aws:s3:::b",
                                },
                            },
                        },
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(0).WithArguments("Statement[0]", "every action except those in NotAction"),
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(1).WithArguments("Statement[0]", "every action except those in NotAction"));
    }

    [Fact]
    public async Task NamedActionsAndDeny_AreCompliant()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """
                            {"Statement": [
                              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::b/secret/*"},
                              {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::c"}
                            ]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task HolesAndUnknownEffects_AreNotWildcards()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string service, string effect, string statements)
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = $$"""
                            {"Statement": [
                              {"Effect": "Allow", "Action": "{{service}}:GetObject", "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "Allow", "Action": "s3:{{service}}", "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "{{effect}}", "Action": "*", "Resource": "arn:aws:s3:::b/*"},
                              {"Action": "*", "Resource": "arn:aws:s3:::b/*" {{statements}} },
                              {{statements}}
                            ]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task PartialWildcard_IsCompliantByDefault()
    {
        await Verify.VerifyAnalyzerAsync(PartialWildcards.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
    }

    [Fact]
    public async Task PartialWildcard_IsReportedWithTheOption()
    {
        var test = Verify.Test(PartialWildcards, Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(0).WithArguments("Statement[0]", "the partial wildcard action \"s3:Get*\" (63 actions, all Read)"))
            .WithOptions("sophia_infra.iam.partial_wildcards = true");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PartialWildcard_PerRuleKey()
    {
        var test = Verify.Test(PartialWildcards, Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(0).WithArguments("Statement[0]", "the partial wildcard action \"s3:Get*\" (63 actions, all Read)"))
            .WithOptions("sophia_infra.sia4001.iam.partial_wildcards = TRUE");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PartialWildcard_SaysHowManyActionsAndWhichAccessLevels()
    {
        var test = Verify.Test(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """
                            {"Statement": [{"Effect": "Allow", "Action": [{|#0:"s3:Put*"|}, {|#1:"dynamodb:*Item"|}, {|#2:"s3:GetObjec?"|}], "Resource": "arn:aws:s3:::b"}]}
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(0).WithArguments("Statement[0]", "the partial wildcard action \"s3:Put*\" (40 actions: 23 Write, 12 Permissions management, 5 Tagging)"),
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(1).WithArguments("Statement[0]", "the partial wildcard action \"dynamodb:*Item\" (7 actions: 3 Read, 4 Write)"),
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(2).WithArguments("Statement[0]", "the partial wildcard action \"s3:GetObjec?\" (1 action, Read)"))
            .WithOptions("sophia_infra.iam.partial_wildcards = true");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PartialWildcardOfStarOnlyActions_IsNeverReported()
    {
        // Design: actions of the star-only table are never SIA4001, even with partial_wildcards. A wildcard that matches no
        // action grants nothing: SIA4005, not SIA4001.
        var test = Verify.Test(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """
                            {"Statement": [
                              {"Effect": "Allow", "Action": ["ssmmessages:*Channel", "xray:GetSampling*"], "Resource": "*"},
                              {"Effect": "Allow", "Action": {|SIA4005:"s3:Gett*"|}, "Resource": "arn:aws:s3:::b"}
                            ]}
                            """,
                    });
                }
            }
            """").WithOptions("sophia_infra.iam.partial_wildcards = true");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ServiceWildcardOfAnUnknownService_IsSia4005Only()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """
                            {"Statement": [{"Effect": "Allow", "Action": [{|SIA4005:"s4:*"|}, {|SIA4001:"S3:*"|}], "Resource": "arn:aws:s3:::b"}]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task PartialWildcard_InvalidOptionFallsBackToTheDefault()
    {
        var test = Verify.Test(PartialWildcards.Replace("{|#0:", string.Empty).Replace("|}", string.Empty))
            .WithOptions("sophia_infra.iam.partial_wildcards = yes");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LookAlikeTypes_AreNotPolicies()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            namespace Contoso.Iam
            {
                public sealed class PolicyArgs { public string? PolicyDocument { get; set; } }
                public sealed class Policy { public Policy(string name, PolicyArgs args) { } }
            }

            static class Stack
            {
                public static void Create()
                {
                    new Contoso.Iam.Policy("p", new Contoso.Iam.PolicyArgs
                    {
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""",
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task PulumiNotReferenced_NothingIsReported()
    {
        var test = Verify.Test(/* lang=c#-test */ """"
            namespace Pulumi.Aws.Iam
            {
                public sealed class PolicyArgs { public string? PolicyDocument { get; set; } }
                public sealed class Policy { public Policy(string name, PolicyArgs args) { } }
            }

            static class Stack
            {
                public static void Create()
                {
                    new Pulumi.Aws.Iam.Policy("p", new Pulumi.Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""",
                    });
                }
            }
            """").WithoutPulumi();
        await test.RunAsync(CancellationToken.None);
    }
}
