using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.StoreEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>SIA3002 on the real <c>OpenSearch.Domain</c> of the extended listing: <c>EncryptAtRest.Enabled</c> must be true (AWS's default is off).</summary>
public sealed class OpenSearchEncryptionTests
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

    [Fact]
    public async Task EncryptedDomain_AndUnknownFlag_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.OpenSearch.Domain("search", new Aws.OpenSearch.DomainArgs
                    {
                        EngineVersion = "OpenSearch_2.13",
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = true },
                    });
                    new Aws.OpenSearch.Domain("search-kms", new Aws.OpenSearch.DomainArgs
                    {
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = true, KmsKeyId = "alias/search" },
                    });
                    new Aws.OpenSearch.Domain("search-config", new Aws.OpenSearch.DomainArgs
                    {
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = config.RequireBoolean("encrypt") },
                    });
            """));
    }

    [Fact]
    public async Task MissingBlockOrFlag_AtTheCreation_FalseFlag_AtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    {|#0:new Aws.OpenSearch.Domain("sophia-dev-opensearch-logs")|};
                    {|#1:new Aws.OpenSearch.Domain("sophia-dev-opensearch-app", new Aws.OpenSearch.DomainArgs { EngineVersion = "OpenSearch_2.13" })|};
                    {|#2:new Aws.OpenSearch.Domain("sophia-dev-opensearch-key", new Aws.OpenSearch.DomainArgs
                    {
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { KmsKeyId = "alias/search" },
                    })|};
                    new Aws.OpenSearch.Domain("sophia-dev-opensearch-off", new Aws.OpenSearch.DomainArgs
                    {
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = {|#3:false|} },
                    });
            """),
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(0).WithArguments("OpenSearch domain", "sophia-dev-opensearch-logs",
                "EncryptAtRest is not set (set EncryptAtRest.Enabled = true)"),
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(1).WithArguments("OpenSearch domain", "sophia-dev-opensearch-app",
                "EncryptAtRest is not set (set EncryptAtRest.Enabled = true)"),
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(2).WithArguments("OpenSearch domain", "sophia-dev-opensearch-key",
                "EncryptAtRest.Enabled is not set (set EncryptAtRest.Enabled = true)"),
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(3).WithArguments("OpenSearch domain", "sophia-dev-opensearch-off",
                "EncryptAtRest.Enabled is false (set it to true)"));
    }

    [Fact]
    public async Task ArgsFromAHelper_AreUnknown_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.OpenSearch.Domain("search", Args());
                }

                static Aws.OpenSearch.DomainArgs Args() => new() { EngineVersion = config };
                static string config = "OpenSearch_2.13";
                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task LookAlikeDomain_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.OpenSearch
            {
                public sealed class Domain { public Domain(string name) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.OpenSearch.Domain("search");
            }
            """);
    }

    [Fact]
    public async Task Fix_SetsEncryptAtRestEnabled_FixAll()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    {|SIA3002:new Aws.OpenSearch.Domain("search", new Aws.OpenSearch.DomainArgs
                    {
                        EngineVersion = "OpenSearch_2.13",
                    })|};
                    new Aws.OpenSearch.Domain("search-off", new Aws.OpenSearch.DomainArgs
                    {
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = {|SIA3002:false|} },
                    });
            """), Program("""
                    new Aws.OpenSearch.Domain("search", new Aws.OpenSearch.DomainArgs
                    {
                        EngineVersion = "OpenSearch_2.13",
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = true },
                    });
                    new Aws.OpenSearch.Domain("search-off", new Aws.OpenSearch.DomainArgs
                    {
                        EncryptAtRest = new Aws.OpenSearch.Inputs.DomainEncryptAtRestArgs { Enabled = true },
                    });
            """));
    }
}
