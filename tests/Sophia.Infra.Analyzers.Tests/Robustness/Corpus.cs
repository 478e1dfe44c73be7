using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Tests.Verifiers;

namespace Sophia.Infra.Analyzers.Tests.Robustness;

/// <summary>One program text of the corpus, with the analyzer options its test uses (<c>key = value</c> lines, or null).</summary>
public sealed record CorpusSource(string Name, string Text, string? Options);

/// <summary>
/// The programs the robustness tests run over, and the analyzers and fixes they run: every analyzer and code fix of the
/// package (found by reflection, so rules added later are covered), the sample programs, the reference stack, and every
/// test source. Test sources are read from the test files themselves: every string literal of a test under Rules/ that
/// mentions Pulumi (the sources given to the verifiers, whole programs and fragments), with its markup removed, paired
/// with the options the same test method passes to <c>WithOptions(...)</c>. So a new test is in the corpus by being written.
/// </summary>
public static class Corpus
{
    public static readonly string RepoRoot = FindRepoRoot();

    private static readonly Lazy<IReadOnlyList<CorpusSource>> LazyTestSources = new(ReadTestSources);
    private static readonly SemaphoreSlim ReferencesGate = new(1, 1);
    private static ImmutableArray<MetadataReference> _references;

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sophia.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    /// <summary>Every analyzer of Sophia.Infra.Analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every code fix of Sophia.Infra.CodeFixes.</summary>
    public static ImmutableArray<CodeFixProvider> CodeFixes() =>
        typeof(Sophia.Infra.CodeFixes.Rules.Naming.NamingCodeFix).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The sample programs and the reference stack, one entry per file.</summary>
    public static IReadOnlyList<CorpusSource> ProgramFiles() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "src", "Sophia.Infra.Stack"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(RepoRoot, "samples", "Sophia.Infra.Samples"), "*.cs"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new CorpusSource(Path.GetRelativePath(RepoRoot, f), File.ReadAllText(f), null))
            .ToList();

    /// <summary>The Pulumi files of the samples and the reference stack (Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml, ROLLBACK.md).</summary>
    public static IReadOnlyList<(string Path, string Text)> PulumiFiles() =>
        new[] { Path.Combine(RepoRoot, "src", "Sophia.Infra.Stack"), Path.Combine(RepoRoot, "samples", "Sophia.Infra.Samples") }
            .SelectMany(d => Directory.GetFiles(d).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoRoot, f), File.ReadAllText(f)))
            .ToList();

    /// <summary>Every test source (see the class summary), in a stable order.</summary>
    public static IReadOnlyList<CorpusSource> TestSources() => LazyTestSources.Value;

    private static IReadOnlyList<CorpusSource> ReadTestSources()
    {
        var result = new List<CorpusSource>();
        var seen = new HashSet<(string, string?)>();
        var folder = Path.Combine(RepoRoot, "tests", "Sophia.Infra.Analyzers.Tests", "Rules");
        foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            var index = 0;
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (!literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.Token.ValueText is not { Length: > 40 } text || !text.Contains("Pulumi", StringComparison.Ordinal))
                {
                    continue;
                }

                var source = AsProgram(StripMarkup(text));
                var method = literal.FirstAncestorOrSelf<MethodDeclarationSyntax>();
                var options = method is null ? new List<string?>() : OptionsIn(method);
                if (options.Count == 0)
                {
                    options.Add(null);
                }

                foreach (var option in options)
                {
                    if (seen.Add((source, option)))
                    {
                        result.Add(new CorpusSource($"{Path.GetFileNameWithoutExtension(file)}#{index}", source, option));
                    }
                }

                index++;
            }
        }

        return result;
    }

    /// <summary>The option texts passed to <c>WithOptions("...")</c> in a test method.</summary>
    private static List<string?> OptionsIn(MethodDeclarationSyntax method) =>
        method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithOptions" } && i.ArgumentList.Arguments.Count == 1)
            .Select(i => i.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: { } value } ? value : null)
            .Where(v => v is not null)
            .Distinct()
            .ToList();

    /// <summary>
    /// A fragment (statements, as the Naming tests pass to their <c>InMethod</c> helper) inside a method that has the
    /// locals and parameters those fragments use; whole programs as they are.
    /// </summary>
    public static string AsProgram(string text) =>
        text.Contains("using ", StringComparison.Ordinal) || text.Contains("class ", StringComparison.Ordinal) || text.Contains("namespace ", StringComparison.Ordinal)
            ? text
            : "using System.Linq;\nusing Pulumi;\nusing Aws = Pulumi.Aws;\n\nclass Infra\n{\n    void Create(Config config, string purpose, string other)\n    {\n        var stack = Deployment.Instance.StackName;\n"
                + text + "\n    }\n}\n";

    private static readonly Regex MarkupOpen = new(@"\{\|[^:|{}\s]+:", RegexOptions.Compiled);

    /// <summary>Removes the verifiers' markup: <c>[|...|]</c>, <c>{|ID:...|}</c>, <c>{|#0:...|}</c>.</summary>
    public static string StripMarkup(string text) =>
        MarkupOpen.Replace(text, string.Empty).Replace("|}", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty);

    /// <summary>.NET 8 reference assemblies and the ref/ Pulumi mirror.</summary>
    public static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
    {
        await ReferencesGate.WaitAsync();
        try
        {
            if (_references.IsDefault)
            {
                _references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Pulumi);
            }

            return _references;
        }
        finally
        {
            ReferencesGate.Release();
        }
    }

    public static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, IEnumerable<string> sources, string name = "Corpus") =>
        CSharpCompilation.Create(
            name,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Analyzer options: the given <c>key = value</c> lines as global options, and the given additional files.</summary>
    public static AnalyzerOptions Options(string? lines, IEnumerable<(string Path, string Text)>? additionalFiles = null) =>
        new(
            (additionalFiles ?? Array.Empty<(string, string)>()).Select(f => (AdditionalText)new TextFile(f.Path, f.Text)).ToImmutableArray(),
            new OptionsProvider(ParseOptions(lines)));

    public static Dictionary<string, string> ParseOptions(string? lines)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (lines ?? string.Empty).Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
            }
        }

        return values;
    }

    /// <summary>What one analysis found: its diagnostics, and every analyzer exception (as text).</summary>
    public sealed record Analysis(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);

    /// <summary>Runs every analyzer; analyzer exceptions (AD0001 and the driver's exception callback) are collected, not thrown.</summary>
    public static async Task<Analysis> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, bool concurrent = false, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers.IsDefault ? Analyzers() : analyzers,
            new CompilationWithAnalyzersOptions(options, (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception), concurrent, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.ToString());
        }

        return new Analysis(diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToList());
    }

    /// <summary>A finding whose location is not inside the text it was reported on (a source tree of the compilation, or an additional file).</summary>
    public static string? LocationProblem(Diagnostic diagnostic, Compilation compilation, AnalyzerOptions options)
    {
        foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
        {
            if (location.IsInSource)
            {
                var tree = location.SourceTree!;
                if (!compilation.ContainsSyntaxTree(tree) || location.SourceSpan.End > tree.Length || location.SourceSpan.Start < 0)
                {
                    return $"{diagnostic.Id} at {location.SourceSpan} outside its tree of length {tree.Length}";
                }
            }
            else if (location.Kind == LocationKind.ExternalFile)
            {
                var span = location.GetLineSpan();
                var file = options.AdditionalFiles.FirstOrDefault(f => f.Path == span.Path);
                if (file is null)
                {
                    return $"{diagnostic.Id} in '{span.Path}', which is not an additional file";
                }

                var lines = file.GetText()!.Lines.Count;
                if (span.StartLinePosition.Line < 0 || span.EndLinePosition.Line >= Math.Max(1, lines))
                {
                    return $"{diagnostic.Id} at line {span.StartLinePosition.Line + 1} of '{span.Path}', which has {lines} lines";
                }
            }
        }

        return null;
    }

    public sealed class TextFile : AdditionalText
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

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Values _values;

        public OptionsProvider(Dictionary<string, string> values) => _values = new Values(values);

        public override AnalyzerConfigOptions GlobalOptions => _values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _values;

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Values(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }
}
