using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary>The value-resolution cases the naming rules added: string.Join, the symbol of a followed unknown, IsWritten.</summary>
public sealed class ValueResolverNamingTests
{
    private static async Task<(ResolvedString[] Results, Compilation Compilation)> ResolveProbesAsync(string source)
    {
        var compilation = await TestCompilation.CreateAsync(true, source, TestCompilation.ProbeClass);
        var services = TestCompilation.Services(compilation);
        return (TestCompilation.Probes(compilation).Select(p => services.Values.ResolveString(p, CancellationToken.None)).ToArray(), compilation);
    }

    [Fact]
    public async Task StringJoin_OfAWrittenOutList_IsResolved()
    {
        var (results, _) = await ResolveProbesAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using Pulumi;
            using static ProbeHost;
            class C
            {
                void M(List<string> list)
                {
                    var stack = Deployment.Instance.StackName;
                    Probe(string.Join("-", "sophia", stack, "vm", "agent"));
                    Probe(string.Join('-', new[] { "sophia", "vm" }));
                    Probe(string.Join("-", list));
                }
            }
            """);

        Assert.Equal("sophia-{stack}-vm-agent", results[0].ToDisplayString());
        Assert.Equal("sophia-vm", results[1].Value);
        Assert.Equal(StringPartKind.Unknown, Assert.Single(results[2].Parts).Kind);
    }

    [Fact]
    public async Task FollowedSymbolHoldingAnUnknown_IsThatSymbol()
    {
        var (results, _) = await ResolveProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                void M(Config config)
                {
                    var fromConfig = config.Require("name");
                    Probe(fromConfig);
                    Probe($"x-{fromConfig}");
                    Probe(config.Require("other"));
                }
            }
            """);

        var first = Assert.Single(results[0].Parts);
        Assert.Equal(StringPartKind.Unknown, first.Kind);
        Assert.Equal("fromConfig", first.Symbol?.Name);
        Assert.Equal("fromConfig", first.Syntax?.ToString());
        Assert.True(first.IsSameUnknownAs(results[1].Parts[1]));
        Assert.Null(Assert.Single(results[2].Parts).Symbol);
    }

    [Fact]
    public async Task IsWritten_FindsAssignmentsIncrementsAndRefArguments()
    {
        var (_, compilation) = await ResolveProbesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C
            {
                void M(int a, int b, int c, int d)
                {
                    a = 1;
                    b++;
                    N(ref c);
                    Probe(d);
                }

                static void N(ref int x) { }
            }
            """);
        var services = TestCompilation.Services(compilation);
        var method = compilation.SyntaxTrees.First().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        Assert.True(services.Values.IsWritten(method, "a"));
        Assert.True(services.Values.IsWritten(method, "b"));
        Assert.True(services.Values.IsWritten(method, "c"));
        Assert.False(services.Values.IsWritten(method, "d"));
    }
}
