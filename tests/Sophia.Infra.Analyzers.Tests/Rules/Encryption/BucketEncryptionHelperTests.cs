using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.BucketEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>
/// SIA3001 (design.md, decided edge cases): an encryption configuration whose <c>Bucket</c> is a parameter of a helper is
/// followed through the helper's calls in the compilation; the buckets passed are encrypted, a bucket never passed is a
/// finding. A call that cannot be seen (a delegate, a lambda's parameter, a virtual helper) keeps every bucket silent.
/// </summary>
public sealed class BucketEncryptionHelperTests
{
    private const string Kms = """
                    Rules =
                    {
                        new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                        {
                            ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                            {
                                SseAlgorithm = "aws:kms",
                            },
                        },
                    },
        """;

    private static string Helper(string signature, string bucket = "bucket.Id", string modifiers = "static") => $$"""
            {{modifiers}} void {{signature}}
            {
                new Aws.S3.BucketServerSideEncryptionConfiguration("sse-" + name, new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                {
                    Bucket = {{bucket}},
        {{Kms}}
                });
            }
        """;

    private static string Program(string body, string members) => /* lang=c#-test */ $$"""
        using System.Collections.Generic;
        using System.Linq;
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config)
            {
        {{body}}
            }

        {{members}}
        }
        """;

    [Fact]
    public async Task HelperInTheSameFile_BucketsPassedAreEncrypted_ABucketNeverPassedIsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    var data = new Aws.S3.Bucket("data");
                    var temp = {|#0:new Aws.S3.Bucket("temp")|};
                    Encrypt(logs, "logs");
                    Encrypt(data, "data");
            """,
            Helper("Encrypt(Aws.S3.Bucket bucket, string name)")),
            Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0).WithArguments(
                "temp",
                "has no server-side encryption configuration: add a BucketServerSideEncryptionConfiguration whose Bucket is this bucket (SSE-KMS, \"aws:kms\")"));
    }

    [Fact]
    public async Task HelperInAnotherFile_CalledFromSeveralFiles()
    {
        var test = new Verify.Test
        {
            TestCode = Program(
                """
                        var logs = new Aws.S3.Bucket("logs");
                        Encryption.Encrypt(logs, "logs");
                        {|SIA3001:new Aws.S3.Bucket("data")|};
                """,
                string.Empty),
        };
        test.TestState.Sources.Add(("/0/Encryption.cs", /* lang=c#-test */ $$"""
            using Pulumi;
            using Aws = Pulumi.Aws;

            static class Encryption
            {
                public static readonly Aws.S3.Bucket Archive = new("archive");

                static void Create()
                {
                    Encrypt(Archive, "archive");
                }

            {{Helper("Encrypt(Aws.S3.Bucket bucket, string name)", modifiers: "public static")}}
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task ArgumentThatIsAParameterOfAnotherHelper_IsFollowedOnward()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    Secure(logs, "logs");
                    {|SIA3001:new Aws.S3.Bucket("data")|};
            """,
            """
                static void Secure(Aws.S3.Bucket target, string name) => Encrypt(target, name);

            """ + Helper("Encrypt(Aws.S3.Bucket bucket, string name)")));
    }

    [Fact]
    public async Task ExtensionMethodForm_IsFollowed()
    {
        var test = new Verify.Test
        {
            TestCode = Program(
                """
                        var logs = new Aws.S3.Bucket("logs");
                        logs.Encrypt("logs");
                        {|SIA3001:new Aws.S3.Bucket("data")|};
                """,
                string.Empty),
        };
        test.TestState.Sources.Add(("/0/BucketExtensions.cs", /* lang=c#-test */ $$"""
            using Aws = Pulumi.Aws;

            static class BucketExtensions
            {
            {{Helper("Encrypt(this Aws.S3.Bucket bucket, string name)", modifiers: "public static")}}
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task HelperNeverCalled_EncryptsNoBucket()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    {|SIA3001:new Aws.S3.Bucket("logs")|};
            """,
            Helper("Encrypt(Aws.S3.Bucket bucket, string name)")));
    }

    [Fact]
    public async Task BucketValueParameter_IsFollowedToTheIdPassed()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    Encrypt(logs.Id, "logs");
                    {|SIA3001:new Aws.S3.Bucket("data")|};
            """,
            Helper("Encrypt(Input<string> bucketId, string name)", bucket: "bucketId")));
    }

    [Fact]
    public async Task UnknownArgument_KeepsEveryBucketSilent()
    {
        // A bucket made by another helper, read from a list in a loop, or passed by a lambda: any bucket could be meant.
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    new Aws.S3.Bucket("logs");
                    Encrypt(Make("made"), "made");
            """,
            """
                static Aws.S3.Bucket Make(string name)
                {
                    var bucket = new Aws.S3.Bucket(name);
                    return bucket;
                }

            """ + Helper("Encrypt(Aws.S3.Bucket bucket, string name)")));
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var buckets = new List<Aws.S3.Bucket> { new Aws.S3.Bucket("a"), new Aws.S3.Bucket("b") };
                    foreach (var bucket in buckets)
                    {
                        Encrypt(bucket, "x");
                    }
            """,
            Helper("Encrypt(Aws.S3.Bucket bucket, string name)")));
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var buckets = new[] { new Aws.S3.Bucket("a"), new Aws.S3.Bucket("b") };
                    buckets.ToList().ForEach(b => Encrypt(b, "x"));
            """,
            Helper("Encrypt(Aws.S3.Bucket bucket, string name)")));
    }

    [Fact]
    public async Task HelperWithACallThatCannotBeSeen_KeepsEveryBucketSilent()
    {
        // Handed on as a delegate: its calls are not all visible.
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    new Aws.S3.Bucket("data");
                    System.Action<Aws.S3.Bucket, string> encrypt = Encrypt;
                    encrypt(logs, "logs");
            """,
            Helper("Encrypt(Aws.S3.Bucket bucket, string name)")));

        // A lambda's parameter: the lambda's calls are not followed.
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    new Aws.S3.Bucket("logs");
                    System.Action<Aws.S3.Bucket> encrypt = bucket => new Aws.S3.BucketServerSideEncryptionConfiguration("sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs { Bucket = bucket.Id });
            """,
            string.Empty));
    }

    [Fact]
    public async Task IncompleteCallOfTheHelper_WhileTyping_KeepsEveryBucketSilent()
    {
        await new Verify.Test
        {
            TestCode = Program(
                """
                        var logs = new Aws.S3.Bucket("logs");
                        new Aws.S3.Bucket("data");
                        {|CS7036:Encrypt|}();
                """,
                Helper("Encrypt(Aws.S3.Bucket bucket, string name)")),
        }.RunAsync();
    }

    [Fact]
    public async Task VirtualHelper_KeepsEveryBucketSilent()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ $$"""
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Stack
            {
                void Create()
                {
                    var logs = new Aws.S3.Bucket("logs");
                    new Aws.S3.Bucket("data");
                    Encrypt(logs, "logs");
                }

            {{Helper("Encrypt(Aws.S3.Bucket bucket, string name)", modifiers: "protected virtual")}}
            }
            """);
    }
}
