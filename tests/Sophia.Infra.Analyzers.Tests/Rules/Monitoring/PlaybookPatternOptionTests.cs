using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Rules.Configuration;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Configuration.ConfigurationAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Monitoring;

/// <summary>sophia_infra.alarms.playbook_pattern: validated by the configuration analyzer (SIA0001), compiled with a match timeout.</summary>
public sealed class PlaybookPatternOptionTests
{
    private const string Program = /* lang=c#-test */ """
        class C
        {
            void M() => new Pulumi.Aws.CloudWatch.MetricAlarm("alarm");
        }
        """;

    [Theory]
    [InlineData("alarms.playbook_pattern", "PB-[0-9]+")]
    [InlineData("alarms.playbook_pattern", "(?i)^runbook:")]
    [InlineData("sia7004.alarms.playbook_pattern", "wiki\\.example\\.com/")]
    public void Check_AcceptsValidPatterns(string name, string value) =>
        Assert.Null(ConfigurationAnalyzer.Check(name, value));

    [Theory]
    [InlineData("alarms.playbook_pattern", "")]
    [InlineData("alarms.playbook_pattern", "   ")]
    [InlineData("alarms.playbook_pattern", "PB-[0-9")]
    [InlineData("sia7004.alarms.playbook_pattern", "(unclosed")]
    public void Check_RejectsInvalidPatterns(string name, string value) =>
        Assert.NotNull(ConfigurationAnalyzer.Check(name, value));

    [Fact]
    public void Parse_CompilesWithATimeout_CaseSensitive()
    {
        Assert.True(SophiaOptions.AlarmsPlaybookPattern.TryParse("PB-[0-9]+", out var regex));
        Assert.NotNull(regex);
        Assert.Equal(SophiaOptions.PlaybookPatternTimeout, regex!.MatchTimeout);
        Assert.Matches(regex, "see PB-17");
        Assert.DoesNotMatch(regex, "see pb-17");
    }

    [Fact]
    public async Task InvalidPattern_IsSia0001()
    {
        var test = new Verify.Test { TestCode = Program }.WithOptions("sophia_infra.alarms.playbook_pattern = PB-[17");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.InvalidConfiguration).WithArguments(
            "'sophia_infra.alarms.playbook_pattern = PB-[17' is not valid: expected a non-empty .NET regular expression (e.g. 'wiki\\.example\\.com/playbooks/'); the default 'a URL or the word playbook or runbook' is used"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EmptyPattern_IsSia0001()
    {
        var test = new Verify.Test { TestCode = Program }.WithOptions("sophia_infra.alarms.playbook_pattern =");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.InvalidConfiguration).WithArguments(
            "'sophia_infra.alarms.playbook_pattern = ' is not valid: expected a non-empty .NET regular expression (e.g. 'wiki\\.example\\.com/playbooks/'); the default 'a URL or the word playbook or runbook' is used"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ValidPattern_NoDiagnostic()
    {
        await new Verify.Test { TestCode = Program }.WithOptions("sophia_infra.alarms.playbook_pattern = (?i)PB-[0-9]+").RunAsync();
    }
}
