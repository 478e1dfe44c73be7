using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary><see cref="ConfigRead"/>: which Config call, which variant, which key, which namespace.</summary>
public sealed class ConfigReadTests
{
    private static async Task<(string, bool, bool, string?, ConfigSourceKind, string?)?[]> ReadsAsync(string source)
    {
        var compilation = await TestCompilation.CreateAsync(true, source, TestCompilation.ProbeClass);
        var values = TestCompilation.Services(compilation).Values;
        return TestCompilation.Probes(compilation)
            .Select(p => ValueResolver.Unwrap(p) is IInvocationOperation invocation && ConfigRead.TryCreate(invocation, values.Symbols, out var read)
                ? Describe(read, values)
                : ((string, bool, bool, string?, ConfigSourceKind, string?)?)null)
            .ToArray();
    }

    [Fact]
    public async Task Reads_GiveTheirVariantKeyAndNamespace()
    {
        var reads = await ReadsAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                const string Key = "dbPassword";
                private static readonly Config Aws = new Config("aws");

                void M(Config parameter)
                {
                    var config = new Config();
                    Probe(config.Require("region"));
                    Probe(config.GetSecret(Key));
                    Probe(Aws.RequireInt32("maxRetries"));
                    Probe(parameter.GetObject<string[]>("zones"));
                    Probe(new Config(null).RequireSecretObject<string[]>("tokens"));
                    Probe(parameter.Get(parameter.Require("which")));
                }
            }
            """);

        Assert.Equal(6, reads.Length);
        Assert.All(reads, r => Assert.NotNull(r));

        Assert.Equal(("Require", true, false, "region", ConfigSourceKind.Project, (string?)null), reads[0]);
        Assert.Equal(("GetSecret", false, true, "dbPassword", ConfigSourceKind.Project, (string?)null), reads[1]);
        Assert.Equal(("RequireInt32", true, false, "maxRetries", ConfigSourceKind.Namespace, "aws"), reads[2]);
        Assert.Equal(("GetObject", false, false, "zones", ConfigSourceKind.Parameter, (string?)null), reads[3]);
        Assert.Equal(("RequireSecretObject", true, true, "tokens", ConfigSourceKind.Project, (string?)null), reads[4]);
        Assert.Null(reads[5]!.Value.Item4);
    }

    [Theory]
    [InlineData("Require", "RequireSecret")]
    [InlineData("Get", "GetSecret")]
    [InlineData("RequireInt32", "RequireSecretInt32")]
    [InlineData("GetBoolean", "GetSecretBoolean")]
    [InlineData("RequireObject", "RequireSecretObject")]
    [InlineData("GetDouble", "GetSecretDouble")]
    [InlineData("RequireSecret", "RequireSecret")]
    public void SecretVariant_InsertsSecretAfterTheVerb(string method, string expected) => Assert.Equal(expected, ConfigRead.SecretVariantOf(method));

    [Fact]
    public async Task OtherCalls_AreNotConfigReads()
    {
        var reads = await ReadsAsync(/* lang=c#-test */ """
            using static ProbeHost;
            namespace Fake
            {
                sealed class Config { public string Require(string key) => key; }
                class C
                {
                    void M()
                    {
                        Probe(new Config().Require("dbPassword"));
                        Probe("x".GetHashCode());
                    }
                }
            }
            """);

        Assert.Equal(new (string, bool, bool, string?, ConfigSourceKind, string?)?[] { null, null }, reads);
    }

    private static (string, bool, bool, string?, ConfigSourceKind, string?) Describe(ConfigRead read, ValueResolver values)
    {
        var source = read.ResolveSource(values, CancellationToken.None);
        return (read.MethodName, read.IsRequire, read.IsSecret, read.ResolveKey(values, CancellationToken.None), source.Kind, source.Namespace);
    }
}
