using System.Threading;
using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Secrets.SecretsAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Secrets.SecretConfigReadCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Secrets;

/// <summary>SIA6002: a config key that marks a secret read with a plain Config method, and the switch to the secret variant.</summary>
public sealed class SecretConfigReadTests
{
    private static string Program(string body, string members = "") => /* lang=c#-test */ $$"""
        using System.Collections.Generic;
        using Pulumi;
        using Aws = Pulumi.Aws;

        sealed class DbSettings { public string User { get; set; } = ""; public string Password { get; set; } = ""; }

        static class Stack
        {
        {{members}}
            static void Use(object value) { }

            static void Create(string stack, Config config)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task PlainReadsOfSecretKeys_AreReportedAtTheCall()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    Use({|#0:config.Require("dbPassword")|});
                    Use({|SIA6002:config.Get("apiToken")|});
                    Use({|SIA6002:config.RequireObject<DbSettings>("dbCredentials")|});
                    Use({|SIA6002:config.GetObject<DbSettings>("dbCredentials")|});
                    Use({|SIA6002:config.RequireInt32("secretSeed")|});
                    Use({|SIA6002:config.GetBoolean("tokens")|});
                    Use({|SIA6002:config.GetDouble("secretWeight")|});
                    Use({|SIA6002:config.GetInt32("secretPin")|});
                    Use({|SIA6002:config.RequireBoolean("secretFlag")|});
                    Use({|SIA6002:config.RequireDouble("secretRatio")|});
                    Use({|SIA6002:new Config("aws").Require("secretKey")|});
                    Use({|SIA6002:config.Require(KeyName)|});
                    var open = {|SIA6002:config.Get("open-api-key")|};
                    Use(open);
            """,
            """
                const string KeyName = "githubToken";
            """),
            Verify.Diagnostic(Descriptors.SecretReadAsPlainConfig).WithLocation(0).WithArguments(
                "Require(\"dbPassword\") reads the secret config key 'dbPassword' as plain text, so Pulumi stores and shows its value unencrypted: read it with RequireSecret(\"dbPassword\") (and set it with `pulumi config set --secret dbPassword`)"));
    }

    [Fact]
    public async Task SecretReadsAndOtherKeys_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    Use(config.RequireSecret("dbPassword"));
                    Use(config.GetSecret("apiToken"));
                    Use(config.RequireSecretObject<DbSettings>("dbCredentials"));
                    Use(config.GetSecretInt32("secretSeed"));
                    Use(config.Require("region"));
                    Use(config.Require("secretArn"));
                    Use(config.Require("dbPasswordLength"));
                    Use(config.Require("privateKeyPath"));
                    Use(config.Get("secretName"));
                    Use(config.Require(stack + "-password"));
            """));
    }

    [Fact]
    public async Task GetOnlyComparedWithNull_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    if (config.Get("apiToken") != null) { Use(1); }
                    if (config.Get("apiToken") == null) { Use(2); }
                    if (config.Get("apiToken") is null) { Use(3); }
                    if (config.Get("apiToken") is not null) { Use(4); }
                    if (string.IsNullOrEmpty(config.Get("apiToken"))) { Use(5); }
                    if (string.IsNullOrWhiteSpace(config.Get("apiToken"))) { Use(6); }
                    var hasToken = config.Get("slackToken");
                    if (hasToken != null && !string.IsNullOrEmpty(hasToken)) { Use(7); }
            """));
    }

    [Fact]
    public async Task GetWhoseValueFlowsOnward_IsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var token = {|SIA6002:config.Get("slackToken")|};
                    if (token != null) { Use(token); }
                    if ({|SIA6002:config.Require("apiToken")|} != null) { Use(1); }
            """));
    }

    [Fact]
    public async Task LookAlikeConfig_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;

            namespace Fake
            {
                sealed class Config { public string Require(string key) => key; public string? Get(string key) => null; }

                static class Stack
                {
                    static void Create(Config config)
                    {
                        var password = config.Require("dbPassword");
                        var token = config.Get("apiToken");
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
                namespace Pulumi
                {
                    public sealed class Config { public string Require(string key) => key; }
                }

                static class Stack
                {
                    static string Create() => new Pulumi.Config().Require("dbPassword");
                }
                """,
        }.WithoutPulumi();
        await test.RunAsync(CancellationToken.None);
    }

    // ------------------------------------------------------------------ code fix

    [Fact]
    public async Task Fix_SwitchesToTheSecretVariant_WhereTheTargetTakesAnInput()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = {|SIA6002:config.Require("dbPassword")|} });
                    var token = {|SIA6002:config.Get("authToken")|};
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "c", AuthToken = token });
            """),
            Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = config.RequireSecret("dbPassword") });
                    var token = config.GetSecret("authToken");
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "c", AuthToken = token });
            """));
    }

    [Fact]
    public async Task Fix_KeepsTypeArguments()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var settings = {|SIA6002:config.RequireObject<DbSettings>("dbCredentials")|};
                    Use(settings);
            """),
            Program("""
                    var settings = config.RequireSecretObject<DbSettings>("dbCredentials");
                    Use(settings);
            """));
    }

    [Fact]
    public async Task Fix_IsNotOffered_WhereTheResultWouldNotCompile()
    {
        var source = Program("""
                    string password = {|#0:config.Require("dbPassword")|};
                    var seed = {|#1:config.RequireInt32("secretSeed")|} + 1;
                    var length = {|#2:config.Require("apiToken")|}.Length;
                    var flag = {|#3:config.GetBoolean("secretFlag")|} == true;
            """);
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        for (var i = 0; i < 4; i++)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.SecretReadAsPlainConfig).WithLocation(i).WithMessage(null));
        }

        test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FixAll_SwitchesEveryReadThatStillCompiles()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = {|SIA6002:config.Require("dbPassword")|} });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { MasterPassword = {|SIA6002:config.Require("masterPassword")|} });
                    Use({|SIA6002:config.Get("apiToken")|});
                    string plain = {|#0:config.Require("githubToken")|};
            """),
            FixedCode = Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Password = config.RequireSecret("dbPassword") });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { MasterPassword = config.RequireSecret("masterPassword") });
                    Use(config.GetSecret("apiToken"));
                    string plain = {|#0:config.Require("githubToken")|};
            """),
        };
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.SecretReadAsPlainConfig).WithLocation(0).WithMessage(null));
        test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.SecretReadAsPlainConfig).WithLocation(0).WithMessage(null));
        await test.RunAsync(CancellationToken.None);
    }
}
