using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.BucketEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>
/// SIA3001 on the real (deprecated) <c>S3.BucketV2</c> and <c>S3.BucketServerSideEncryptionConfigurationV2</c> of the
/// extended listing: <c>BucketV2</c>'s name input and output are both <c>Bucket</c>, its inline encryption is the list
/// <c>ServerSideEncryptionConfigurations</c>, and the V2 configuration has the shape of the current one.
/// </summary>
public sealed class BucketV2EncryptionTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        #pragma warning disable CS0618 // BucketV2 and the V2 configuration are deprecated in Pulumi.Aws 7
        static class Stack
        {
            static void Create(string stack, Config config)
            {
        {{body}}
            }
        }
        """;

    private static string V2Configuration(string name, string bucket, string algorithm = "\"aws:kms\"") => $$"""
                    new Aws.S3.BucketServerSideEncryptionConfigurationV2("{{name}}", new Aws.S3.BucketServerSideEncryptionConfigurationV2Args
                    {
                        Bucket = {{bucket}},
                        Rules =
                        {
                            new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationV2RuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = {{algorithm}},
                                },
                            },
                        },
                    });
        """;

    private const string NoConfiguration =
        "has no server-side encryption configuration: add a BucketServerSideEncryptionConfiguration whose Bucket is this bucket (SSE-KMS, \"aws:kms\")";

    [Fact]
    public async Task BucketV2WithoutEncryption_IsReportedAtItsCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var logs = {|#0:new Aws.S3.BucketV2("sophia-dev-bucket-logs")|};
                    var data = {|#1:new Aws.S3.BucketV2("sophia-dev-bucket-data", new Aws.S3.BucketV2Args { ForceDestroy = true })|};
            """),
            Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0).WithArguments("sophia-dev-bucket-logs", NoConfiguration),
            Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(1).WithArguments("sophia-dev-bucket-data", NoConfiguration));
    }

    [Fact]
    public async Task V2Configuration_BoundById_ByItsBucketOutput_OrByTheExplicitName_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            "        var logs = new Aws.S3.BucketV2(\"logs\");\n" + V2Configuration("logs-sse", "logs.Id") +
            "        var data = new Aws.S3.BucketV2(\"data\");\n" + V2Configuration("data-sse", "data.Bucket") +
            "        var media = new Aws.S3.BucketV2(\"media\", new Aws.S3.BucketV2Args { Bucket = \"sophia-media\" });\n" +
            V2Configuration("media-sse", "\"sophia-media\"")));
    }

    [Fact]
    public async Task V2ConfigurationForAnotherBucket_LeavesThisOneReported()
    {
        await Verify.VerifyAnalyzerAsync(
            Program(
                "        var logs = new Aws.S3.BucketV2(\"logs\");\n" + V2Configuration("logs-sse", "logs.Id") +
                "        var data = {|#0:new Aws.S3.BucketV2(\"data\")|};\n"),
            Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0).WithArguments("data", NoConfiguration));
    }

    [Fact]
    public async Task V2ConfigurationInAnotherFile_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Aws = Pulumi.Aws;

                #pragma warning disable CS0618
                public static class Storage
                {
                    public static readonly Aws.S3.BucketV2 Logs = new("logs");
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Encryption.cs", "using Aws = Pulumi.Aws;\n\n#pragma warning disable CS0618\nstatic class Encryption\n{\n    static void Create()\n    {\n" +
            V2Configuration("logs-sse", "Storage.Logs.Bucket") + "    }\n}\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task InlineServerSideEncryptionConfigurations_CountAsEncryption()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.S3.BucketV2("logs", new Aws.S3.BucketV2Args
                    {
                        ServerSideEncryptionConfigurations =
                        {
                            new Aws.S3.Inputs.BucketV2ServerSideEncryptionConfigurationArgs
                            {
                                Rules =
                                {
                                    new Aws.S3.Inputs.BucketV2ServerSideEncryptionConfigurationRuleArgs
                                    {
                                        ApplyServerSideEncryptionByDefaults =
                                        {
                                            new Aws.S3.Inputs.BucketV2ServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = "aws:kms" },
                                        },
                                    },
                                },
                            },
                        },
                    });
                    new Aws.S3.BucketV2("data", new Aws.S3.BucketV2Args
                    {
                        ServerSideEncryptionConfigurations = new[]
                        {
                            new Aws.S3.Inputs.BucketV2ServerSideEncryptionConfigurationArgs(),
                        },
                    });
            """));
    }

    [Fact]
    public async Task RequireKms_Aes256InTheV2Configuration_IsReportedAtTheValue()
    {
        var source = Program("        var data = new Aws.S3.BucketV2(\"data\");\n" + V2Configuration("data-sse", "data.Id", "{|#0:\"AES256\"|}"));
        var on = new Verify.Test { TestCode = source, FixedCode = source.Replace("{|#0:\"AES256\"|}", "\"aws:kms\"") }
            .WithOptions("sophia_infra.s3.require_kms = true");
        on.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0)
            .WithArguments("data", "uses SSE-S3 (\"AES256\") but sophia_infra.s3.require_kms requires SSE-KMS: use \"aws:kms\""));
        await on.RunAsync();

        await new Verify.Test { TestCode = source.Replace("{|#0:\"AES256\"|}", "\"AES256\"") }.RunAsync();
    }

    [Fact]
    public async Task LookAlikeBucketV2_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.S3
            {
                public sealed class BucketV2 { public BucketV2(string name) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.S3.BucketV2("logs");
            }
            """);
    }

    [Fact]
    public async Task Fix_OnBucketV2_InsertsABoundConfiguration_FixAll()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    var logs = {|SIA3001:new Aws.S3.BucketV2("logs")|};
                    var data = {|SIA3001:new Aws.S3.BucketV2("data")|};
            """), Program("""
                    var logs = new Aws.S3.BucketV2("logs");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("logs-bucket-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = logs.Id,
                        Rules =
                        {
                            new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = "aws:kms",
                                },
                                BucketKeyEnabled = true,
                            },
                        },
                    }, new CustomResourceOptions { Protect = Deployment.Instance.StackName == "prod" });
                    var data = new Aws.S3.BucketV2("data");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("data-bucket-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = data.Id,
                        Rules =
                        {
                            new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = "aws:kms",
                                },
                                BucketKeyEnabled = true,
                            },
                        },
                    }, new CustomResourceOptions { Protect = Deployment.Instance.StackName == "prod" });
            """));
    }
}
