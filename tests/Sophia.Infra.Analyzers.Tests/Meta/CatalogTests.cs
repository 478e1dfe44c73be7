using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Meta;

/// <summary>The catalogue is consistent: IDs, help links, docs pages, release tracking, analyzers and fixes.</summary>
public sealed class CatalogTests
{
    internal static readonly string RepoRoot = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sophia.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sophia.sln not found above " + AppContext.BaseDirectory);
    }

    private static readonly string[] DeclaredIds = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!).ToArray();

    [Fact]
    public void RuleIds_AreUniqueAndWellFormed()
    {
        Assert.Equal(DeclaredIds.Length, DeclaredIds.Distinct().Count());
        Assert.All(DeclaredIds, id => Assert.Matches(new Regex("^SIA[0-9]{4}$"), id));
    }

    [Fact]
    public void EveryId_HasOneDescriptor_WithItsHelpLinkAndDocsPage()
    {
        Assert.Equal(DeclaredIds.OrderBy(x => x), Descriptors.All.Select(d => d.Id).OrderBy(x => x));
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Equal(Descriptors.DocsBaseUri + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepoRoot, "docs", "rules", descriptor.Id + ".md")), "missing docs/rules/" + descriptor.Id + ".md");
            Assert.StartsWith("Sophia.", descriptor.Category);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        }
    }

    [Fact]
    public void EveryId_IsListedInAnalyzerReleases_WithItsCategory()
    {
        var releases = File.ReadAllText(Path.Combine(RepoRoot, "src", "Sophia.Infra.Analyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(RepoRoot, "src", "Sophia.Infra.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Matches(new Regex("^" + descriptor.Id + @"\s*\|\s*" + Regex.Escape(descriptor.Category) + @"\s*\|", RegexOptions.Multiline), releases);
        }
    }

    [Fact]
    public void EveryId_IsInTheReadmeRuleTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        Assert.All(DeclaredIds, id => Assert.Contains("[" + id + "](docs/rules/" + id + ".md)", readme));
    }

    [Theory]
    [InlineData("strict", "error")]
    [InlineData("none", "none")]
    public void AnalysisModeGlobalConfigs_ListEveryRule_WithTheModesSeverity(string mode, string severity)
    {
        var path = Path.Combine(RepoRoot, "src", "Sophia.Infra.Package", "configuration", mode + ".globalconfig");
        var settings = File.ReadAllLines(path)
            .Where(line => line.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .ToList();
        var expected = DeclaredIds.OrderBy(id => id, StringComparer.Ordinal).Select(id => $"dotnet_diagnostic.{id}.severity = {severity}").ToList();
        Assert.True(expected.SequenceEqual(settings), $"{path} has drifted from the catalogue; it should list:\n" + string.Join("\n", expected));
        Assert.Contains("is_global = true", File.ReadAllLines(path));
        Assert.Contains("global_level = -100", File.ReadAllLines(path));
    }

    [Fact]
    public void Analyzers_ArePublicSealed_AndReportOnlyCatalogueDescriptors()
    {
        var analyzers = typeof(Descriptors).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(analyzers);
        foreach (var type in analyzers)
        {
            Assert.True(type.IsPublic && type.IsSealed, type.Name + " must be public sealed");
            Assert.NotNull(type.GetCustomAttribute<DiagnosticAnalyzerAttribute>());
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.True(Descriptors.All.Contains(d) || Descriptors.LiveVariants.Contains(d), d.Id + " is not in the catalogue"));
        }
    }

    [Fact]
    public void LiveVariants_MatchTheirRule_WithoutTheCompilationEndTag()
    {
        foreach (var variant in Descriptors.LiveVariants)
        {
            var rule = Assert.Single(Descriptors.All, d => d.Id == variant.Id);
            Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, rule.CustomTags);
            Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, variant.CustomTags);
            Assert.Equal(rule.Title, variant.Title);
            Assert.Equal(rule.MessageFormat, variant.MessageFormat);
            Assert.Equal(rule.Description, variant.Description);
            Assert.Equal(rule.Category, variant.Category);
            Assert.Equal(rule.DefaultSeverity, variant.DefaultSeverity);
            Assert.Equal(rule.IsEnabledByDefault, variant.IsEnabledByDefault);
            Assert.Equal(rule.HelpLinkUri, variant.HelpLinkUri);
        }
    }

    [Fact]
    public void CodeFixes_AreExportedWithTheirOwnName_ForCSharpOnly()
    {
        var fixes = typeof(Sophia.Infra.CodeFixes.Infrastructure.SyntaxEdits).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        foreach (var type in fixes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, DeclaredIds));
        }
    }
}
