using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Sophia.Infra.Package.Tests;

/// <summary>
/// The `dotnet new` template (Sophia.Infra.Templates, short name sophia-aws), as a new user meets it: packed, installed
/// into a temporary template hive, instantiated with `-n demo-app`, and built under -warnaserror with the analyzer package
/// of this release (from a local feed) and the ref/ Pulumi assemblies: it must start with zero findings.
/// </summary>
public sealed class TemplateTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture _fixture;

    public TemplateTests(PackageFixture fixture) => _fixture = fixture;

    private static string ReleaseVersion(string repoRoot)
    {
        var props = File.ReadAllText(Path.Combine(repoRoot, "Directory.Build.props"));
        return Regex.Match(props, "<SophiaInfraVersion>([^<]+)</SophiaInfraVersion>").Groups[1].Value;
    }

    private string CreateFromTemplate(string name)
    {
        var root = Path.Combine(_fixture.Root, "template-" + name);
        var feed = Path.Combine(root, "feed");
        var hive = Path.Combine(root, "hive");
        Directory.CreateDirectory(feed);
        // The template names the analyzer package of this release: pack both at the release version.
        var packAnalyzers = Dotnet.Run(_fixture.RepoRoot, "pack", "src/Sophia.Infra.Package/Sophia.Infra.Package.csproj", "-o", feed, "-nologo");
        Assert.True(packAnalyzers.ExitCode == 0, packAnalyzers.Output);
        var packTemplates = Dotnet.Run(_fixture.RepoRoot, "pack", "templates/Sophia.Infra.Templates/Sophia.Infra.Templates.csproj", "-o", feed, "-nologo");
        Assert.True(packTemplates.ExitCode == 0, packTemplates.Output);
        var version = ReleaseVersion(_fixture.RepoRoot);
        var templatePackage = Path.Combine(feed, "Sophia.Infra.Templates." + version + ".nupkg");
        Assert.True(File.Exists(templatePackage), packTemplates.Output);

        var install = Dotnet.Run(root, "new", "install", templatePackage, "--debug:custom-hive", hive);
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("sophia-aws", install.Output);
        var output = Path.Combine(root, name);
        var create = Dotnet.Run(root, "new", "sophia-aws", "-n", name, "-o", output, "--debug:custom-hive", hive);
        Assert.True(create.ExitCode == 0, create.Output);

        // The user's feed: this release's packages from the local folder, everything else from the usual sources.
        File.WriteAllText(Path.Combine(output, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="sophia-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return output;
    }

    private (int ExitCode, string Output) Build(string folder) =>
        Dotnet.Run(folder, "build", "-warnaserror", "-nologo", "-v", "q", "-p:TreatWarningsAsErrors=true",
            "-p:PulumiReferenceAssemblies=" + _fixture.PulumiDirectory,
            // A private package folder: a package of the same version restored earlier must not stand in for this one.
            "-p:RestorePackagesPath=" + Path.Combine(Path.GetDirectoryName(folder)!, "packages"));

    [Fact]
    public void NewSophiaAws_CreatesTheStandardLayout_AndBuildsWithZeroFindings()
    {
        var folder = CreateFromTemplate("demo-app");

        foreach (var file in new[] { "demo-app.csproj", "Program.cs", "Naming.cs", "Storage.cs", "Access.cs", "Monitoring.cs", "Pulumi.yaml",
                     "Pulumi.dev.yaml", "Pulumi.prod.yaml", "ROLLBACK.md", Path.Combine(".github", "workflows", "infra.yml") })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file + " is missing");
        }

        Assert.StartsWith("name: demo-app\n", File.ReadAllText(Path.Combine(folder, "Pulumi.yaml")));
        var prod = File.ReadAllText(Path.Combine(folder, "Pulumi.prod.yaml"));
        Assert.Contains("demo-app:alertEmail:", prod);
        Assert.Contains("secure:", prod);
        var rollback = File.ReadAllText(Path.Combine(folder, "ROLLBACK.md"));
        Assert.Contains("## Overview", rollback);
        Assert.Contains("## Rollback Steps", rollback);
        Assert.Contains("## Verification", rollback);
        Assert.Contains("Protect = isProd", File.ReadAllText(Path.Combine(folder, "Storage.cs")));
        var project = File.ReadAllText(Path.Combine(folder, "demo-app.csproj"));
        Assert.Contains("Include=\"Sophia.Infra.Analyzers\" Version=\"" + ReleaseVersion(_fixture.RepoRoot) + "\"", project);
        Assert.Contains("Include=\"Pulumi\"", project);
        Assert.Contains("Include=\"Pulumi.Aws\"", project);

        var (exitCode, output) = Build(folder);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("SIA", output);
        Assert.DoesNotContain("AD0001", output);

        // The analyzers did run: a name that breaks the standard fails the same build.
        var storage = Path.Combine(folder, "Storage.cs");
        File.WriteAllText(storage, File.ReadAllText(storage).Replace("Naming.Name(\"bucket\", \"data\")", "Naming.Name(\"bucket\", \"Data\")"));
        var (brokenExit, brokenOutput) = Build(folder);
        Assert.NotEqual(0, brokenExit);
        Assert.Contains("error SIA1001", brokenOutput);
    }

    [Fact]
    public void ReleaseVersion_IsTheOneTheReadmeAndTheTemplateName()
    {
        var version = ReleaseVersion(_fixture.RepoRoot);
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        var readme = File.ReadAllText(Path.Combine(_fixture.RepoRoot, "README.md"));
        var named = Regex.Matches(readme, "Include=\"Sophia.Infra.Analyzers\" Version=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, v => Assert.Equal(version, v));
        var template = File.ReadAllText(Path.Combine(_fixture.RepoRoot, "templates", "Sophia.Infra.Templates", "content", "sophia-aws", "SophiaApp.csproj"));
        Assert.Contains("Include=\"Sophia.Infra.Analyzers\" Version=\"" + version + "\"", template);
    }
}
