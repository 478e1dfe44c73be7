using System.Threading;
using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Secrets.SecretsAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Secrets.HardCodedSecretCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Secrets;

/// <summary>SIA6001: hard-coded secrets, at the literal where they are written, and the RequireSecret fix.</summary>
public sealed class HardCodedSecretTests
{
    private static string Program(string body, string members = "") => /* lang=c#-test */ $$"""
        using System.Collections.Generic;
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
        {{members}}
            static void Create(string stack, Config config)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task ResourceSecretProperties_AreReportedAtTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", Password = {|#0:"hunter2-example"|} });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", MasterPassword = [|"not-a-real-password"|] });
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache", AuthToken = [|"example-auth-token-0000"|] });
                    new Aws.SecretsManager.SecretVersion("secret", new Aws.SecretsManager.SecretVersionArgs { SecretId = "s", SecretString = [|"{\"password\":\"example\"}"|] });
            """),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
                "A hard-coded secret is written into 'Password': read it from secret config with config.RequireSecret(\"password\") (set it with `pulumi config set --secret password`) or from a cloud secret store"));
    }

    [Fact]
    public async Task CompliantSources_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var random = config.RequireSecret("dbPassword");
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", Password = random, Username = "admin" });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { MasterPassword = config.RequireSecret("masterPassword"), ManageMasterUserPassword = false });
                    new Aws.SecretsManager.SecretVersion("secret", new Aws.SecretsManager.SecretVersionArgs { SecretId = "arn:aws:secretsmanager:us-west-2:123456789012:secret:db", SecretString = random });
                    new Aws.SecretsManager.Secret("secret", new Aws.SecretsManager.SecretArgs { Name = "db-password", RecoveryWindowInDays = 7 });
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache", AuthTokenUpdateStrategy = "ROTATE" });
                    new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs { MetadataOptions = new Aws.Ec2.Inputs.InstanceMetadataOptionsArgs { HttpTokens = "required" } });
                    var secretName = "db-password";
                    var passwordLength = "32";
                    var password = "";
                    string? token = null;
                    var privateKeyPath = "/etc/keys/id_rsa";
            """));
    }

    [Fact]
    public async Task ThroughLocalsConstantsAndFields_ReportedOnceAtTheLiteral()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var value = {|#0:"local-value-example"|};
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = value });
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { Password = value });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { MasterPassword = Default });
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "c", AuthToken = Token });
                    new Aws.Rds.Instance("db3", new Aws.Rds.InstanceArgs { Password = DefaultPassword() });
            """,
            """
                const string Default = {|#1:"constant-value-example"|};
                private static readonly string Token = [|"field-value-example"|];
                static string DefaultPassword() => [|"helper-value-example"|];
            """),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
                "A hard-coded secret is written into 'Password': read it from secret config with config.RequireSecret(\"password\") (set it with `pulumi config set --secret password`) or from a cloud secret store"),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(1).WithArguments(
                "A hard-coded secret is written into 'MasterPassword': read it from secret config with config.RequireSecret(\"masterPassword\") (set it with `pulumi config set --secret masterPassword`) or from a cloud secret store"));
    }

    [Fact]
    public async Task SecretNamedLocalsFieldsConstantsAndParameters_ArePlaces()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var dbPassword = {|#0:"example-local"|};
                    string apiKey;
                    apiKey = [|"example-assigned"|];
                    Connect(stack, password: [|"example-argument"|]);
                    var settings = new Settings { ClientSecret = [|"example-property"|] };
                    var json = new { username = "admin", password = [|"example-anonymous"|] };
            """,
            """
                const string GithubToken = [|"example-constant"|];
                private static string _signingSecret = [|"example-field"|];
                static void Connect(string host, string password = [|"example-default"|]) { }
                static string SessionToken => [|"example-getter"|];
                static string RefreshToken { get { return [|"example-block-getter"|]; } }
                static string Region { get { System.Func<string> token = () => "not-a-getter"; return "us-west-2"; } }
                static string Describe(string password) => "a method, not a getter";
                sealed class Settings { public string? ClientSecret { get; set; } public string Region { get; set; } = "us-west-2"; }
            """),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
                "A hard-coded secret is written into local 'dbPassword': read it from secret config with config.RequireSecret(\"dbPassword\") (set it with `pulumi config set --secret dbPassword`) or from a cloud secret store"));
    }

    [Fact]
    public async Task MapEntries_WhoseKeyMarksASecret_ArePlaces()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Lambda.Function("fn", new Aws.Lambda.FunctionArgs
                    {
                        Role = "arn:aws:iam::123456789012:role/fn",
                        Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs
                        {
                            Variables =
                            {
                                ["DB_PASSWORD"] = {|#0:"example-env-password"|},
                                ["DB_HOST"] = "db.internal",
                                ["API_TOKEN"] = [|"example-env-token"|],
                                ["SECRET_NAME"] = "app/db",
                            },
                        },
                        Tags = { { "ApiKey", [|"example-tag"|] }, { "Team", "platform" } },
                    });
                    var env = new Dictionary<string, string> { ["STRIPE_API_KEY"] = [|"example-dictionary"|], ["MODE"] = "live" };
                    env["SLACK_TOKEN"] = [|"example-indexer"|];
                    env.Add("SMTP_PASSWORD", [|"example-add"|]);
                    env.Add("SMTP_HOST", "smtp.example.com");
            """),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
                "A hard-coded secret is written into the map entry [\"DB_PASSWORD\"]: read it from secret config with config.RequireSecret(\"dbPassword\") (set it with `pulumi config set --secret dbPassword`) or from a cloud secret store"));
    }

    [Fact]
    public async Task FallbackOfASecretConfigRead_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var key = {|SIA6002:config.Get("open-api-key")|} ?? {|#0:"CHANGEME"|};
                    var region = config.Get("region") ?? "us-west-2";
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = config.Get("db") ?? [|"fallback-example"|] });
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { Password = stack == "prod" ? config.RequireSecret("dbPassword") : [|"dev-only-example"|] });
            """),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
                "A hard-coded value is the fallback of the secret config key 'open-api-key': remove it and read the key with RequireSecret(\"open-api-key\") (set it with `pulumi config set --secret open-api-key`)"));
    }

    [Fact]
    public async Task BranchesSwitchArmsAndOutputCreate_AreFollowed()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.SecretsManager.SecretVersion("v1", new Aws.SecretsManager.SecretVersionArgs { SecretId = "s", SecretString = Output.CreateSecret([|"example-output"|]) });
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs
                    {
                        Password = stack switch { "prod" => config.RequireSecret("dbPassword"), "dev" => [|"example-dev"|], _ => [|"example-other"|] },
                    });
                    var token = [|"example-" + "concatenated"|];
                    var name = "db" + "-password";
            """));
    }

    [Fact]
    public async Task AccessKeyIds_AreReportedAnywhere()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var id = {|#0:"AKIAIOSFODNN7EXAMPLE"|};
                    var text = [|"aws_access_key_id=ASIAIOSFODNN7EXAMPLE in a longer string"|];
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = [|"AKIAIOSFODNN7EXAMPL2"|] });
                    var notAKey = "AKIAIOSFODNN7EXAMPLEXX";
                    var lower = "akiaiosfodnn7example";
                    var shortOne = "AKIA1234";
                    var mixed = $"id={stack}[| AKIAIOSFODNN7EXAMPLE|]";
            """,
            """
                const string Id = [|"AKIAI44QH8DHBEXAMPLE"|];
            """),
            Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
                "This string holds an AWS access key id (AKIA/ASIA...): never write credentials in code; let the AWS provider take them from the environment or a profile (or read them with config.RequireSecret), and rotate the exposed key"));
    }

    [Fact]
    public async Task ConstantInAnotherFile_IsReportedWhereItIsWritten()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Program("""
                            new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = Defaults.Value });
                            new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { Password = Defaults.Value });
                    """),
                    /* lang=c#-test */ """
                    static class Defaults
                    {
                        public const string Value = [|"cross-file-example"|];
                        public const string Region = "us-west-2";
                    }
                    """,
                },
            },
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PluralNames_MarkASecretToo()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var passwords = new[] { "x" };
                    var tokens = [|"example-tokens"|];
                    new Aws.S3.BucketV2("bucket", new Aws.S3.BucketV2Args { Tags = { ["Secrets"] = [|"example-tag"|], ["SecretNames"] = "app/db" } });
            """,
            """
                static readonly string ApiKeys = [|"example-plural-field"|];
            """));
    }

    [Fact]
    public async Task ReadonlyFieldInAnotherFile_IsReportedWhereItIsWritten()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Program("""
                            new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "c", AuthToken = Shared.Value });
                    """),
                    /* lang=c#-test */ """
                    static class Shared
                    {
                        public static readonly string Value = [|"cross-file-readonly-example"|];
                    }
                    """,
                },
            },
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UnknownAndComposedValues_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var host = config.Require("host");
                    new Aws.SecretsManager.SecretVersion("secret", new Aws.SecretsManager.SecretVersionArgs { SecretId = "s", SecretString = $"{host}:5432" });
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = host });
                    var changing = "first-example";
                    changing = host;
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { Password = changing });
                    var password = Output.Format($"{host}-suffix");
            """));
    }

    [Fact]
    public async Task LookAlikeConfig_FallbackIsNotASecretPlace()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;

            namespace Fake
            {
                sealed class Config { public string? Get(string key) => null; }

                static class Stack
                {
                    static void Create(Config config)
                    {
                        var key = config.Get("open-api-key") ?? "CHANGEME";
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                namespace Pulumi.Aws.Rds
                {
                    public sealed class InstanceArgs { public string? Password { get; set; } }
                }

                static class Stack
                {
                    static void Create()
                    {
                        var args = new Pulumi.Aws.Rds.InstanceArgs { Password = "hunter2-example" };
                        var id = "AKIAIOSFODNN7EXAMPLE";
                        var password = "example";
                    }
                }
                """,
        }.WithoutPulumi();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = {|CS0103:missing|} });
                    var password = {|CS0103:Unknown|}();
                    var x = config.Get({|CS1503:1|}) ?? "example";
                    new Aws.Rds.Instance("db2", new Aws.Rds.InstanceArgs { {|CS0117:Pasword|} = "example" });
            """),
        };
        await test.RunAsync(CancellationToken.None);
    }

    // ------------------------------------------------------------------ code fix

    [Fact]
    public async Task Fix_ReplacesTheLiteralWithRequireSecret_UsingTheConfigInScope()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = [|"hunter2-example"|] });
            """),
            Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = config.RequireSecret("password") });
            """));
    }

    [Fact]
    public async Task Fix_UsesNewConfig_WhenNoneIsInScope()
    {
        await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                static void Create()
                {
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { MasterPassword = [|"not-a-real-password"|] });
                }
            }
            """,
            /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Stack
            {
                static void Create()
                {
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { MasterPassword = new Config().RequireSecret("masterPassword") });
                }
            }
            """);
    }

    [Fact]
    public async Task Fix_ReplacesAConfigFallbackWithRequireSecret()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = {|SIA6002:config.Get("dbPassword")|} ?? [|"CHANGEME"|] });
            """),
            FixedCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = config.RequireSecret("dbPassword") });
            """),
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FixAll_FixesEveryInputTarget_AndLeavesTheOthers()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = [|"example-one"|] });
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "c", AuthToken = [|"example-two"|] });
                    new Aws.Lambda.Function("fn", new Aws.Lambda.FunctionArgs
                    {
                        Role = "arn:aws:iam::123456789012:role/fn",
                        Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = { ["DB_PASSWORD"] = [|"example-three"|] } },
                    });
                    var password = {|#0:"example-local"|};
            """),
            FixedCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = config.RequireSecret("password") });
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "c", AuthToken = config.RequireSecret("authToken") });
                    new Aws.Lambda.Function("fn", new Aws.Lambda.FunctionArgs
                    {
                        Role = "arn:aws:iam::123456789012:role/fn",
                        Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = { ["DB_PASSWORD"] = config.RequireSecret("dbPassword") } },
                    });
                    var password = {|#0:"example-local"|};
            """),
        };
        var remaining = Verify.Diagnostic(Descriptors.HardCodedSecret).WithLocation(0).WithArguments(
            "A hard-coded secret is written into local 'password': read it from secret config with config.RequireSecret(\"password\") (set it with `pulumi config set --secret password`) or from a cloud secret store");
        test.TestState.ExpectedDiagnostics.Add(remaining);
        test.FixedState.ExpectedDiagnostics.Add(remaining);
        await test.RunAsync(CancellationToken.None);
    }
}
