using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Rollback.RollbackAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Rollback;

/// <summary>SIA2101: a Pulumi project needs a ROLLBACK.md with the template's sections beside Pulumi.yaml.</summary>
public sealed class RollbackTests
{
    private const string Program = /* lang=c#-test */ """
        using Pulumi;

        class Program
        {
            static void Main() => _ = Deployment.Instance.StackName;
        }
        """;

    private const string ProjectFile = "name: sophia\nruntime: dotnet\n";

    private const string Complete = "# Rollback Procedure\n\n## Overview\nWhat the stack holds.\n\n## Rollback Steps\n1. pulumi stack select dev\n\n## Verification\n- pulumi stack output\n";

    private const string NoRollbackMessage = "The Pulumi project has no ROLLBACK.md beside Pulumi.yaml: add one with the sections Overview, Rollback Steps and Verification (the standard's rollback template)";

    private static Verify.Test Test(string? rollback, string rollbackPath = "/ROLLBACK.md", string projectPath = "/Pulumi.yaml")
    {
        var test = new Verify.Test { TestCode = Program }.WithAdditionalFile(projectPath, ProjectFile);
        if (rollback is not null)
        {
            test.WithAdditionalFile(rollbackPath, rollback);
        }

        return test;
    }

    private static DiagnosticResult Finding(string message, string projectPath = "/Pulumi.yaml") =>
        Verify.Diagnostic(Descriptors.MissingRollbackProcedure).WithSpan(projectPath, 1, 1, 1, 13).WithArguments(message);

    private static string Lacks(string sections, bool one) =>
        $"ROLLBACK.md lacks {(one ? "the section" : "the sections")} {sections} of the standard's rollback template: add {(one ? "it as a heading" : "them as headings")} (## {sections.Split(',')[0]}) with the procedure";

    private static async Task RunAsync(Verify.Test test, params DiagnosticResult[] expected)
    {
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task NoRollbackFile_ReportedOnLineOneOfPulumiYaml()
    {
        await RunAsync(Test(null), Finding(NoRollbackMessage));
    }

    [Fact]
    public async Task CompleteRollbackFile_NoDiagnostic()
    {
        await Test(Complete).RunAsync();
    }

    [Fact]
    public async Task OneSectionMissing_NamesIt()
    {
        await RunAsync(
            Test("# Rollback\n## Overview\nx\n## Rollback Steps\n1. x\n"),
            Finding(Lacks("Verification", one: true)));
    }

    [Fact]
    public async Task EverySectionMissing_NamesThemAll()
    {
        await RunAsync(
            Test("# Rollback\n\nRun pulumi up with the previous commit.\n"),
            Finding(Lacks("Overview, Rollback Steps, Verification", one: false)));
    }

    [Fact]
    public async Task HeadingsOfAnyLevel_Count()
    {
        await Test("# Overview\nx\n#### Rollback Steps\n1. x\n###### Verification\nx\n").RunAsync();
    }

    [Fact]
    public async Task SetextHeadings_Count()
    {
        await Test("Overview\n========\nx\n\nRollback Steps\n--------------\n1. x\n\nVerification\n---\nx\n").RunAsync();
    }

    [Fact]
    public async Task HeadingsAreMatchedCaseInsensitively_ByTheirStart()
    {
        await Test("## OVERVIEW\nx\n## rollback steps (prod)\n1. x\n## Verification: after the rollback\nx\n").RunAsync();
    }

    [Fact]
    public async Task AHeadingThatOnlyResembles_DoesNotCount()
    {
        await RunAsync(
            Test("## Overview\nx\n## Rollback Steps\n1. x\n## Verify\nx\n## Verifications\nx\n"),
            Finding(Lacks("Verification", one: true)));
    }

    [Fact]
    public async Task BoldTextAndCodeBlocks_AreNoHeadings()
    {
        await RunAsync(
            Test("**Overview**\nx\n\n```\n## Rollback Steps\n```\n\n    ## Verification (indented code)\n\n## Verification\nx\n"),
            Finding(Lacks("Overview, Rollback Steps", one: false)));
    }

    [Theory]
    [InlineData("/rollback.md")]
    [InlineData("/Rollback.MD")]
    public async Task FileNameIsMatchedCaseInsensitively(string path)
    {
        await Test(Complete, rollbackPath: path).RunAsync();
    }

    [Fact]
    public async Task RollbackFileInAnotherFolder_DoesNotCount()
    {
        await RunAsync(
            Test(Complete, rollbackPath: "/docs/ROLLBACK.md", projectPath: "/infra/Pulumi.yaml"),
            Finding(NoRollbackMessage, "/infra/Pulumi.yaml"));
    }

    [Fact]
    public async Task PulumiProjectInAParentFolder_RollbackBesideIt_NoDiagnostic()
    {
        // Pulumi's main: layout: the C# project is in app/, Pulumi.yaml and ROLLBACK.md one folder up.
        await Test(Complete, rollbackPath: "/stack/ROLLBACK.md", projectPath: "/stack/Pulumi.yaml").RunAsync();
    }

    [Fact]
    public async Task AssemblyLevelSuppressionWithAReason_SuppressesTheFindingInPulumiYaml()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Sophia.Rollback", "SIA2101:Pulumi project has no rollback procedure", Justification = "the sandbox's runbook lives in the team wiki")]

                class Program
                {
                    static void Main() => _ = Pulumi.Deployment.Instance.StackName;
                }
                """,
        }.WithAdditionalFile("/Pulumi.yaml", ProjectFile);
        await test.RunAsync();
    }

    [Fact]
    public async Task NoPulumiProject_Silent()
    {
        await new Verify.Test { TestCode = Program }.WithAdditionalFile("/Pulumi.dev.yaml", "config:\n  aws:region: us-west-2\n").RunAsync();
        await new Verify.Test { TestCode = Program }.RunAsync();
    }

    [Fact]
    public async Task PulumiNotReferenced_Silent()
    {
        await new Verify.Test { TestCode = "class C { }" }.WithoutPulumi().WithAdditionalFile("/Pulumi.yaml", ProjectFile).RunAsync();
    }
}
