using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary><see cref="ValueResolver.IsChangedAfterAssignment"/>: an object built in a local or field and changed afterwards.</summary>
public sealed class ChangedAfterAssignmentTests
{
    [Fact]
    public async Task MembersElementsAndChangingCalls_AreChanges()
    {
        var compilation = await TestCompilation.CreateAsync(true, /* lang=c#-test */ """
            using System.Collections.Generic;
            using static ProbeHost;
            class Box { public string? Value { get; set; } }
            class C
            {
                private readonly List<string> _field = new() { "a" };
                private readonly List<string> _untouched = new() { "a" };

                void Grow() => _field.Add("b");

                void M(bool b)
                {
                    var untouched = new Dictionary<string, object?> { ["Effect"] = "Allow" };
                    var indexed = new Dictionary<string, object?> { ["Effect"] = "Allow" };
                    if (b) { indexed["Condition"] = "x"; }
                    var added = new List<string> { "a" };
                    added.Add("b");
                    var box = new Box { Value = "a" };
                    box.Value = "b";
                    var cleared = new List<string> { "a" };
                    (cleared).Clear();
                    var read = new List<string> { "a" };
                    var count = read.Count + read.IndexOf("a");
                    Probe(untouched);
                    Probe(indexed);
                    Probe(added);
                    Probe(box);
                    Probe(cleared);
                    Probe(read);
                    Probe(_field);
                    Probe(_untouched);
                }
            }
            """, TestCompilation.ProbeClass);
        var values = TestCompilation.Services(compilation).Values;
        var changed = TestCompilation.Probes(compilation)
            .Select(p => values.IsChangedAfterAssignment(ValueResolver.ReferencedSymbol(ValueResolver.Unwrap(p))!, CancellationToken.None))
            .ToArray();

        Assert.Equal(new[] { false, true, true, true, true, false, true, false }, changed);
    }
}
