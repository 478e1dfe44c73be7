using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;

namespace Sophia.Infra.Benchmarks;

/// <summary>Everything a measurement needs: references, compilations of generated stacks, and the analyzers to run.</summary>
public static class Workload
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(CreateReferences);

    /// <summary>.NET reference assemblies (the SDK's targeting pack) plus Pulumi.dll and Pulumi.Aws.dll from ref/.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in Directory.GetFiles(FindTargetingPack(), "*.dll"))
        {
            builder.Add(MetadataReference.CreateFromFile(path));
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(global::Pulumi.Resource).Assembly.Location));
        builder.Add(MetadataReference.CreateFromFile(typeof(global::Pulumi.Aws.Provider).Assembly.Location));
        return builder.ToImmutable();
    }

    /// <summary>The dotnet installation's folder (the parent of shared/Microsoft.NETCore.App/&lt;version&gt;).</summary>
    public static string DotnetRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static string FindTargetingPack()
    {
        var packs = Path.Combine(DotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var version = Directory.GetDirectories(packs).OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).Last();
        var tfm = Directory.GetDirectories(Path.Combine(version, "ref")).OrderBy(d => d, StringComparer.Ordinal).Last();
        return tfm;
    }

    public static ImmutableArray<SyntaxTree> Parse(GeneratedStack stack) =>
        stack.Files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), ParseOptions, f.Path)).ToImmutableArray();

    public static SyntaxTree Parse(GeneratedFile file) => CSharpSyntaxTree.ParseText(SourceText.From(file.Text), ParseOptions, file.Path);

    /// <summary>A fresh compilation (nothing bound yet) of <paramref name="trees"/>.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Generated",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    /// <summary>Analyzer options: the stack's Pulumi files as additional files and its <c>sophia_infra.*</c> options as a global config.</summary>
    public static AnalyzerOptions Options(GeneratedStack stack) =>
        new(stack.AdditionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray(), new GlobalOptionsProvider(stack.Options));

    /// <summary>Every analyzer of the Sophia.Infra.Analyzers assembly, found by reflection (so rules added later are measured too).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SophiaAnalyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The .NET SDK's code-quality analyzers (Microsoft.CodeAnalysis.NetAnalyzers), loaded from the SDK folder.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SdkAnalyzers()
    {
        var folder = FindSdkAnalyzerFolder();
        if (folder is null)
        {
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        var loader = new SimpleLoader();
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var name in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
        {
            var reference = new AnalyzerFileReference(Path.Combine(folder, name), loader);
            builder.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return builder.ToImmutable();
    }

    /// <summary>sdk/&lt;newest version&gt;/Sdks/Microsoft.NET.Sdk/analyzers, or null when absent.</summary>
    public static string? FindSdkAnalyzerFolder()
    {
        var sdk = Path.Combine(DotnetRoot, "sdk");
        if (!Directory.Exists(sdk))
        {
            return null;
        }

        foreach (var version in Directory.GetDirectories(sdk).OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal))
        {
            var folder = Path.Combine(version, "Sdks", "Microsoft.NET.Sdk", "analyzers");
            if (File.Exists(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll")))
            {
                return folder;
            }
        }

        return null;
    }

    private sealed class SimpleLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public Options(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = null!;
                return false;
            }

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }
}
