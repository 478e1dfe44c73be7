using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Monitoring.MonitoringAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Monitoring;

/// <summary>SIA7004: alarm descriptions carry their playbook (built-in test, or sophia_infra.alarms.playbook_pattern).</summary>
public sealed class AlarmPlaybookTests
{
    // Every alarm here notifies a topic, so that SIA7002 stays out of the way.
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config, Aws.Sns.Topic topic)
            {
        {{body}}
            }

            static Aws.CloudWatch.MetricAlarm Alarm(string name, Input<string>? description) =>
                new Aws.CloudWatch.MetricAlarm(name, new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { Arn() }, AlarmDescription = description });

            static Output<string> Arn() => Output.Create("arn:aws:sns:us-west-2:123456789012:alerts");
        }
        """;

    private static string Alarm(string name, string description) =>
        $$"""new Aws.CloudWatch.MetricAlarm("{{name}}", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {{description}} });""";

    private static DiagnosticResult Sia7004(int location, string message) =>
        Verify.Diagnostic(Descriptors.AlarmWithoutPlaybook).WithLocation(location).WithArguments(message);

    private const string Advice = "write the playbook's link in AlarmDescription (e.g. \"CPU above 80%. Runbook: https://wiki.example.com/runbooks/cpu\")";

    [Theory]
    [InlineData("\"CPU high: https://wiki.example.com/cpu\"")]
    [InlineData("\"see http://intranet/cpu\"")]
    [InlineData("\"Follow the PLAYBOOK for CPU\"")]
    [InlineData("\"Runbook: CPU-17\"")]
    [InlineData("\"runbooks/cpu in the wiki\"")]
    [InlineData("\"Playbooks: cpu\"")]
    [InlineData("$\"{stack}: CPU high. Runbook: wiki/cpu\"")]
    [InlineData("$\"{Deployment.Instance.StackName}: CPU high. Runbook: wiki/cpu\"")]
    [InlineData("\"CPU high. \" + \"Runbook: wiki/cpu\"")]
    public async Task DescriptionWithPlaybook_NoDiagnostic(string description)
    {
        await Verify.VerifyAnalyzerAsync(Program("        " + Alarm("a", description)));
    }

    [Fact]
    public async Task UnknownParts_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var link = config.Require("playbook");
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = $"CPU high: {link}" });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = config.Require("description") });
                    new Aws.CloudWatch.MetricAlarm("c", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = topic.Arn });
                    Alarm("d", "CPU high");
            """));
    }

    [Fact]
    public async Task MissingDescription_IsReportedAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    {|#0:new Aws.CloudWatch.MetricAlarm("cpu", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn } })|};
                    {|#1:new Aws.CloudWatch.CompositeAlarm("all", new Aws.CloudWatch.CompositeAlarmArgs { AlarmName = "all", AlarmRule = "ALARM(cpu)", AlarmActions = { topic.Arn } })|};
            """),
            Sia7004(0, "CloudWatch metric alarm 'cpu' has no AlarmDescription, so whoever is paged has no playbook: " + Advice),
            Sia7004(1, "CloudWatch composite alarm 'all' has no AlarmDescription, so whoever is paged has no playbook: " + Advice));
    }

    [Fact]
    public async Task DescriptionWithoutPlaybook_IsReportedAtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    const string text = "CPU above 80%";
                    var local = "Errors: check the logs";
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#0:"CPU above 80%"|} });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#1:text|} });
                    new Aws.CloudWatch.MetricAlarm("c", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#2:local|} });
                    new Aws.CloudWatch.MetricAlarm("d", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#3:$"{Deployment.Instance.StackName}: CPU high"|} });
                    new Aws.CloudWatch.MetricAlarm("e", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#4:""|} });
                    new Aws.CloudWatch.MetricAlarm("f", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#5:null|} });
                    new Aws.CloudWatch.MetricAlarm("g", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#6:Describe("CPU")|} });
                }

                static string Describe(string what) => $"{what} is high";

                static void Unused(Aws.Sns.Topic topic)
                {
            """),
            Sia7004(0, "CloudWatch metric alarm 'a' has AlarmDescription 'CPU above 80%', which has no link and names no playbook or runbook: " + Advice),
            Sia7004(1, "CloudWatch metric alarm 'b' has AlarmDescription 'CPU above 80%', which has no link and names no playbook or runbook: " + Advice),
            Sia7004(2, "CloudWatch metric alarm 'c' has AlarmDescription 'Errors: check the logs', which has no link and names no playbook or runbook: " + Advice),
            Sia7004(3, "CloudWatch metric alarm 'd' has AlarmDescription '{stack}: CPU high', which has no link and names no playbook or runbook: " + Advice),
            Sia7004(4, "CloudWatch metric alarm 'e' has AlarmDescription '', which has no link and names no playbook or runbook: " + Advice),
            Sia7004(5, "CloudWatch metric alarm 'f' has AlarmDescription null, which has no link and names no playbook or runbook: " + Advice),
            Sia7004(6, "CloudWatch metric alarm 'g' has AlarmDescription 'CPU is high', which has no link and names no playbook or runbook: " + Advice));
    }

    [Fact]
    public async Task CustomPattern_ReplacesTheDefaultTest()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = "see PB-17" });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#0:"Runbook: https://wiki/cpu"|} });
                    new Aws.CloudWatch.MetricAlarm("c", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|#1:"see pb-17"|} });
                    new Aws.CloudWatch.MetricAlarm("d", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = $"{Deployment.Instance.StackName}: see PB-1" });
                    new Aws.CloudWatch.MetricAlarm("e", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = $"{Deployment.Instance.StackName}: cpu" });
            """),
            ExpectedDiagnostics =
            {
                Sia7004(0, "CloudWatch metric alarm 'b' has AlarmDescription 'Runbook: https://wiki/cpu', which does not match sophia_infra.alarms.playbook_pattern 'PB-[0-9]+': write the playbook's link in AlarmDescription so that it matches the pattern"),
                Sia7004(1, "CloudWatch metric alarm 'c' has AlarmDescription 'see pb-17', which does not match sophia_infra.alarms.playbook_pattern 'PB-[0-9]+': write the playbook's link in AlarmDescription so that it matches the pattern"),
            },
        }.WithOptions("sophia_infra.alarms.playbook_pattern = PB-[0-9]+").RunAsync();
    }

    [Fact]
    public async Task CustomPattern_CaseInsensitiveWhenItSaysSo_AndPerRuleKey()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = "see pb-17" });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|SIA7004:"see the wiki"|} });
            """),
        }.WithOptions("sophia_infra.sia7004.alarms.playbook_pattern = (?i)pb-[0-9]+").RunAsync();
    }

    [Fact]
    public async Task CustomPattern_AnchoredOnlyWhenItAnchorsItself()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = "PB-1: cpu" });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|SIA7004:"cpu: PB-1"|} });
            """),
        }.WithOptions("sophia_infra.alarms.playbook_pattern = ^PB-[0-9]+").RunAsync();
    }

    [Fact]
    public async Task InvalidPattern_UsesTheDefaultTest()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = "Runbook: https://wiki/cpu" });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|SIA7004:"PB-[17"|} });
            """),
        }.WithOptions("sophia_infra.alarms.playbook_pattern = PB-[17").RunAsync();
    }

    [Fact]
    public async Task DescriptionFromAnotherFile_IsFollowed()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = {|SIA7004:Texts.Cpu|} });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmActions = { topic.Arn }, AlarmDescription = Texts.Errors });
            """),
        };
        test.TestState.Sources.Add(("/0/Texts.cs", """
            static class Texts
            {
                public const string Cpu = "CPU above 80%";
                public static readonly string Errors = $"Errors. {Wiki}/runbooks/errors";
                const string Wiki = "https://wiki.example.com";
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeType_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.CloudWatch
            {
                public sealed class MetricAlarmArgs { public string? AlarmDescription { get; set; } }
                public sealed class MetricAlarm { public MetricAlarm(string name, MetricAlarmArgs? args = null) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.CloudWatch.MetricAlarm("a");
                    new Lookalike.CloudWatch.MetricAlarm("b", new Lookalike.CloudWatch.MetricAlarmArgs { AlarmDescription = "CPU" });
                }
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = """
                namespace Pulumi.Aws.CloudWatch
                {
                    public sealed class MetricAlarmArgs { public string? AlarmDescription { get; set; } }
                    public sealed class MetricAlarm { public MetricAlarm(string name, MetricAlarmArgs? args = null) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.CloudWatch.MetricAlarm("a", new Pulumi.Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = "CPU" });
                }
                """,
        }.WithoutPulumi().WithOptions("sophia_infra.alarms.playbook_pattern = PB").RunAsync();
    }
}
