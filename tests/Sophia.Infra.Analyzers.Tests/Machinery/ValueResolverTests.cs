using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

public sealed class ValueResolverTests
{
    private static async Task<ResolvedString[]> ResolveProbesAsync(params string[] sources)
    {
        var compilation = await TestCompilation.CreateAsync(true, sources.Append(TestCompilation.ProbeClass).ToArray());
        var services = TestCompilation.Services(compilation);
        return TestCompilation.Probes(compilation).Select(p => services.Values.ResolveString(p, CancellationToken.None)).ToArray();
    }

    [Fact]
    public async Task LiteralConstantAndConcatenation_AreKnown()
    {
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C
            {
                const string Project = "sophia";
                void M()
                {
                    Probe("sophia-dev-vm-agent");
                    Probe(Project + "-dev-" + "vm" + "-agent");
                    Probe(string.Format("{0}-{1}", Project, "x"));
                    Probe(string.Concat(Project, "-", "y"));
                    Probe("x" + (1 + 2));
                }
            }
            """);

        Assert.Equal(new[] { "sophia-dev-vm-agent", "sophia-dev-vm-agent", "sophia-x", "sophia-y", "x3" }, results.Select(r => r.Value));
        Assert.False(results[0].Parts[0].ViaReference);
        Assert.True(results[1].Parts[0].ViaReference); // came through a constant
    }

    [Fact]
    public async Task StackNameThroughLocalsAndInterpolation_IsRecognised()
    {
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                void M()
                {
                    var stack = Deployment.Instance.StackName;
                    var name = $"sophia-{stack}-vm-agent";
                    Probe(name);
                    Probe($"{Deployment.Instance.ProjectName}-{Deployment.Instance.StackName}");
                }
            }
            """);

        Assert.Equal("sophia-{stack}-vm-agent", results[0].ToDisplayString());
        Assert.Equal(new[] { StringPartKind.Text, StringPartKind.StackName, StringPartKind.Text }, results[0].Parts.Select(p => p.Kind));
        Assert.Equal("{project}-{stack}", results[1].ToDisplayString());
        Assert.False(results[0].IsFullyKnown);
    }

    [Fact]
    public async Task ReassignedLocalAndConfig_StayUnknown()
    {
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                void M(bool b)
                {
                    var name = "a";
                    if (b) { name = "b"; }
                    Probe(name);
                    var config = new Config();
                    Probe(config.Require("name"));
                }
            }
            """);

        Assert.All(results, r => Assert.Equal(StringPartKind.Unknown, Assert.Single(r.Parts).Kind));
    }

    [Fact]
    public async Task ObjectInitializerMemberOfTheSameName_IsNotAWriteOfTheLocal()
    {
        // `Name = ...` inside `new T { ... }` sets a member of the new object: the local called Name is still assigned once.
        // A real write of the local (`Name = "b"`) still makes it unknown.
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class Holder { public string Name { get; set; } = ""; }
            class C
            {
                void M(bool b)
                {
                    var Name = "sophia-dev-bucket-logs";
                    var holder = new Holder { Name = "other" };
                    var copy = new Holder { Name = Name };
                    Probe(Name);
                    var other = "a";
                    if (b) { other = "b"; }
                    Probe(other);
                }
            }
            """);

        Assert.Equal(2, results.Length);
        Assert.Equal("sophia-dev-bucket-logs", results[0].ToDisplayString());
        Assert.Equal(StringPartKind.Unknown, Assert.Single(results[1].Parts).Kind);
    }

    [Fact]
    public async Task ReadonlyFieldsAndGetOnlyProperties_AreFollowed()
    {
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                private readonly string _stack = Deployment.Instance.StackName;
                private readonly string _set;
                public string Prefix { get; } = "sophia";
                public string Computed => $"{Prefix}-x";
                public string Settable { get; set; } = "no";
                C() { _set = "ctor"; }
                void M()
                {
                    Probe(_stack);
                    Probe(_set);
                    Probe(Prefix);
                    Probe(Computed);
                    Probe(Settable);
                }
            }
            """);

        Assert.Equal(new[] { "{stack}", "ctor", "sophia", "sophia-x", "{Settable}" }, results.Select(r => r.ToDisplayString()));
    }

    [Fact]
    public async Task HelperMethod_IsFollowedOneLevel()
    {
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            static class Naming
            {
                public static string Of(string type, string purpose) => $"sophia-{Deployment.Instance.StackName}-{type}-{purpose}";
                public static string Twice(string type) => Of(type, type);
            }
            class C
            {
                void M()
                {
                    Probe(Naming.Of("vm", "agent"));
                    Probe(Naming.Twice("vm"));
                }
            }
            """);

        Assert.Equal("sophia-{stack}-vm-agent", results[0].ToDisplayString());
        Assert.Equal(StringPartKind.Unknown, Assert.Single(results[1].Parts).Kind); // two levels: not followed
    }

    [Fact]
    public async Task ValuesDeclaredInAnotherFile_AreFollowedThroughTheirOperations()
    {
        var results = await ResolveProbesAsync(
            /* lang=c#-test */ """
            using static ProbeHost;
            class C
            {
                void M()
                {
                    Probe(Names.Prefix);
                    Probe(Names.Of("vm"));
                }
            }
            """,
            /* lang=c#-test */ """
            using Pulumi;
            static class Names
            {
                public static readonly string Prefix = "sophia-" + Deployment.Instance.StackName;
                public static string Of(string type) => $"{Prefix}-{type}-main";
            }
            """);

        Assert.Equal("sophia-{stack}", results[0].ToDisplayString());
        Assert.Equal("sophia-{stack}-vm-main", results[1].ToDisplayString());
        Assert.All(results[1].Parts, part => Assert.NotNull(part.Operation)); // operations of the other file, not syntax only
    }

    [Fact]
    public async Task UnknownParts_CarryTheirRootSymbolAndPath()
    {
        var results = await ResolveProbesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class Item { public string Name { get; set; } = ""; }
            class C
            {
                void M(Item[] items)
                {
                    foreach (var item in items)
                    {
                        Probe($"a-{item.Name}");
                        Probe($"b-{item.Name}");
                    }
                }
            }
            """);

        var first = results[0].Parts[1];
        var second = results[1].Parts[1];
        Assert.Equal("item", first.Symbol!.Name);
        Assert.Equal(".Name", first.Path);
        Assert.True(first.IsSameUnknownAs(second));
    }

    [Fact]
    public async Task FollowAndBooleans_ResolveConstantsThroughLocals()
    {
        var compilation = await TestCompilation.CreateAsync(true, /* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                void M(bool unknown)
                {
                    const bool off = false;
                    var on = !off;
                    var opts = new CustomResourceOptions { Protect = on };
                    Probe(on);
                    Probe(unknown);
                    Probe(opts);
                }
            }
            """ + TestCompilation.ProbeClass);
        var services = TestCompilation.Services(compilation);
        var probes = TestCompilation.Probes(compilation);

        Assert.True(services.Values.ResolveBoolean(probes[0], CancellationToken.None));
        Assert.Null(services.Values.ResolveBoolean(probes[1], CancellationToken.None));
        Assert.IsAssignableFrom<Microsoft.CodeAnalysis.Operations.IObjectCreationOperation>(services.Values.Follow(probes[2], CancellationToken.None));
    }
}
