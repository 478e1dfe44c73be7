using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Rules.Iam.IamVerify;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>
/// SIA4004 on the real attachment types of the extended listing: <c>Iam.PolicyAttachment</c> (roles, users and groups at
/// once), <c>Iam.GroupPolicyAttachment</c> and <c>Iam.UserPolicyAttachment</c>.
/// </summary>
public sealed class AdminPolicyAttachmentTypesTests
{
    [Fact]
    public async Task AdminPolicies_OnEveryAttachmentType_AreReportedAtThePolicyArn()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                private const string PowerUser = "arn:aws:iam::aws:policy/PowerUserAccess";

                public static void Create(Aws.Iam.Role role, Aws.Iam.User user, Aws.Iam.Group group)
                {
                    new Aws.Iam.PolicyAttachment("a", new Aws.Iam.PolicyAttachmentArgs
                    {
                        Roles = { role.Name },
                        Users = { user.Name },
                        Groups = { group.Name },
                        {|#0:PolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess"|},
                    });
                    new Aws.Iam.GroupPolicyAttachment("b", new Aws.Iam.GroupPolicyAttachmentArgs { Group = group.Name, {|#1:PolicyArn = PowerUser|} });
                    new Aws.Iam.UserPolicyAttachment("c", new Aws.Iam.UserPolicyAttachmentArgs { User = user.Name, {|#2:PolicyArn = (string)Aws.Iam.ManagedPolicy.IAMFullAccess|} });
                    new Aws.Iam.UserPolicyAttachment("d", new Aws.Iam.UserPolicyAttachmentArgs { User = "ops", {|#3:PolicyArn = "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"|} });
                }
            }
            """,
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(0).WithArguments("PolicyAttachment", "AdministratorAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(1).WithArguments("GroupPolicyAttachment", "PowerUserAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(2).WithArguments("UserPolicyAttachment", "IAMFullAccess"),
            Verify.Diagnostic(Descriptors.AdminManagedPolicy).WithLocation(3).WithArguments("UserPolicyAttachment", "AdministratorAccess"));
    }

    [Fact]
    public async Task OtherPolicies_CustomerPoliciesAndUnknownArns_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Stack
            {
                public static void Create(Aws.Iam.Group group, Aws.Iam.Policy custom, string arn)
                {
                    new Aws.Iam.PolicyAttachment("a", new Aws.Iam.PolicyAttachmentArgs { Groups = { group.Name }, PolicyArn = "arn:aws:iam::aws:policy/ReadOnlyAccess" });
                    new Aws.Iam.GroupPolicyAttachment("b", new Aws.Iam.GroupPolicyAttachmentArgs { Group = group.Name, PolicyArn = custom.Arn });
                    new Aws.Iam.UserPolicyAttachment("c", new Aws.Iam.UserPolicyAttachmentArgs { User = "ops", PolicyArn = arn });
                    new Aws.Iam.UserPolicyAttachment("d", new Aws.Iam.UserPolicyAttachmentArgs { User = "ops", PolicyArn = "arn:aws:iam::123456789012:policy/AdministratorAccess" });
                    new Aws.Iam.GroupPolicyAttachment("e", new Aws.Iam.GroupPolicyAttachmentArgs { Group = group.Name });
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeAttachment_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            namespace Lookalike.Iam
            {
                public sealed class GroupPolicyAttachmentArgs { public string? PolicyArn { get; set; } }
                public sealed class GroupPolicyAttachment { public GroupPolicyAttachment(string name, GroupPolicyAttachmentArgs args) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.Iam.GroupPolicyAttachment("a", new Lookalike.Iam.GroupPolicyAttachmentArgs { PolicyArn = "arn:aws:iam::aws:policy/AdministratorAccess" });
            }
            """);
    }
}
