using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary><see cref="ValueResolver.FollowUnchanged"/> and <see cref="ValueResolver.IsMemberWritten"/>.</summary>
public sealed class ValueResolverMemberWriteTests
{
    private static readonly ImmutableArray<string> Protect = ImmutableArray.Create("Protect");

    private static async Task<(ValueResolver Resolver, ImmutableArray<IOperation> Probes)> ProbesAsync(string source)
    {
        var compilation = await TestCompilation.CreateAsync(true, source, TestCompilation.ProbeClass);
        return (TestCompilation.Services(compilation).Values, TestCompilation.Probes(compilation));
    }

    [Fact]
    public async Task FollowUnchanged_FollowsLocalsAndFieldsWhoseMemberIsNotWritten()
    {
        var (resolver, probes) = await ProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                private static readonly CustomResourceOptions Shared = new() { Protect = true };

                void M()
                {
                    var options = new CustomResourceOptions { Protect = true };
                    var alias = options;
                    options.DeleteBeforeReplace = true;
                    Probe(alias);
                    Probe(Shared);
                }
            }
            """);

        Assert.All(probes, p => Assert.IsAssignableFrom<IObjectCreationOperation>(resolver.FollowUnchanged(p, Protect, CancellationToken.None)));
    }

    [Fact]
    public async Task FollowUnchanged_IsNullWhenTheMemberIsWrittenOnAnyVariableOfTheChain()
    {
        var (resolver, probes) = await ProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                private readonly CustomResourceOptions _field = new();

                C() => this._field.Protect = true;

                void M(bool flag)
                {
                    var options = new CustomResourceOptions();
                    var alias = options;
                    options.Protect = flag;
                    Probe(alias);

                    var other = new CustomResourceOptions();
                    (other.Protect, flag) = (true, false);
                    Probe(other);

                    Probe(_field);
                }
            }
            """);

        Assert.All(probes, p => Assert.Null(resolver.FollowUnchanged(p, Protect, CancellationToken.None)));

        // Follow itself still follows: only the member-aware variant declines.
        Assert.IsAssignableFrom<IObjectCreationOperation>(resolver.Follow(probes[0], CancellationToken.None));
    }

    [Fact]
    public async Task IsMemberWritten_MatchesTheVariableAndTheMemberOnly()
    {
        var (resolver, probes) = await ProbesAsync(/* lang=c#-test */ """
            using Pulumi;
            using static ProbeHost;
            class C
            {
                void M()
                {
                    var a = new CustomResourceOptions();
                    var b = new CustomResourceOptions();
                    b.Protect = true;
                    a.Version = "1";
                    Probe(a);
                    Probe(b);
                }
            }
            """);

        var a = ValueResolver.ReferencedSymbol(ValueResolver.Unwrap(probes[0]))!;
        var b = ValueResolver.ReferencedSymbol(ValueResolver.Unwrap(probes[1]))!;
        Assert.False(resolver.IsMemberWritten(a, "Protect", CancellationToken.None));
        Assert.True(resolver.IsMemberWritten(a, "Version", CancellationToken.None));
        Assert.True(resolver.IsMemberWritten(b, "Protect", CancellationToken.None));
        Assert.False(resolver.IsMemberWritten(b, "Version", CancellationToken.None));
    }

    [Fact]
    public async Task FollowUnchanged_WithoutMembers_IsFollow()
    {
        var (resolver, probes) = await ProbesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C
            {
                void M()
                {
                    var text = "sophia";
                    Probe(text);
                }
            }
            """);

        var followed = resolver.FollowUnchanged(probes[0], ImmutableArray<string>.Empty, CancellationToken.None);
        Assert.Equal("sophia", followed!.ConstantValue.Value);
        Assert.Same(resolver.Follow(probes[0], CancellationToken.None).Syntax, followed.Syntax);
    }
}
