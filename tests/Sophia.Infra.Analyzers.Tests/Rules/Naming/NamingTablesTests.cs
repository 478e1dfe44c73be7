using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Rules.Naming;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>Unit tests of the resource-type table, the AWS name limits and the name parser.</summary>
public sealed class NamingTablesTests
{
    private static readonly Type[] AwsResourceTypes = typeof(global::Pulumi.Aws.Provider).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && (typeof(global::Pulumi.CustomResource).IsAssignableFrom(t)))
        .ToArray();

    [Fact]
    public void EveryPulumiAwsResourceType_HasAValidToken()
    {
        Assert.True(AwsResourceTypes.Length >= 60, "the ref/ mirror lists the Pulumi.Aws resource types");
        foreach (var type in AwsResourceTypes)
        {
            var token = ResourceTypeTokens.ForFullName(type.FullName!, type.Name);
            Assert.True(SophiaOptions.IsNameToken(token), type.FullName + " -> '" + token + "'");
        }
    }

    [Theory]
    [InlineData("Pulumi.Aws.Ec2.Instance", "Instance", "vm")]
    [InlineData("Pulumi.Aws.S3.Bucket", "Bucket", "bucket")]
    [InlineData("Pulumi.Aws.S3.BucketV2", "BucketV2", "bucket")]
    [InlineData("Pulumi.Aws.Iam.Role", "Role", "role")]
    [InlineData("Pulumi.Aws.Iam.Policy", "Policy", "policy")]
    [InlineData("Pulumi.Aws.Ec2.SecurityGroup", "SecurityGroup", "sg")]
    [InlineData("Pulumi.Aws.Ec2.Vpc", "Vpc", "vpc")]
    [InlineData("Pulumi.Aws.Ec2.Subnet", "Subnet", "subnet")]
    [InlineData("Pulumi.Aws.Ebs.Volume", "Volume", "vol")]
    [InlineData("Pulumi.Aws.Rds.Instance", "Instance", "db")]
    [InlineData("Pulumi.Aws.Lambda.Function", "Function", "fn")]
    [InlineData("Pulumi.Aws.Route53.Zone", "Zone", "zone")]
    [InlineData("Pulumi.Aws.Route53.Record", "Record", "dns")]
    [InlineData("Pulumi.Aws.Acm.Certificate", "Certificate", "cert")]
    [InlineData("Pulumi.Aws.Kms.Key", "Key", "kms")]
    [InlineData("Pulumi.Aws.DynamoDB.Table", "Table", "table")]
    [InlineData("Pulumi.Aws.Sqs.Queue", "Queue", "queue")]
    [InlineData("Pulumi.Aws.Sns.Topic", "Topic", "topic")]
    [InlineData("Pulumi.Aws.CloudWatch.LogGroup", "LogGroup", "logs")]
    [InlineData("Pulumi.Aws.LB.LoadBalancer", "LoadBalancer", "lb")]
    [InlineData("Pulumi.Aws.Provider", "Provider", "provider")]
    [InlineData("Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration", "BucketServerSideEncryptionConfiguration", "bucket-sse")]
    [InlineData("Pulumi.Aws.Iam.InstanceProfile", "InstanceProfile", "instance-profile")]
    [InlineData("Pulumi.Aws.Iam.RolePolicyAttachment", "RolePolicyAttachment", "role-policy-attachment")]
    [InlineData("Pulumi.Aws.S3.BucketPublicAccessBlock", "BucketPublicAccessBlock", "bucket-public-access-block")]
    [InlineData("Pulumi.Aws.Ec2.RouteTableAssociation", "RouteTableAssociation", "route-table-association")]
    [InlineData("Pulumi.Random.RandomPassword", "RandomPassword", "random-password")]
    [InlineData("MyCompany.Infra.HTTPServer", "HTTPServer", "http-server")]
    [InlineData("MyCompany.Infra.Ünïcode", "Ünïcode", "n-code")]
    [InlineData("MyCompany.Infra.Ü", "Ü", "resource")]
    public void Token_ComesFromTheTable_OrTheKebabCaseFallback(string fullName, string simpleName, string expected)
    {
        Assert.Equal(expected, ResourceTypeTokens.ForFullName(fullName, simpleName));
    }

    [Theory]
    [InlineData("myBucket", "my-bucket")]
    [InlineData("HTTPServer", "http-server")]
    [InlineData("Ec2Instance", "ec2-instance")]
    [InlineData("web_server  main", "web-server-main")]
    [InlineData("-Already-Kebab-", "already-kebab")]
    [InlineData("", "")]
    public void KebabCase_SplitsWordsAndLowersThem(string text, string expected)
    {
        Assert.Equal(expected, ResourceTypeTokens.KebabCase(text));
    }

    [Fact]
    public void EveryTableEntry_IsAValidToken()
    {
        Assert.All(ResourceTypeTokens.BuiltIn, entry => Assert.True(SophiaOptions.IsNameToken(entry.Value), entry.Key));
    }

    [Fact]
    public void NameLimits_NamePropertiesExistOnTheArgs_OfEveryTypeTheMirrorHas()
    {
        var assembly = typeof(global::Pulumi.Aws.Provider).Assembly;
        var checkedTypes = 0;
        foreach (var (typeName, limit) in AwsNameLimits.Table)
        {
            Assert.InRange(limit.MaxLength, 20, 2048);
            var args = assembly.GetType(typeName + "Args");
            if (args is null)
            {
                continue; // not in the ref/ mirror (BucketV2, Iam.Group, ...)
            }

            checkedTypes++;
            Assert.Contains(limit.NameProperties, p => args.GetProperty(p) is not null);
            foreach (var property in limit.NameProperties.AddRange(limit.PrefixProperties))
            {
                if (args.GetProperty(property) is null)
                {
                    Assert.True(limit.NameProperties.Length > 1 || limit.PrefixProperties.Contains(property), typeName + "Args has no " + property);
                }
            }
        }

        Assert.True(checkedTypes >= 25, "checked " + checkedTypes);
    }

    [Fact]
    public void NameLimits_IncludeTheIssuesTable()
    {
        Assert.Equal(32, AwsNameLimits.For("Pulumi.Aws.LB.LoadBalancer")!.MaxLength);
        Assert.Equal(32, AwsNameLimits.For("Pulumi.Aws.LB.TargetGroup")!.MaxLength);
        Assert.Equal(63, AwsNameLimits.For("Pulumi.Aws.S3.Bucket")!.MaxLength);
        Assert.Equal(64, AwsNameLimits.For("Pulumi.Aws.Iam.Role")!.MaxLength);
        Assert.Equal(128, AwsNameLimits.For("Pulumi.Aws.Iam.Policy")!.MaxLength);
        Assert.Equal(64, AwsNameLimits.For("Pulumi.Aws.Lambda.Function")!.MaxLength);
        Assert.Equal(63, AwsNameLimits.For("Pulumi.Aws.Rds.Instance")!.MaxLength);
        Assert.Equal(80, AwsNameLimits.For("Pulumi.Aws.Sqs.Queue")!.MaxLength);
        Assert.Equal(256, AwsNameLimits.For("Pulumi.Aws.Sns.Topic")!.MaxLength);
        Assert.Equal(255, AwsNameLimits.For("Pulumi.Aws.DynamoDB.Table")!.MaxLength);
        Assert.Equal(512, AwsNameLimits.For("Pulumi.Aws.CloudWatch.LogGroup")!.MaxLength);
        Assert.Null(AwsNameLimits.For("Pulumi.Aws.Ec2.Instance"));
    }

    [Fact]
    public void Docs_ListEveryTableEntryAndLimit()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "rules");
        var tokensPage = File.ReadAllText(Path.Combine(docs, "SIA1001.md"));
        var limitsPage = File.ReadAllText(Path.Combine(docs, "SIA1004.md"));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var (type, token) in ResourceTypeTokens.BuiltIn)
        {
            var shortName = type.Substring("Pulumi.Aws.".Length);
            Assert.Contains($"| `{shortName}` | `{token}` | table |", tokensPage);
            Assert.Contains($"`{shortName}`", readme);
        }

        foreach (var type in AwsResourceTypes)
        {
            Assert.Contains($"| `{type.FullName!.Substring("Pulumi.Aws.".Length)}` | `{ResourceTypeTokens.ForFullName(type.FullName, type.Name)}` |", tokensPage);
        }

        foreach (var (type, limit) in AwsNameLimits.Table)
        {
            Assert.Contains($"| `{type.Substring("Pulumi.Aws.".Length)}` | {limit.MaxLength} | {limit.MaxLength - AwsNameLimits.RandomSuffixLength} |", limitsPage);
        }

        static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (Directory.Exists(Path.Combine(directory.FullName, "docs", "rules")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("docs/rules not found");
        }
    }

    // ------------------------------------------------------------------ the parser

    private static ResolvedString Name(params object[] parts) => new(parts.Select(p => p switch
    {
        string text => new StringPart(StringPartKind.Text, text, null, null, null, null, false),
        StringPartKind kind => new StringPart(kind, kind.ToString(), null, null, null, null, false),
        _ => throw new ArgumentException("part"),
    }).ToImmutableArray());

    private const StringPartKind Stack = StringPartKind.StackName;
    private const StringPartKind Project = StringPartKind.ProjectName;
    private const StringPartKind Unknown = StringPartKind.Unknown;

    private static readonly ImmutableArray<string> Environments = ImmutableArray.Create("dev", "staging", "prod");

    private static NameCheckResult? Check(string? project, string token, params object[] parts) =>
        NameChecker.Check(Name(parts), new NamePattern(project, token), "T", token, Environments);

    [Fact]
    public void Pattern_TypeTokensAndPurposesMayContainHyphens()
    {
        Assert.Null(Check("sophia", "bucket-sse", "sophia-", Stack, "-bucket-sse-artifacts-eu"));
        Assert.Null(Check("sophia", "bucket", "sophia-", Stack, "-bucket-sse-artifacts"));
        Assert.Null(Check("sophia-infra", "role-policy", "sophia-infra-", Stack, "-role-policy-handler"));
        Assert.Null(Check("sophia", "role", "sophia-", Stack, "-role-policy-handler"));
        Assert.NotNull(Check("sophia", "role-policy", "sophia-", Stack, "-role-handler"));
    }

    [Fact]
    public void Pattern_UnknownPartsMatchAnything_ButKnownPartsStillCount()
    {
        Assert.Null(Check("sophia", "vm", Unknown));
        Assert.Null(Check("sophia", "vm", Unknown, "-vm"));
        Assert.Null(Check("sophia", "vm", "sophia-", Unknown));
        Assert.Null(Check("sophia", "vm", "sophia-", Unknown, "-vm-agent"));
        Assert.Null(Check("sophia", "vm", "sophia-", Stack, "-", Unknown));
        Assert.Null(Check("sophia", "vm", Project, "-", Stack, "-vm-", Unknown));
        Assert.Equal(new[] { "project segment is 'eks'; expected 'sophia'" }, Check("sophia", "vm", "eks-node-", Unknown)!.PatternFaults);
        Assert.Equal(new[] { "resource-type segment is 'server'; 'T' expects 'vm'" }, Check("sophia", "vm", "sophia-", Stack, "-server-", Unknown)!.PatternFaults);
    }

    [Fact]
    public void Pattern_WithoutProject_AcceptsAnyLowerCaseTokens()
    {
        Assert.Null(Check(null, "vm", "acme-", Stack, "-vm-agent"));
        Assert.Null(Check(null, "vm", "acme-web-", Stack, "-vm-agent"));
        Assert.Null(Check(null, "vm", Project, "-", Stack, "-vm-agent"));
        Assert.NotNull(Check(null, "vm", Stack, "-vm-agent"));
    }

    [Fact]
    public void Environments_AreFoundAsWholeSegmentsOnly()
    {
        Assert.Equal(new[] { "dev" }, Check("sophia", "vm", "sophia-dev-vm-agent")!.Environments);
        Assert.Equal(new[] { "prod" }, Check("sophia", "vm", "sophia-", Stack, "-vm-prod")!.Environments);
        Assert.Equal(new[] { "dev", "prod" }, Check("sophia", "vm", "sophia-dev-vm-prod")!.Environments);
        Assert.Null(Check("sophia", "vm", "sophia-", Stack, "-vm-devices"));
        Assert.Null(Check("sophia", "vm", "sophia-", Stack, "-vm-", Unknown, "dev"));
        Assert.True(Check("sophia", "vm", "sophia-dev-vm-agent")!.PatternFaults.IsEmpty);

        // A project that is also an environment name is the project, not a hard-coded environment.
        Assert.Null(NameChecker.Check(Name("prod-", Stack, "-vm-agent"), new NamePattern("prod", "vm"), "T", "vm", Environments));
    }

    [Fact]
    public void Suggestion_RecoversThePurposeFromTheLastSegments()
    {
        Assert.Equal("sophia-{stack}-vm-agent", Check("sophia", "vm", "sophia-dev-server-agent")!.Suggestion.Display(Name()));
        Assert.Equal("sophia-{stack}-vm-web-server", Check("sophia", "vm", "web-server")!.Suggestion.Display(Name()));
        Assert.Equal("sophia-{stack}-bucket-my", Check("sophia", "bucket", "myBucket")!.Suggestion.Display(Name()));
        Assert.Equal("sophia-{stack}-vm-main", Check("sophia", "vm", "sophia-prod-vm")!.Suggestion.Display(Name()));
        Assert.Equal("sophia-{stack}-vm-agent", Check("sophia", "vm", "SophiaProdVmAgent")!.Suggestion.Display(Name()));
    }

    [Fact]
    public void LongTypeName_OrOneWordBeforeTheToken_IsTakenAsTheWrongType()
    {
        var pattern = new NamePattern("sophia", "bucket-sse");
        var result = NameChecker.Check(Name("sophia-", Stack, "-bucket-server-side-encryption-configuration-artifacts"), pattern, "S3.Sse", "bucket-server-side-encryption-configuration", Environments)!;
        Assert.Equal(new[] { "resource-type segment is 'bucket-server-side-encryption-configuration'; 'S3.Sse' expects 'bucket-sse'" }, result.PatternFaults);
        Assert.Equal("sophia-{stack}-bucket-sse-artifacts", result.Suggestion.Display(Name()));

        result = NameChecker.Check(Name("sophia-", Stack, "-metric-alarm-handler-errors"), new NamePattern("sophia", "alarm"), "MetricAlarm", "metric-alarm", Environments)!;
        Assert.Equal(new[] { "resource-type segment is 'metric-alarm'; 'MetricAlarm' expects 'alarm'" }, result.PatternFaults);
        Assert.Equal("sophia-{stack}-alarm-handler-errors", result.Suggestion.Display(Name()));

        result = NameChecker.Check(Name("sophia-", Stack, "-web-vm-agent"), new NamePattern("sophia", "vm"), "Instance", "instance", Environments)!;
        Assert.Equal(new[] { "resource-type segment is 'web-vm'; 'Instance' expects 'vm'" }, result.PatternFaults);
        Assert.Equal("sophia-{stack}-vm-agent", result.Suggestion.Display(Name()));
    }
    [Theory]
    [InlineData("sophia")]
    [InlineData("sophia-platform-engineering-shared-infrastructure-network-core")] // over 64 pattern states: the array path
    public void Pattern_MatchesTheSameWhateverItsSize(string project)
    {
        var pattern = new NamePattern(project, "vm");
        Assert.True(pattern.Matches(NameSymbols.From(Name(project + "-", Stack, "-vm-agent"))));
        Assert.True(pattern.Matches(NameSymbols.From(Name(project + "-", Unknown, "-vm-web-agent"))));
        Assert.True(pattern.Matches(NameSymbols.From(Name(Unknown))));
        Assert.True(pattern.Matches(NameSymbols.From(Name(Project, "-", Stack, "-vm-agent"))));
        Assert.False(pattern.Matches(NameSymbols.From(Name(project + "-", Stack, "-server-agent"))));
        Assert.False(pattern.Matches(NameSymbols.From(Name(project + "-", Stack, "-vm"))));
        Assert.False(pattern.Matches(NameSymbols.From(Name("other-", Stack, "-vm-agent"))));
    }
    private sealed class FixedOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        private readonly string? _project;

        public FixedOptions(string? project) => _project = project;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = key == "sophia_infra.project" ? _project : null;
            return value is not null;
        }
    }

    [Fact]
    public void Settings_AreKeptWithTheOptionsObject_ForTheSamePulumiYamlProject()
    {
        // The IDE's next compilation hands the same options object: the settings (and each type's pattern) are reused, unless
        // Pulumi.yaml now names another project.
        var patterns = new System.Collections.Concurrent.ConcurrentDictionary<string, NamePattern>(StringComparer.Ordinal);
        var options = new FixedOptions(project: null);
        var first = NamingSettings.ForOptions(options, "shop", patterns);
        Assert.Same(first, NamingSettings.ForOptions(options, "shop", patterns));
        Assert.Equal("shop", first.Project);

        var renamed = NamingSettings.ForOptions(options, "store", patterns);
        Assert.NotSame(first, renamed);
        Assert.Equal("store", renamed.Project);

        // Other options (another .editorconfig section), other settings; the option wins over Pulumi.yaml.
        var other = NamingSettings.ForOptions(new FixedOptions("sophia"), "shop", patterns);
        Assert.NotSame(first, other);
        Assert.Equal("sophia", other.Project);
    }
}
