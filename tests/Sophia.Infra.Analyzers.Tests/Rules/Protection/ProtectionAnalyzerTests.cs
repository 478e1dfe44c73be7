using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Protection;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Protection.ProtectionSources;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Protection.ProtectionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Protection.ProtectionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Protection;

/// <summary>SIA2001: what is reported and what is not.</summary>
public sealed class ProtectionAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(source, expected);

    /// <summary>The finding at markup location <paramref name="location"/>, with its message arguments.</summary>
    private static DiagnosticResult Expected(int location, string name, string type, string reason, string production = "prod") =>
        Verify.Diagnostic(Descriptors.ProductionNotProtected).WithLocation(location).WithArguments(name, type, reason, production);

    // ------------------------------------------------------------------ what is missing

    [Fact]
    public async Task NoOptions_ReportedAtCreationWithNameTypeAndReason()
    {
        var source = Program("""
                    var db = {|#0:new Aws.Rds.Instance($"sophia-{stack}-db-main", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" })|};
            """);
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-db-main", "Pulumi.Aws.Rds.Instance", "it is created without options, so Protect is not set"));
    }

    [Fact]
    public async Task OptionsWithoutProtect_ReportedAtCreation()
    {
        var source = Program("""
                    var db = {|#0:new Aws.Rds.Instance($"sophia-{stack}-db-main", new Aws.Rds.InstanceArgs(), new CustomResourceOptions { DeleteBeforeReplace = true })|};
            """);
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-db-main", "Pulumi.Aws.Rds.Instance", "its options do not set Protect"));
    }

    [Fact]
    public async Task EmptyOptions_Reported()
    {
        await VerifyAsync(Program("""
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions())|];
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-logs", null, new())|];
            """));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("default")]
    [InlineData("(CustomResourceOptions?)null")]
    public async Task NullOptions_ReportedAtCreation(string options)
    {
        var source = Program($$"""
                    {|#0:new Aws.S3.Bucket("sophia-" + stack + "-bucket-data", new Aws.S3.BucketArgs(), {{options}})|};
            """);
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-bucket-data", "Pulumi.Aws.S3.Bucket", "its options are null, so Protect is not set"));
    }

    [Fact]
    public async Task NullOptionsThroughLocal_Reported()
    {
        await VerifyAsync(Program("""
                    CustomResourceOptions? none = null;
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, none)|];
            """));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("!true")]
    [InlineData("Off")]
    [InlineData("(false)")]
    public async Task ProtectFalse_ReportedAtValue(string value)
    {
        var source = /* lang=c#-test */ $$"""
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                private const bool Off = false;

                public static void Create()
                {
                    var stack = Deployment.Instance.StackName;
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { Protect = {|#0:{{value}}|} });
                }
            }
            """;
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-bucket-data", "Pulumi.Aws.S3.Bucket", "Protect is false"));
    }

    [Theory]
    [InlineData("stack == \"dev\"")]
    [InlineData("\"dev\" == stack")]
    [InlineData("stack != \"prod\"")]
    [InlineData("stack.Equals(\"dev\")")]
    [InlineData("\"staging\".Equals(stack)")]
    [InlineData("string.Equals(stack, \"dev\")")]
    [InlineData("string.Equals(stack, \"PROD\", StringComparison.Ordinal)")]
    [InlineData("stack is \"dev\"")]
    [InlineData("stack is \"dev\" or \"staging\"")]
    [InlineData("stack is not \"prod\"")]
    [InlineData("Deployment.Instance.StackName == \"dev\"")]
    [InlineData("stack == \"dev\" || stack == \"staging\"")]
    [InlineData("stack == \"dev\" && flag")]
    [InlineData("!(stack == \"prod\")")]
    [InlineData("stack == \"prod\" ? false : true")]
    [InlineData("stack == \"dev\" ? true : false")]
    public async Task ProtectBoundToNonProductionStack_ReportedAtValue(string value)
    {
        var source = Program($$"""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { Protect = {|#0:{{value}}|} });
            """);
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-bucket-data", "Pulumi.Aws.S3.Bucket", $"Protect = {value} is false in the production stack 'prod'"));
    }

    // ------------------------------------------------------------------ what is fine

    [Theory]
    [InlineData("true")]
    [InlineData("stack == \"prod\"")]
    [InlineData("\"prod\" == stack")]
    [InlineData("stack != \"dev\"")]
    [InlineData("stack.Equals(\"prod\")")]
    [InlineData("string.Equals(stack, \"PROD\", StringComparison.OrdinalIgnoreCase)")]
    [InlineData("stack is \"prod\"")]
    [InlineData("stack is \"dev\" or \"prod\"")]
    [InlineData("stack is not \"dev\"")]
    [InlineData("stack == \"dev\" || stack == \"prod\"")]
    [InlineData("stack == \"prod\" && flag")]
    [InlineData("stack.StartsWith(\"prod\")")]
    [InlineData("flag")]
    [InlineData("config.GetBoolean(\"protect\") ?? true")]
    [InlineData("stack == config.Require(\"productionStack\")")]
    [InlineData("Deployment.Instance.StackName == \"prod\"")]
    [InlineData("flag ? true : stack == \"prod\"")]
    public async Task ProtectTrueInProductionOrUnprovable_NotReported(string value)
    {
        await VerifyAsync(Program($$"""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { Protect = {{value}} });
            """));
    }

    [Fact]
    public async Task IsProdLocal_Followed()
    {
        await VerifyAsync(Program("""
                    var isProd = stack == "prod";
                    var isDev = stack == "dev";
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { Protect = isProd });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-logs", null, new CustomResourceOptions { Protect = [|isDev|] });
            """));
    }

    [Fact]
    public async Task StackNameParameter_IsNotProvablyTheStack_NotReported()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                public static void Create(string stack)
                {
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-data", null, new CustomResourceOptions { Protect = stack == "dev" });
                }
            }
            """);
    }

    // ------------------------------------------------------------------ options held elsewhere

    [Fact]
    public async Task OptionsInLocal_FollowedAndReportedAtTheArgument()
    {
        var source = Program("""
                    var isProd = stack == "prod";
                    var protect = new CustomResourceOptions { Protect = isProd };
                    var unprotected = new CustomResourceOptions { DeleteBeforeReplace = true };
                    var wrong = new CustomResourceOptions { Protect = false };
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, protect);
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, {|#0:unprotected|});
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-c", null, {|#1:wrong|});
            """);
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-bucket-b", "Pulumi.Aws.S3.Bucket", "its options do not set Protect"),
            Expected(1, "sophia-{stack}-bucket-c", "Pulumi.Aws.S3.Bucket", "Protect is false"));
    }

    [Fact]
    public async Task OptionsInReadonlyField_Followed()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public sealed class Infra
            {
                private static readonly CustomResourceOptions Protected = new() { Protect = Deployment.Instance.StackName == "prod" };
                private static readonly CustomResourceOptions DevOnly = new() { Protect = Deployment.Instance.StackName == "dev" };

                public static void Create()
                {
                    new Aws.S3.Bucket("sophia-bucket-a", null, Protected);
                    new Aws.S3.Bucket("sophia-bucket-b", null, [|DevOnly|]);
                }
            }
            """);
    }

    [Fact]
    public async Task OptionsAndFlagsInAnotherFile_AreFollowed_AndReportedAtTheirUse()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Defaults.cs", /* lang=c#-test */ """
            using Pulumi;

            public static class Defaults
            {
                public static readonly bool IsDev = Deployment.Instance.StackName == "dev";
                public static readonly CustomResourceOptions Unprotected = new() { DeleteBeforeReplace = true };
                public static bool IsProd => Deployment.Instance.StackName == "prod";
                public static CustomResourceOptions Protected { get; } = new() { Protect = IsProd };
            }
            """));
        test.TestState.Sources.Add(("/Infra.cs", /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                public static void Create()
                {
                    // Values declared in another file are followed; the finding points at their use here.
                    new Aws.S3.Bucket("sophia-dev-bucket-a", null, [|Defaults.Unprotected|]);
                    new Aws.S3.Bucket("sophia-dev-bucket-b", null, new CustomResourceOptions { Protect = [|Defaults.IsDev|] });
                    [|new Aws.S3.Bucket("sophia-dev-bucket-c", null, new CustomResourceOptions { Parent = null })|];
                    new Aws.S3.Bucket("sophia-dev-bucket-d", null, Defaults.Protected);
                    new Aws.S3.Bucket("sophia-dev-bucket-e", null, new CustomResourceOptions { Protect = Defaults.IsProd });
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionsChangedAfterCreation_NotFollowed()
    {
        await VerifyAsync(Program("""
                    var options = new CustomResourceOptions();
                    options.Protect = stack == "prod";
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, options);
                    var child = new CustomResourceOptions { Protect = false };
                    child.Parent = null;
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, child);
            """));
    }

    [Theory]
    [InlineData("given")]
    [InlineData("Options()")]
    [InlineData("CustomResourceOptions.Merge(given, new CustomResourceOptions { DeleteBeforeReplace = true })")]
    [InlineData("flag ? given : null")]
    [InlineData("given ?? new CustomResourceOptions()")]
    public async Task UnresolvableOptions_NotReported(string options)
    {
        await VerifyAsync(/* lang=c#-test */ $$"""
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                public static void Create(CustomResourceOptions? given, bool flag)
                {
                    new Aws.S3.Bucket("sophia-bucket-a", null, {{options}});
                }

                private static CustomResourceOptions Options() => new() { Protect = true };
            }
            """);
    }

    [Fact]
    public async Task OptionsReassigned_NotFollowed()
    {
        await VerifyAsync(Program("""
                    var options = new CustomResourceOptions();
                    if (flag)
                    {
                        options = new CustomResourceOptions { Protect = true };
                    }

                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, options);
            """));
    }

    // ------------------------------------------------------------------ which resources

    [Fact]
    public async Task ParentSet_NotReported_ButExplicitFalseStillIs()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public sealed class Storage : ComponentResource
            {
                public Storage(string name, ComponentResourceOptions? options = null)
                    : base("sophia:index:Storage", name, options)
                {
                    new Aws.S3.Bucket($"{name}-bucket", null, new CustomResourceOptions { Parent = this });
                    new Aws.S3.Bucket($"{name}-logs", null, new CustomResourceOptions { Parent = this, Protect = [|false|] });
                    [|new Aws.S3.Bucket($"{name}-orphan", null, new CustomResourceOptions { Parent = null })|];
                }
            }
            """);
    }

    [Fact]
    public async Task UserComponent_Reported()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;

            public sealed class Storage : ComponentResource
            {
                public Storage(string name, ComponentResourceOptions? options = null)
                    : base("sophia:index:Storage", name, options)
                {
                }
            }

            public static class Infra
            {
                public static void Create()
                {
                    var stack = Deployment.Instance.StackName;
                    {|#0:new Storage($"sophia-{stack}-storage-main")|};
                    new Storage($"sophia-{stack}-storage-logs", new ComponentResourceOptions { Protect = stack == "prod" });
                }
            }
            """;
        await VerifyAsync(
            source,
            Expected(0, "sophia-{stack}-storage-main", "Storage", "it is created without options, so Protect is not set"));
    }

    [Fact]
    public async Task UserComponentWithoutOptionsParameter_NotReported()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using Pulumi;

            public sealed class Storage : ComponentResource
            {
                public Storage(string name)
                    : base("sophia:index:Storage", name, null)
                {
                }
            }

            public static class Infra
            {
                public static void Create() => new Storage("sophia-dev-storage-main");
            }
            """);
    }

    [Fact]
    public async Task ProvidersStacksAndStackReferences_NotReported()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public sealed class MyStack : Stack
            {
                public MyStack()
                {
                    new Aws.Provider("sophia-dev-provider-main", new Aws.ProviderArgs { Region = "eu-west-1" });
                    new StackReference("sophia/network/prod");
                }

                public static MyStack Create() => new MyStack();
            }
            """);
    }

    [Fact]
    public async Task LookAlikeTypes_NotReported()
    {
        await VerifyAsync(/* lang=c#-test */ """
            namespace Fake
            {
                public class CustomResourceOptions { public bool? Protect { get; set; } }
                public class CustomResource { public CustomResource(string name, CustomResourceOptions? options = null) { } }
                public class Bucket : CustomResource { public Bucket(string name, CustomResourceOptions? options = null) : base(name, options) { } }

                public static class Infra
                {
                    public static void Create()
                    {
                        new Bucket("sophia-dev-bucket-data");
                        new Bucket("sophia-dev-bucket-logs", new CustomResourceOptions { Protect = false });
                        _ = Pulumi.Deployment.Instance.StackName;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NothingReported()
    {
        var test = new Verifiers.CSharpAnalyzerVerifier<ProtectionAnalyzer>.Test
        {
            TestCode = /* lang=c#-test */ """
                namespace Pulumi
                {
                    public class CustomResourceOptions { public bool? Protect { get; set; } }
                    public class CustomResource { public CustomResource(string name, CustomResourceOptions? options = null) { } }
                }

                namespace App
                {
                    public sealed class Bucket : Pulumi.CustomResource { public Bucket(string name, Pulumi.CustomResourceOptions? options = null) : base(name, options) { } }

                    public static class Infra
                    {
                        public static void Create() => new Bucket("sophia-dev-bucket-data");
                    }
                }
                """,
        }.WithoutPulumi();
        await test.RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_NoFindingAndNoCrash()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    var a = new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null,
                    var b = new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, new CustomResourceOptions { Protect = });
                    var c = new Aws.S3.Bucket(
            """),
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    // ------------------------------------------------------------------ stack-wide transforms

    [Fact]
    public async Task RunAsyncTransformSettingProtect_SuppressesEveryResource()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/Program.cs", /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Pulumi;

            public static class Program
            {
                public static Task<int> Main() => Deployment.RunAsync(
                    () => Task.FromResult<IDictionary<string, object?>>(Infra.Create()),
                    new StackOptions
                    {
                        ResourceTransforms =
                        {
                            (args, _) =>
                            {
                                var options = args.Options;
                                options.Protect = Deployment.Instance.StackName == "prod";
                                return Task.FromResult<ResourceTransformResult?>(new ResourceTransformResult(args.Args, options));
                            },
                        },
                    });
            }
            """));
        test.TestState.Sources.Add(("/Infra.cs", /* lang=c#-test */ """
            using System.Collections.Generic;
            using Aws = Pulumi.Aws;

            public static class Infra
            {
                public static IDictionary<string, object?> Create()
                {
                    new Aws.S3.Bucket("sophia-dev-bucket-data");
                    return new Dictionary<string, object?>();
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task StackBaseConstructorTransformationSettingProtect_SuppressesEveryResource()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            public sealed class MyStack : Stack
            {
                public MyStack()
                    : base(new() { ResourceTransformations = { Protect } })
                {
                    new Aws.S3.Bucket("sophia-dev-bucket-data");
                }

                private static ResourceTransformationResult? Protect(ResourceTransformationArgs args) =>
                    new ResourceTransformationResult(args.Args, CustomResourceOptions.Merge((CustomResourceOptions)args.Options, new CustomResourceOptions { Protect = true }));
            }
            """);
    }

    [Fact]
    public async Task TransformInvisible_CountsAsSettingProtect()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Program
            {
                public static Task<int> Main(List<ResourceTransform> transforms) => Deployment.RunAsync(
                    () =>
                    {
                        new Aws.S3.Bucket("sophia-dev-bucket-data");
                        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
                    },
                    new StackOptions { ResourceTransforms = transforms });
            }
            """);
    }

    [Theory]
    [InlineData("args.Options.Version = \"1\";")]
    [InlineData("args.Options.Protect = false;")]
    public async Task TransformNotSettingProtect_ResourcesStillReported(string statement)
    {
        await VerifyAsync(/* lang=c#-test */ $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Pulumi;
            using Aws = Pulumi.Aws;

            public static class Program
            {
                public static Task<int> Main() => Deployment.RunAsync(
                    () =>
                    {
                        [|new Aws.S3.Bucket("sophia-dev-bucket-data")|];
                        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
                    },
                    new StackOptions
                    {
                        ResourceTransforms =
                        {
                            Tag,
                        },
                    });

                private static Task<ResourceTransformResult?> Tag(ResourceTransformArgs args, System.Threading.CancellationToken cancellationToken)
                {
                    {{statement}}
                    return Task.FromResult<ResourceTransformResult?>(new ResourceTransformResult(args.Args, args.Options));
                }
            }
            """);
    }

    [Fact]
    public async Task PerResourceTransform_DoesNotSuppressOthers()
    {
        await VerifyAsync(Program("""
                    var options = new CustomResourceOptions
                    {
                        Protect = stack == "prod",
                        ResourceTransformations = { args => new ResourceTransformationResult(args.Args, new CustomResourceOptions { Protect = true }) },
                    };
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, options);
                    [|new Aws.S3.Bucket($"sophia-{stack}-bucket-b")|];
            """));
    }

    // ------------------------------------------------------------------ options

    [Theory]
    [InlineData("sophia_infra.production_stacks = prod,prod-eu")]
    [InlineData("sophia_infra.sia2001.production_stacks = prod-eu, prod")]
    public async Task ProductionStacksOption_AnyProductionStackCounts(string option)
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, new CustomResourceOptions { Protect = stack == "prod-eu" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, new CustomResourceOptions { Protect = stack == "prod" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-c", null, new CustomResourceOptions { Protect = {|#0:stack == "dev"|} });
            """),
        }.WithOptions(option);
        var first = option.Contains("sia2001") ? "prod-eu" : "prod";
        var list = option.Contains("sia2001") ? "'prod-eu', 'prod'" : "'prod', 'prod-eu'";
        test.ExpectedDiagnostics.Add(Expected(0, "sophia-{stack}-bucket-c", "Pulumi.Aws.S3.Bucket", $"Protect = stack == \"dev\" is false in the production stacks {list}", first));
        await test.RunAsync();
    }

    [Fact]
    public async Task ProductionStacksOption_ProdIsNotProductionWhenNotListed()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, new CustomResourceOptions { Protect = stack == "live" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, new CustomResourceOptions { Protect = [|stack == "prod"|] });
            """),
        }.WithOptions("sophia_infra.production_stacks = live");
        await test.RunAsync();
    }

    [Theory]
    [InlineData("sophia_infra.production_stacks = Prod!")]
    [InlineData("sophia_infra.production_stacks =")]
    [InlineData("sophia_infra.production_stacks = prod,,dev")]
    public async Task ProductionStacksOptionInvalid_DefaultUsed(string option)
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-a", null, new CustomResourceOptions { Protect = stack == "prod" });
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-b", null, new CustomResourceOptions { Protect = [|stack == "dev"|] });
            """),
        }.WithOptions(option);
        await test.RunAsync();
    }
}
