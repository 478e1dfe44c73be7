using System.Threading.Tasks;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.BucketEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>
/// The SIA3001 fix is offered only where it can insert the configuration after the bucket's statement (found by the
/// fix-verification test: it used to be offered for a bucket in an expression body or a field initializer, and do nothing).
/// The fix itself, for buckets in locals, assignments and bare statements, is tested in <see cref="BucketEncryptionTests"/>.
/// </summary>
public sealed class BucketEncryptionFixOfferTests
{
    [Fact]
    public async Task BucketInAnExpressionBody_IsReported_WithoutAFix()
    {
        // Fixed code equal to the test code: the verifier asserts that no fix is offered.
        const string source = /* lang=c#-test */ """
            using Pulumi;

            class Infra
            {
                void M() => {|SIA3001:new Pulumi.Aws.S3.Bucket($"sophia-{Deployment.Instance.StackName}-bucket-main")|};
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task BucketInAFieldInitializer_IsReported_WithoutAFix()
    {
        const string source = /* lang=c#-test */ """
            using Pulumi;

            class Infra
            {
                private readonly Pulumi.Aws.S3.Bucket _main = {|SIA3001:new Pulumi.Aws.S3.Bucket($"sophia-{Deployment.Instance.StackName}-bucket-main")|};
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source);
    }
}
