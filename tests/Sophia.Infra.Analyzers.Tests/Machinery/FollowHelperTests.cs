using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary><see cref="ValueResolver.FollowHelper"/>: one level into a helper of the compilation (any file), whatever it returns.</summary>
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
                    Probe(Other.Twice("a"));
                }
            }
            """,
            /* lang=c#-test */ """
            static class Other
            {
                public static string Twice(string s) { var t = s + s; return t; }
            }
            """);

        Assert.All(calls, call => Assert.Null(values.FollowHelper(call, CancellationToken.None)));
    }

    [Fact]
    public async Task HelperInAnotherFile_IsFollowedIntoThatFile()
    {
        var (values, calls) = await ProbeCallsAsync(
            /* lang=c#-test */ """
            using static ProbeHost;
            class C
            {
                void M()
                {
                    Probe(Other.Name("a"));
                    Probe(Other.Statement("s3:GetObject"));
                }
            }
            """,
            /* lang=c#-test */ """
            using System.Collections.Generic;
            static class Other
            {
                public static string Name(string s) => $"x-{s}";
                public static Dictionary<string, object?> Statement(string action) { return new() { ["Action"] = action }; }
            }
            """);

        var name = values.FollowHelper(calls[0], CancellationToken.None)!;
        Assert.IsAssignableFrom<IInterpolatedStringOperation>(name.Returned);
        Assert.Equal("/src/File1.cs", name.Returned.Syntax.SyntaxTree.FilePath);
        Assert.Equal("\"a\"", name.Arguments[calls[0].TargetMethod.Parameters[0]].Syntax.ToString());
        Assert.Equal("x-a", values.ResolveString(calls[0], CancellationToken.None).ToDisplayString());

        var statement = values.FollowHelper(calls[1], CancellationToken.None)!;
        Assert.IsAssignableFrom<IObjectCreationOperation>(statement.Returned);
        Assert.Equal("/src/File1.cs", statement.Returned.Syntax.SyntaxTree.FilePath);
    }
}

/// <summary><see cref="ValueResolver.ModelOf"/>: the semantic model of another file, once per tree, safe from several threads.</summary>
public sealed class OtherFileModelTests
{
    [Fact]
    public async Task ModelOf_IsTheCurrentModelForItsTree_AndOneSharedModelPerOtherTree()
    {
        var compilation = await TestCompilation.CreateAsync(true, "class A { }", "class B { }", TestCompilation.ProbeClass);
        var values = TestCompilation.Services(compilation).Values;
        var trees = compilation.SyntaxTrees.ToArray();
#pragma warning disable RS1030 // Tests may create semantic models.
        var current = compilation.GetSemanticModel(trees[0]);
#pragma warning restore RS1030

        Assert.Same(current, values.ModelOf(trees[0], current));
        Assert.Null(values.ModelOf(trees[1], null));
        Assert.Null(values.ModelOf(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }"), current));

        var models = new SemanticModel?[64];
        Parallel.For(0, models.Length, i => models[i] = values.ModelOf(trees[1], current));
        Assert.All(models, model => Assert.Same(models[0], model));
        Assert.Same(trees[1], models[0]!.SyntaxTree);
    }
}
