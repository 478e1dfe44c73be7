using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Robustness;

/// <summary>
/// Concurrent analysis gives the same findings every time: every analyzer, with concurrent execution on, over the samples
/// and the reference stack together and over a batch of test sources, twice; the findings (rule, place, message, properties)
/// must be identical, and identical to a sequential run.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task ConcurrentAnalysisTwice_GivesIdenticalFindings()
    {
        var references = await Corpus.ReferencesAsync();
        var programs = Corpus.ProgramFiles().Select(f => f.Text).ToList();
        var options = Corpus.Options("sophia_infra.project = sophia", Corpus.PulumiFiles());

        var sequential = await FindingsAsync(Corpus.Compile(references, programs), options, concurrent: false);
        var first = await FindingsAsync(Corpus.Compile(references, programs), options, concurrent: true);
        var second = await FindingsAsync(Corpus.Compile(references, programs), options, concurrent: true);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(sequential, first);
    }

    [Fact]
    public async Task ConcurrentAnalysisOfTestSources_GivesIdenticalFindings()
    {
        var references = await Corpus.ReferencesAsync();

        // Test sources declare the same types, so they are analysed in groups of distinct files, each its own compilation.
        var sources = Corpus.TestSources().Select(s => s.Text).Distinct().ToList();
        var options = Corpus.Options(null);
        for (var start = 0; start < sources.Count; start += 40)
        {
            var batch = sources.Skip(start).Take(40).ToList();
            var first = await FindingsAsync(Corpus.Compile(references, batch), options, concurrent: true);
            var second = await FindingsAsync(Corpus.Compile(references, batch), options, concurrent: true);
            Assert.Equal(first, second);
        }
    }

    private static async Task<List<string>> FindingsAsync(Compilation compilation, AnalyzerOptions options, bool concurrent)
    {
        var analysis = await Corpus.AnalyzeAsync(compilation, options, concurrent);
        Assert.True(analysis.Exceptions.Count == 0, string.Join("\n", analysis.Exceptions));
        return analysis.Diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} {string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))} {string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
    }
}
