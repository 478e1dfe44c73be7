using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>Decided edge cases: Allow with NotResource in an identity policy is SIA4002; Allow with NotPrincipal and no Condition is SIA4003.</summary>
public sealed class NotElementTests
{
    private const string EveryResourceBut = "every resource except those in NotResource";

    private const string UseResource = "replace NotResource with Resource listing the ARNs it acts on";

    private const string EveryPrincipalBut = "every principal except those in NotPrincipal";

    private const string UsePrincipal = "replace NotPrincipal with Principal naming the principals it trusts (an account, role or service), or add a Condition";

    [Fact]
    public async Task NotResourceInJsonAndObjectBuiltIdentityPolicies_IsSia4002AtTheKey()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using System.Collections.Generic;
            using System.Text.Json;
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
                              {"Effect": "Allow", "Action": "s3:GetObject", {|#0:"NotResource"|}: "arn:aws:s3:::secret/*"},
                              {"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b/*"}
                            ]}
                            """,
                    });
                    new Aws.Iam.Policy("q", new Aws.Iam.PolicyArgs
                    {
                        PolicyDocument = JsonSerializer.Serialize(new
                        {
                            Statement = new object[]
                            {
                                new { Effect = "Allow", Action = "sqs:SendMessage", {|#1:NotResource = "arn:aws:sqs:eu-west-1:1:q"|} },
                                new Dictionary<string, object> { { "Effect", "Allow" }, { "Action", new[] { "sns:Publish", "sns:Subscribe" } }, {|#2:{ "NotResource", "arn:aws:sns:eu-west-1:1:t" }|} },
                            },
                        }),
                    });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "\"s3:GetObject\"", EveryResourceBut, UseResource),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(1).WithArguments("Statement[0]", "\"sqs:SendMessage\"", EveryResourceBut, UseResource),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(2).WithArguments("Statement[1]", "\"sns:Publish\" and 1 more", EveryResourceBut, UseResource));
    }

    [Fact]
    public async Task NotResourceInTypedArgsAndGetPolicyDocument_IsSia4002()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
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
                                    Action = "s3:PutObject",
                                    {|#0:NotResource = "arn:aws:s3:::b/*"|},
                                },
                            },
                        },
                    });
                    var document = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements =
                        {
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Actions = { "dynamodb:PutItem" },
                                {|#1:NotResources = { "arn:aws:dynamodb:eu-west-1:1:table/t" }|},
                            },
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Effect = "Deny",
                                Actions = { "dynamodb:*" },
                                NotResources = { "arn:aws:dynamodb:eu-west-1:1:table/t" },
                            },
                        },
                    });
                    new Aws.Iam.Policy("q", new Aws.Iam.PolicyArgs { PolicyDocument = document.Apply(d => d.Json) });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(0).WithArguments("Statement[0]", "\"s3:PutObject\"", EveryResourceBut, UseResource),
            Verify.Diagnostic(Descriptors.WildcardResource).WithLocation(1).WithArguments("Statement[0]", "\"dynamodb:PutItem\"", EveryResourceBut, UseResource));
    }

    [Fact]
    public async Task NotResourceInKeyResourceAndTrustPolicies_IsNotSia4002()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Kms.Key("k", new Aws.Kms.KeyArgs
                    {
                        Policy = """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "kms:Decrypt", "NotResource": "arn:aws:kms:eu-west-1:1:key/x"}]}""",
                    });
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs
                    {
                        Bucket = "b",
                        Policy = """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b/private/*"}]}""",
                    });
                }
            }
            """");
    }

    [Fact]
    public async Task NotPrincipalWithAllow_IsSia4003AtTheKey_InJsonObjectsAndGetPolicyDocument()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """"
            using System.Text.Json;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.S3.BucketPolicy("b", new Aws.S3.BucketPolicyArgs
                    {
                        Bucket = "b",
                        Policy = """
                            {"Statement": [
                              {"Effect": "Allow", {|#0:"NotPrincipal"|}: {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"},
                              {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                               "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}
                            ]}
                            """,
                    });
                    new Aws.Sqs.QueuePolicy("q", new Aws.Sqs.QueuePolicyArgs
                    {
                        QueueUrl = "u",
                        Policy = JsonSerializer.Serialize(new
                        {
                            Statement = new[]
                            {
                                new { Effect = "Allow", {|#1:NotPrincipal = new { AWS = "arn:aws:iam::1:root" }|}, Action = "sqs:SendMessage", Resource = "arn:aws:sqs:eu-west-1:1:q" },
                            },
                        }),
                    });
                    var trust = Aws.Iam.GetPolicyDocument.Invoke(new()
                    {
                        Statements =
                        {
                            new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                            {
                                Actions = { "sts:AssumeRole" },
                                {|#2:NotPrincipals = { new Aws.Iam.Inputs.GetPolicyDocumentStatementNotPrincipalInputArgs { Type = "Service", Identifiers = { "ec2.amazonaws.com" } } }|},
                            },
                        },
                    });
                    new Aws.Iam.Role("r", new Aws.Iam.RoleArgs { AssumeRolePolicy = trust.Apply(d => d.Json) });
                }
            }
            """",
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(0).WithArguments("Statement[0] of the bucket policy", EveryPrincipalBut, UsePrincipal),
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(1).WithArguments("Statement[0] of the queue policy", EveryPrincipalBut, UsePrincipal),
            Verify.Diagnostic(Descriptors.WildcardPrincipal).WithLocation(2).WithArguments("Statement[0] of the trust policy", EveryPrincipalBut, UsePrincipal));
    }
}
