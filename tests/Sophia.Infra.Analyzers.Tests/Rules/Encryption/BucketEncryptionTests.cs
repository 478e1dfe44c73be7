using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.Analyzers.Tests.Machinery;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.BucketEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>SIA3001: every bucket has server-side encryption, inline or through a configuration resource bound to it anywhere in the compilation.</summary>
public sealed class BucketEncryptionTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config)
            {
        {{body}}
            }
        }
        """;

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

    [Fact]
    public async Task BucketWithoutEncryption_IsReportedAtItsCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var bucket = {|#0:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
            """),
            Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0).WithArguments(
                "sophia-dev-bucket-logs",
                "has no server-side encryption configuration: add a BucketServerSideEncryptionConfiguration whose Bucket is this bucket (SSE-KMS, \"aws:kms\")"));
    }

    [Fact]
    public async Task ConfigurationBoundInTheSameFile_ById_ByBucketName_ThroughALocal_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    var logs = new Aws.S3.Bucket("logs");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("logs-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = logs.Id,
            {{Kms}}
                    });
                    var data = new Aws.S3.Bucket("data");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("data-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = data.BucketName,
            {{Kms}}
                    });
                    var media = new Aws.S3.Bucket("media");
                    var same = media;
                    var mediaId = same.Id;
                    new Aws.S3.BucketServerSideEncryptionConfiguration("media-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = mediaId,
            {{Kms}}
                    });
            """));
    }

    [Fact]
    public async Task InlineEncryption_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
            #pragma warning disable CS0618 // ServerSideEncryptionConfiguration is deprecated in Pulumi.Aws 7, and still encrypts
                    new Aws.S3.Bucket("logs", new Aws.S3.BucketArgs
                    {
                        ServerSideEncryptionConfiguration = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationArgs
                        {
                            Rule = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = "AES256",
                                },
                            },
                        },
                    });
            """));
    }

    [Fact]
    public async Task OneOfTwoBuckets_IsEncrypted_TheOtherIsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    var logs = new Aws.S3.Bucket("logs");
                    var data = {|SIA3001:new Aws.S3.Bucket("data")|};
                    new Aws.S3.BucketServerSideEncryptionConfiguration("logs-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = logs.Id,
            {{Kms}}
                    });
            """));
    }

    private const string StorageFile = /* lang=c#-test */ """
        using Pulumi;
        using Aws = Pulumi.Aws;

        sealed class Storage
        {
            public Storage()
            {
                Logs = new Aws.S3.Bucket("logs");
                Data = {|SIA3001:new Aws.S3.Bucket("data")|};
            }

            public Aws.S3.Bucket Logs { get; }

            public Aws.S3.Bucket Data { get; }

            public static readonly Aws.S3.Bucket Shared = new("shared");
        }
        """;

    [Fact]
    public async Task ConfigurationInAnotherFile_BoundThroughPropertiesAndFields()
    {
        var test = new Verify.Test { TestCode = StorageFile };
        test.TestState.Sources.Add(("/0/Encryption.cs", $$"""
            using Aws = Pulumi.Aws;

            static class Encryption
            {
                static void Create(Storage storage)
                {
                    new Aws.S3.BucketServerSideEncryptionConfiguration("logs-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = storage.Logs.Id,
            {{Kms}}
                    });
                    new Aws.S3.BucketServerSideEncryptionConfiguration("shared-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = Storage.Shared.BucketName,
            {{Kms}}
                    });
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConfigurationInAnotherFile_BoundToALocal_ViaAProperty()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    var bucket = new Aws.S3.Bucket("logs");
                    Holder.Logs = bucket;
            """),
        };
        test.TestState.Sources.Add(("/0/Holder.cs", $$"""
            using Aws = Pulumi.Aws;

            static class Holder
            {
                public static Aws.S3.Bucket? Logs { get; set; }

                static void Encrypt()
                {
                    new Aws.S3.BucketServerSideEncryptionConfiguration("logs-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = Logs!.Id,
            {{Kms}}
                    });
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task HelperParameter_IsFollowedToItsCalls_ABucketNeverPassedIsReported()
    {
        // design.md (decided edge cases): the helper's parameter is followed through its call sites (BucketEncryptionHelperTests).
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    var logs = {|SIA3001:new Aws.S3.Bucket("logs")|};
                    var data = new Aws.S3.Bucket("data");
                    Encrypt(data);
                }

                static void Encrypt(Aws.S3.Bucket bucket)
                {
                    new Aws.S3.BucketServerSideEncryptionConfiguration("sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = bucket.Id,
            {{Kms}}
                    });
            """));
    }

    [Fact]
    public async Task BucketFromAHelper_IsUnknown()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    var logs = Make("logs");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = logs.Id,
            {{Kms}}
                    });
                }

                static Aws.S3.Bucket Make(string name)
                {
                    return new Aws.S3.Bucket(name);
            """));
    }

    [Fact]
    public async Task LiteralBucketName_BindsTheBucketOfThatName()
    {
        await Verify.VerifyAnalyzerAsync(Program($$"""
                    new Aws.S3.Bucket("logs", new Aws.S3.BucketArgs { BucketName = "sophia-logs" });
                    {|SIA3001:new Aws.S3.Bucket("data", new Aws.S3.BucketArgs { BucketName = "sophia-data" })|};
                    new Aws.S3.BucketServerSideEncryptionConfiguration("sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = "sophia-logs",
            {{Kms}}
                    });
            """));
    }

    [Fact]
    public async Task ArgsFromElsewhere_AreUnknown()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.S3.Bucket("logs", Args());
                }

                static Aws.S3.BucketArgs Args() => new();
                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task RequireKms_Aes256IsReportedAtTheValue_InlineAndInTheConfiguration()
    {
        var source = Program("""
            #pragma warning disable CS0618
                    new Aws.S3.Bucket("logs", new Aws.S3.BucketArgs
                    {
                        ServerSideEncryptionConfiguration = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationArgs
                        {
                            Rule = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = {|#0:"AES256"|},
                                },
                            },
                        },
                    });
                    var data = new Aws.S3.Bucket("data");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("data-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = data.Id,
                        Rules =
                        {
                            new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = {|#1:"AES256"|},
                                },
                            },
                        },
                    });
            """);
        const string Message = "uses SSE-S3 (\"AES256\") but sophia_infra.s3.require_kms requires SSE-KMS: use \"aws:kms\"";

        var on = new Verify.Test { TestCode = source, FixedCode = source.Replace("\"AES256\"", "\"aws:kms\"") }.WithOptions("sophia_infra.s3.require_kms = true");
        on.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0).WithArguments("logs", Message));
        on.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(1).WithArguments("data", Message));
        await on.RunAsync();

        var perRule = new Verify.Test { TestCode = source, FixedCode = source.Replace("\"AES256\"", "\"aws:kms\"") }.WithOptions("sophia_infra.sia3001.s3.require_kms = true");
        perRule.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(0).WithArguments("logs", Message));
        perRule.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.BucketNotEncrypted).WithLocation(1).WithArguments("data", Message));
        await perRule.RunAsync();

        await new Verify.Test { TestCode = source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("\"|}", "\"") }.RunAsync();
        await new Verify.Test { TestCode = source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("\"|}", "\"") }
            .WithOptions("sophia_infra.s3.require_kms = false").RunAsync();
        await new Verify.Test { TestCode = source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("\"|}", "\"") }
            .WithOptions("sophia_infra.s3.require_kms = maybe").RunAsync();
    }

    [Fact]
    public async Task RequireKms_AwsKms_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = Program($$"""
                    var data = new Aws.S3.Bucket("data");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("data-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = data.Id,
            {{Kms}}
                    });
            """),
        }.WithOptions("sophia_infra.s3.require_kms = true").RunAsync();
    }

    [Fact]
    public async Task LookAlikeBucket_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.S3
            {
                public sealed class Bucket { public Bucket(string name) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.S3.Bucket("logs");
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = """
                namespace Pulumi.Aws.S3
                {
                    public sealed class Bucket { public Bucket(string name) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.S3.Bucket("logs");
                }
                """,
        }.WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteConfiguration_WhileTyping_SilencesTheBuckets()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    var logs = new Aws.S3.Bucket("logs");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs { Bucket = logs. {|CS1001:}|});
            """),
        }.RunAsync();
    }

    // ------------------------------------------------------------------ where it is decided

    [Fact]
    public async Task FactsInOneFile_AreReportedLive_FactsAcrossFiles_AtCompilationEnd()
    {
        // One file with the bucket and no configuration anywhere: decided in the file (no CompilationEnd tag: the IDE shows it).
        var single = await DiagnosticsAsync(Program("""
                    new Aws.S3.Bucket("logs");
            """));
        var live = Assert.Single(single);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, live.Descriptor.CustomTags);

        // A configuration in another file: decided at compilation end, once.
        var across = await DiagnosticsAsync(
            Program("""
                    new Aws.S3.Bucket("logs");
            """),
            $$"""
            using Aws = Pulumi.Aws;
            static class Other
            {
                static void Create()
                {
                    var other = new Aws.S3.Bucket("other");
                    new Aws.S3.BucketServerSideEncryptionConfiguration("sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = other.Id,
            {{Kms}}
                    });
                }
            }
            """);
        var end = Assert.Single(across);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, end.Descriptor.CustomTags);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(params string[] sources)
    {
        var compilation = await TestCompilation.CreateAsync(true, sources);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new EncryptionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == RuleIds.BucketNotEncrypted).ToImmutableArray();
    }

    // ------------------------------------------------------------------ the fix

    [Fact]
    public async Task Fix_InsertsAConfigurationNamedAndProtectedLikeTheBucket()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    var isProd = stack == "prod";
                    var bucket = {|SIA3001:new Aws.S3.Bucket($"sophia-{stack}-bucket-artifacts", new Aws.S3.BucketArgs
                    {
                        ForceDestroy = !isProd,
                    }, new CustomResourceOptions { Protect = isProd, DependsOn = { } })|};
            """), Program("""
                    var isProd = stack == "prod";
                    var bucket = new Aws.S3.Bucket($"sophia-{stack}-bucket-artifacts", new Aws.S3.BucketArgs
                    {
                        ForceDestroy = !isProd,
                    }, new CustomResourceOptions { Protect = isProd, DependsOn = { } });
                    new Aws.S3.BucketServerSideEncryptionConfiguration($"sophia-{stack}-bucket-sse-artifacts", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = bucket.Id,
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
                    }, new CustomResourceOptions { Protect = isProd });
            """));
    }

    /// <summary>The configuration the fix writes (at the indentation of the test programs' statements).</summary>
    private static string Configuration(string name, string bucket, string options) => $$"""
                new Aws.S3.BucketServerSideEncryptionConfiguration("{{name}}", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                {
                    Bucket = {{bucket}}.Id,
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
                }, {{options}});
        """;

    [Fact]
    public async Task Fix_BareStatementsGetALocal_UnprotectedBucketsGetProtection_FixAll()
    {
        const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";
        await Verify.VerifyCodeFixAsync(Program("""
                    {|SIA3001:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
                    {|SIA3001:new Aws.S3.Bucket("sophia-dev-bucket-data")|};
            """), Program(
                "        var bucket = new Aws.S3.Bucket(\"sophia-dev-bucket-logs\");\n"
                + Configuration("sophia-dev-bucket-sse-logs", "bucket", Protect)
                + "\n        var bucket2 = new Aws.S3.Bucket(\"sophia-dev-bucket-data\");\n"
                + Configuration("sophia-dev-bucket-sse-data", "bucket2", Protect)));
    }

    [Fact]
    public async Task Fix_DiscardedBucketNamedByConcatenation_GetsALocal_AndTheTokenReplacedInTheLiteral()
    {
        // Found by the fix-verification test: `_ = new Bucket(...)` was referred to as `_`, and a concatenated name got
        // "-bucket-sse" appended (a new SIA1001) instead of its type token replaced.
        const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";
        await Verify.VerifyCodeFixAsync(Program("""
                    _ = {|SIA3001:new Aws.S3.Bucket("sophia-" + Deployment.Instance.StackName + "-bucket-logs")|};
            """), Program(
                "        var bucket = new Aws.S3.Bucket(\"sophia-\" + Deployment.Instance.StackName + \"-bucket-logs\");\n"
                + Configuration("sophia-\" + Deployment.Instance.StackName + \"-bucket-sse-logs", "bucket", Protect)));
    }

    [Fact]
    public async Task Fix_NameTakenByAnotherConfiguration_AppendsADistinguishingToken()
    {
        // A copy-pasted configuration already carries the name the fix would write (bound to another, encrypted bucket).
        const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";
        var existing = Configuration("sophia-dev-bucket-sse-logs", "other", Protect) + "\n" + Configuration("sophia-dev-bucket-sse-logs-2", "other", Protect) + "\n";
        var test = new Verify.Test
        {
            TestCode = Program("""
                    var other = new Aws.S3.Bucket("sophia-dev-bucket-other");

            """ + existing + """
                    {|SIA3001:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
            """),
            FixedCode = Program("""
                    var other = new Aws.S3.Bucket("sophia-dev-bucket-other");

            """ + existing + """
                    var bucket = new Aws.S3.Bucket("sophia-dev-bucket-logs");

            """ + Configuration("sophia-dev-bucket-sse-logs-3", "bucket", Protect)),
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_FixAll_BucketsOfOneName_GetDistinctConfigurationNames()
    {
        // Two methods that each create the bucket (only one runs per deployment): the inserted configurations differ.
        const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";
        string Fixed(string secondLocal) => Program(
            "        var bucket = new Aws.S3.Bucket(\"sophia-dev-bucket-logs\");\n"
            + Configuration("sophia-dev-bucket-sse-logs", "bucket", Protect)
            + "\n    }\n\n    static void CreateAgain()\n    {\n"
            + "        var " + secondLocal + " = new Aws.S3.Bucket(\"sophia-dev-bucket-logs\");\n"
            + Configuration("sophia-dev-bucket-sse-logs-2", secondLocal, Protect));
        var test = new Verify.Test
        {
            TestCode = Program("""
                    {|SIA3001:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
                }

                static void CreateAgain()
                {
                    {|SIA3001:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
            """),
            FixedCode = Fixed("bucket"),
            BatchFixedCode = Fixed("bucket2"), // one pass over the document keeps its new locals apart
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_ResourceTypeOverrides_NameTheConfiguration()
    {
        const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";
        var test = new Verify.Test
        {
            TestCode = Program("""
                    {|SIA3001:new Aws.S3.Bucket("sophia-dev-store-logs")|};
            """),
            FixedCode = Program("        var bucket = new Aws.S3.Bucket(\"sophia-dev-store-logs\");\n" + Configuration("sophia-dev-store-enc-logs", "bucket", Protect)),
        };
        test.WithOptions("""
            sophia_infra.resource_type.Pulumi.Aws.S3.Bucket = store
            sophia_infra.resource_type.Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration = store-enc
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_FileImportingBothS3Namespaces_QualifiesTheArgs()
    {
        await Verify.VerifyCodeFixAsync("""
            using Pulumi;
            using Pulumi.Aws.S3;
            using Pulumi.Aws.S3.Inputs;

            sealed class Storage
            {
                public Storage(CustomResourceOptions options)
                {
                    Logs = {|SIA3001:new Bucket("sophia-dev-bucket-logs", null, options)|};
                }

                public Bucket Logs { get; }
            }
            """, """
            using Pulumi;
            using Pulumi.Aws.S3;
            using Pulumi.Aws.S3.Inputs;

            sealed class Storage
            {
                public Storage(CustomResourceOptions options)
                {
                    Logs = new Bucket("sophia-dev-bucket-logs", null, options);
                    new BucketServerSideEncryptionConfiguration("sophia-dev-bucket-sse-logs", new Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationArgs
                    {
                        Bucket = Logs.Id,
                        Rules =
                        {
                            new BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                                {
                                    SseAlgorithm = "aws:kms",
                                },
                                BucketKeyEnabled = true,
                            },
                        },
                    }, options);
                }

                public Bucket Logs { get; }
            }
            """);
    }

    [Fact]
    public async Task Fix_TopLevelStatements_NameFromALocal_SharedOptions()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Pulumi;
                using Aws = Pulumi.Aws;

                var stack = Deployment.Instance.StackName;
                var options = new CustomResourceOptions { Protect = stack == "prod" };
                var name = $"sophia-{stack}-bucket-site";
                var site = {|SIA3001:new Aws.S3.Bucket(name, null, options)|};
                """,
            FixedCode = """
                using Pulumi;
                using Aws = Pulumi.Aws;

                var stack = Deployment.Instance.StackName;
                var options = new CustomResourceOptions { Protect = stack == "prod" };
                var name = $"sophia-{stack}-bucket-site";
                var site = new Aws.S3.Bucket(name, null, options);
                new Aws.S3.BucketServerSideEncryptionConfiguration($"sophia-{stack}-bucket-sse-site", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                {
                    Bucket = site.Id,
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
                }, options);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task FixedCode_HasNoNewProtectionFinding()
    {
        // The inserted configuration is protected like its bucket, or in production when the bucket says nothing: the
        // protection rule reports only the buckets that were unprotected before the fix.
        const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Protection.ProtectionAnalyzer>.VerifyAnalyzerAsync(Program(
            "        var bucket = {|SIA2001:new Aws.S3.Bucket(\"sophia-dev-bucket-logs\")|};\n"
            + Configuration("sophia-dev-bucket-sse-logs", "bucket", Protect)
            + "\n        var isProd = stack == \"prod\";\n"
            + "        var data = new Aws.S3.Bucket(\"sophia-dev-bucket-data\", null, new CustomResourceOptions { Protect = isProd });\n"
            + Configuration("sophia-dev-bucket-sse-data", "data", "new CustomResourceOptions { Protect = isProd }")));
    }

    [Fact]
    public async Task FixedCode_HasNoNewNamingFinding()
    {
        // The configuration is named after its bucket with the naming rule's token for its type (bucket-sse).
        await Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Naming.NamingAnalyzer>.VerifyAnalyzerAsync(Program(
            "        stack = Deployment.Instance.StackName;\n"
            + "        var bucket = new Aws.S3.Bucket($\"sophia-{stack}-bucket-logs\");\n"
            + Configuration("PLACEHOLDER", "bucket", "new CustomResourceOptions { Protect = stack == \"prod\" }")
                .Replace("\"PLACEHOLDER\"", "$\"sophia-{stack}-bucket-sse-logs\"")));
    }
}
