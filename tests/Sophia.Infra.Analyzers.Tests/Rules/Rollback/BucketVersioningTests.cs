using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Rollback;
using Sophia.Infra.Analyzers.Tests.Machinery;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Rollback.DataRecoveryAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Rollback.DataRecoveryCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Rollback;

/// <summary>SIA2002 for S3: every bucket is versioned, inline or by a versioning resource bound to it anywhere in the compilation (SIA3001's mechanism).</summary>
public sealed class BucketVersioningTests
{
    private const string NotVersioned = "' is not versioned, so an overwritten or deleted object cannot be restored: add a BucketVersioning whose Bucket is this bucket, with VersioningConfiguration.Status = \"Enabled\"";
    private const string Protect = "new CustomResourceOptions { Protect = Deployment.Instance.StackName == \"prod\" }";

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

    private static string Versioning(string name, string bucket, string status = "\"Enabled\"", string type = "BucketVersioning") => $$"""
                new Aws.S3.{{type}}("{{name}}", new Aws.S3.{{type}}Args
                {
                    Bucket = {{bucket}},
                    VersioningConfiguration = new Aws.S3.Inputs.{{type}}VersioningConfigurationArgs { Status = {{status}} },
                });
        """;

    [Fact]
    public async Task BucketWithoutVersioning_IsReportedAtItsCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var bucket = {|#0:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
                    {|#1:new Aws.S3.BucketV2("sophia-dev-bucket-data", new Aws.S3.BucketV2Args { ForceDestroy = true })|};
            """),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments("S3 bucket 'sophia-dev-bucket-logs" + NotVersioned),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(1).WithArguments("S3 bucket 'sophia-dev-bucket-data" + NotVersioned));
    }

    [Fact]
    public async Task VersioningInTheSameFile_ById_ByBucket_ByLiteralName_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    var data = new Aws.S3.BucketV2("data");
                    var named = new Aws.S3.Bucket("named", new Aws.S3.BucketArgs { BucketName = "acme-named" });
                    var target = logs;

            """
            + Versioning("logs-versioning", "target.Id") + "\n"
            + Versioning("data-versioning", "data.Bucket", "\"Enabled\"", "BucketVersioningV2") + "\n"
            + Versioning("named-versioning", "\"acme-named\"")));
    }

    [Fact]
    public async Task OneOfTwoBuckets_IsVersioned_TheOtherIsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    var data = {|SIA2002:new Aws.S3.Bucket("data")|};

            """ + Versioning("logs-versioning", "logs.Id", "\"Enabled\"")));
    }

    [Fact]
    public async Task VersioningInAnotherFile_BoundThroughAProperty_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Aws = Pulumi.Aws;

                static class Storage
                {
                    public static Aws.S3.Bucket Logs { get; } = new Aws.S3.Bucket("logs");
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Versioning.cs", $$"""
            using Aws = Pulumi.Aws;

            static class Versioning
            {
                static void Create()
                {
            {{Versioning("logs-versioning", "Storage.Logs.Id", "\"Enabled\"")}}
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task VersioningOfAnotherBucketInAnotherFile_TheBucketIsReportedAtCompilationEnd()
    {
        var test = new Verify.Test { TestCode = Program("""
                    {|#0:new Aws.S3.Bucket("logs")|};
            """) };
        test.TestState.Sources.Add(("/0/Other.cs", $$"""
            using Aws = Pulumi.Aws;

            static class Other
            {
                static void Create()
                {
                    var other = new Aws.S3.Bucket("other");
            {{Versioning("other-versioning", "other.Id", "\"Enabled\"")}}
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments("S3 bucket 'logs" + NotVersioned));
        await test.RunAsync();
    }

    [Fact]
    public async Task SuspendedStatus_IsReportedAtTheValue_NotAgainAtTheBucket()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var logs = new Aws.S3.Bucket("logs");
                    var data = new Aws.S3.BucketV2("data");
                    const string off = "Suspended";

            """
            + Versioning("logs-versioning", "logs.Id", "{|#0:\"Suspended\"|}") + "\n"
            + Versioning("data-versioning", "data.Id", "{|#1:off|}", "BucketVersioningV2")),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments(
                "S3 bucket 'logs' is not versioned: its versioning status is \"Suspended\", so an overwritten or deleted object cannot be restored (write Status = \"Enabled\")"),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(1).WithArguments(
                "S3 bucket 'data' is not versioned: its versioning status is \"Suspended\", so an overwritten or deleted object cannot be restored (write Status = \"Enabled\")"));
    }

    [Fact]
    public async Task UnknownStatus_IsSilent()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");

            """ + Versioning("logs-versioning", "logs.Id", "config.Require(\"versioning\")")));
    }

    [Fact]
    public async Task InlineVersioning_AndVersionings_Count()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var on = true;
                    #pragma warning disable CS0618 // the inline forms are deprecated, and still count
                    new Aws.S3.Bucket("logs", new Aws.S3.BucketArgs { Versioning = new Aws.S3.Inputs.BucketVersioningArgs { Enabled = true } });
                    new Aws.S3.Bucket("local", new Aws.S3.BucketArgs { Versioning = new Aws.S3.Inputs.BucketVersioningArgs { Enabled = on } });
                    new Aws.S3.Bucket("unknown", new Aws.S3.BucketArgs { Versioning = new Aws.S3.Inputs.BucketVersioningArgs { Enabled = config.RequireBoolean("v") } });
                    new Aws.S3.BucketV2("data", new Aws.S3.BucketV2Args { Versionings = { new Aws.S3.Inputs.BucketV2VersioningArgs { Enabled = true } } });
                    {|SIA2002:new Aws.S3.Bucket("off", new Aws.S3.BucketArgs { Versioning = new Aws.S3.Inputs.BucketVersioningArgs { Enabled = false } })|};
                    {|SIA2002:new Aws.S3.Bucket("empty", new Aws.S3.BucketArgs { Versioning = new Aws.S3.Inputs.BucketVersioningArgs() })|};
                    {|SIA2002:new Aws.S3.BucketV2("off-v2", new Aws.S3.BucketV2Args { Versionings = { new Aws.S3.Inputs.BucketV2VersioningArgs { Enabled = false } } })|};
                    #pragma warning restore CS0618
            """));
    }

    [Fact]
    public async Task UnknownBucketOfAVersioningResource_NoBucketIsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    new Aws.S3.Bucket("data");

            """ + Versioning("some-versioning", "config.Require(\"bucket\")", "\"Enabled\"")));
    }

    [Fact]
    public async Task BucketPassedToAHelper_IsFollowedThroughItsCallSites()
    {
        // design.md (decided edge cases): a bucket passed to the helper is versioned, a bucket never passed is a finding.
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    var logs = new Aws.S3.Bucket("logs");
                    Version(logs);
                    var data = new Aws.S3.Bucket("data");
                    Version(data);
                    {|#0:new Aws.S3.Bucket("temp")|};
                }

                static void Version(Aws.S3.Bucket bucket)
                {

            """ + Versioning("v", "bucket.Id", "\"Enabled\"")),
            Verify.Diagnostic(Descriptors.DataNotRecoverable).WithLocation(0).WithArguments("S3 bucket 'temp" + NotVersioned));
    }

    [Fact]
    public async Task ExtensionHelperInAnotherFile_CalledOnward_AndAHelperNeverCalled()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    var logs = new Aws.S3.Bucket("logs");
                    Keep(logs);
                    {|SIA2002:new Aws.S3.Bucket("data")|};
                }

                static void Keep(Aws.S3.Bucket kept) => kept.Versioned();

                static void NeverCalled(Aws.S3.Bucket bucket)
                {
            """ + Versioning("unused", "bucket.Id", "\"Enabled\"")),
        };
        test.TestState.Sources.Add(("/0/Versioning.cs", $$"""
            using Aws = Pulumi.Aws;

            static class BucketExtensions
            {
                public static void Versioned(this Aws.S3.Bucket bucket)
                {
            {{Versioning("v", "bucket.Id", "\"Enabled\"")}}
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task HelperCalledWithAnUnknownBucket_NoBucketIsReported()
    {
        await Verify.VerifyAnalyzerAsync(Program(
            """
                    new Aws.S3.Bucket("logs");
                    foreach (var bucket in new[] { new Aws.S3.Bucket("a"), new Aws.S3.Bucket("b") })
                    {
                        Version(bucket);
                    }
                }

                static void Version(Aws.S3.Bucket bucket)
                {

            """ + Versioning("v", "bucket.Id", "\"Enabled\"")));
    }

    [Fact]
    public async Task LookAlikeTypes_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.S3
            {
                public sealed class Bucket { public Bucket(string name) { } }
                public sealed class BucketVersioning { public BucketVersioning(string name) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.S3.Bucket("logs");
                    new Lookalike.S3.BucketVersioning("logs-versioning");
                }
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
    public async Task OneFile_IsDecidedLive_AcrossFiles_AtCompilationEnd()
    {
        var single = await DiagnosticsAsync(Program("""
                    new Aws.S3.Bucket("logs");
            """));
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, Assert.Single(single).Descriptor.CustomTags);

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
            {{Versioning("v", "other.Id", "\"Enabled\"")}}
                }
            }
            """);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, Assert.Single(across).Descriptor.CustomTags);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(params string[] sources)
    {
        var compilation = await TestCompilation.CreateAsync(true, sources);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DataRecoveryAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == RuleIds.DataNotRecoverable).ToImmutableArray();
    }

    // ------------------------------------------------------------------ the fix

    private static string Inserted(string name, string bucket, string options) => $$"""
                new Aws.S3.BucketVersioning("{{name}}", new Aws.S3.BucketVersioningArgs
                {
                    Bucket = {{bucket}}.Id,
                    VersioningConfiguration = new Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs
                    {
                        Status = "Enabled",
                    },
                }, {{options}});
        """;

    [Fact]
    public async Task Fix_InsertsAVersioningResourceNamedAndProtectedLikeTheBucket()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var isProd = stack == "prod";
                    var bucket = {|SIA2002:new Aws.S3.Bucket($"sophia-{stack}-bucket-artifacts", null, new CustomResourceOptions { Protect = isProd })|};
            """),
            Program("""
                    var isProd = stack == "prod";
                    var bucket = new Aws.S3.Bucket($"sophia-{stack}-bucket-artifacts", null, new CustomResourceOptions { Protect = isProd });
                    new Aws.S3.BucketVersioning($"sophia-{stack}-bucket-versioning-artifacts", new Aws.S3.BucketVersioningArgs
                    {
                        Bucket = bucket.Id,
                        VersioningConfiguration = new Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs
                        {
                            Status = "Enabled",
                        },
                    }, new CustomResourceOptions { Protect = isProd });
            """));
    }

    [Fact]
    public async Task Fix_SuspendedBecomesEnabled()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var logs = new Aws.S3.Bucket("logs");

            """ + Versioning("logs-versioning", "logs.Id", "{|SIA2002:\"Suspended\"|}")),
            Program("""
                    var logs = new Aws.S3.Bucket("logs");

            """ + Versioning("logs-versioning", "logs.Id", "\"Enabled\"")));
    }

    [Fact]
    public async Task Fix_FixAll_BareStatements_FreeNames()
    {
        // A versioning resource already carries the name the fix would write (for another bucket): the new one gets "-2".
        var existing = Versioning("sophia-dev-bucket-versioning-logs", "other.Id", "\"Enabled\"") + "\n";
        await Verify.VerifyCodeFixAsync(
            Program("""
                    var other = new Aws.S3.Bucket("sophia-dev-bucket-other");

            """ + existing + """
                    {|SIA2002:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
                    {|SIA2002:new Aws.S3.Bucket("sophia-dev-bucket-data")|};
            """),
            Program("""
                    var other = new Aws.S3.Bucket("sophia-dev-bucket-other");

            """ + existing
                + "        var bucket = new Aws.S3.Bucket(\"sophia-dev-bucket-logs\");\n"
                + Inserted("sophia-dev-bucket-versioning-logs-2", "bucket", Protect)
                + "\n        var bucket2 = new Aws.S3.Bucket(\"sophia-dev-bucket-data\");\n"
                + Inserted("sophia-dev-bucket-versioning-data", "bucket2", Protect)));
    }

    [Fact]
    public async Task Fix_DiscardedBucket_GetsALocal()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    _ = {|SIA2002:new Aws.S3.Bucket("sophia-dev-bucket-logs")|};
            """),
            Program("        var bucket = new Aws.S3.Bucket(\"sophia-dev-bucket-logs\");\n" + Inserted("sophia-dev-bucket-versioning-logs", "bucket", Protect)));
    }
}
