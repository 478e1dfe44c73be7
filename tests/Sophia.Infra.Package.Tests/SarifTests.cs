using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Sophia.Infra.Package.Tests;

/// <summary>
/// The CI recipe (docs/ci.md): `dotnet build -warnaserror -p:ErrorLog=sophia.sarif%2Cversion=2.1` writes a SARIF 2.1.0 log
/// that code scanning reads. Checked on the non-compliant sample (every finding is in the log, once, with its rule's help
/// link) and on the reference stack (no result at all).
/// </summary>
public sealed class SarifTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture _fixture;

    public SarifTests(PackageFixture fixture) => _fixture = fixture;

    private (int ExitCode, string Output, JsonDocument Log) BuildWithErrorLog(string project, string name, params string[] extra)
    {
        var log = Path.Combine(_fixture.Root, name + ".sarif");
        var arguments = new List<string> { "build", project, "-c", "Release", "-nologo", "--no-incremental", "-p:ErrorLog=" + log + "%2Cversion=2.1" };
        arguments.AddRange(extra);
        var (exitCode, output) = Dotnet.Run(_fixture.RepoRoot, arguments.ToArray());
        Assert.True(File.Exists(log), "no SARIF log was written:\n" + output);
        return (exitCode, output, JsonDocument.Parse(File.ReadAllText(log)));
    }

    [Fact]
    public void SampleStack_SarifLog_HasOneResultPerFinding_WithRuleMessageFileLineAndHelpUri()
    {
        var (exitCode, output, log) = BuildWithErrorLog("samples/Sophia.Infra.Samples/Sophia.Infra.Samples.csproj", "samples");
        using (log)
        {
            Assert.True(exitCode == 0, output);
            var root = log.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Contains("sarif", root.GetProperty("$schema").GetString(), StringComparison.OrdinalIgnoreCase);
            var run = Assert.Single(root.GetProperty("runs").EnumerateArray());

            // The findings the build printed: file(line,col): warning SIAnnnn: message, each once (MSBuild repeats them in its
            // summary). Two findings may share a place (SIA1101 names each stack file that lacks the key): their messages differ.
            var printed = Regex.Matches(output, @"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): warning (?<id>SIA\d{4}): (?<message>.*?)(?: \(https://[^)]*\))?(?: \[[^\]]*\])?\s*$", RegexOptions.Multiline)
                .Select(m => (File: Path.GetFileName(m.Groups["file"].Value.Trim()), Line: int.Parse(m.Groups["line"].Value), Column: int.Parse(m.Groups["column"].Value), Id: m.Groups["id"].Value, Message: m.Groups["message"].Value))
                .ToHashSet();
            Assert.NotEmpty(printed);

            // A finding suppressed in source (#pragma, [SuppressMessage]) is logged with its suppression, and is no finding.
            var results = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SIA", StringComparison.Ordinal)
                    && !(r.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0))
                .ToList();
            var logged = new List<(string File, int Line, int Column, string Id, string Message)>();
            foreach (var result in results)
            {
                var id = result.GetProperty("ruleId").GetString()!;
                Assert.Matches("^SIA[0-9]{4}$", id);
                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()), id + " has no message");
                if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    // A compilation-level finding (an option that cannot be read) has no source location.
                    Assert.Equal("SIA0001", id);
                    continue;
                }

                var physical = locations[0].GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var region = physical.GetProperty("region");
                var line = region.GetProperty("startLine").GetInt32();
                Assert.True(line >= 1, id + " at line " + line);
                logged.Add((Path.GetFileName(new Uri(uri).LocalPath), line, region.GetProperty("startColumn").GetInt32(), id, result.GetProperty("message").GetProperty("text").GetString()!));
            }

            Assert.Equal(logged.Count, logged.Distinct().Count());
            Assert.Equal(printed.OrderBy(x => x.ToString()), logged.OrderBy(x => x.ToString()));

            // Every rule that has a result is described with its help link (docs/rules/<ID>.md).
            // (A rule with a live and a compilation-end descriptor is described twice, with the same help link.)
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .ToLookup(r => r.GetProperty("id").GetString()!);
            foreach (var id in results.Select(r => r.GetProperty("ruleId").GetString()!).Distinct())
            {
                Assert.True(rules[id].Any(), id + " is not described in the log's rules");
                Assert.All(rules[id], rule => Assert.Equal("https://github.com/sophia-infra/Sophia.Infra/blob/main/docs/rules/" + id + ".md", rule.GetProperty("helpUri").GetString()));
            }
        }
    }

    [Fact]
    public void ReferenceStack_SarifLog_UnderWarnAsError_HasNoResult()
    {
        var (exitCode, output, log) = BuildWithErrorLog("src/Sophia.Infra.Stack/Sophia.Infra.Stack.csproj", "stack", "-warnaserror");
        using (log)
        {
            Assert.True(exitCode == 0, output);
            var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
            // The compiler also logs hidden diagnostics (level "none" or "note", never shown); no finding may be there.
            var findings = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SIA", StringComparison.Ordinal)
                    || (r.TryGetProperty("level", out var level) && level.GetString() is "warning" or "error"))
                .Select(r => r.GetRawText())
                .ToList();
            Assert.True(findings.Count == 0, string.Join("\n", findings));
        }
    }
}
