using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Tests.Verifiers;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Robustness;

/// <summary>
/// No analyzer ever throws: every analyzer of the package runs over code as it is typed (the reference stack and the
/// samples cut off at many points, and with single lines removed) and over broken Pulumi config files; any analyzer
/// exception (what the IDE shows as AD0001) fails the test.
/// </summary>
public sealed class IncompleteCodeTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sophia.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static IEnumerable<string> ProgramFiles() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "src", "Sophia.Infra.Stack"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(RepoRoot, "samples", "Sophia.Infra.Samples"), "*.cs"))
            .OrderBy(f => f, StringComparer.Ordinal);

    private sealed class TextFile : AdditionalText
    {
        private readonly SourceText _text;

        public TextFile(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private static async Task<List<string>> RunAllAnalyzersAsync(ImmutableArray<MetadataReference> references, IEnumerable<string> sources, ImmutableArray<AdditionalText> additionalFiles)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs"));
        var compilation = CSharpCompilation.Create("Typed", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var failures = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            onAnalyzerException: (exception, analyzer, _) => failures.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Add(diagnostic.ToString());
        }

        return failures.ToList();
    }

    private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync() =>
        (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Pulumi);

    [Fact]
    public async Task ProgramsCutOffWhileTyping_NeverMakeAnAnalyzerThrow()
    {
        var references = await ReferencesAsync();
        var files = ProgramFiles().Select(File.ReadAllText).ToList();
        var failures = new List<string>();
        for (var f = 0; f < files.Count; f++)
        {
            var text = files[f];
            var step = Math.Max(1, text.Length / 16);
            for (var cut = step; cut < text.Length; cut += step)
            {
                var others = files.Where((_, i) => i != f);
                failures.AddRange(await RunAllAnalyzersAsync(references, others.Append(text.Substring(0, cut)), ImmutableArray<AdditionalText>.Empty));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Distinct().Take(5)));
    }

    [Fact]
    public async Task ProgramsWithALineRemoved_NeverMakeAnAnalyzerThrow()
    {
        var references = await ReferencesAsync();
        var random = new Random(20261125);
        var files = ProgramFiles().Select(File.ReadAllText).ToList();
        var failures = new List<string>();
        for (var round = 0; round < 24; round++)
        {
            var f = random.Next(files.Count);
            var lines = files[f].Split('\n').ToList();
            lines.RemoveAt(random.Next(lines.Count));
            var mutated = files.Select((text, i) => i == f ? string.Join("\n", lines) : text);
            failures.AddRange(await RunAllAnalyzersAsync(references, mutated, ImmutableArray<AdditionalText>.Empty));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Distinct().Take(5)));
    }

    [Theory]
    [InlineData("name: [unclosed\n")]
    [InlineData("\tname: tabbed\n")]
    [InlineData("config:\n  sophia:a: 1\n  sophia:a: 2\n")]
    [InlineData("config: &anchor\n  x: *anchor\n")]
    [InlineData("")]
    [InlineData("\0\0\u0001binary")]
    public async Task BrokenPulumiFiles_NeverMakeAnAnalyzerThrow(string yaml)
    {
        var references = await ReferencesAsync();
        var additional = ImmutableArray.Create<AdditionalText>(
            new TextFile("/p/Pulumi.yaml", yaml),
            new TextFile("/p/Pulumi.dev.yaml", yaml),
            new TextFile("/p/ROLLBACK.md", yaml));
        var failures = await RunAllAnalyzersAsync(references, ProgramFiles().Select(File.ReadAllText), additional);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }
}
