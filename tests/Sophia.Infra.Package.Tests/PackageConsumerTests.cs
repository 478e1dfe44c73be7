using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Sophia.Infra.Package.Tests;

/// <summary>
/// Packs Sophia.Infra.Analyzers into a temporary local feed once, then builds consumer projects that reference it by
/// PackageReference (plus the ref/ Pulumi assemblies) with <c>dotnet build -warnaserror</c>, as a user's CI would.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "sophia-package-tests-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        var pack = Dotnet.Run(RepoRoot, "pack", "src/Sophia.Infra.Package/Sophia.Infra.Package.csproj", "-o", Feed, "-p:Version=" + Version, "-nologo");
        Assert.True(pack.ExitCode == 0, pack.Output);
        PackagePath = Path.Combine(Feed, "Sophia.Infra.Analyzers." + Version + ".nupkg");
        Assert.True(File.Exists(PackagePath), pack.Output);
        PulumiDirectory = Path.GetDirectoryName(typeof(global::Pulumi.Aws.Provider).Assembly.Location)!;
    }

    public const string Version = "0.0.0-test";

    public string RepoRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string PackagePath { get; }

    public string PulumiDirectory { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A left-over temp folder is harmless.
        }
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sophia.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sophia.sln not found");
    }
}

internal static class Dotnet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the consumer's build away from the test host's MSBuild settings.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

public sealed class PackageConsumerTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture _fixture;

    public PackageConsumerTests(PackageFixture fixture) => _fixture = fixture;

    private const string CompliantProgram = """
        using Pulumi;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            var stack = Deployment.Instance.StackName;
            var key = new Aws.Kms.Key($"shop-{stack}-kms-data", new Aws.Kms.KeyArgs { EnableKeyRotation = true },
                new CustomResourceOptions { Protect = stack == "prod" });
        });
        """;

    /// <summary>Writes a consumer: a Pulumi project folder (Pulumi.yaml, stack file, ROLLBACK.md) holding an app project.</summary>
    private const string CompleteRollback = "# Rollback\n\n## Overview\nx\n\n## Rollback Steps\n1. pulumi stack select dev\n\n## Verification\nx\n";

    private string CreateConsumer(string name, string program, string? editorConfig = null, string? stackFile = null, bool nested = false, string analysisMode = "", string rollbackName = "ROLLBACK.md", string rollback = CompleteRollback)
    {
        var pulumiFolder = Path.Combine(_fixture.Root, name);
        var projectFolder = nested ? Path.Combine(pulumiFolder, "app") : pulumiFolder;
        Directory.CreateDirectory(projectFolder);
        File.WriteAllText(Path.Combine(pulumiFolder, "Pulumi.yaml"), "name: shop\nruntime: dotnet\n" + (nested ? "main: app/\n" : string.Empty));
        File.WriteAllText(Path.Combine(pulumiFolder, "Pulumi.dev.yaml"), stackFile ?? "config:\n  aws:region: eu-west-1\n");
        File.WriteAllText(Path.Combine(pulumiFolder, rollbackName), rollback);
        File.WriteAllText(Path.Combine(projectFolder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_fixture.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(projectFolder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <SophiaInfraAnalysisMode>{analysisMode}</SophiaInfraAnalysisMode>
                <RestorePackagesPath>{Path.Combine(_fixture.Root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sophia.Infra.Analyzers" Version="{PackageFixture.Version}" PrivateAssets="all" />
                <Reference Include="Pulumi" HintPath="{Path.Combine(_fixture.PulumiDirectory, "Pulumi.dll")}" />
                <Reference Include="Pulumi.Aws" HintPath="{Path.Combine(_fixture.PulumiDirectory, "Pulumi.Aws.dll")}" />
              </ItemGroup>
            </Project>
            """);
        // An empty Directory.Build.props/Packages.props stops MSBuild from picking up anything above the temp folder.
        File.WriteAllText(Path.Combine(projectFolder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(projectFolder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(projectFolder, "Program.cs"), program);
        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(projectFolder, ".editorconfig"), "root = true\n[*.cs]\n" + editorConfig + "\n");
        }

        return projectFolder;
    }

    private static (int ExitCode, string Output) Build(string folder) =>
        Dotnet.Run(folder, "build", "-warnaserror", "-nologo", "-v", "q", "-p:TreatWarningsAsErrors=true");

    [Fact]
    public void Package_HasBothAnalyzerAssemblies_AndTheBuildFiles_AndNoDependencies()
    {
        using var archive = ZipFile.OpenRead(_fixture.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/Sophia.Infra.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Sophia.Infra.CodeFixes.dll", entries);
        Assert.Contains("build/Sophia.Infra.Analyzers.props", entries);
        Assert.Contains("buildTransitive/Sophia.Infra.Analyzers.props", entries);
        Assert.Contains("build/Sophia.Infra.Analyzers.targets", entries);
        Assert.Contains("configuration/strict.globalconfig", entries);
        Assert.Contains("configuration/none.globalconfig", entries);
        Assert.Contains("THIRD-PARTY-NOTICES.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.DoesNotContain("<dependency ", text);
    }

    [Fact]
    public void CompliantProgram_BuildsUnderWarnAsError_WithNoFinding()
    {
        var folder = CreateConsumer("compliant", CompliantProgram);
        var (exitCode, output) = Build(folder);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("SIA", output);
        Assert.DoesNotContain("AD0001", output);
    }

    [Fact]
    public void UnprotectedResource_FailsTheBuild_NamingSia2001()
    {
        var program = CompliantProgram.Replace(",\n        new CustomResourceOptions { Protect = stack == \"prod\" });", ");");
        Assert.NotEqual(CompliantProgram, program);
        var folder = CreateConsumer("unprotected", program);
        var (exitCode, output) = Build(folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error SIA2001", output);
        Assert.DoesNotContain("AD0001", output);
    }

    [Fact]
    public void AnalysisModeNone_TurnsEveryRuleOff()
    {
        var program = CompliantProgram.Replace(",\n        new CustomResourceOptions { Protect = stack == \"prod\" });", ");");
        var folder = CreateConsumer("mode-none", program, analysisMode: "none");
        var (exitCode, output) = Build(folder);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("SIA2001", output);
    }

    [Fact]
    public void DotnetFormatAnalyzers_AppliesTheCodeFixes_AndTheProgramThenBuildsClean()
    {
        // Two faults with fixes: a hard-coded environment in the name (SIA1002) and no options (SIA2001).
        var program = CompliantProgram
            .Replace(",\n        new CustomResourceOptions { Protect = stack == \"prod\" });", ");")
            .Replace("$\"shop-{stack}-kms-data\"", "\"shop-dev-kms-data\"");
        Assert.Contains("\"shop-dev-kms-data\"", program);
        var folder = CreateConsumer("format", program);
        var (before, beforeOutput) = Build(folder);
        Assert.True(before != 0 && beforeOutput.Contains("SIA2001") && beforeOutput.Contains("SIA1002"), beforeOutput);

        var format = Dotnet.Run(folder, "format", "analyzers", "Consumer.csproj", "--diagnostics", "SIA1002", "SIA2001", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.Output);

        var fixedProgram = File.ReadAllText(Path.Combine(folder, "Program.cs"));
        Assert.Contains("Protect = stack == \"prod\"", fixedProgram);
        Assert.DoesNotContain("shop-dev-kms-data", fixedProgram);
        var (after, afterOutput) = Build(folder);
        Assert.True(after == 0, fixedProgram + "\n" + afterOutput);
    }

    [Fact]
    public void InvalidOption_FailsTheBuild_NamingSia0001()
    {
        var folder = CreateConsumer("invalid-option", CompliantProgram, editorConfig: "sophia_infra.production_stacks = Prod!");
        var (exitCode, output) = Build(folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("SIA0001", output);
        Assert.Contains("sophia_infra.production_stacks = Prod!", output);
        Assert.DoesNotContain("AD0001", output);
    }

    [Fact]
    public void MalformedStackFile_InTheParentPulumiFolder_IsReadThroughTheProps()
    {
        // Pulumi's main: layout: the project is in app/, Pulumi.yaml one folder up. The package's props find it there.
        var folder = CreateConsumer("nested", CompliantProgram, stackFile: "config:\n  aws:region: \"eu-west-1\n", nested: true);
        var (exitCode, output) = Build(folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Pulumi.dev.yaml", output);
        Assert.Contains("SIA0001", output);
    }

    [Fact]
    public void RollbackInTheParentPulumiFolder_AnyCase_IsReadThroughTheProps()
    {
        // SIA2101: the props hand the parent folder's rollback.md (lower case) to the analyzers: the build is clean.
        var folder = CreateConsumer("nested-rollback", CompliantProgram, nested: true, rollbackName: "rollback.md");
        var (exitCode, output) = Build(folder);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("SIA2101", output);
    }

    [Fact]
    public void RollbackWithoutTheTemplateSections_FailsTheBuild_NamingSia2101()
    {
        var folder = CreateConsumer("nested-rollback-incomplete", CompliantProgram, nested: true, rollback: "# Rollback\n\n## Overview\nx\n");
        var (exitCode, output) = Build(folder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error SIA2101", output);
        Assert.Contains("Rollback Steps, Verification", output);
        Assert.DoesNotContain("AD0001", output);
    }
}
