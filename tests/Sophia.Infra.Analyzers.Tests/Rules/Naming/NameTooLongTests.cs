using System.Threading.Tasks;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>SIA1004: the AWS physical name, once Pulumi appends '-' and 7 random characters, must fit the limit of its type.</summary>
public sealed class NameTooLongTests
{
    private const string Suffix = " once Pulumi appends '-' and 7 random characters (the stack counted as 'staging')";
    private const string MakeArgs = "    static Aws.LB.LoadBalancerArgs MakeArgs() => new();";
    private const string LoadBalancer = "a load balancer name (Pulumi.Aws.LB.LoadBalancer)";


    [Fact]
    public async Task DerivedNameOverTheLimit_IsReported_WithTheLongestEnvironment()
    {
        var test = Create(InMethod(members: MakeArgs, body: """
                    new Aws.LB.LoadBalancer({|#0:$"sophia-{stack}-lb-public-frontend"|});
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-web");
                    new Aws.LB.LoadBalancer($"{Deployment.Instance.ProjectName}-{stack}-lb-edge");
                    new Aws.LB.LoadBalancer({|#1:$"{Deployment.Instance.ProjectName}-{stack}-lb-public-front"|});
            """));
        test.ExpectedDiagnostics.Add(TooLong(0, "Resource name 'sophia-{stack}-lb-public-frontend'", "41", Suffix, 32, LoadBalancer));
        test.ExpectedDiagnostics.Add(TooLong(1, "Resource name '{project}-{stack}-lb-public-front'", "38", Suffix, 32, LoadBalancer));
        await test.RunAsync();
    }

    [Fact]
    public async Task EnvironmentsOption_ChangesWhatTheStackCountsAs()
    {
        var test = Create(InMethod(members: MakeArgs, body: """
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-edge-web");
                    new Aws.LB.LoadBalancer({|#0:$"sophia-{stack}-lb-public-front"|});
            """)).WithOptions("sophia_infra.sia1004.environments = dev,prod");
        test.ExpectedDiagnostics.Add(TooLong(0, "Resource name 'sophia-{stack}-lb-public-front'", "35",
            " once Pulumi appends '-' and 7 random characters (the stack counted as 'prod')", 32, LoadBalancer));
        await test.RunAsync();

        // With the default environments (staging is the longest), the first name is too long as well.
        var defaults = Create(InMethod(members: MakeArgs, body: """
                    new Aws.LB.LoadBalancer({|#0:$"sophia-{stack}-lb-edge-web"|});
            """)).WithOptions("sophia_infra.environments = Not Valid");
        defaults.ExpectedDiagnostics.Add(TooLong(0, "Resource name 'sophia-{stack}-lb-edge-web'", "34", Suffix, 32, LoadBalancer));
        await defaults.RunAsync();
    }

    [Fact]
    public async Task ExplicitPhysicalName_IsCheckedAsWritten_AndPrefixesOrUnknownArgsAreSilent()
    {
        var test = Create(InMethod(members: MakeArgs, body: """
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-web", new() { Name = {|#0:"sophia-production-load-balancer-edge"|} });
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-public-frontend-a", new() { Name = "sophia-edge" });
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-public-frontend-b", new() { NamePrefix = "edge" });
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-public-frontend-c", MakeArgs());
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-x", new() { BucketName = {|#1:$"{stack}-0123456789012345678901234567890123456789012345678901234567"|} });
            """));
        test.ExpectedDiagnostics.Add(TooLong(0, "Physical name 'sophia-production-load-balancer-edge' (Name)", "36", string.Empty, 32, LoadBalancer));
        test.ExpectedDiagnostics.Add(TooLong(1, "Physical name '{stack}-0123456789012345678901234567890123456789012345678901234567' (BucketName)", "66",
            " with the stack counted as 'staging'", 63, "an S3 bucket name (Pulumi.Aws.S3.Bucket)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PartlyKnownName_IsReportedWhenItsKnownPartIsAlreadyTooLong()
    {
        var test = Create(InMethod(members: MakeArgs, body: """
                    new Aws.S3.Bucket({|#0:$"sophia-{stack}-bucket-{purpose}-artifacts-for-the-continuous-delivery"|});
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-{purpose}-artifacts");
                    new Aws.Iam.Role({|#1:$"sophia-{stack}-role-{purpose}-continuous-delivery-pipeline-deployer"|}, new() { AssumeRolePolicy = "{}" });
            """));
        test.ExpectedDiagnostics.Add(TooLong(0, "Resource name 'sophia-{stack}-bucket-{purpose}-artifacts-for-the-continuous-delivery'", "at least 68", Suffix, 63,
            "an S3 bucket name (Pulumi.Aws.S3.Bucket)"));
        test.ExpectedDiagnostics.Add(TooLong(1, "Resource name 'sophia-{stack}-role-{purpose}-continuous-delivery-pipeline-deployer'", "at least 66", Suffix, 64,
            "an IAM role name (Pulumi.Aws.Iam.Role)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConditionalName_IsTooLongOnlyWhenEveryBranchIs()
    {
        // design.md (decided edge cases): a conditional is a finding only when every branch is one; measured by its shortest branch.
        var test = Create(InMethod(members: MakeArgs, body: """
                    new Aws.LB.LoadBalancer({|#0:stack == "prod" ? $"sophia-{stack}-lb-public-frontend" : $"sophia-{stack}-lb-public-frontend-v2"|});
                    new Aws.LB.LoadBalancer(stack == "prod" ? $"sophia-{stack}-lb-public-frontend" : $"sophia-{stack}-lb-web");
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-web", new() { Name = {|#1:stack switch { "prod" => "sophia-production-load-balancer-edge", _ => "sophia-development-load-balancer-edge" }|} });
                    new Aws.LB.LoadBalancer($"sophia-{stack}-lb-api", new() { Name = stack switch { "prod" => "sophia-production-load-balancer-edge", _ => config.Require("lb") } });
            """));
        test.ExpectedDiagnostics.Add(TooLong(0, "Resource name 'sophia-{stack}-lb-public-frontend' or 'sophia-{stack}-lb-public-frontend-v2'", "41", Suffix, 32, LoadBalancer));
        test.ExpectedDiagnostics.Add(TooLong(1, "Physical name 'sophia-production-load-balancer-edge' or 'sophia-development-load-balancer-edge' (Name)", "36", string.Empty, 32, LoadBalancer));
        await test.RunAsync();
    }

    [Fact]
    public async Task TypeWithoutLimit_AndUnknownName_AreSilent()
    {
        await Create(InMethod(members: MakeArgs, body: """
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-a-very-long-purpose-that-no-aws-limit-applies-to-at-all-ever");
                    new Aws.LB.LoadBalancer(purpose);
            """)).RunAsync();
    }
}
