using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>SIA4005: an Allow statement names (in Action or NotAction) an action that does not exist, or a wildcard that matches none.</summary>
public sealed class UnknownActionTests
{
    private static DiagnosticResult Unknown(int location, string message) =>
        Verify.Diagnostic(Descriptors.UnknownAction).WithLocation(location).WithArguments(message);

    private static DiagnosticResult Typo(int location, string written = "s3:GetObjects", string closest = "s3:GetObject", string statement = "Statement[0]") =>
        Unknown(location, statement + " allows \"" + written + "\", which is not an action of " + written.Split(':')[0] + ": it grants nothing; write \"" + closest + "\"");

    [Fact]
    public async Task Typo_IsReportedAtTheLiteral_WithTheClosestAction()
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
                              "Statement": [
                                {
                                  "Sid": "Read",
                                  "Effect": "Allow",
                                  "Action": [
                                    "s3:ListBucket",
                                    {|#0:"s3:GetObjects"|}
                                  ],
                                  "Resource": "arn:aws:s3:::b/*"
                                }
                              ]
                            }
                            """,
                    });
                }
            }
            """",
            Typo(0, statement: "Statement \"Read\""));
    }

    [Fact]
    public async Task UnknownServicePrefix_SuggestsTheNearestService()
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
                              {"Effect": "Allow", "Action": [{|#0:"s4:GetObject"|}, {|#1:"dynamo:GetItem"|}, {|#2:"nosuchservice:DoIt"|}], "Resource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                }
            }
            """",
            Unknown(0, "Statement[0] allows \"s4:GetObject\", but AWS has no service with the prefix \"s4\": it grants nothing; write \"s3:GetObject\""),
            Unknown(1, "Statement[0] allows \"dynamo:GetItem\", but AWS has no service with the prefix \"dynamo\": it grants nothing; write \"dynamodb:GetItem\""),
            Unknown(2, "Statement[0] allows \"nosuchservice:DoIt\", but AWS has no service with the prefix \"nosuchservice\": it grants nothing; write the prefix of an AWS service (as in \"s3:GetObject\")"));
    }

    [Fact]
    public async Task WildcardThatMatchesNothing_IsReported()
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
                              {"Effect": "Allow", "Action": [{|#0:"s3:Gett*"|}, {|#1:"s3:GetObject??"|}, "s3:Get*", "s3:GetObjec?"], "Resource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                }
            }
            """",
            Unknown(0, "Statement[0] allows \"s3:Gett*\", which matches no action of s3: it grants nothing; write an action that s3 has"),
            Unknown(1, "Statement[0] allows \"s3:GetObject??\", which matches no action of s3: it grants nothing; write an action that s3 has"));
    }

    [Fact]
    public async Task CaseOfPrefixAndName_DoesNotMatter()
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
                              {"Effect": "Allow", "Action": ["S3:GetObject", "s3:getobject", "DynamoDB:PUTITEM", "Ec2:describe*"], "Resource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task MalformedAction_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", "Action": {|#0:"GetObject"|}, "Resource": "arn:aws:s3:::b/*"}]}""",
                    });
                }
            }
            """",
            Unknown(0, "Statement[0] allows \"GetObject\", which is not of the form service:action: it grants nothing; write it as \"<service prefix>:<action>\""));
    }

    [Fact]
    public async Task NotActionEntries_AreChecked_ThatTheyExcludeSomething()
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
                              {"Effect": "Allow", {|SIA4001:"NotAction"|}: ["iam:*", {|#0:"s3:DeleteObjekt"|}], "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "Deny", "NotAction": ["s3:DeleteObjekt"], "Resource": "*"}
                            ]}
                            """,
                    });
                }
            }
            """",
            Unknown(0, "Statement[0] excludes \"s3:DeleteObjekt\" in NotAction, which is not an action of s3: it excludes nothing, so the statement allows more than meant; write \"s3:DeleteObject\""));
    }

    [Fact]
    public async Task DenyStatementsAndHoles_AreNotReported()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string verb, string effect)
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = $$"""
                            {"Statement": [
                              {"Effect": "Deny", "Action": "s3:GetObjects", "Resource": "*"},
                              {"Effect": "Allow", "Action": ["s3:{{verb}}Objects", "{{verb}}:GetObject"], "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "{{effect}}", "Action": "s3:GetObjects", "Resource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task TrustPolicies_GetSia4003Only()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Role("r", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = """
                            {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRoles"}]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task ResourceAndKeyPolicies_AreChecked()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs
                    {
                        Bucket = "b",
                        Policy = """
                            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": [{|#0:"s3:GetObjects"|}], "Resource": "arn:aws:s3:::b/*"}]}
                            """,
                    });
                    new Aws.Kms.Key("k", new Aws.Kms.KeyArgs
                    {
                        Policy = """
                            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["kms:Encrypt", {|#1:"kms:Decrypted"|}], "Resource": "*"}]}
                            """,
                    });
                }
            }
            """",
            Typo(0),
            Typo(1, "kms:Decrypted", "kms:Decrypt"));
    }

    [Fact]
    public async Task ObjectBuiltDocuments_PointAtTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Text.Json;
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Output<string> arn)
                {
                    new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = JsonSerializer.Serialize(new
                        {
                            Statement = new object[]
                            {
                                new { Effect = "Allow", Action = new[] { "s3:GetObject", {|#0:"s3:GetObjects"|} }, Resource = "arn:aws:s3:::b/*" },
                            },
                        }),
                    });
                    new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = arn.Apply(a => JsonSerializer.Serialize(new Dictionary<string, object?>
                        {
                            ["Statement"] = new[]
                            {
                                new Dictionary<string, object?> { ["Effect"] = "Allow", ["Action"] = new List<string> { {|#1:"s3:GetObjects"|} }, ["Resource"] = a },
                            },
                        })),
                    });
                    new Aws.Iam.Policy("c", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = new Aws.Iam.Inputs.PolicyDocumentArgs
                        {
                            Statement =
                            {
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Action = System.Collections.Immutable.ImmutableArray.Create("s3:GetObject", {|#2:"s3:GetObjects"|}),
                                    Resource = "arn:aws:s3:::b/*",
                                },
                            },
                        },
                    });
                }
            }
            """,
            Typo(0), Typo(1), Typo(2));
    }

    [Fact]
    public async Task GetPolicyDocument_ActionsAndNotActions()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    var document = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements =
                        {
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Actions = { "s3:GetObject", {|#0:"s3:GetObjects"|} },
                                Resources = { "arn:aws:s3:::b/*" },
                            },
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                {|SIA4001:NotActions = { {|#1:"s3:DeleteObjekt"|} }|},
                                Resources = { "arn:aws:s3:::b/*" },
                            },
                        },
                    });
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs { PolicyDocument = document.Apply(d => d.Json) });
                }
            }
            """,
            Typo(0),
            Unknown(1, "Statement[1] excludes \"s3:DeleteObjekt\" in NotAction, which is not an action of s3: it excludes nothing, so the statement allows more than meant; write \"s3:DeleteObject\""));
    }

    [Fact]
    public async Task RegularVerbatimAndInterpolatedStrings_PointInsideTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Output<string> arn)
                {
                    new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[{|#0:\"s3:GetObjects\"|}],\"Resource\":\"arn:aws:s3:::b/*\"}]}",
                    });
                    new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = @"{""Statement"":[{""Effect"":""Allow"",""Action"":[{|#1:""s3:GetObjects""|}],""Resource"":""arn:aws:s3:::b/*""}]}",
                    });
                    new Aws.Iam.Policy("c", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = Output.Format($"{{\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":[{|#2:\"s3:GetObjects\"|}],\"Resource\":\"{arn}/*\"}}]}}"),
                    });
                }
            }
            """,
            Typo(0), Typo(1), Typo(2));
    }

    [Fact]
    public async Task SharedConstantInTheSameFile_IsReportedOnce_AtTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private const string Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#0:\"s3:GetObjects\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}";

                public static void Create()
                {
                    new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = Policy });
                    new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs { PolicyDocument = Policy });
                }
            }
            """,
            Typo(0));
    }

    [Fact]
    public async Task DocumentInAnotherFile_IsReportedAtTheArgument()
    {
        await Verify.VerifySourcesAsync(
            new[]
            {
                /* lang=c#-test */ """
                using Aws = Pulumi.Aws;

                static class Stack
                {
                    public static void Create()
                    {
                        new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = {|#0:Policies.Read|} });
                    }
                }
                """,
                /* lang=c#-test */ """
                static class Policies
                {
                    public const string Read = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObjects\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
                }
                """,
            },
            Typo(0));
    }

    [Fact]
    public async Task ExistingActionsAndWildcards_AreCompliant()
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
                              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*", "s3-outposts:GetObject", "kinesisvideo:ListStreams", "ssmmessages:*Channel", "s3:GetObjec?"], "Resource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task EveryPolicyBearingArgument_IsChecked()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private const string Read = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[{|#0:\"s3:GetObjects\"|}],\"Resource\":\"arn:aws:s3:::b/*\"}]}";

                public static async Task Create()
                {
                    new Aws.Iam.RolePolicy("a", new Aws.Iam.RolePolicyArgs { Role = "r", Policy = Read });
                    new Aws.Iam.UserPolicy("b", new Aws.Iam.UserPolicyArgs { User = "u", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#1:\"s3:GetObjects\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}" });
                    new Aws.Iam.GroupPolicy("c", new Aws.Iam.GroupPolicyArgs { Group = "g", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#2:\"s3:GetObjects\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}" });
                    new Aws.Iam.Role("d", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                        InlinePolicies =
                        {
                            new Aws.Iam.Inputs.RoleInlinePolicyArgs { Name = "inline", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#3:\"s3:GetObjects\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}" },
                        },
                    });
                    new Aws.Sqs.QueuePolicy("e", new Aws.Sqs.QueuePolicyArgs { QueueUrl = "q", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#4:\"sqs:SendMessages\"|},\"Resource\":\"arn:aws:sqs:::q\"}]}" });
                    new Aws.Sns.TopicPolicy("f", new Aws.Sns.TopicPolicyArgs { Arn = "t", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#5:\"sns:Publishes\"|},\"Resource\":\"arn:aws:sns:::t\"}]}" });
                    var document = await Aws.Iam.GetPolicyDocument.InvokeAsync(new Aws.Iam.GetPolicyDocumentArgs
                    {
                        Statements =
                        {
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementArgs { Effect = "Allow", Actions = { {|#6:"s3:GetObjects"|} }, Resources = { "arn:aws:s3:::b/*" } },
                        },
                    });
                    new Aws.Iam.Policy("g", new Aws.Iam.PolicyArgs { PolicyDocument = document.Json });
                }
            }
            """,
            Typo(0), Typo(1), Typo(2), Typo(3), Typo(4, "sqs:SendMessages", "sqs:SendMessage"), Typo(5, "sns:Publishes", "sns:Publish"), Typo(6));
    }

    [Fact]
    public async Task OddEntries_AreReportedWithoutThrowing()
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
                              {"Effect": "Allow", "Action": [{|SIA4005:""|}, {|SIA4005:":"|}, {|SIA4005:"::"|}, {|SIA4005:"?"|}, {|SIA4005:"s3:"|}, {|SIA4005:":GetObject"|}, {|#0:" s3:GetObject"|}, {|SIA4005:"s3:Get:Object"|}, {|SIA4001:"*:*"|}, {|SIA4005:"zz*:Get*"|}, {|SIA4005:"s3:GetObjectGetObjectGetObjectGetObjectGetObjectGetObjectGetObjectGetObjectGetObjectGetObjectGetObjectGetObject"|}], "Resource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                }
            }
            """",
            Unknown(0, "Statement[0] allows \" s3:GetObject\", but AWS has no service with the prefix \" s3\": it grants nothing; write \"s3:GetObject\""));
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
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "arn:aws:s3:::b"}]}""",
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
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", "Action": "s4:GetObjects", "Resource": "arn:aws:s3:::b"}]}""",
                    });
                }
            }
            """").WithoutPulumi();
        await test.RunAsync(CancellationToken.None);
    }
}
