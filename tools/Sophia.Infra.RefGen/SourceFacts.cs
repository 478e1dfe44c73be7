using System;
using System.Collections.Generic;
using System.Linq;

namespace Sophia.Infra.RefGen;

/// <summary>
/// What one member of the real source declares beyond what the reflection listing shows. The listing is produced by
/// reflection over the runtime types, which loses three compile-time facts that user code depends on:
/// tuple element names (<c>[TupleElementNames]</c>), nullable annotations inside type arguments, and whether an
/// interface member has a default body (a non-abstract interface method). The listing format has no marker for them,
/// and the listing is shared (copied unchanged from ../shared), so the generator restores them from this table.
/// </summary>
/// <param name="ReturnType">The return type as the source writes it (listing style: namespace-qualified, C# tuple syntax), or null to keep the listing's.</param>
/// <param name="ParameterTypes">Parameter name -> type as the source writes it, for parameters whose type differs from the listing's.</param>
/// <param name="DefaultBody">The interface member has a default implementation in the source: it is not abstract, and implementers need not implement it.</param>
public sealed record SourceFact(string? ReturnType, IReadOnlyDictionary<string, string> ParameterTypes, bool DefaultBody);

/// <summary>
/// The table of <see cref="SourceFact"/>s. Every entry was read in the real source: repository pulumi/pulumi-dotnet,
/// tag v3.112.1 (the version the core listing names), folder sdk/Pulumi/. Keys are the listed type's full name and the
/// member's listing line, exactly; <see cref="Emitter"/> fails the generation when an entry matches no listing line,
/// so a listing change cannot silently drop a fact.
/// <para>Checked at that tag and found to need nothing here: <c>Pulumi.Experimental.IEngine</c> (Deployment/IEngine.cs:
/// both members abstract, no tuples); the internal interfaces the listing names as bases (IInput, IOutput, IUnion,
/// IDeployment, IDeploymentInternal: all <c>internal</c>); <c>Output.Tuple</c> (Core/Output_Tuple.cs: unnamed tuples
/// <c>(T1, T2, ...)</c>, which is what <c>ValueTuple&lt;...&gt;</c> already is); <c>Output&lt;T&gt;.Apply(Func&lt;T, Task&gt;)</c>
/// (Core/Output.cs: <c>Output&lt;ValueTuple&gt;</c>, the non-generic unit type).</para>
/// </summary>
public static class SourceFacts
{
    static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    const string TestResult =
        "System.Threading.Tasks.Task<(System.Collections.Immutable.ImmutableArray<Pulumi.Resource> Resources, System.Collections.Generic.IDictionary<string, object?> Outputs)>";

    public static readonly IReadOnlyDictionary<(string Type, string Line), SourceFact> Table =
        new Dictionary<(string Type, string Line), SourceFact>
        {
            // Testing/IMocks.cs: `Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);`
            [("Pulumi.Testing.IMocks", "System.Threading.Tasks.Task<System.ValueTuple<string, object>> NewResourceAsync(Pulumi.Testing.MockResourceArgs args)")] =
                new("System.Threading.Tasks.Task<(string? id, object state)>", NoParameters, false),
            // Testing/IMocks.cs: `Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => Task.CompletedTask;`
            [("Pulumi.Testing.IMocks", "System.Threading.Tasks.Task RegisterResourceOutputs(Pulumi.Testing.MockRegisterResourceOutputsRequest args)")] =
                new(null, NoParameters, true),
            // Testing/EmptyMocks.cs: `public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)`
            [("Pulumi.Testing.EmptyMocks", "System.Threading.Tasks.Task<System.ValueTuple<string, object>> NewResourceAsync(Pulumi.Testing.MockResourceArgs args)")] =
                new("System.Threading.Tasks.Task<(string? id, object state)>", NoParameters, false),
            // Deployment/Deployment_Run.cs: `Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)>
            //   TestAsync(IMocks testMocks, TestOptions testOptions, Func<Task<IDictionary<string, object?>>> createResources)`
            [("Pulumi.Deployment", "static System.Threading.Tasks.Task<System.ValueTuple<System.Collections.Immutable.ImmutableArray<Pulumi.Resource>, System.Collections.Generic.IDictionary<string, object>>> TestAsync(Pulumi.Testing.IMocks testMocks, Pulumi.Testing.TestOptions testOptions, System.Func<System.Threading.Tasks.Task<System.Collections.Generic.IDictionary<string, object>>> createResources)")] =
                new(TestResult, new Dictionary<string, string>
                {
                    ["createResources"] = "System.Func<System.Threading.Tasks.Task<System.Collections.Generic.IDictionary<string, object?>>>",
                }, false),
            // Deployment/Deployment_Run.cs: the same result for `Func<IDictionary<string, object?>> createResources`.
            [("Pulumi.Deployment", "static System.Threading.Tasks.Task<System.ValueTuple<System.Collections.Immutable.ImmutableArray<Pulumi.Resource>, System.Collections.Generic.IDictionary<string, object>>> TestAsync(Pulumi.Testing.IMocks testMocks, Pulumi.Testing.TestOptions testOptions, System.Func<System.Collections.Generic.IDictionary<string, object>> createResources)")] =
                new(TestResult, new Dictionary<string, string>
                {
                    ["createResources"] = "System.Func<System.Collections.Generic.IDictionary<string, object?>>",
                }, false),
        };

    /// <summary>The fact of a listed member, or null.</summary>
    public static SourceFact? For(TypeModel type, MemberModel member) =>
        Table.TryGetValue((type.FullName, member.RawLine), out var fact) ? fact : null;

    /// <summary>Entries of <see cref="Table"/> that match no member of <paramref name="types"/> (a stale table).</summary>
    public static List<string> Unmatched(IEnumerable<TypeModel> types)
    {
        var present = new HashSet<(string, string)>(types.SelectMany(t => t.Members.Select(m => (t.FullName, m.RawLine))));
        return Table.Keys.Where(k => !present.Contains(k)).Select(k => k.Type + ": " + k.Line).ToList();
    }
}
