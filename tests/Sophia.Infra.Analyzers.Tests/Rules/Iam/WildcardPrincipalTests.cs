using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>SIA4003: a resource or trust policy that allows any principal without a condition.</summary>
public sealed class WildcardPrincipalTests
{
    private const string Advice = "name the principals it trusts (an account, role or service) or add a Condition (e.g. aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID)";

    [Fact]
    public async Task StarPrincipals_AreReportedOnTheStar()
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
                            {
                              "Statement": [
                                { "Sid": "Public", "Effect": "Allow", "Principal": {|#0:"*"|}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
                                { "Effect": "Allow", "Principal": { "AWS": {|#1:"*"|} }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
                                { "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::1:root", {|#2:"*"|}] }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }
                              ]
                            }
                            """,
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments("Statement \"Public\" of the bucket policy", "\"*\"", Advice),
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(1).WithArguments("Statement[1] of the bucket policy", "{\"AWS\": \"*\"}", Advice),
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(2).WithArguments("Statement[2] of the bucket policy", "{\"AWS\": \"*\"}", Advice));
    }

    [Fact]
    public async Task ConditionDenyAndNamedPrincipals_AreCompliant()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string principal)
                {
                    new Aws.Sqs.QueuePolicy("q", new Aws.Sqs.QueuePolicyArgs
                    {
                        QueueUrl = "q",
                        Policy = $$"""
                            {
                              "Statement": [
                                { "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:1:q",
                                  "Condition": { "ArnEquals": { "aws:SourceArn": "arn:aws:sns:eu-west-1:1:t" } } },
                                { "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": "arn:aws:sqs:eu-west-1:1:q" },
                                { "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:1:q" },
                                { "Effect": "Allow", "Principal": { "AWS": "{{principal}}" }, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:1:q" },
                                { "Effect": "Allow", "Principal": "{{principal}}*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:1:q" }
                              ]
                            }
                            """,
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task EmptyCondition_DoesNotNarrow()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Sns.TopicPolicy("t", new Aws.Sns.TopicPolicyArgs
                    {
                        Arn = "t",
                        Policy = """{"Statement": [{"Effect": "Allow", "Principal": {|#0:"*"|}, "Action": "sns:Publish", "Resource": "arn:aws:sns:::t", "Condition": {}}]}""",
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments("Statement[0] of the topic policy", "\"*\"", Advice));
    }

    [Fact]
    public async Task TrustAndKeyPolicies_AreChecked()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using System.Collections.Generic;
            using System.Text.Json;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Role("r", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>
                        {
                            ["Statement"] = new[]
                            {
                                new Dictionary<string, object?>
                                {
                                    ["Effect"] = "Allow",
                                    ["Principal"] = new Dictionary<string, object?> { ["AWS"] = {|#0:"*"|} },
                                    ["Action"] = "sts:AssumeRole",
                                },
                            },
                        }),
                    });
                    new Aws.Kms.Key("k", new Aws.Kms.KeyArgs
                    {
                        Policy = """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": {|#1:"*"|}}, "Action": "kms:Decrypt", "Resource": "*"}]}""",
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments("Statement[0] of the trust policy", "{\"AWS\": \"*\"}", Advice),
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(1).WithArguments("Statement[0] of the key policy", "{\"AWS\": \"*\"}", Advice));
    }

    [Fact]
    public async Task TypedPrincipals()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs
                    {
                        Bucket = "b",
                        Policy = new Aws.S3.Inputs.PolicyDocumentArgs
                        {
                            Version = Aws.Iam.PolicyDocumentVersion.PolicyDocumentVersion_2012_10_17,
                            Statement =
                            {
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Principal = {|#0:"*"|},
                                    Action = "s3:GetObject",
                                    Resource = "arn:aws:s3:::b/*",
                                },
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Principal = new Aws.Iam.Inputs.AWSPrincipalArgs { AWS = {|#1:"*"|} },
                                    Action = "s3:GetObject",
                                    Resource = "arn:aws:s3:::b/*",
                                },
                                new Aws.Iam.Inputs.PolicyStatementArgs
                                {
                                    Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                                    Principal = new Aws.Iam.Inputs.AWSPrincipalArgs { AWS = "*" },
                                    Action = "s3:GetObject",
                                    Resource = "arn:aws:s3:::b/*",
                                    Condition = { ["StringEquals"] = new InputMap<string> { ["aws:PrincipalOrgID"] = "o-1" } },
                                },
                            },
                        },
                    });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments("Statement[0] of the bucket policy", "\"*\"", Advice),
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(1).WithArguments("Statement[1] of the bucket policy", "{\"AWS\": \"*\"}", Advice));
    }

    [Fact]
    public async Task GetPolicyDocumentPrincipals()
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
                                Actions = { "s3:GetObject" },
                                Resources = { "arn:aws:s3:::b/*" },
                                Principals = { new Aws.Iam.Inputs.GetPolicyDocumentStatementPrincipalInputArgs { Type = "*", Identifiers = { {|#0:"*"|} } } },
                            },
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Actions = { "s3:GetObject" },
                                Resources = { "arn:aws:s3:::b/*" },
                                Principals = { new Aws.Iam.Inputs.GetPolicyDocumentStatementPrincipalInputArgs { Type = "AWS", Identifiers = { "*" } } },
                                Conditions = { new Aws.Iam.Inputs.GetPolicyDocumentStatementConditionInputArgs { Test = "StringEquals", Variable = "aws:PrincipalOrgID", Values = { "o-1" } } },
                            },
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Actions = { "s3:GetObject" },
                                Resources = { "arn:aws:s3:::b/*" },
                                Principals = { new Aws.Iam.Inputs.GetPolicyDocumentStatementPrincipalInputArgs { Type = "Service", Identifiers = { "*" } } },
                            },
                        },
                    });
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs { Bucket = "b", Policy = document.Apply(d => d.Json) });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments("Statement[0] of the resource policy", "\"*\"", Advice));
    }

    [Fact]
    public async Task LambdaPermissionForAnyone_NeedsASource()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Aws.S3.Bucket bucket)
                {
                    new Aws.Lambda.Permission("a", new Aws.Lambda.PermissionArgs { Action = "lambda:InvokeFunction", Function = "f", {|#0:Principal = "*"|} });
                    new Aws.Lambda.Permission("b", new Aws.Lambda.PermissionArgs { Action = "lambda:InvokeFunction", Function = "f", Principal = "*", SourceArn = bucket.Arn });
                    new Aws.Lambda.Permission("c", new Aws.Lambda.PermissionArgs { Action = "lambda:InvokeFunction", Function = "f", Principal = "*", PrincipalOrgId = "o-1" });
                    new Aws.Lambda.Permission("d", new Aws.Lambda.PermissionArgs { Action = "lambda:InvokeFunction", Function = "f", Principal = "s3.amazonaws.com" });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments(
                "The Lambda permission",
                "\"*\"",
                "name the service or account that invokes it (e.g. \"s3.amazonaws.com\"), or set SourceArn, SourceAccount or PrincipalOrgId"));
    }

    [Fact]
    public async Task IdentityPolicyWithoutPrincipal_IsNotChecked()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Policy("p", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = """{"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:1:q"}]}""",
                    });
                }
            }
            """");
    }
}
