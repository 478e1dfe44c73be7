using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Policies;
using Sophia.Infra.Analyzers.PulumiFiles;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Robustness;

/// <summary>
/// Typing-time fuzzing: every analyzer over every test source, sample and reference-stack file cut at token boundaries (as
/// code is typed) and with single tokens deleted or duplicated; every <c>sophia_infra.*</c> option set to garbage; every
/// YAML and policy reader given truncated and binary input. No analyzer may throw (AD0001, or the driver's exception
/// callback) and every finding must lie inside the text it was reported on. Seeds and counts are fixed, so a failure
/// reproduces; the counts keep the whole file under a minute on two cores.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261130;

    // Per test source: this many random token-boundary cuts, deletions and duplications.
    private const int CutsPerTestSource = 2;
    private const int EditsPerTestSource = 1;

    // Per sample or reference-stack file: cuts at this many token boundaries spread over the file, and random edits.
    private const int CutsPerProgramFile = 20;
    private const int EditsPerProgramFile = 4;

    // Mutated texts analysed together in one compilation (each its own tree).
    private const int Batch = 24;

    private static readonly string[] Garbage =
    {
        string.Empty, " ", "\0", "-1", "99999999999999999999", ",,,", "a,,b", "TRUE,FALSE", "ünïcødé", "\"quoted\"", "0x1F", "80-443",
        "prod;dev", new string('x', 300), "sophia-",
    };

    [Fact]
    public void Corpus_HoldsTheTestSourcesAndPrograms()
    {
        // The corpus is read from the test files: if reading it broke, the fuzz tests would pass vacuously.
        Assert.True(Corpus.TestSources().Count > 100, $"only {Corpus.TestSources().Count} test sources found");
        Assert.Contains(Corpus.TestSources(), s => s.Options is not null);
        Assert.DoesNotContain(Corpus.TestSources(), s => s.Text.Contains("[|", StringComparison.Ordinal) || s.Text.Contains("{|", StringComparison.Ordinal));
        Assert.True(Corpus.ProgramFiles().Count >= 8);
        Assert.NotEmpty(Corpus.Analyzers());
        Assert.NotEmpty(Corpus.CodeFixes());
    }

    [Fact]
    public async Task TestSourcesCutAndEditedAtTokens_NeverMakeAnAnalyzerThrow()
    {
        var random = new Random(Seed);
        var mutated = new List<string>();
        foreach (var source in Corpus.TestSources())
        {
            var tokens = TokenEnds(source.Text);
            if (tokens.Count < 2)
            {
                continue;
            }

            for (var i = 0; i < CutsPerTestSource; i++)
            {
                mutated.Add(source.Text.Substring(0, tokens[random.Next(tokens.Count)]));
            }

            for (var i = 0; i < EditsPerTestSource; i++)
            {
                mutated.Add(DeleteToken(source.Text, random));
                mutated.Add(DuplicateToken(source.Text, random));
            }
        }

        await AssertNoFailuresAsync(mutated, options: null);
    }

    [Fact]
    public async Task ProgramsCutAndEditedAtTokens_NeverMakeAnAnalyzerThrow()
    {
        var random = new Random(Seed + 1);
        var mutated = new List<string>();
        foreach (var file in Corpus.ProgramFiles())
        {
            var tokens = TokenEnds(file.Text);
            var step = Math.Max(1, tokens.Count / CutsPerProgramFile);
            for (var i = step / 2; i < tokens.Count; i += step)
            {
                mutated.Add(file.Text.Substring(0, tokens[i]));
            }

            for (var i = 0; i < EditsPerProgramFile; i++)
            {
                mutated.Add(DeleteToken(file.Text, random));
                mutated.Add(DuplicateToken(file.Text, random));
            }
        }

        await AssertNoFailuresAsync(mutated, options: null);
    }

    [Fact]
    public async Task EveryOptionGivenGarbage_NeverMakesAnAnalyzerThrow()
    {
        var references = await Corpus.ReferencesAsync();
        var programs = Corpus.ProgramFiles().Select(f => f.Text).ToList();
        var keys = SophiaOptions.FixedOptionNames.Select(n => SophiaOptions.Prefix + n)
            .Concat(SophiaOptions.FixedOptionNames.Select(n => SophiaOptions.Prefix + "sia1001." + n))
            .Concat(new[] { SophiaOptions.ResourceTypePrefix + "Pulumi.Aws.S3.Bucket", SophiaOptions.ResourceTypePrefix + "Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration", SophiaOptions.ResourceTypePrefix })
            .ToList();
        var failures = new List<string>();
        foreach (var garbage in Garbage)
        {
            var options = Corpus.Options(string.Join("\n", keys.Select(k => k + " = " + garbage)), Corpus.PulumiFiles());
            var compilation = Corpus.Compile(references, programs);
            var analysis = await Corpus.AnalyzeAsync(compilation, options);
            failures.AddRange(analysis.Exceptions.Select(e => $"options = '{Show(garbage)}': {e}"));
            failures.AddRange(analysis.Diagnostics.Select(d => Corpus.LocationProblem(d, compilation, options)).OfType<string>().Select(p => $"options = '{Show(garbage)}': {p}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Distinct().Take(5)));
    }

    [Fact]
    public void YamlAndRollbackReaders_GivenTruncatedAndBinaryInput_NeverThrow()
    {
        var inputs = new List<string>();
        foreach (var (_, text) in Corpus.PulumiFiles())
        {
            for (var cut = 0; cut <= text.Length; cut++)
            {
                inputs.Add(text.Substring(0, cut));
            }
        }

        inputs.AddRange(BinaryInputs(new Random(Seed + 2), 300));
        foreach (var input in inputs)
        {
            Assert.Null(Record.Exception(() => YamlReader.Parse(input)));
            Assert.Null(Record.Exception(() => PulumiProjectFile.Parse("/p/Pulumi.yaml", input)));
            Assert.Null(Record.Exception(() => PulumiStackFile.Parse("/p/Pulumi.dev.yaml", input)));
            Assert.Null(Record.Exception(() => RollbackDocument.FromString("/p/ROLLBACK.md", input)));
        }
    }

    [Fact]
    public void PulumiWorkspace_GivenTruncatedAndBinaryFiles_NeverThrows()
    {
        var random = new Random(Seed + 3);
        var files = Corpus.PulumiFiles();
        for (var round = 0; round < 200; round++)
        {
            var texts = files.Select(f => round % 4 == 3
                    ? BinaryInputs(random, 1)[0]
                    : f.Text.Substring(0, random.Next(f.Text.Length + 1)))
                .ToList();
            var additional = files.Select((f, i) => (AdditionalText)new Corpus.TextFile("/p/" + System.IO.Path.GetFileName(f.Path), texts[i])).ToImmutableArray();
            Assert.Null(Record.Exception(() => PulumiWorkspace.Create(additional, default)));
        }
    }

    [Fact]
    public void PolicyJsonReader_GivenTruncatedAndBinaryInput_NeverThrows()
    {
        var policies = Corpus.TestSources().Concat(Corpus.ProgramFiles())
            .SelectMany(s => JsonTexts(s.Text))
            .Distinct()
            .Take(40)
            .ToList();
        Assert.NotEmpty(policies);
        var inputs = new List<string>();
        foreach (var policy in policies)
        {
            for (var cut = 0; cut <= policy.Length; cut++)
            {
                inputs.Add(policy.Substring(0, cut));
            }
        }

        inputs.AddRange(BinaryInputs(new Random(Seed + 4), 300));
        foreach (var input in inputs)
        {
            var text = new ResolvedString(ImmutableArray.Create(new StringPart(StringPartKind.Text, input, null, null, null, null, false)));
            Assert.Null(Record.Exception(() => PolicyJsonReader.Read(text)));
        }
    }

    private static async Task AssertNoFailuresAsync(List<string> texts, string? options)
    {
        Assert.NotEmpty(texts);
        var references = await Corpus.ReferencesAsync();
        var analyzerOptions = Corpus.Options(options);
        var failures = new List<string>();
        for (var start = 0; start < texts.Count; start += Batch)
        {
            var batch = texts.Skip(start).Take(Batch).ToList();
            var compilation = Corpus.Compile(references, batch, "Typed");
            var analysis = await Corpus.AnalyzeAsync(compilation, analyzerOptions);
            foreach (var exception in analysis.Exceptions)
            {
                failures.Add(exception + "\n--- one of these texts:\n" + string.Join("\n---\n", batch.Select(t => t.Length > 400 ? "..." + t.Substring(t.Length - 400) : t)).Substring(0, 2000));
            }

            failures.AddRange(analysis.Diagnostics.Select(d => Corpus.LocationProblem(d, compilation, analyzerOptions)).OfType<string>());
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures over {texts.Count} texts:\n" + string.Join("\n\n", failures.Distinct().Take(3)));
    }

    /// <summary>The end position of every token (the points at which typing can stop between tokens).</summary>
    private static List<int> TokenEnds(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).Select(t => t.Span.End).ToList();

    private static string DeleteToken(string text, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var token = tokens[random.Next(tokens.Count)];
        return text.Remove(token.SpanStart, token.Span.Length);
    }

    private static string DuplicateToken(string text, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var token = tokens[random.Next(tokens.Count)];
        return text.Insert(token.Span.End, " " + token.Text);
    }

    private static List<string> BinaryInputs(Random random, int count)
    {
        var result = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            result.Add(i % 2 == 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes));
        }

        return result;
    }

    /// <summary>The JSON policy documents written in a source: the string literals that hold a "Statement".</summary>
    private static IEnumerable<string> JsonTexts(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            .Select(t => t.ValueText)
            .Where(v => v.Contains("Statement", StringComparison.Ordinal) && v.TrimStart().StartsWith('{'));

    private static string Show(string value) => value.Length > 20 ? value.Substring(0, 20) + "..." : value.Replace("\0", "\\0");
}
