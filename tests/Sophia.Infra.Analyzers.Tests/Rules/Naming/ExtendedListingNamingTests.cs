using System.Linq;
using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Rules.Naming;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>SIA1001 and SIA1004 on the real resource types that the extended Pulumi.Aws listing added to ref/.</summary>
public sealed class ExtendedListingNamingTests
{
    [Theory]
    [MemberData(nameof(ExtendedListing.TypesAndTokens), MemberType = typeof(ExtendedListing))]
    public void EveryNewType_HasItsTokenInTheTable(string type, string token)
    {
        Assert.True(ResourceTypeTokens.BuiltIn.TryGetValue("Pulumi.Aws." + type, out var actual), type + " is not in the table");
        Assert.Equal(token, actual);
    }

    [Fact]
    public void EveryListedType_IsAResourceTypeOfTheMirror()
    {
        var assembly = typeof(global::Pulumi.Aws.Provider).Assembly;
        Assert.Equal(48, ExtendedListing.ResourceTypes.Select(t => t.Type).Distinct().Count());
        foreach (var (type, _) in ExtendedListing.ResourceTypes)
        {
            var clr = assembly.GetType("Pulumi.Aws." + type);
            Assert.True(clr is not null && typeof(global::Pulumi.CustomResource).IsAssignableFrom(clr), type);
        }
    }

    [Fact]
    public async Task WrongTypeSegment_IsReported_OnEveryNewType_WithItsToken()
    {
        var test = Create(InMethod(ExtendedListing.Creations(_ => "$\"sophia-{stack}-web-a\"", ExtendedListing.Mark.Name)));
        for (var i = 0; i < ExtendedListing.ResourceTypes.Count; i++)
        {
            var (type, token) = ExtendedListing.ResourceTypes[i];
            test.ExpectedDiagnostics.Add(Pattern(i, "sophia-{stack}-web-a",
                $"resource-type segment is 'web'; 'Pulumi.Aws.{type}' expects '{token}'", $"sophia-{{stack}}-{token}-a"));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task PatternName_IsCompliant_OnEveryNewType()
    {
        var test = Create(InMethod(ExtendedListing.Creations(token => $"$\"sophia-{{stack}}-{token}-a\"", ExtendedListing.Mark.None)));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("Alb.LoadBalancer", "lb", 32, "a load balancer name")]
    [InlineData("Alb.TargetGroup", "tg", 32, "a target group name")]
    [InlineData("Rds.ClusterInstance", "db-cluster-instance", 63, "an RDS DB instance identifier")]
    [InlineData("Backup.Vault", "backup-vault", 50, "an AWS Backup vault name")]
    [InlineData("Backup.Plan", "backup-plan", 50, "an AWS Backup plan name")]
    [InlineData("CloudFront.OriginAccessControl", "oac", 64, "a CloudFront origin access control name")]
    [InlineData("CloudWatch.EventRule", "event-rule", 64, "an EventBridge rule name")]
    [InlineData("AppAutoScaling.Policy", "scaling-policy", 256, "a scaling policy name")]
    public async Task DerivedNameOverTheLimit_IsReported_AndOneUnderIsNot(string type, string token, int limit, string what)
    {
        // The derived name is the resource name with the longest environment ('staging') plus Pulumi's 8 characters.
        var fixedLength = $"sophia-staging-{token}-".Length + AwsNameLimits.RandomSuffixLength;
        var fits = new string('a', limit - fixedLength);
        var tooLong = fits + "b";
        var test = Create(InMethod($$"""
                    new Aws.{{type}}($"sophia-{stack}-{{token}}-{{fits}}", new());
                    new Aws.{{type}}({|#0:$"sophia-{stack}-{{token}}-{{tooLong}}"|}, new());
            """));
        var name = $"sophia-{{stack}}-{token}-{tooLong}";
        test.ExpectedDiagnostics.Add(TooLong(0, $"Resource name '{name}'", (limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            " once Pulumi appends '-' and 7 random characters (the stack counted as 'staging')", limit, $"{what} (Pulumi.Aws.{type})"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenSearchDomain_PatternNameCannotFit_SoTheDomainNameIsChecked()
    {
        var test = Create(InMethod("""
                    new Aws.OpenSearch.Domain({|#0:$"sophia-{stack}-opensearch-logs"|});
                    new Aws.OpenSearch.Domain($"sophia-{stack}-opensearch-app", new() { DomainName = "sophia-app-search" });
                    new Aws.OpenSearch.Domain($"sophia-{stack}-opensearch-audit", new() { DomainName = {|#1:"sophia-audit-search-production"|} });
            """));
        test.ExpectedDiagnostics.Add(TooLong(0, "Resource name 'sophia-{stack}-opensearch-logs'", "38",
            " once Pulumi appends '-' and 7 random characters (the stack counted as 'staging')", 28, "an OpenSearch domain name (Pulumi.Aws.OpenSearch.Domain)"));
        test.ExpectedDiagnostics.Add(TooLong(1, "Physical name 'sophia-audit-search-production' (DomainName)", "30", string.Empty, 28,
            "an OpenSearch domain name (Pulumi.Aws.OpenSearch.Domain)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CompositeAlarm_RequiredAlarmName_IsCheckedAsWritten()
    {
        var alarmName = new string('a', 256);
        var test = Create(InMethod($$"""
                    new Aws.CloudWatch.CompositeAlarm($"sophia-{stack}-composite-alarm-api", new() { AlarmName = "api-degraded", AlarmRule = "ALARM(a)" });
                    new Aws.CloudWatch.CompositeAlarm($"sophia-{stack}-composite-alarm-web", new() { AlarmName = {|#0:"{{alarmName}}"|}, AlarmRule = "ALARM(b)" });
            """));
        test.ExpectedDiagnostics.Add(TooLong(0, $"Physical name '{alarmName}' (AlarmName)", "256", string.Empty, 255,
            "a CloudWatch alarm name (Pulumi.Aws.CloudWatch.CompositeAlarm)"));
        await test.RunAsync();
    }

    [Fact]
    public void NewTypesWithoutALimit_HaveNone()
    {
        var limited = new[]
        {
            "Alb.LoadBalancer", "Alb.TargetGroup", "OpenSearch.Domain", "Rds.ClusterInstance", "Backup.Vault", "Backup.Plan",
            "CloudFront.OriginAccessControl", "CloudWatch.EventRule", "CloudWatch.CompositeAlarm", "AppAutoScaling.Policy", "Iam.Group",
            "S3.BucketV2",
        };
        foreach (var (type, _) in ExtendedListing.ResourceTypes)
        {
            Assert.True(limited.Contains(type) == AwsNameLimits.For("Pulumi.Aws." + type) is not null, type);
        }
    }
}
