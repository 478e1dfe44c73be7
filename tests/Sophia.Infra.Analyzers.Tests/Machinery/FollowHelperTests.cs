using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary><see cref="ValueResolver.FollowHelper"/>: one level into a helper of the same file, whatever it returns.</summary>
public sealed class FollowHelperTests
{
    private static async Task<(ValueResolver Values, IInvocationOperation[] Calls)> ProbeCallsAsync(params string[] sources)
    {
        var compilation = await TestCompilation.CreateAsync(true, sources.Append(TestCompilation.ProbeClass).ToArray());
        var values = TestCompilation.Services(compilation).Values;
        var calls = TestCompilation.Probes(compilation).Select(p => (IInvocationOperation)ValueResolver.Unwrap(p)).ToArray();
        return (values, calls);
    }

    [Fact]
    public async Task SingleReturnHelpers_GiveTheReturnedExpressionAndTheArguments()
    {
        var (values, calls) = await ProbeCallsAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using static ProbeHost;
            class C
            {
                static Dictionary<string, object?> Statement(string action) => new() { ["Action"] = action };
                static string[] Pair(string a, string b) { return new[] { a, b }; }
                void M()
                {
                    Probe(Statement("s3:GetObject"));
                    Probe(Pair("x", "y"));
                    int Local(int n) => n + 1;
                    Probe(Local(41));
                }
            }
            """);

        var statement = values.FollowHelper(calls[0], CancellationToken.None)!;
        Assert.IsAssignableFrom<IObjectCreationOperation>(statement.Returned);
        var parameter = calls[0].TargetMethod.Parameters[0];
        Assert.Equal("\"s3:GetObject\"", statement.Arguments[parameter].Syntax.ToString());

        var pair = values.FollowHelper(calls[1], CancellationToken.None)!;
        Assert.IsAssignableFrom<IArrayCreationOperation>(pair.Returned);
        Assert.Equal(2, pair.Arguments.Count);

        Assert.NotNull(values.FollowHelper(calls[2], CancellationToken.None));
    }

    [Fact]
    public async Task OtherMethods_AreNotFollowed()
    {
        var (values, calls) = await ProbeCallsAsync(
            /* lang=c#-test */ """
            using static ProbeHost;
            class C
            {
                static string Twice(string s) { var t = s + s; return t; }
                void M()
                {
                    Probe(Twice("a"));
                    Probe(string.Concat("a", "b"));
                    Probe(Other.Name("a"));
                }
            }
            """,
            /* lang=c#-test */ """
            static class Other
            {
                public static string Name(string s) => s;
            }
            """);

        Assert.All(calls, call => Assert.Null(values.FollowHelper(call, CancellationToken.None)));
    }
}
