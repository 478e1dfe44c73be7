using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>SIA1001: {project}-{environment}-{resource-type}-{purpose}.</summary>
public sealed class NamingPatternTests
{
    private const string StackType = "Pulumi.Aws.Ec2.Instance";


    [Fact]
    public async Task CompliantNames_NoDiagnostic()
    {
        await Create(InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent-system");
                    new Aws.S3.BucketServerSideEncryptionConfiguration($"sophia-{stack}-bucket-sse-artifacts", new() { Bucket = "b" });
                    new Aws.Iam.Role($"sophia-{Deployment.Instance.StackName}-role-policy-reader", new() { AssumeRolePolicy = "{}" });
                    new Aws.Iam.RolePolicyAttachment($"sophia-{stack}-role-policy-attachment-ssm", new() { Role = "r", PolicyArn = "arn" });
                    new Aws.Iam.InstanceProfile($"sophia-{stack}-instance-profile-agent");
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-shard-{purpose}");
                    new Aws.Ec2.Instance($"{Deployment.Instance.ProjectName}-{stack}-vm-worker");
                    new Aws.Ec2.Instance("sophia-" + stack + "-vm-" + 2);
                    new Aws.Ec2.Instance(string.Join("-", "sophia", stack, "vm", "joined"));
                    new Aws.Ec2.Instance(string.Format("sophia-{0}-vm-{1}", stack, "formatted"));
            """)).RunAsync();
    }

    [Fact]
    public async Task WrongResourceType_IsReported_WithSegmentFoundAndExpected()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-server-agent"|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-server-agent",
            "resource-type segment is 'server'; 'Pulumi.Aws.Ec2.Instance' expects 'vm'", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WrongProject_IsReported()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"myapp-{stack}-vm-agent"|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "myapp-{stack}-vm-agent", "project segment is 'myapp'; expected 'sophia'", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingPurpose_IsReported_AndMainIsProposed()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-vm"|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-vm", "purpose segment is missing", "sophia-{stack}-vm-main"));
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingEnvironment_IsReported()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:"sophia-vm-agent"|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-vm-agent",
            "environment segment is missing; expected the stack name (Deployment.Instance.StackName)", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingResourceType_IsReported()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-agent"|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-agent",
            "resource-type segment is missing; 'Pulumi.Aws.Ec2.Instance' expects 'vm' before the purpose 'agent'", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UpperCaseAndForeignCharacters_AreReported()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"Sophia-{stack}-VM_Agent"|});
                    new Aws.Ec2.Instance({|#1:$"sophia-{stack}-vm--agent-"|});
                    new Aws.Ec2.Instance({|#2:""|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "Sophia-{stack}-VM_Agent",
            "1) 'Sophia', 'VM_Agent' have upper case letters; 2) '_' is not allowed (only a-z, 0-9 and '-')", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(1, "sophia-{stack}-vm--agent-", "1) '--' leaves an empty segment; 2) it ends with '-'", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(2, "", "the name is empty", "sophia-{stack}-vm-main"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SeveralFaults_AreNumbered()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"MyApp-{stack}-server"|});
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "MyApp-{stack}-server",
            "1) 'MyApp' has upper case letters; 2) project segment is 'my-app'; expected 'sophia'; 3) resource-type segment is missing; 'Pulumi.Aws.Ec2.Instance' expects 'vm' before the purpose 'server'",
            "sophia-{stack}-vm-server"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConstantAndConcatenation_AreFollowed()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:Project + "-" + stack + "-vm-agent"|});
                    var name = Project + "-" + stack + "-" + Type + "-agent";
                    new Aws.Ec2.Instance({|#1:name|});
            """, """
                const string Project = "myapp";
                private const string Type = "server";
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "myapp-{stack}-vm-agent", "project segment is 'myapp'; expected 'sophia'", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(1, "myapp-{stack}-server-agent",
            "1) project segment is 'myapp'; expected 'sophia'; 2) resource-type segment is 'server'; 'Pulumi.Aws.Ec2.Instance' expects 'vm'", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task HelperMethods_AreFollowedOneLevel()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance(Naming.Of("vm", "agent"));
                    new Aws.Ec2.Instance({|#0:Naming.Of("server", "agent")|});
                    var ctx = new NameContext();
                    new Aws.Ec2.Instance(ctx.Name("vm", "worker"));
                    new Aws.Ec2.Instance({|#1:ctx.Name("vm", "")|});
                    new Aws.Ec2.Instance(Other.Name("vm", "db"));
                    new Aws.Ec2.Instance({|#2:Other.Name("vms", "agent")|});
            """) + /* lang=c#-test */ """

            static class Naming
            {
                public static string Of(string type, string purpose) => $"sophia-{Deployment.Instance.StackName}-{type}-{purpose}";
            }

            class NameContext
            {
                private readonly string _stack = Deployment.Instance.StackName;

                public string Name(string type, string purpose)
                {
                    return $"sophia-{_stack}-{type}-{purpose}";
                }
            }
            """);
        test.TestState.Sources.Add(("/0/Other.cs", /* lang=c#-test */ """
            static class Other
            {
                public static string Name(string type, string purpose) => "sophia-" + Pulumi.Deployment.Instance.StackName + "-" + type + "-" + purpose;
            }
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-server-agent",
            "resource-type segment is 'server'; 'Pulumi.Aws.Ec2.Instance' expects 'vm'", "sophia-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(1, "sophia-{stack}-vm-", "1) it ends with '-'; 2) purpose segment is missing", "sophia-{stack}-vm-main"));
        test.ExpectedDiagnostics.Add(Pattern(2, "sophia-{stack}-vms-agent",
            "resource-type segment is 'vms'; 'Pulumi.Aws.Ec2.Instance' expects 'vm'", "sophia-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task NamesFromConfigAndParameters_AreSilent()
    {
        await Create(InMethod("""
                    new Aws.Ec2.Instance(config.Require("vmName"));
                    new Aws.Ec2.Instance($"{config.Require("prefix")}-vm");
                    new Aws.Ec2.Instance(purpose);
                    new Aws.Ec2.Instance($"sophia-{purpose}-vm-agent");
                    new Aws.Ec2.Instance($"sophia-{stack}-{purpose}");
            """)).RunAsync();
    }

    [Fact]
    public async Task PartlyKnownName_IsReportedOnlyWhenNoValueCanComply()
    {
        var test = Create(InMethod("""
                    foreach (var az in new[] { "a", "b" })
                    {
                        new Aws.Ec2.Instance({|#0:$"eks-node-{az}"|});
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-{az}");
                        new Aws.Ec2.Instance($"sophia-{az}-vm-agent");
                        new Aws.Ec2.Instance({|#1:$"sophia-{stack}-node-{az}"|});
                    }
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "eks-node-{az}", "project segment is 'eks'; expected 'sophia'", "sophia-{stack}-vm-eks-node-{az}"));
        test.ExpectedDiagnostics.Add(Pattern(1, "sophia-{stack}-node-{az}",
            "resource-type segment is 'node'; 'Pulumi.Aws.Ec2.Instance' expects 'vm'", "sophia-{stack}-vm-{az}"));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoKnownProject_AnyLowerCaseTokenIsTheProject()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance($"myapp-{stack}-vm-agent");
                    new Aws.Ec2.Instance($"my-app-{stack}-vm-agent");
                    new Aws.Ec2.Instance({|#0:$"{stack}-vm-agent"|});
                    new Aws.Ec2.Instance({|#1:$"myapp-{stack}-server-agent"|});
            """), project: null);
        test.ExpectedDiagnostics.Add(Pattern(0, "{stack}-vm-agent", "project segment is missing; expected the project name", "{project}-{stack}-vm-agent"));
        test.ExpectedDiagnostics.Add(Pattern(1, "myapp-{stack}-server-agent",
            "resource-type segment is 'server'; 'Pulumi.Aws.Ec2.Instance' expects 'vm'", "myapp-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ProjectOption_OverridesPulumiYaml_AndInvalidOptionFallsBack()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-vm-agent"|});
                    new Aws.Ec2.Instance($"platform-{stack}-vm-agent");
            """)).WithOptions("sophia_infra.project = platform");
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-vm-agent", "project segment is 'sophia'; expected 'platform'", "platform-{stack}-vm-agent"));
        await test.RunAsync();

        await Create(InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
            """)).WithOptions("sophia_infra.project = Not A Token").RunAsync();
    }

    [Fact]
    public async Task ResourceTypeOption_OverridesTheTable_AndInvalidValueFallsBack()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-server-agent");
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-vm-agent"|});
            """)).WithOptions("sophia_infra.resource_type.Pulumi.Aws.Ec2.Instance = server");
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-vm-agent", "resource-type segment is 'vm'; 'Pulumi.Aws.Ec2.Instance' expects 'server'", "sophia-{stack}-server-agent"));
        await test.RunAsync();

        await Create(InMethod("""
                    new Aws.Ec2.Instance($"sophia-{stack}-vm-agent");
            """)).WithOptions("sophia_infra.resource_type.Pulumi.Aws.Ec2.Instance = Server!").RunAsync();
    }

    [Fact]
    public async Task PulumiYamlName_IsTheProject_LowerKebabCased()
    {
        var test = Create(InMethod("""
                    new Aws.Ec2.Instance($"sophia-infra-{stack}-vm-agent");
                    new Aws.Ec2.Instance({|#0:$"sophia-{stack}-vm-agent"|});
            """), project: "SophiaInfra");
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-vm-agent", "project segment is 'sophia'; expected 'sophia-infra'", "sophia-infra-{stack}-vm-agent"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UserComponent_UsesTheKebabCaseOfItsTypeName()
    {
        var test = Create(InMethod("""
                    new WebServer($"sophia-{stack}-web-server-frontend");
                    new WebServer({|#0:$"sophia-{stack}-web-frontend"|});
            """) + /* lang=c#-test */ """

            class WebServer : ComponentResource
            {
                public WebServer(string name, ComponentResourceOptions? options = null)
                    : base("sophia:index:WebServer", name, options)
                {
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-web-frontend", "resource-type segment is 'web'; 'WebServer' expects 'web-server'", "sophia-{stack}-web-server-frontend"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ProviderAndCrossFileStackLocal_AreUnderstood()
    {
        var test = Create(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Infra
            {
                void Create()
                {
                    new Aws.Provider($"sophia-{Names.Stack}-provider-us-east-1");
                    new Aws.Provider({|#0:$"sophia-{Names.Stack}-aws-us-east-1"|});
                }
            }
            """);
        test.TestState.Sources.Add(("/0/Names.cs", /* lang=c#-test */ """
            static class Names
            {
                public static readonly string Stack = Pulumi.Deployment.Instance.StackName;
            }
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "sophia-{stack}-aws-us-east-1", "resource-type segment is 'aws'; 'Pulumi.Aws.Provider' expects 'provider'", "sophia-{stack}-provider-us-east-1"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeNonPulumiType_NoDiagnostic()
    {
        await Create(/* lang=c#-test */ """
            namespace Fake.Aws.Ec2
            {
                class Instance
                {
                    public Instance(string name) { }
                }

                class Infra
                {
                    void Create() => new Instance("Not A Pattern");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        var test = Create(/* lang=c#-test */ """
            class Resource
            {
                public Resource(string name) { }
            }

            class Infra
            {
                void Create() => new Resource("Not A Pattern");
            }
            """);
        test.TestState.AdditionalReferences.Clear();
        await test.RunAsync();
    }

    [Theory]
    [InlineData("new Aws.Ec2.Instance(")]
    [InlineData("new Aws.Ec2.Instance()")]
    [InlineData("new Aws.Ec2.Instance(42)")]
    [InlineData("new Aws.Ec2.Instance($\"sophia-{undefined}-vm\")")]
    [InlineData("new Aws.Ec2.Instance(name: )")]
    [InlineData("new Aws.Ec2.Instance(\"sophia-\" + )")]
    [InlineData("new Aws.Ec2.Instance($\"sophia-{stack}-vm-{\")")]
    [InlineData("new Aws.LB.LoadBalancer(\"x\", new() { Name = })")]
    [InlineData("foreach (var x in) new Aws.Ec2.Instance(\"x\")")]
    public async Task IncompleteCode_NeverThrows(string statement)
    {
        var test = Create(InMethod("        " + statement + ";"));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        var result = await Record.ExceptionAsync(() => test.RunAsync());

        // Whatever the analyzer says about broken code, it must not crash (AD0001 would be reported as a diagnostic).
        Assert.True(result is null || !result.Message.Contains("AD0001"), result?.Message);
    }
}
