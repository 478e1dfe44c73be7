using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Monitoring.MonitoringAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Monitoring;

/// <summary>SIA7002: metric and composite alarms notify someone (AlarmActions set, not empty, actions not disabled).</summary>
public sealed class AlarmActionsTests
{
    // Every alarm here carries a playbook, so that SIA7004 stays out of the way.
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using System.Collections.Generic;
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            const string Playbook = "Runbook: https://wiki.example.com/runbooks/errors";

            static void Create(string stack, Config config, Aws.Sns.Topic topic)
            {
        {{body}}
            }
        }
        """;

    private static DiagnosticResult Sia7002(int location, string message) =>
        Verify.Diagnostic(Descriptors.AlarmWithoutActions).WithLocation(location).WithArguments(message);

    [Fact]
    public async Task AlarmsWithActions_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var actions = new[] { topic.Arn };
                    var list = new InputList<string>();
                    list.Add(topic.Arn);
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn } });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = topic.Arn });
                    new Aws.CloudWatch.MetricAlarm("c", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = actions });
                    new Aws.CloudWatch.MetricAlarm("d", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = list });
                    new Aws.CloudWatch.MetricAlarm("e", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = true });
                    new Aws.CloudWatch.MetricAlarm("f", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = stack == "prod" });
                    new Aws.CloudWatch.MetricAlarm("g", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = config.RequireObject<string[]>("actions") });
                    new Aws.CloudWatch.CompositeAlarm("h", new Aws.CloudWatch.CompositeAlarmArgs { AlarmName = "h", AlarmRule = "ALARM(a)", AlarmDescription = Playbook, AlarmActions = { topic.Arn } });
            """));
    }

    [Fact]
    public async Task MissingActions_IsReportedAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    {|#0:new Aws.CloudWatch.MetricAlarm("cpu", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, OkActions = { topic.Arn } })|};
                    {|#1:new Aws.CloudWatch.CompositeAlarm($"sophia-{stack}-alarm-all", new Aws.CloudWatch.CompositeAlarmArgs { AlarmName = "all", AlarmRule = "ALARM(cpu)", AlarmDescription = Playbook })|};
            """),
            Sia7002(0, "CloudWatch metric alarm 'cpu' has no AlarmActions, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"),
            Sia7002(1, "CloudWatch composite alarm 'sophia-{stack}-alarm-all' has no AlarmActions, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"));
    }

    [Fact]
    public async Task EmptyActions_IsReportedAtTheList()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var none = new string[0];
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = {|#0:{ }|} });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = {|#1:new string[] { }|} });
                    new Aws.CloudWatch.MetricAlarm("c", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = {|#2:none|} });
                    new Aws.CloudWatch.MetricAlarm("d", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = {|#3:new InputList<string>()|} });
                    new Aws.CloudWatch.MetricAlarm("e", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = {|#4:new List<string>()|} });
            """),
            Sia7002(0, "CloudWatch metric alarm 'a' has an empty AlarmActions list, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"),
            Sia7002(1, "CloudWatch metric alarm 'b' has an empty AlarmActions list, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"),
            Sia7002(2, "CloudWatch metric alarm 'c' has an empty AlarmActions list, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"),
            Sia7002(3, "CloudWatch metric alarm 'd' has an empty AlarmActions list, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"),
            Sia7002(4, "CloudWatch metric alarm 'e' has an empty AlarmActions list, so it notifies nobody when it fires: add the topic that pages the on-call, e.g. AlarmActions = { alerts.Arn }"));
    }

    [Fact]
    public async Task ActionsDisabled_IsReportedAtTheFalse()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    const bool notify = false;
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = {|#0:false|} });
                    new Aws.CloudWatch.CompositeAlarm("b", new Aws.CloudWatch.CompositeAlarmArgs { AlarmName = "b", AlarmRule = "ALARM(a)", AlarmDescription = Playbook, ActionsEnabled = {|#1:notify|} });
            """),
            Sia7002(0, "CloudWatch metric alarm 'a' has ActionsEnabled = false, so it notifies nobody when it fires: remove ActionsEnabled (actions are enabled by default)"),
            Sia7002(1, "CloudWatch composite alarm 'b' has ActionsEnabled = false, so it notifies nobody when it fires: remove ActionsEnabled (actions are enabled by default)"));
    }

    [Fact]
    public async Task ActionsEnabledOnlyOutsideProduction_IsReportedAtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var isProd = Deployment.Instance.StackName == "prod";
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = isProd });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = Deployment.Instance.StackName.StartsWith("prod") });
                    new Aws.CloudWatch.MetricAlarm("c", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = {|#0:Deployment.Instance.StackName == "dev"|} });
                    new Aws.CloudWatch.MetricAlarm("d", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = {|#1:!isProd|} });
            """),
            Sia7002(0, "CloudWatch metric alarm 'c' has ActionsEnabled = Deployment.Instance.StackName == \"dev\", which is false in the production stack 'prod', so it notifies nobody when it fires: remove ActionsEnabled (actions are enabled by default)"),
            Sia7002(1, "CloudWatch metric alarm 'd' has ActionsEnabled = !isProd, which is false in the production stack 'prod', so it notifies nobody when it fires: remove ActionsEnabled (actions are enabled by default)"));
    }

    [Fact]
    public async Task ArgsThroughLocalsAndHelpers()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var quiet = new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook };
                    {|SIA7002:new Aws.CloudWatch.MetricAlarm("a", quiet)|};
                    var later = new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook };
                    later.AlarmActions = topic.Arn;
                    new Aws.CloudWatch.MetricAlarm("b", later);
                    new Aws.CloudWatch.MetricAlarm("c", Args());
                    Alarm("d", new string[0]);
                }

                static Aws.CloudWatch.MetricAlarmArgs Args() => new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook };

                static void Alarm(string name, string[] actions) =>
                    new Aws.CloudWatch.MetricAlarm(name, new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = actions });

                static void Unused(Aws.Sns.Topic topic)
                {
            """));
    }

    [Fact]
    public async Task LookAlikeType_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.CloudWatch
            {
                public sealed class MetricAlarmArgs { public string[]? AlarmActions { get; set; } }
                public sealed class MetricAlarm { public MetricAlarm(string name, MetricAlarmArgs? args = null) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.CloudWatch.MetricAlarm("a");
                    new Lookalike.CloudWatch.MetricAlarm("b", new Lookalike.CloudWatch.MetricAlarmArgs { AlarmActions = new string[0] });
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
                    public sealed class MetricAlarmArgs { public bool? ActionsEnabled { get; set; } }
                    public sealed class MetricAlarm { public MetricAlarm(string name, MetricAlarmArgs? args = null) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.CloudWatch.MetricAlarm("a", new Pulumi.Aws.CloudWatch.MetricAlarmArgs { ActionsEnabled = false });
                }
                """,
        }.WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_NoCrash()
    {
        await new Verify.Test
        {
            TestCode = Program("""
                    new Aws.CloudWatch.MetricAlarm("a", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { {|CS0103:missing|} } });
                    new Aws.CloudWatch.MetricAlarm("b", new Aws.CloudWatch.MetricAlarmArgs { AlarmDescription = Playbook, AlarmActions = { topic.Arn }, ActionsEnabled = {|CS0103:off|} });
            """),
        }.RunAsync();
    }
}
