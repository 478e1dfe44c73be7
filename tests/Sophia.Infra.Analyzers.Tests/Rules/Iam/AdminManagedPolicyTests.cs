using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>SIA4004: an admin-level AWS managed policy is attached.</summary>
public sealed class AdminManagedPolicyTests
{
    [Fact]
    public async Task PolicyArn_LiteralConstantAndManagedPolicyMember()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private const string PowerUser = "arn:aws:iam::aws:policy/PowerUserAccess";
                private static readonly string IamFull = Aws.Iam.ManagedPolicy.IAMFullAccess.ToString();

                public static void Create(string partition)
                {
                    new Aws.Iam.RolePolicyAttachment("a", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|#0:PolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess"|} });
                    new Aws.Iam.RolePolicyAttachment("b", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|#1:PolicyArn = PowerUser|} });
                    new Aws.Iam.RolePolicyAttachment("c", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|#2:PolicyArn = (string)Aws.Iam.ManagedPolicy.AdministratorAccess|} });
                    new Aws.Iam.RolePolicyAttachment("d", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|#3:PolicyArn = IamFull|} });
                    new Aws.Iam.RolePolicyAttachment("e", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", {|#4:PolicyArn = $"arn:{partition}:iam::aws:policy/AdministratorAccess"|} });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(0).WithArguments("RolePolicyAttachment", "AdministratorAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(1).WithArguments("RolePolicyAttachment", "PowerUserAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(2).WithArguments("RolePolicyAttachment", "AdministratorAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(3).WithArguments("RolePolicyAttachment", "IAMFullAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(4).WithArguments("RolePolicyAttachment", "AdministratorAccess"));
    }

    [Fact]
    public async Task ManagedPolicyArns_PointAtTheElement()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create()
                {
                    new Aws.Iam.Role("a", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = "{}",
                        ManagedPolicyArns =
                        {
                            "arn:aws:iam::aws:policy/ReadOnlyAccess",
                            {|#0:"arn:aws:iam::aws:policy/AdministratorAccess"|},
                        },
                    });
                    new Aws.Iam.Role("b", new Aws.Iam.RoleArgs
                    {
                        AssumeRolePolicy = "{}",
                        ManagedPolicyArns = new[] { {|#1:Aws.Iam.ManagedPolicy.PowerUserAccess.ToString()|} },
                    });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(0).WithArguments("Role", "AdministratorAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(1).WithArguments("Role", "PowerUserAccess"));
    }

    [Fact]
    public async Task OtherManagedPoliciesCustomerPoliciesAndUnknowns_AreCompliant()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(string arn, Aws.Iam.Policy custom)
                {
                    new Aws.Iam.RolePolicyAttachment("a", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" });
                    new Aws.Iam.RolePolicyAttachment("b", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = "arn:aws:iam::123456789012:policy/AdministratorAccess" });
                    new Aws.Iam.RolePolicyAttachment("c", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = arn });
                    new Aws.Iam.RolePolicyAttachment("d", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = custom.Arn });
                    new Aws.Iam.RolePolicyAttachment("e", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = $"{arn}/AdministratorAccess" });
                    new Aws.Iam.RolePolicyAttachment("f", new Aws.Iam.RolePolicyAttachmentArgs { Role = "r", PolicyArn = Aws.Iam.ManagedPolicy.ReadOnlyAccess.ToString() });
                    new Aws.Iam.Role("g", new Aws.Iam.RoleArgs { AssumeRolePolicy = "{}", ManagedPolicyArns = { "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", arn } });
                }
            }
            """);
    }
}
