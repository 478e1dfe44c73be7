using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>Every form a policy document is written in C# is read, and the finding sits on the offending value.</summary>
public sealed class PolicySourceTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult ServiceWildcard(int location, string action = "s3:*", string statement = "Statement[0]") =>
        Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(location).WithArguments(statement, "every action of a service (\"" + action + "\")");

    [Fact]
    public async Task RegularStringWithEscapes_PointsInsideTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#0:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}",
                    });
                }
            }
            """, ServiceWildcard(0));
    }

    [Fact]
    public async Task UnicodeEscape_IsTheCharacterItStandsFor()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#0:\"s3:\u002A\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}",
                    });
                    new Aws.Iam.Policy("q", new Aws.Iam.PolicyArgs
                    {
                        // A JSON escape inside the JSON text: \\u002A is "*" for the JSON reader.
                        PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#1:\"s3:\\u002A\"|},\"Resource\":\"arn:aws:s3:::b/*\"}]}",
                    });
                }
            }
            """, ServiceWildcard(0), ServiceWildcard(1));
    }

    [Fact]
    public async Task VerbatimString_DoubledQuotes()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = @"{
                          ""Statement"": [{
                            ""Effect"": ""Allow"",
                            ""Action"": [""s3:GetObject"", {|#0:""s3:*""|}],
                            ""Resource"": ""arn:aws:s3:::b/*""
                          }]
                        }",
                    });
                }
            }
            """, ServiceWildcard(0));
    }

    [Fact]
    public async Task MultiLineRawString_PointsAtTheValueOnItsLine()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.UserPolicy("p", new Aws.Iam.UserPolicyArgs
                    {
                        User = "u",
                        Policy = """
                            {
                              "Version": "2012-10-17",
                              "Statement": [
                                {
                                  "Sid": "ReadAll",
                                  "Effect": "Allow",
                                  "Action": [
                                    "s3:GetObject",
                                    {|#0:"s3:*"|}
                                  ],
                                  "Resource": "arn:aws:s3:::b/*"
                                }
                              ]
                            }
                            """,
                    });
                }
            }
            """", ServiceWildcard(0, statement: "Statement \"ReadAll\""));
    }

    [Fact]
    public async Task SingleLineRawString()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.GroupPolicy("p", new Aws.Iam.GroupPolicyArgs
                    {
                        Group = "g",
                        Policy = """{"Statement":{"Effect":"Allow","Action":{|#0:"*"|},"Resource":"arn:aws:s3:::b"}}""",
                    });
                }
            }
            """", Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(0).WithArguments("Statement[0]", "the wildcard action \"*\""));
    }

    [Fact]
    public async Task InterpolatedRawString_HolesAreUnknownNotWildcards()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Aws.S3.Bucket bucket, string action)
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = bucket.Arn.Apply(arn => $$"""
                            {
                              "Statement": [
                                { "Effect": "Allow", "Action": "{{action}}", "Resource": "{{arn}}/*" },
                                { "Effect": "Allow", "Action": {|#0:"s3:*"|}, "Resource": "{{arn}}" }
                              ]
                            }
                            """),
                    });
                }
            }
            """", ServiceWildcard(0, statement: "Statement[1]"));
    }

    [Fact]
    public async Task InterpolatedRegularAndVerbatimStrings_BracesAndEscapes()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string arn)
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = $"{{\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":{|#0:\"s3:*\"|},\"Resource\":\"{arn}\"}}]}}",
                    });
                    new Aws.Iam.Policy("q", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = $@"{{""Statement"":[{{""Effect"":""Allow"",""Action"":{|#1:""sqs:*""|},""Resource"":""{arn}""}}]}}",
                    });
                }
            }
            """, ServiceWildcard(0), ServiceWildcard(1, "sqs:*"));
    }

    [Fact]
    public async Task OutputFormat()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Aws.S3.Bucket bucket)
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = Output.Format($$"""
                            {"Statement": [{"Effect": "Allow", "Action": {|#0:"s3:*"|}, "Resource": "{{bucket.Arn}}"}]}
                            """),
                    });
                }
            }
            """", ServiceWildcard(0));
    }

    [Fact]
    public async Task OutputTupleApply_SerializeDictionary_PointsAtTheEntry()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Text.Json;
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Aws.S3.Bucket bucket, Aws.CloudWatch.LogGroup logs)
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = Output.Tuple(logs.Arn, bucket.Arn).Apply(arns => JsonSerializer.Serialize(new Dictionary<string, object?>
                        {
                            ["Version"] = "2012-10-17",
                            ["Statement"] = new[]
                            {
                                new Dictionary<string, object?>
                                {
                                    ["Sid"] = "Logs",
                                    ["Effect"] = "Allow",
                                    ["Action"] = {|#0:"logs:*"|},
                                    ["Resource"] = $"{arns.Item1}:*",
                                },
                                new Dictionary<string, object?>
                                {
                                    ["Effect"] = "Allow",
                                    ["Action"] = new[] { "s3:GetObject", {|#1:"s3:*"|} },
                                    ["Resource"] = $"{arns.Item2}/*",
                                },
                            },
                        })),
                    });
                }
            }
            """, ServiceWildcard(0, "logs:*", "Statement \"Logs\""), ServiceWildcard(1, statement: "Statement[1]"));
    }

    [Fact]
    public async Task SerializeAnonymousObject_ListAndCollectionInitializerDictionary()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Text.Json;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = JsonSerializer.Serialize(new
                        {
                            Version = "2012-10-17",
                            Statement = new object[]
                            {
                                new { Effect = "Allow", Action = new List<string> { "s3:GetObject", {|#0:"s3:*"|} }, Resource = "arn:aws:s3:::b/*" },
                                new Dictionary<string, object> { { "Effect", "Allow" }, { "Action", {|#1:"ec2:*"|} }, { "Resource", "arn:aws:ec2:::i" } },
                            },
                        }),
                    });
                }
            }
            """, ServiceWildcard(0), ServiceWildcard(1, "ec2:*", "Statement[1]"));
    }

    [Fact]
    public async Task NewtonsoftSerializeObject()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            namespace Newtonsoft.Json
            {
                public static class JsonConvert
                {
                    public static string SerializeObject(object? value) => "";
                }
            }

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = Newtonsoft.Json.JsonConvert.SerializeObject(new
                        {
                            Statement = new[] { new { Effect = "Allow", Action = {|#0:"s3:*"|}, Resource = "arn:aws:s3:::b/*" } },
                        }),
                    });
                }
            }
            """, ServiceWildcard(0));
    }

    [Fact]
    public async Task TypedPolicyDocumentArgs_PointAtTheEntryOrElement()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Collections.Immutable;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = new Aws.Iam.Inputs.PolicyDocumentArgs
                        {
                            Version = Aws.Iam.PolicyDocumentVersion.PolicyDocumentVersion_2012_10_17,
                            Statement =
                            {
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Sid = "One",
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Action = {|#0:"s3:*"|},
                                    Resource = "arn:aws:s3:::b/*",
                                },
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Action = ImmutableArray.Create("s3:GetObject", {|#1:"dynamodb:*"|}),
                                    Resource = "arn:aws:s3:::b/*",
                                },
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.DENY,
                                    Action = "*",
                                    Resource = "*",
                                },
                            },
                        },
                    });
                }
            }
            """, ServiceWildcard(0, statement: "Statement \"One\""), ServiceWildcard(1, "dynamodb:*", "Statement[1]"));
    }

    [Fact]
    public async Task GetPolicyDocumentInvokeAndInvokeAsync()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System.Threading.Tasks;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static async Task Create()
                {
                    var document = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements =
                        {
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Actions = { "s3:GetObject", {|#0:"s3:*"|} },
                                Resources = { "arn:aws:s3:::b/*" },
                            },
                        },
                    });
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs { PolicyDocument = document.Apply(d => d.Json) });

                    var asyncDocument = await Aws.Iam.GetPolicyDocument.InvokeAsync(new Aws.Iam.GetPolicyDocumentArgs
                    {
                        Statements =
                        {
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementArgs
                            {
                                Sid = "Queues",
                                Effect = "Allow",
                                Actions = { {|#1:"sqs:*"|} },
                                Resources = { "arn:aws:sqs:eu-west-1:1:q" },
                            },
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementArgs
                            {
                                Effect = "Deny",
                                Actions = { "*" },
                                Resources = { "*" },
                            },
                        },
                    });
                    new Aws.Iam.Policy("q", new Aws.Iam.PolicyArgs { PolicyDocument = asyncDocument.Json });
                }
            }
            """, ServiceWildcard(0), ServiceWildcard(1, "sqs:*", "Statement \"Queues\""));
    }

    [Fact]
    public async Task EveryPolicyBearingArgument_IsRead()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private const string Identity = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#13:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}";

                public static void Create()
                {
                    new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#0:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}" });
                    new Aws.Iam.RolePolicy("b", new Aws.Iam.RolePolicyArgs { Role = "r", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#1:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}" });
                    new Aws.Iam.UserPolicy("c", new Aws.Iam.UserPolicyArgs { User = "u", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#2:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}" });
                    new Aws.Iam.GroupPolicy("d", new Aws.Iam.GroupPolicyArgs { Group = "g", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#3:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}" });
                    new Aws.Iam.Role("e", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":{|#4:\"sts:*\"|}}]}",
                        InlinePolicies =
                        {
                            new Aws.Iam.Inputs.RoleInlinePolicyArgs { Name = "inline", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#5:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}" },
                        },
                    });
                    #pragma warning disable CS0618 // Bucket.Policy is obsolete, and still deployed
                    new Aws.S3.Bucket("f", new Aws.S3.BucketArgs { Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#6:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::f\"}]}" });
                    #pragma warning restore CS0618
                    new Aws.S3.BucketPolicy("g", new Aws.S3.BucketPolicyArgs { Bucket = "b", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#7:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}" });
                    new Aws.Sqs.QueuePolicy("h", new Aws.Sqs.QueuePolicyArgs { QueueUrl = "q", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#8:\"sqs:*\"|},\"Resource\":\"arn:aws:sqs:::q\"}]}" });
                    new Aws.Sns.TopicPolicy("i", new Aws.Sns.TopicPolicyArgs { Arn = "t", Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#9:\"sns:*\"|},\"Resource\":\"arn:aws:sns:::t\"}]}" });
                    new Aws.Kms.Key("j", new Aws.Kms.KeyArgs { Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#10:\"kms:*\"|},\"Resource\":\"*\"}]}" });
                    new Aws.Sqs.Queue("k", new Aws.Sqs.QueueArgs { Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#11:\"sqs:*\"|},\"Resource\":\"arn:aws:sqs:::q\"}]}" });
                    new Aws.Sns.Topic("l", new Aws.Sns.TopicArgs { Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":{|#12:\"sns:*\"|},\"Resource\":\"arn:aws:sns:::t\"}]}" });
                    new Aws.Iam.Policy("m", new Aws.Iam.PolicyArgs { PolicyDocument = Identity });
                }
            }
            """,
            ServiceWildcard(0), ServiceWildcard(1), ServiceWildcard(2), ServiceWildcard(3), ServiceWildcard(4, "sts:*"), ServiceWildcard(5),
            ServiceWildcard(6), ServiceWildcard(7), ServiceWildcard(8, "sqs:*"), ServiceWildcard(9, "sns:*"), ServiceWildcard(10, "kms:*"),
            ServiceWildcard(11, "sqs:*"), ServiceWildcard(12, "sns:*"), ServiceWildcard(13));
    }

    [Fact]
    public async Task DocumentInALocalOrAHelper_IsFollowed()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using System.Collections.Generic;
            using System.Text.Json;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private static string ReadPolicy(string action, string arn) => $$"""
                    {"Statement": [{"Effect": "Allow", "Action": "{{action}}", "Resource": "{{arn}}"}]}
                    """;

                private static Dictionary<string, object?> Statement(string action) => new()
                {
                    ["Effect"] = "Allow",
                    ["Action"] = action,
                    ["Resource"] = "arn:aws:s3:::b/*",
                };

                public static void Create(string bucketArn)
                {
                    var json = """
                        {"Statement": [{"Effect": "Allow", "Action": {|#0:"s3:*"|}, "Resource": "arn:aws:s3:::b"}]}
                        """;
                    new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = json });

                    new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs { PolicyDocument = ReadPolicy("{|#1:ec2:*|}", bucketArn) });
                    new Aws.Iam.Policy("c", new Aws.Iam.PolicyArgs { PolicyDocument = ReadPolicy("s3:GetObject", bucketArn) });

                    var statements = new[] { Statement({|#2:"sqs:*"|}), Statement("s3:GetObject") };
                    new Aws.Iam.Policy("d", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = JsonSerializer.Serialize(new Dictionary<string, object?> { ["Statement"] = statements }),
                    });
                }
            }
            """", ServiceWildcard(0), ServiceWildcard(1, "ec2:*"), ServiceWildcard(2, "sqs:*"));
    }

    [Fact]
    public async Task DocumentInAConstantOfAnotherFile_PointsIntoTheLiteral()
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
                        new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.Admin });
                    }
                }
                """,
                /* lang=c#-test */ """
                static class Policies
                {
                    public const string Admin = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":{|#0:\"s3:*\"|},\"Resource\":\"arn:aws:s3:::b\"}]}";
                }
                """,
            },
            ServiceWildcard(0));
    }

    [Fact]
    public async Task DocumentsInAnotherFile_EveryForm_PointIntoTheLiteralOnce()
    {
        // A const raw string, a static readonly field, a get-only property, an auto-property with an initializer, and a helper
        // returning an interpolated raw string, all in Policies.cs; each used by two resources, each finding reported once.
        await Verify.VerifySourcesAsync(
            new[]
            {
                /* lang=c#-test */ """
                using Aws = Pulumi.Aws;

                static class Stack
                {
                    public static void Create(string bucketArn)
                    {
                        new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.Const });
                        new Aws.Iam.Policy("a2", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.Const });
                        new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.ReadOnlyField });
                        new Aws.Iam.Policy("b2", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.ReadOnlyField });
                        new Aws.Iam.Policy("c", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.Getter });
                        new Aws.Iam.Policy("d", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.AutoProperty });
                        new Aws.Iam.Policy("e", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.ReadBucket(bucketArn) });
                        new Aws.Iam.Policy("e2", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.ReadBucket(bucketArn + "/logs") });
                        new Aws.Iam.Policy("f", new Aws.Iam.PolicyArgs { PolicyDocument = Policies.Least });
                    }
                }
                """,
                /* lang=c#-test */ """"
                static class Policies
                {
                    public const string Const = """
                        {"Statement": [{"Effect": "Allow", "Action": {|#0:"s3:*"|}, "Resource": "arn:aws:s3:::b"}]}
                        """;

                    public static readonly string ReadOnlyField = """
                        {
                          "Statement": [{
                            "Effect": "Allow",
                            "Action": {|#1:"ec2:*"|},
                            "Resource": "arn:aws:ec2:us-west-2:123456789012:instance/i-1"
                          }]
                        }
                        """;

                    public static string Getter => """
                        {"Statement": [{"Effect": "Allow", "Action": {|#2:"sqs:*"|}, "Resource": "arn:aws:sqs:us-west-2:123456789012:q"}]}
                        """;

                    public static string AutoProperty { get; } = """
                        {"Statement": [{"Effect": "Allow", "Action": {|#3:"sns:*"|}, "Resource": "arn:aws:sns:us-west-2:123456789012:t"}]}
                        """;

                    public static string ReadBucket(string arn) => $$"""
                        {"Statement": [{"Effect": "Allow", "Action": {|#4:"kms:*"|}, "Resource": "{{arn}}"}]}
                        """;

                    public static readonly string Least = """
                        {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
                        """;
                }
                """",
            },
            ServiceWildcard(0),
            ServiceWildcard(1, "ec2:*"),
            ServiceWildcard(2, "sqs:*"),
            ServiceWildcard(3, "sns:*"),
            ServiceWildcard(4, "kms:*"));
    }

    [Fact]
    public async Task ObjectBuiltDocumentInAnotherFile_PointsAtTheLiteral()
    {
        await Verify.VerifySourcesAsync(
            new[]
            {
                /* lang=c#-test */ """
                using System.Text.Json;
                using Aws = Pulumi.Aws;

                static class Stack
                {
                    public static void Create()
                    {
                        new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = JsonSerializer.Serialize(Policies.Document) });
                        new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs { PolicyDocument = JsonSerializer.Serialize(Policies.Statement({|#1:"logs:*"|})) });
                    }
                }
                """,
                /* lang=c#-test */ """
                using System.Collections.Generic;

                static class Policies
                {
                    public static readonly object Document = new
                    {
                        Statement = new[] { new { Effect = "Allow", Action = {|#0:"s3:*"|}, Resource = "arn:aws:s3:::b" } },
                    };

                    public static Dictionary<string, object?> Statement(string action) => new()
                    {
                        ["Statement"] = new[] { new Dictionary<string, object?> { ["Effect"] = "Allow", ["Action"] = action, ["Resource"] = "arn:aws:logs:us-west-2:123456789012:*" } },
                    };
                }
                """,
            },
            ServiceWildcard(0),
            ServiceWildcard(1, "logs:*"));
    }

    [Fact]
    public async Task MalformedJsonAndUnknownDocuments_AreSilent()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string fromConfig, Output<string> fromOutput)
                {
                    new Aws.Iam.Policy("a", new Aws.Iam.PolicyArgs { PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b\"}]" });
                    new Aws.Iam.Policy("b", new Aws.Iam.PolicyArgs { PolicyDocument = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",}]}" });
                    new Aws.Iam.Policy("c", new Aws.Iam.PolicyArgs { PolicyDocument = "not json at all: s3:*" });
                    new Aws.Iam.Policy("d", new Aws.Iam.PolicyArgs { PolicyDocument = "" });
                    new Aws.Iam.Policy("e", new Aws.Iam.PolicyArgs { PolicyDocument = fromConfig });
                    new Aws.Iam.Policy("f", new Aws.Iam.PolicyArgs { PolicyDocument = fromOutput });
                    new Aws.Iam.Policy("g", new Aws.Iam.PolicyArgs { PolicyDocument = $"{{\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"{fromConfig}\",\"Resource\":\"{fromConfig}/*\"}}]}}" });
                    new Aws.Iam.Policy("h", new Aws.Iam.PolicyArgs { PolicyDocument = "[\"s3:*\"]" });
                    new Aws.Iam.Policy("i", new Aws.Iam.PolicyArgs { PolicyDocument = "{\"Statement\": \"s3:*\"}" });
                }
            }
            """);
    }

    [Fact]
    public async Task ReferenceStackPolicies_AreClean()
    {
        // The forms of src/Sophia.Infra.Stack: a raw-string trust policy (K3s.cs), a serialized dictionary trust policy and an
        // Output.Tuple(...).Apply(... JsonSerializer.Serialize ...) least-privilege policy (LambdaDynamic.cs), an AWS managed policy.
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using System.Collections.Generic;
            using System.Text.Json;
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string stack, Aws.CloudWatch.LogGroup logGroup, Aws.S3.Bucket bucket)
                {
                    var agent = new Aws.Iam.Role($"sophia-{stack}-role-agent", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = """
                            {
                              "Version": "2012-10-17",
                              "Statement": [
                                {
                                  "Effect": "Allow",
                                  "Principal": { "Service": "ec2.amazonaws.com" },
                                  "Action": "sts:AssumeRole"
                                }
                              ]
                            }
                            """,
                    });
                    new Aws.Iam.RolePolicyAttachment($"sophia-{stack}-role-policy-attachment-ssm", new Aws.Iam.RolePolicyAttachmentArgs
                    {
                        Role = agent.Name,
                        PolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                    });

                    var role = new Aws.Iam.Role($"sophia-{stack}-role-handler", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>
                        {
                            ["Version"] = "2012-10-17",
                            ["Statement"] = new[]
                            {
                                new Dictionary<string, object?>
                                {
                                    ["Effect"] = "Allow",
                                    ["Principal"] = new Dictionary<string, object?> { ["Service"] = "lambda.amazonaws.com" },
                                    ["Action"] = "sts:AssumeRole",
                                },
                            },
                        }),
                    });
                    new Aws.Iam.RolePolicy($"sophia-{stack}-role-policy-handler", new Aws.Iam.RolePolicyArgs
                    {
                        Role = role.Id,
                        Policy = Output.Tuple(logGroup.Arn, bucket.Arn).Apply(arns => JsonSerializer.Serialize(new Dictionary<string, object?>
                        {
                            ["Version"] = "2012-10-17",
                            ["Statement"] = new[]
                            {
                                new Dictionary<string, object?>
                                {
                                    ["Sid"] = "WriteOwnLogs",
                                    ["Effect"] = "Allow",
                                    ["Action"] = new[] { "logs:CreateLogStream", "logs:PutLogEvents" },
                                    ["Resource"] = $"{arns.Item1}:*",
                                },
                                new Dictionary<string, object?>
                                {
                                    ["Sid"] = "ReadOwnArtifacts",
                                    ["Effect"] = "Allow",
                                    ["Action"] = new[] { "s3:GetObject" },
                                    ["Resource"] = $"{arns.Item2}/*",
                                },
                            },
                        })),
                    });
                }
            }
            """");
    }
}
