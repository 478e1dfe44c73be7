using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Meta;

/// <summary>
/// docs/rules/README.md, the rule index, is generated from the catalogue: the descriptors (ID, title, category, severity,
/// compilation-end tag), the code fixes that fix each ID, and the analyzers that report it (available, else planned).
/// It fails when the file drifts; `bash eng/update-docs.sh` rewrites it. Every available rule's page has the template's
/// sections, with the suppression and severity settings the package supports.
/// </summary>
public sealed class RuleIndexTests
{
    private static readonly string IndexPath = Path.Combine(CatalogTests.RepoRoot, "docs", "rules", "README.md");

    private static HashSet<string> ReportedIds() => typeof(Descriptors).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Select(d => d.Id)
        .ToHashSet();

    private static HashSet<string> FixedIds() => typeof(Sophia.Infra.CodeFixes.Infrastructure.SyntaxEdits).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .ToHashSet();

    internal static string Generate()
    {
        var reported = ReportedIds();
        var fixes = FixedIds();
        var text = new StringBuilder();
        text.Append("# Sophia.Infra rules\n\n");
        text.Append("<!-- Generated from the rule catalogue (src/Sophia.Infra.Analyzers/Catalog/Descriptors.cs) by `bash eng/update-docs.sh`;\n");
        text.Append("     a test fails when this file and the catalogue disagree. Do not edit by hand. -->\n\n");
        text.Append("| ID | Title | Category | Default severity | Code fix | Compilation end | Status |\n");
        text.Append("|----|-------|----------|------------------|----------|-----------------|--------|\n");
        foreach (var descriptor in Descriptors.All.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var id = descriptor.Id;
            var end = descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd) ? "yes" : "no";
            text.Append($"| [{id}]({id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} | ")
                .Append(fixes.Contains(id) ? "yes" : "no").Append(" | ").Append(end).Append(" | ")
                .Append(reported.Contains(id) ? "available" : "planned").Append(" |\n");
        }

        text.Append("\n*Code fix*: a quick fix in the IDE, also applied by `dotnet format analyzers`. *Compilation end*: the rule\n");
        text.Append("decides across files, so the IDE reports it only with full-solution analysis on (Visual Studio: Tools > Options >\n");
        text.Append("Text Editor > C# > Advanced > Background analysis scope = Entire solution; Rider: Solution-wide analysis); builds\n");
        text.Append("always report it. *available*: reported by this release; *planned*: the ID is reserved and documented.\n\n");
        text.Append("Severity per rule: `dotnet_diagnostic.SIAnnnn.severity = error|warning|suggestion|none`; per category:\n");
        text.Append("`dotnet_analyzer_diagnostic.category-<Category>.severity = ...` (in `.editorconfig` or `.globalconfig`); all rules:\n");
        text.Append("`<SophiaInfraAnalysisMode>strict|none</SophiaInfraAnalysisMode>`.\n");
        return text.ToString();
    }

    [Fact]
    public void RuleIndex_MatchesTheCatalogue()
    {
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("SOPHIA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(IndexPath, expected);
        }

        Assert.True(File.Exists(IndexPath), IndexPath + " is missing: run `bash eng/update-docs.sh`");
        var actual = File.ReadAllText(IndexPath).Replace("\r\n", "\n");
        Assert.True(expected == actual, "docs/rules/README.md has drifted from the catalogue: run `bash eng/update-docs.sh`.\nExpected:\n" + expected);
    }

    [Fact]
    public void RuleIndex_ListsEveryId_AndTheReadmeLinksIt()
    {
        var index = Generate();
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Contains("[" + descriptor.Id + "](" + descriptor.Id + ".md)", index);
        }

        var readme = File.ReadAllText(Path.Combine(CatalogTests.RepoRoot, "README.md"));
        Assert.Contains("(docs/rules/README.md)", readme);
    }

    /// <summary>The last section of every rule page: suppression with a reason, and severity per rule and per category.</summary>
    internal static string SuppressSection(DiagnosticDescriptor descriptor)
    {
        var id = descriptor.Id;
        var category = descriptor.Category;
        return "## How to suppress\n" +
            "Say why, where the exception is made (a suppression without a reason is itself reported, as SIA0002):\n\n" +
            "```csharp\n" +
            $"#pragma warning disable {id} // <why this is an exception>\n" +
            "...\n" +
            $"#pragma warning restore {id}\n" +
            "```\n\n" +
            "or on the member or type:\n\n" +
            "```csharp\n" +
            $"[SuppressMessage(\"{category}\", \"{id}:{descriptor.Title}\", Justification = \"<why this is an exception>\")]\n" +
            "```\n\n" +
            "Severity, in `.editorconfig` (under `[*.cs]`) or a `.globalconfig`:\n\n" +
            "```ini\n" +
            $"dotnet_diagnostic.{id}.severity = none                      # this rule: error, warning, suggestion or none\n" +
            $"dotnet_analyzer_diagnostic.category-{category}.severity = none   # every rule of the category\n" +
            "```\n";
    }

    private static readonly string[] Sections =
    {
        "## Cause", "## Description", "## Non-compliant example", "## Compliant example", "## How to fix", "## Configuration", "## How to suppress",
    };

    [Fact]
    public void EveryAvailableRulePage_HasTheTemplatesSections_InOrder_AndSaysHowToSuppressWithAReason()
    {
        var reported = ReportedIds();
        Assert.NotEmpty(reported);
        foreach (var descriptor in Descriptors.All.Where(d => reported.Contains(d.Id)))
        {
            var id = descriptor.Id;
            var page = File.ReadAllText(Path.Combine(CatalogTests.RepoRoot, "docs", "rules", id + ".md")).Replace("\r\n", "\n");
            Assert.StartsWith("# " + id + ": ", page);
            var position = 0;
            foreach (var section in Sections)
            {
                var found = page.IndexOf("\n" + section + "\n", position, StringComparison.Ordinal);
                Assert.True(found >= 0, id + ".md has no '" + section + "' section after the previous one");
                position = found + 1;
            }

            Assert.Contains("| Status | available |", page);
            var suppress = page.Substring(page.IndexOf("\n## How to suppress\n", StringComparison.Ordinal) + 1);
            if (Environment.GetEnvironmentVariable("SOPHIA_UPDATE_DOCS") == "1" && suppress != SuppressSection(descriptor))
            {
                File.WriteAllText(Path.Combine(CatalogTests.RepoRoot, "docs", "rules", id + ".md"), page.Substring(0, page.Length - suppress.Length) + SuppressSection(descriptor));
                continue;
            }

            Assert.True(suppress == SuppressSection(descriptor), id + ".md: the 'How to suppress' section must be the last one and read:\n" + SuppressSection(descriptor));
        }
    }
}
