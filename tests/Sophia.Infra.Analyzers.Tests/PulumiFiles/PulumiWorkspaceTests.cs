using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.PulumiFiles;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.PulumiFiles
{
    public class PulumiWorkspaceTests
    {
        private const string Rollback =
            "# Rollback procedure\n" +
            "\n" +
            "## Overview\n" +
            "Text.\n" +
            "```bash\n" +
            "# not a heading\n" +
            "pulumi stack export\n" +
            "```\n" +
            "## Rollback Steps ##\n" +
            "### Details (level 3)\n" +
            "#NoSpace is not a heading\n" +
            "   ## Verification\n";

        private static PulumiWorkspace Create(params AdditionalText[] files) =>
            PulumiWorkspace.Create(files.ToImmutableArray(), CancellationToken.None);

        private static TestAdditionalText File(string path, string? text) => new TestAdditionalText(path, text);

        [Fact]
        public void ProjectFile_GivesNameMainAndConfigDefaults()
        {
            PulumiWorkspace workspace = Create(File("/repo/infra/Pulumi.yaml", PulumiSamples.ProjectFile));
            Assert.NotNull(workspace.Project);
            Assert.Equal("sophia", workspace.ProjectName);
            Assert.Equal(1, workspace.Project!.NameLine);
            Assert.Equal("src/Sophia.Infra.Stack/", workspace.Project.Main);
            Assert.True(workspace.Project.IsValid);
            Assert.Empty(workspace.Errors);

            ImmutableArray<PulumiConfigDefault> defaults = workspace.Project.ConfigDefaults;
            Assert.Equal(
                new[] { "sophia:instanceSize", "sophia:replicas", "sophia:dbPassword", "aws:region", "sophia:azs" },
                defaults.Select(d => d.FullKey));

            PulumiConfigDefault size = defaults[0];
            Assert.True(size.HasDefault);
            Assert.Equal(11, size.Line);
            Assert.Equal(13, size.DefaultLine);
            Assert.Equal("small", size.DefaultValue);
            Assert.Equal("string", size.Type);

            PulumiConfigDefault replicas = defaults[1];
            Assert.Equal("replicas", replicas.Key);
            Assert.True(replicas.HasDefault);

            PulumiConfigDefault password = defaults[2];
            Assert.False(password.HasDefault);
            Assert.Equal(0, password.DefaultLine);
            Assert.True(password.IsSecret);

            PulumiConfigDefault region = defaults[3];
            Assert.True(region.HasDefault);
            Assert.Equal(20, region.DefaultLine);
            Assert.Equal("us-west-2", region.DefaultValue);

            Assert.False(defaults[4].HasDefault);

            Assert.True(workspace.HasProjectDefault("sophia:replicas"));
            Assert.True(workspace.HasProjectDefault("replicas"));
            Assert.False(workspace.HasProjectDefault("sophia:dbPassword"));
            Assert.False(workspace.HasProjectDefault("sophia:unknown"));
        }

        [Fact]
        public void ProjectConfigValue_CountsAsDefault()
        {
            PulumiProjectFile project = PulumiProjectFile.Parse("Pulumi.yaml", "name: p\nconfig:\n  aws:region:\n    value: eu-west-1\n  empty:\n");
            Assert.True(project.ConfigDefaults[0].HasDefault);
            Assert.Equal(4, project.ConfigDefaults[0].DefaultLine);
            Assert.Equal("eu-west-1", project.ConfigDefaults[0].DefaultValue);
            Assert.False(project.ConfigDefaults[1].HasDefault);
            Assert.Equal("p:empty", project.ConfigDefaults[1].FullKey);
        }

        [Fact]
        public void ProjectWithoutName_IsAnErrorAtLine1()
        {
            var file = File("Pulumi.yaml", "runtime: dotnet\nconfig:\n  a: 1\n");
            PulumiWorkspace workspace = Create(file);
            Assert.NotNull(workspace.Project);
            Assert.Null(workspace.ProjectName);
            Assert.False(workspace.Project!.IsValid);
            PulumiFileError error = Assert.Single(workspace.Errors);
            Assert.Same(file, error.File);
            Assert.Equal(1, error.Line);
            Assert.Equal("Pulumi.yaml has no 'name:'", error.Message);
        }

        [Theory]
        [InlineData("name:\n", 1, "non-empty")]
        [InlineData("name: [a]\n", 1, "non-empty")]
        [InlineData("name: p\nconfig: 3\n", 2, "'config:'")]
        [InlineData("- a\n", 1, "mapping")]
        [InlineData("name: p\nname: q\n", 2, "duplicate key")]
        public void InvalidProjectFile_ReportsErrorLine(string text, int line, string messagePart)
        {
            PulumiWorkspace workspace = Create(File("Pulumi.yaml", text));
            PulumiFileError error = Assert.Single(workspace.Errors);
            Assert.Equal(line, error.Line);
            Assert.Contains(messagePart, error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void StackFiles_BesideTheProject_AreFound()
        {
            PulumiWorkspace workspace = Create(
                File("/repo/infra/Pulumi.prod.yml", "config:\n  aws:region: us-east-1\n"),
                File("/repo/infra/Pulumi.yaml", "name: sophia\n"),
                File("/repo/infra/Pulumi.dev.yaml", PulumiSamples.DevStackFile),
                File("/repo/other/Pulumi.staging.yaml", "config: {}\n"),
                File("/repo/infra/BannedSymbols.txt", "x"),
                File("/repo/infra/Pulumi.README.md", "x"));

            Assert.Equal(new[] { "dev", "prod" }, workspace.StackNames);
            Assert.Equal(new[] { "dev", "prod" }, workspace.Stacks.Select(s => s.StackName));
            Assert.Null(workspace.GetStack("staging"));
            Assert.Equal("/repo/infra/Pulumi.prod.yml", workspace.GetStack("prod")!.Path);
            Assert.Empty(workspace.Errors);
        }

        [Fact]
        public void StackFiles_WithoutProject_AreAllFound()
        {
            PulumiWorkspace workspace = Create(
                File("a/Pulumi.dev.yaml", "config: {}\n"),
                File("b/Pulumi.prod.yaml", "config:\n"));
            Assert.Null(workspace.Project);
            Assert.Null(workspace.ProjectName);
            Assert.Equal(new[] { "dev", "prod" }, workspace.StackNames);
            Assert.Null(workspace.Rollback);
        }

        [Fact]
        public void SeveralProjectFiles_FirstInOrdinalPathOrderWins()
        {
            PulumiWorkspace workspace = Create(
                File("/repo/z/Pulumi.yaml", "name: zeta\n"),
                File("/repo/a/PULUMI.YML", "name: alpha\n"),
                File("/repo/z/Pulumi.dev.yaml", "config: {}\n"),
                File("/repo/a/Pulumi.test.yaml", "config: {}\n"));
            Assert.Equal("alpha", workspace.ProjectName);
            Assert.Equal(new[] { "test" }, workspace.StackNames);
        }

        [Theory]
        [InlineData("Pulumi.dev.yaml", true, "dev")]
        [InlineData("/x/y/Pulumi.prod.yml", true, "prod")]
        [InlineData("C:\\infra\\pulumi.Staging.YAML", true, "Staging")]
        [InlineData("Pulumi.eu.prod.yaml", true, "eu.prod")]
        [InlineData("Pulumi.yaml", false, "")]
        [InlineData("Pulumi.yml", false, "")]
        [InlineData("Pulumi..yaml", false, "")]
        [InlineData("Pulumi.dev.json", false, "")]
        [InlineData("NotPulumi.dev.yaml", false, "")]
        [InlineData("/Pulumi.dev.yaml/readme.md", false, "")]
        public void StackName_ComesFromTheFileName(string path, bool isStack, string expected)
        {
            Assert.Equal(isStack, PulumiStackFile.TryGetStackName(path, out string name));
            Assert.Equal(expected, name);
        }

        [Fact]
        public void StackConfig_SecurePlainAndStructuredValues_AreClassified()
        {
            PulumiWorkspace workspace = Create(File("Pulumi.yaml", "name: sophia\n"), File("Pulumi.dev.yaml", PulumiSamples.DevStackFile));
            PulumiStackFile dev = workspace.GetStack("dev")!;
            Assert.True(dev.IsValid);
            Assert.Equal(
                new[] { "aws:region", "sophia:instanceSize", "sophia:replicas", "sophia:dbPassword", "sophia:apiToken", "sophia:tags", "sophia:subnets" },
                dev.Config.Select(c => c.Key));

            PulumiStackConfigEntry region = dev.Find("aws:region")!;
            Assert.Equal(3, region.Line);
            Assert.Equal("us-west-2", region.PlainValue);
            Assert.False(region.IsSecure);
            Assert.False(region.IsStructured);

            PulumiStackConfigEntry password = dev.Find("sophia:dbPassword")!;
            Assert.True(password.IsSecure);
            Assert.Null(password.PlainValue);
            Assert.False(password.IsStructured);
            Assert.Equal(6, password.Line);

            PulumiStackConfigEntry token = dev.Find("sophia:apiToken")!;
            Assert.False(token.IsSecure);
            Assert.Equal("plain-text-token", token.PlainValue);

            Assert.True(dev.Find("sophia:tags")!.IsStructured);
            Assert.Null(dev.Find("sophia:tags")!.PlainValue);
            Assert.True(dev.Find("sophia:subnets")!.IsStructured);
            Assert.Null(dev.Find("encryptionsalt"));
        }

        [Fact]
        public void SecureFlowMapping_IsSecure_ButExtraKeysMakeItStructured()
        {
            PulumiStackFile stack = PulumiStackFile.Parse("Pulumi.dev.yaml", "config:\n  p:a: {secure: AAA=}\n  p:b:\n    secure: AAA=\n    other: 1\n");
            Assert.Equal("dev", stack.StackName);
            Assert.True(stack.Find("p:a")!.IsSecure);
            Assert.False(stack.Find("p:b")!.IsSecure);
            Assert.True(stack.Find("p:b")!.IsStructured);
        }

        [Fact]
        public void TryGetKey_QualifiesBareKeysWithTheProjectName()
        {
            PulumiWorkspace workspace = Create(
                File("Pulumi.yaml", "name: sophia\n"),
                File("Pulumi.dev.yaml", "config:\n  sophia:replicas: 2\n  aws:region: us-west-2\n  bare: 1\n"));

            Assert.True(workspace.TryGetKey("dev", "sophia:replicas", out PulumiStackConfigEntry entry));
            Assert.Equal("2", entry.PlainValue);
            Assert.True(workspace.TryGetKey("dev", "replicas", out _));
            Assert.True(workspace.TryGetKey("dev", "aws:region", out entry));
            Assert.Equal(3, entry.Line);
            Assert.True(workspace.TryGetKey("dev", "sophia:bare", out entry));
            Assert.Equal("bare", entry.Key);
            Assert.True(workspace.TryGetKey("dev", "sophia:config:replicas", out _));
            Assert.False(workspace.TryGetKey("dev", "sophia:dbPassword", out _));
            Assert.False(workspace.TryGetKey("dev", "region", out _));
            Assert.False(workspace.TryGetKey("prod", "aws:region", out _));
        }

        [Theory]
        [InlineData("x", "sophia", "sophia:x")]
        [InlineData("x", null, "x")]
        [InlineData("aws:region", "sophia", "aws:region")]
        [InlineData("sophia:config:x", "sophia", "sophia:x")]
        [InlineData("a:b:c", "sophia", "a:b:c")]
        public void QualifyKey_FollowsPulumiConfigSemantics(string key, string? project, string expected)
        {
            Assert.Equal(expected, PulumiWorkspace.QualifyKey(key, project));
        }

        [Theory]
        [InlineData(null, "x", "sophia", "sophia:x")]
        [InlineData("", "x", "sophia", "sophia:x")]
        [InlineData("aws", "region", "sophia", "aws:region")]
        [InlineData("aws", "aws:region", "sophia", "aws:region")]
        public void QualifyKey_WithConfigNamespace_UsesTheNamespace(string? ns, string key, string project, string expected)
        {
            Assert.Equal(expected, PulumiWorkspace.QualifyKey(ns, key, project));
        }

        [Fact]
        public void YamlErrorInStackFile_HasFileLineAndLocation()
        {
            var stack = File("/s/Pulumi.dev.yaml", "config:\n  a:b: 1\n\ta:c: 2\n");
            PulumiWorkspace workspace = Create(File("/s/Pulumi.yaml", "name: s\n"), stack);
            PulumiFileError error = Assert.Single(workspace.Errors);
            Assert.Same(stack, error.File);
            Assert.Equal(3, error.Line);
            Assert.Contains("tab", error.Message, System.StringComparison.Ordinal);
            Assert.False(workspace.GetStack("dev")!.IsValid);
            Assert.Empty(workspace.GetStack("dev")!.Config);

            Location location = error.ToLocation();
            Assert.Equal("/s/Pulumi.dev.yaml", location.GetLineSpan().Path);
            Assert.Equal(2, location.GetLineSpan().StartLinePosition.Line);
            Assert.Equal(0, location.GetLineSpan().StartLinePosition.Character);
            Assert.Equal(7, location.GetLineSpan().EndLinePosition.Character);
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(17, 7), location.SourceSpan);
        }

        [Fact]
        public void ToLocation_LineOutOfRange_IsClamped()
        {
            PulumiWorkspace workspace = Create(File("Pulumi.yaml", ""));
            PulumiFileError error = Assert.Single(workspace.Errors);
            Assert.Equal(0, error.ToLocation().GetLineSpan().StartLinePosition.Line);
            Assert.Equal(0, workspace.Project!.GetLocation(99).GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public void UnreadableFiles_AreErrors_NotExceptions()
        {
            PulumiWorkspace workspace = Create(
                File("Pulumi.yaml", null),
                new TestAdditionalText("Pulumi.dev.yaml", "config: {}\n", throws: true),
                File("ROLLBACK.md", null));
            Assert.Equal(3, workspace.Errors.Length);
            Assert.All(workspace.Errors, e => Assert.Contains("could not be read", e.Message, System.StringComparison.Ordinal));
            Assert.False(workspace.Project!.IsValid);
            Assert.False(workspace.GetStack("dev")!.IsValid);
            Assert.Null(workspace.Rollback);
            Assert.Equal(0, workspace.Errors[0].ToLocation().GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public void Rollback_BesideTheProject_ListsHeadingsOfAnyLevel()
        {
            PulumiWorkspace workspace = Create(
                File("/r/other/ROLLBACK.md", "# Other\n"),
                File("/r/infra/Pulumi.yaml", "name: sophia\n"),
                File("/r/infra/rollback.md", Rollback));
            RollbackDocument rollback = Assert.IsType<RollbackDocument>(workspace.Rollback);
            Assert.Equal("/r/infra/rollback.md", rollback.Path);
            Assert.Equal(new[] { "Rollback procedure", "Overview", "Rollback Steps", "Details (level 3)", "Verification" }, rollback.Headings.Select(h => h.Text));
            Assert.Equal(new[] { 1, 2, 2, 3, 2 }, rollback.Headings.Select(h => h.Level));
            Assert.Equal(new[] { 1, 3, 9, 10, 12 }, rollback.Headings.Select(h => h.Line));
            Assert.True(rollback.HasHeading("rollback steps"));
            Assert.True(rollback.HasHeading("Details (level 3)"));
            Assert.False(rollback.HasHeading("not a heading"));
        }

        [Fact]
        public void Rollback_InAnotherFolder_IsIgnored()
        {
            PulumiWorkspace workspace = Create(File("/r/infra/Pulumi.yaml", "name: sophia\n"), File("/r/ROLLBACK.md", Rollback));
            Assert.Null(workspace.Rollback);
        }

        [Fact]
        public void NoPulumiFiles_GiveTheEmptyWorkspace()
        {
            Assert.Same(PulumiWorkspace.Empty, Create(File("BannedSymbols.txt", "x"), File("ROLLBACK.md", "# x")));
            Assert.Same(PulumiWorkspace.Empty, PulumiWorkspace.Create(default, CancellationToken.None));
            Assert.Same(PulumiWorkspace.Empty, PulumiWorkspace.GetOrCreate(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None));
            Assert.Empty(PulumiWorkspace.Empty.StackNames);
            Assert.Null(PulumiWorkspace.Empty.ProjectName);
        }

        [Fact]
        public void GetOrCreate_SameAdditionalTexts_ParsesOnce()
        {
            var project = File("/c/Pulumi.yaml", "name: cached\n");
            var stack = File("/c/Pulumi.dev.yaml", "config: {}\n");
            ImmutableArray<AdditionalText> files = ImmutableArray.Create<AdditionalText>(project, stack);

            PulumiWorkspace first = PulumiWorkspace.GetOrCreate(new AnalyzerOptions(files), CancellationToken.None);
            PulumiWorkspace sameOptionsObjectNotNeeded = PulumiWorkspace.GetOrCreate(new AnalyzerOptions(files), CancellationToken.None);
            PulumiWorkspace copiedArray = PulumiWorkspace.GetOrCreate(new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(project, stack)), CancellationToken.None);

            Assert.Equal("cached", first.ProjectName);
            Assert.Same(first, sameOptionsObjectNotNeeded);
            Assert.Same(first, copiedArray);
            Assert.Equal(1, project.ReadCount);
            Assert.Equal(1, stack.ReadCount);
        }

        [Fact]
        public void GetOrCreate_DifferentFiles_GiveANewWorkspace()
        {
            var project = File("/d/Pulumi.yaml", "name: one\n");
            PulumiWorkspace first = PulumiWorkspace.GetOrCreate(new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(project)), CancellationToken.None);
            PulumiWorkspace second = PulumiWorkspace.GetOrCreate(
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(project, File("/d/Pulumi.dev.yaml", "config: {}\n"))),
                CancellationToken.None);
            Assert.NotSame(first, second);
            Assert.Empty(first.StackNames);
            Assert.Equal(new[] { "dev" }, second.StackNames);
        }

        [Fact]
        public void GetOrCreate_FromManyThreads_ReturnsOneWorkspace()
        {
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(File("/t/Pulumi.yaml", "name: threads\n")));
            var results = new PulumiWorkspace[64];
            Parallel.For(0, results.Length, i => results[i] = PulumiWorkspace.GetOrCreate(options, CancellationToken.None));
            Assert.All(results, r => Assert.Same(results[0], r));
            Assert.Equal("threads", results[0].ProjectName);
        }

        [Fact]
        public void Create_Cancelled_Throws()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            var files = ImmutableArray.Create<AdditionalText>(File("Pulumi.dev.yaml", "config: {}\n"));
            Assert.ThrowsAny<System.OperationCanceledException>(() => PulumiWorkspace.Create(files, cts.Token));
        }
    }
}
