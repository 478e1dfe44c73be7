using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Configuration.StackConfigAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Configuration;

/// <summary>SIA1101: Config.Require* keys that a stack file does not set and Pulumi.yaml gives no default.</summary>
public sealed class StackConfigTests
{
    private const string Project = "name: sophia\nruntime: dotnet\n";
    private const string Dev = "config:\n  aws:region: us-west-2\n  sophia:replicas: 1\n  sophia:domain: dev.example.com\n";
    private const string Prod = "config:\n  aws:region: us-west-2\n  sophia:domain: example.com\n";

    private static Verify.Test Test(string source, string project = Project, string? dev = Dev, string? prod = Prod)
    {
        var test = new Verify.Test { TestCode = source };
        if (project is not null)
        {
            test.WithAdditionalFile("/Pulumi.yaml", project);
        }

        if (dev is not null)
        {
            test.WithAdditionalFile("/Pulumi.dev.yaml", dev);
        }

        if (prod is not null)
        {
            test.WithAdditionalFile("/Pulumi.prod.yaml", prod);
        }

        return test;
    }

    private static DiagnosticResult Missing(int location, string key, string file, string stack, bool secret = false) =>
        Verify.Diagnostic(Descriptors.MissingStackConfig).WithLocation(location).WithArguments(key, file, secret ? "--secret " : string.Empty, stack);

    private static string Program(string body) => /* lang=c#-test */ """
        using Pulumi;

        class Program
        {
            static void Main()
            {
        """ + body + """

            }
        }
        """;

    private static async Task RunAsync(Verify.Test test, params DiagnosticResult[] expected)
    {
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    // ------------------------------------------------------------------ several stack files

    [Fact]
    public async Task KeyMissingFromOneStackFile_ReportedOnceNamingThatFileAndTheFullKey()
    {
        var source = Program("""
                    var config = new Config();
                    var replicas = {|#0:config.RequireInt32("replicas")|};
            """);
        await RunAsync(Test(source), Missing(0, "sophia:replicas", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task KeyMissingFromEveryStackFile_ReportedOncePerFile()
    {
        var source = Program("""
                    var config = new Config();
                    var size = {|#0:config.Require("instanceSize")|};
            """);
        await RunAsync(
            Test(source),
            Missing(0, "sophia:instanceSize", "Pulumi.dev.yaml", "dev"),
            Missing(0, "sophia:instanceSize", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ThreeStackFiles_OnlyTheOneWithoutTheKeyIsNamed()
    {
        var source = Program("""
                    var domain = {|#0:new Config().Require("domain")|};
            """);
        var test = Test(source).WithAdditionalFile("/Pulumi.staging.yaml", "config:\n  aws:region: eu-west-1\n");
        await RunAsync(test, Missing(0, "sophia:domain", "Pulumi.staging.yaml", "staging"));
    }

    [Fact]
    public async Task KeyInEveryStackFile_NoDiagnostic()
    {
        await Test(Program("""
                    var config = new Config();
                    var domain = config.Require("domain");
                    var region = new Config("aws").Require("region");
            """)).RunAsync();
    }

    [Fact]
    public async Task LegacyAndBareKeysInTheStackFile_Count()
    {
        await Test(
            Program("""
                    var replicas = new Config().RequireInt32("replicas");
            """),
            prod: "config:\n  sophia:config:replicas: 3\n").RunAsync();
    }

    // ------------------------------------------------------------------ Pulumi.yaml defaults

    [Theory]
    [InlineData("config:\n  replicas:\n    type: integer\n    default: 1\n")]
    [InlineData("config:\n  sophia:replicas:\n    default: 1\n")]
    [InlineData("config:\n  replicas: {default: 1}\n")]
    [InlineData("config:\n  sophia:replicas: {type: integer, default: 1}\n")]
    [InlineData("config:\n  replicas: 1\n")]
    [InlineData("config:\n  sophia:replicas:\n    value: 1\n")]
    public async Task DefaultInPulumiYaml_InEachForm_NoDiagnostic(string config)
    {
        await Test(
            Program("""
                    var replicas = new Config().RequireInt32("replicas");
            """),
            project: Project + config).RunAsync();
    }

    [Fact]
    public async Task ProviderKeyWithPlainValueInPulumiYaml_NoDiagnostic()
    {
        await Test(
            Program("""
                    var zone = new Config("aws").Require("defaultZone");
            """),
            project: Project + "config:\n  aws:defaultZone: us-west-2a\n").RunAsync();
    }

    [Fact]
    public async Task DeclaredInPulumiYamlWithoutDefault_StillReported()
    {
        var source = Program("""
                    var replicas = {|#0:new Config().RequireInt32("replicas")|};
            """);
        await RunAsync(
            Test(source, project: Project + "config:\n  replicas:\n    type: integer\n"),
            Missing(0, "sophia:replicas", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task DefaultOfAnotherNamespace_DoesNotCount()
    {
        var source = Program("""
                    var replicas = {|#0:new Config("other").RequireInt32("replicas")|};
            """);
        await RunAsync(
            Test(source, project: Project + "config:\n  replicas: 1\n"),
            Missing(0, "other:replicas", "Pulumi.dev.yaml", "dev"),
            Missing(0, "other:replicas", "Pulumi.prod.yaml", "prod"));
    }

    // ------------------------------------------------------------------ namespaces

    [Fact]
    public async Task NamedConfig_ReadsItsNamespace()
    {
        var source = Program("""
                    var aws = new Config("aws");
                    var region = aws.Require("region");
                    var profile = {|#0:aws.Require("profile")|};
            """);
        await RunAsync(
            Test(source),
            Missing(0, "aws:profile", "Pulumi.dev.yaml", "dev"),
            Missing(0, "aws:profile", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ProjectConfigWithQualifiedKey_IsFormedAsPulumiFormsIt()
    {
        // Pulumi forms "<namespace>:<key>": new Config().Require("aws:region") reads sophia:aws:region.
        var source = Program("""
                    var region = {|#0:new Config().Require("aws:region")|};
            """);
        await RunAsync(
            Test(source),
            Missing(0, "sophia:aws:region", "Pulumi.dev.yaml", "dev"),
            Missing(0, "sophia:aws:region", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ConfigSuffixOfTheName_IsDropped()
    {
        await Test(Program("""
                    var region = new Config("aws:config").Require("region");
            """)).RunAsync();
    }

    [Fact]
    public async Task NullName_IsTheProject()
    {
        var source = Program("""
                    var size = {|#0:new Config(null).Require("size")|};
            """);
        await RunAsync(
            Test(source),
            Missing(0, "sophia:size", "Pulumi.dev.yaml", "dev"),
            Missing(0, "sophia:size", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task NoPulumiYaml_ProjectFromTheOption()
    {
        var source = Program("""
                    var size = {|#0:new Config().Require("size")|};
            """);
        var test = Test(source, project: null!).WithOptions("sophia_infra.project = shop");
        await RunAsync(
            test,
            Missing(0, "shop:size", "Pulumi.dev.yaml", "dev"),
            Missing(0, "shop:size", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task NoProjectName_ProjectReadsAreSilent_NamedOnesAreChecked()
    {
        var source = Program("""
                    var size = new Config().Require("size");
                    var profile = {|#0:new Config("aws").Require("profile")|};
            """);
        await RunAsync(
            Test(source, project: null!),
            Missing(0, "aws:profile", "Pulumi.dev.yaml", "dev"),
            Missing(0, "aws:profile", "Pulumi.prod.yaml", "prod"));
    }

    // ------------------------------------------------------------------ Config passed around

    [Fact]
    public async Task ConfigInFieldAndProperty_IsFollowed()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;

            class Infra
            {
                private static readonly Config Aws = new Config("aws");
                private Config Project { get; } = new();

                void M()
                {
                    var a = {|#0:Aws.Require("profile")|};
                    var b = {|#1:Project.Require("size")|};
                }
            }
            """;
        await RunAsync(
            Test(source),
            Missing(0, "aws:profile", "Pulumi.dev.yaml", "dev"),
            Missing(0, "aws:profile", "Pulumi.prod.yaml", "prod"),
            Missing(1, "sophia:size", "Pulumi.dev.yaml", "dev"),
            Missing(1, "sophia:size", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ConfigPassedToAMethodInAnotherFile_IsFollowedToTheCallSite()
    {
        var helper = /* lang=c#-test */ """
            using Pulumi;

            static class K3s
            {
                public static void Create(Config config)
                {
                    var size = {|#0:config.Require("instanceSize")|};
                    var domain = config.Require("domain");
                }
            }
            """;
        var test = Test(Program("""
                    var config = new Config();
                    K3s.Create(config);
            """));
        test.TestState.Sources.Add(("/0/K3s.cs", helper));
        await RunAsync(
            test,
            Missing(0, "sophia:instanceSize", "Pulumi.dev.yaml", "dev"),
            Missing(0, "sophia:instanceSize", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ConfigThroughAConstructorParameterAndAField_IsFollowed()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;

            class Network
            {
                private readonly Config _config;

                public Network(Config config)
                {
                    _config = config;
                }

                public void Build()
                {
                    var cidr = {|#0:_config.Require("vpcCidr")|};
                }
            }

            class Program
            {
                static void Main() => new Network(new Config("net")).Build();
            }
            """;
        await RunAsync(
            Test(source),
            Missing(0, "net:vpcCidr", "Pulumi.dev.yaml", "dev"),
            Missing(0, "net:vpcCidr", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ParameterPassedOn_AndCalledWithTwoNamespaces_EachIsChecked()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;

            class Program
            {
                static void Read(Config config) => _ = {|#0:config.Require("region")|};

                static void Forward(Config config) => Read(config);

                static void Main()
                {
                    Forward(new Config("aws"));
                    Read(new Config("gcp"));
                }
            }
            """;
        await RunAsync(
            Test(source),
            Missing(0, "gcp:region", "Pulumi.dev.yaml", "dev"),
            Missing(0, "gcp:region", "Pulumi.prod.yaml", "prod"));
    }

    [Fact]
    public async Task ParameterWithAnUnknownCallSite_IsSilent()
    {
        await Test(/* lang=c#-test */ """
            using Pulumi;

            class Program
            {
                static void Read(Config config) => _ = config.Require("region");

                static Config Make() => new Config("gcp");

                static void Main()
                {
                    Read(new Config("gcp"));
                    Read(Make());
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task ParameterNeverCalled_IsSilent()
    {
        await Test(/* lang=c#-test */ """
            using Pulumi;

            public static class Library
            {
                public static string Read(Config config) => config.Require("missing");
            }
            """).RunAsync();
    }

    [Fact]
    public async Task ConfigInAFieldDeclaredInAnotherFile_IsReadFromItsSyntax()
    {
        var settings = /* lang=c#-test */ """
            using Pulumi;

            static partial class Settings
            {
                internal static readonly Config Aws = new Config("aws");
            }
            """;
        var test = Test(Program("""
                    var zone = {|#0:Settings.Aws.Require("zone")|};
            """));
        test.TestState.Sources.Add(("/0/Settings.cs", settings));
        await RunAsync(
            test,
            Missing(0, "aws:zone", "Pulumi.dev.yaml", "dev"),
            Missing(0, "aws:zone", "Pulumi.prod.yaml", "prod"));
    }

    // ------------------------------------------------------------------ which reads

    [Theory]
    [InlineData("Require", false)]
    [InlineData("RequireSecret", true)]
    [InlineData("RequireBoolean", false)]
    [InlineData("RequireSecretBoolean", true)]
    [InlineData("RequireInt32", false)]
    [InlineData("RequireSecretInt32", true)]
    [InlineData("RequireDouble", false)]
    [InlineData("RequireSecretDouble", true)]
    [InlineData("RequireObject<int[]>", false)]
    [InlineData("RequireSecretObject<int[]>", true)]
    public async Task EveryRequireVariant_IsChecked(string method, bool secret)
    {
        var source = Program($$"""
                    var value = {|#0:new Config().{{method}}("dbPassword")|};
            """);
        await RunAsync(
            Test(source),
            Missing(0, "sophia:dbPassword", "Pulumi.dev.yaml", "dev", secret),
            Missing(0, "sophia:dbPassword", "Pulumi.prod.yaml", "prod", secret));
    }

    [Theory]
    [InlineData("Get")]
    [InlineData("GetSecret")]
    [InlineData("GetInt32")]
    [InlineData("GetBoolean")]
    [InlineData("GetObject<int[]>")]
    public async Task GetReads_AreOptional_NoDiagnostic(string method)
    {
        await Test(Program($$"""
                    var value = new Config().{{method}}("missing");
            """)).RunAsync();
    }

    [Fact]
    public async Task KeyThatIsNotAKnownString_IsSilent()
    {
        await Test(/* lang=c#-test */ """
            using Pulumi;

            class Program
            {
                static string Read(Config config, string key) => config.Require(key);

                static void Main(string[] args)
                {
                    var config = new Config();
                    _ = config.Require(args[0]);
                    _ = Read(config, "x");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task KeyFromAConstantOrInterpolation_IsResolved()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;

            class Program
            {
                private const string Prefix = "db";

                static void Main()
                {
                    var config = new Config();
                    var user = {|#0:config.Require($"{Prefix}User")|};
                }
            }
            """;
        await RunAsync(
            Test(source),
            Missing(0, "sophia:dbUser", "Pulumi.dev.yaml", "dev"),
            Missing(0, "sophia:dbUser", "Pulumi.prod.yaml", "prod"));
    }

    // ------------------------------------------------------------------ files

    [Fact]
    public async Task NoStackFiles_Silent()
    {
        await Test(
            Program("""
                    var size = new Config().Require("size");
            """),
            dev: null,
            prod: null).RunAsync();
    }

    [Fact]
    public async Task StackFileThatCannotBeRead_IsSkipped()
    {
        var source = Program("""
                    var size = {|#0:new Config().Require("size")|};
            """);
        await RunAsync(
            Test(source, prod: "config:\n  sophia:size: \"unterminated\n"),
            Missing(0, "sophia:size", "Pulumi.dev.yaml", "dev"));
    }

    [Fact]
    public async Task PulumiYamlThatCannotBeRead_NothingIsReported()
    {
        // Its defaults are unknown until the SIA0001 in it is fixed (aws:profile is in no stack file).
        await Test(
            Program("""
                    var profile = new Config("aws").Require("profile");
            """),
            project: "name: sophia\nconfig:\n  size: \"unterminated\n").RunAsync();
    }

    [Fact]
    public async Task StackFilesOfAnotherFolder_AreNotThisProjects()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    var size = {|#0:new Config().Require("size")|};
            """),
        }
            .WithAdditionalFile("/infra/Pulumi.yaml", Project)
            .WithAdditionalFile("/infra/Pulumi.dev.yaml", "config:\n  sophia:other: x\n")
            .WithAdditionalFile("/elsewhere/Pulumi.prod.yaml", "config:\n  sophia:other: x\n");
        await RunAsync(test, Missing(0, "sophia:size", "Pulumi.dev.yaml", "dev"));
    }

    // ------------------------------------------------------------------ not Pulumi

    [Fact]
    public async Task LookAlikeConfigType_NoDiagnostic()
    {
        await Test(/* lang=c#-test */ """
            namespace Acme
            {
                class Config
                {
                    public string Require(string key) => key;
                }

                class Program
                {
                    static void Main() => _ = new Config().Require("size");
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await Test(/* lang=c#-test */ """
            class Config
            {
                public string Require(string key) => key;
            }

            class Program
            {
                static void Main() => _ = new Config().Require("size");
            }
            """).WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var test = Test(/* lang=c#-test */ """
            using Pulumi;

            class Program
            {
                static void Main()
                {
                    var config = new Config();
                    _ = config.Require(key: {|CS0103:undefinedKey|});
                    _ = config.{|CS1061:Requir|}("x");
                    _ = {|CS0103:missing|}.Require("y");
                }
            }
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        await test.RunAsync();
    }
}
