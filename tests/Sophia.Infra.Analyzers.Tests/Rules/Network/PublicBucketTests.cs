using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Network.NetworkAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Network.PublicBucketCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Network;

/// <summary>SIA5002: S3 made public by a canned ACL or by a public access block that leaves a flag off.</summary>
public sealed class PublicBucketTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using System.IO;
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            const string PublicAcl = "public-read";

            static void Create(Config config, Aws.S3.BucketV2 bucket)
            {
                var stack = Deployment.Instance.StackName;
        {{body}}
            }
        }
        """;

    private static DiagnosticResult Acl(int location, string what, string name, string acl, string reach) =>
        Verify.Diagnostic(Descriptors.PublicBucket).WithLocation(location).WithArguments(
            what + " '" + name + "' has the canned ACL '" + acl + "', which " + reach
            + ": use \"private\" and grant access to named principals with a bucket policy (or serve the content through CloudFront)");

    [Fact]
    public async Task PrivateAcls_FullAccessBlock_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.S3.Bucket("a", new Aws.S3.BucketArgs { Acl = "private" });
                    new Aws.S3.Bucket("b", new Aws.S3.BucketArgs { Acl = Aws.S3.CannedAcl.BucketOwnerFullControl });
                    new Aws.S3.BucketAcl("c", new Aws.S3.BucketAclArgs { Bucket = bucket.Id, Acl = "log-delivery-write" });
                    new Aws.S3.BucketObject("d", new Aws.S3.BucketObjectArgs { Bucket = bucket.Id, Key = "k" });
                    new Aws.S3.BucketObjectv2("e", new Aws.S3.BucketObjectv2Args { Bucket = bucket.Id, Key = "k", Acl = config.Require("acl") });
                    new Aws.S3.BucketPublicAccessBlock("f", new Aws.S3.BucketPublicAccessBlockArgs
                    {
                        Bucket = bucket.Id,
                        BlockPublicAcls = true,
                        BlockPublicPolicy = true,
                        IgnorePublicAcls = true,
                        RestrictPublicBuckets = stack == "prod" || true,
                    });
                    new Aws.S3.BucketPublicAccessBlock("g", new Aws.S3.BucketPublicAccessBlockArgs
                    {
                        Bucket = bucket.Id,
                        BlockPublicAcls = config.RequireBoolean("a"),
                        BlockPublicPolicy = true,
                        IgnorePublicAcls = true,
                        RestrictPublicBuckets = true,
                    });
            """));
    }

    [Fact]
    public async Task PublicAcls_OnEveryResource_AtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.S3.Bucket("site", new Aws.S3.BucketArgs { Acl = {|#0:"public-read"|} });
                    new Aws.S3.Bucket("site-enum", new Aws.S3.BucketArgs { Acl = {|#1:Aws.S3.CannedAcl.PublicReadWrite|} });
                    new Aws.S3.BucketV2("v2", new Aws.S3.BucketV2Args { Acl = {|#2:"authenticated-read"|} });
                    new Aws.S3.BucketAcl("acl", new Aws.S3.BucketAclArgs { Bucket = bucket.Id, Acl = {|#3:PublicAcl|} });
                    new Aws.S3.BucketAclV2("acl2", new Aws.S3.BucketAclV2Args { Bucket = bucket.Id, Acl = {|#4:"Public-Read"|} });
                    new Aws.S3.BucketObject("index", new Aws.S3.BucketObjectArgs { Bucket = bucket.Id, Key = "index.html", Acl = {|#5:"public-read"|} });
                    new Aws.S3.BucketObjectv2("logo", new Aws.S3.BucketObjectv2Args { Bucket = bucket.Id, Key = "logo.png", Acl = {|#6:"public-read-write"|} });
            """),
            Acl(0, "S3 bucket", "site", "public-read", "lets anyone on the internet read it"),
            Acl(1, "S3 bucket", "site-enum", "public-read-write", "lets anyone on the internet read and write it"),
            Acl(2, "S3 bucket", "v2", "authenticated-read", "lets every AWS account read it"),
            Acl(3, "S3 bucket ACL", "acl", "public-read", "lets anyone on the internet read it"),
            Acl(4, "S3 bucket ACL", "acl2", "Public-Read", "lets anyone on the internet read it"),
            Acl(5, "S3 object", "index", "public-read", "lets anyone on the internet read it"),
            Acl(6, "S3 object", "logo", "public-read-write", "lets anyone on the internet read and write it"));
    }

    [Fact]
    public async Task ObjectsUploadedInALoop_AndAclsFromLoopConstants()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    foreach (var file in Directory.GetFiles("www"))
                    {
                        new Aws.S3.BucketObject(file, new Aws.S3.BucketObjectArgs { Bucket = bucket.Id, Key = file, Source = new FileAsset(file), Acl = {|SIA5002:"public-read"|} });
                    }

                    foreach (var acl in new[] { "private", PublicAcl })
                    {
                        new Aws.S3.BucketObjectv2($"o-{acl}", new Aws.S3.BucketObjectv2Args { Bucket = bucket.Id, Key = acl, Acl = {|SIA5002:acl|} });
                    }

                    foreach (var acl in new[] { "private", "bucket-owner-read" })
                    {
                        new Aws.S3.BucketObjectv2($"p-{acl}", new Aws.S3.BucketObjectv2Args { Bucket = bucket.Id, Key = acl, Acl = acl });
                    }
            """));
    }

    [Fact]
    public async Task AccessBlock_FalseFlags_EachAtItsValue_UnsetFlags_OnceAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    const bool off = false;
                    {|#0:new Aws.S3.BucketPublicAccessBlock("block", new Aws.S3.BucketPublicAccessBlockArgs
                    {
                        Bucket = bucket.Id,
                        BlockPublicAcls = {|#1:false|},
                        IgnorePublicAcls = {|#2:off|},
                    })|};
                    new Aws.S3.BucketPublicAccessBlock("dev-only", new Aws.S3.BucketPublicAccessBlockArgs
                    {
                        Bucket = bucket.Id,
                        BlockPublicAcls = true,
                        BlockPublicPolicy = {|#3:stack == "prod"|},
                        IgnorePublicAcls = true,
                        RestrictPublicBuckets = true,
                    });
            """),
            Verify.Diagnostic(Descriptors.PublicBucket).WithLocation(0).WithArguments(
                "Public access block 'block' does not set BlockPublicPolicy, RestrictPublicBuckets, and a flag that is not set is false (the bucket can still be made public): set all four flags to true"),
            Verify.Diagnostic(Descriptors.PublicBucket).WithLocation(1).WithArguments(
                "Public access block 'block' sets BlockPublicAcls to false, so new public ACLs are accepted: set BlockPublicAcls = true"),
            Verify.Diagnostic(Descriptors.PublicBucket).WithLocation(2).WithArguments(
                "Public access block 'block' sets IgnorePublicAcls to false, so public ACLs take effect: set IgnorePublicAcls = true"),
            Verify.Diagnostic(Descriptors.PublicBucket).WithLocation(3).WithArguments(
                "Public access block 'dev-only' sets BlockPublicPolicy to false in stack 'dev', so a public bucket policy is accepted: set BlockPublicPolicy = true"));
    }

    [Fact]
    public async Task AccessBlock_ArgsInALocal_AreFollowed_ArgsChangedLater_AreSilent()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var args = new Aws.S3.BucketPublicAccessBlockArgs { Bucket = bucket.Id, BlockPublicAcls = {|SIA5002:false|}, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true };
                    new Aws.S3.BucketPublicAccessBlock("local", args);

                    var later = new Aws.S3.BucketPublicAccessBlockArgs { Bucket = bucket.Id };
                    later.BlockPublicAcls = true;
                    new Aws.S3.BucketPublicAccessBlock("later", later);

                    new Aws.S3.BucketPublicAccessBlock("unknown", Make());
                }

                static Aws.S3.BucketPublicAccessBlockArgs Make() => new() { Bucket = "b" };

                static void Other()
                {
            """));
    }

    [Fact]
    public async Task LookalikeTypes_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.Aws.S3
            {
                public sealed class BucketArgs { public string? Acl { get; set; } }
                public sealed class Bucket { public Bucket(string name, BucketArgs? args = null) { } }
                public sealed class BucketPublicAccessBlockArgs { public bool BlockPublicAcls { get; set; } }
                public sealed class BucketPublicAccessBlock { public BucketPublicAccessBlock(string name, BucketPublicAccessBlockArgs args) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.Aws.S3.Bucket("site", new Lookalike.Aws.S3.BucketArgs { Acl = "public-read" });
                    new Lookalike.Aws.S3.BucketPublicAccessBlock("block", new Lookalike.Aws.S3.BucketPublicAccessBlockArgs { BlockPublicAcls = false });
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
                    public sealed class BucketArgs { public string? Acl { get; set; } }
                    public sealed class Bucket { public Bucket(string name, BucketArgs? args = null) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.S3.Bucket("site", new Pulumi.Aws.S3.BucketArgs { Acl = "public-read" });
                }
                """,
        }.WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_NoCrash()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.S3.Bucket("a", new Aws.S3.BucketArgs { Acl = {|CS0103:missing|} });
                    new Aws.S3.BucketPublicAccessBlock("b", new Aws.S3.BucketPublicAccessBlockArgs { Bucket = bucket.Id, BlockPublicAcls = {|CS0103:nope|}, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true });
                    new {|CS7036:Aws.S3.BucketPublicAccessBlock|}();
            """),
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_PublicAclBecomesPrivate()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    new Aws.S3.Bucket("site", new Aws.S3.BucketArgs { Acl = {|SIA5002:Aws.S3.CannedAcl.PublicRead|} });
                    new Aws.S3.BucketObject("index", new Aws.S3.BucketObjectArgs { Bucket = bucket.Id, Key = "index.html", Acl = {|SIA5002:PublicAcl|} });
            """),
            Program("""
                    new Aws.S3.Bucket("site", new Aws.S3.BucketArgs { Acl = "private" });
                    new Aws.S3.BucketObject("index", new Aws.S3.BucketObjectArgs { Bucket = bucket.Id, Key = "index.html", Acl = "private" });
            """));
    }

    [Fact]
    public async Task Fix_FalseFlagsBecomeTrue_UnsetFlagsAreAdded_FixAll()
    {
        await Verify.VerifyCodeFixAsync(
            Program("""
                    {|SIA5002:new Aws.S3.BucketPublicAccessBlock("block", new Aws.S3.BucketPublicAccessBlockArgs
                    {
                        Bucket = bucket.Id,
                        BlockPublicAcls = {|SIA5002:false|},
                        IgnorePublicAcls = {|SIA5002:stack != "prod"|},
                    })|};
                    {|SIA5002:new Aws.S3.BucketPublicAccessBlock("empty", new Aws.S3.BucketPublicAccessBlockArgs { Bucket = bucket.Id })|};
                    new Aws.S3.Bucket("site", new Aws.S3.BucketArgs { Acl = {|SIA5002:"public-read-write"|} });
            """),
            Program("""
                    new Aws.S3.BucketPublicAccessBlock("block", new Aws.S3.BucketPublicAccessBlockArgs
                    {
                        Bucket = bucket.Id,
                        BlockPublicAcls = true,
                        IgnorePublicAcls = true,
                        BlockPublicPolicy = true,
                        RestrictPublicBuckets = true,
                    });
                    new Aws.S3.BucketPublicAccessBlock("empty", new Aws.S3.BucketPublicAccessBlockArgs { Bucket = bucket.Id, BlockPublicAcls = true, BlockPublicPolicy = true, IgnorePublicAcls = true, RestrictPublicBuckets = true });
                    new Aws.S3.Bucket("site", new Aws.S3.BucketArgs { Acl = "private" });
            """));
    }
}
