using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA7001, SIA7002, SIA7003, SIA7004: logs with retention, alarms that page someone with a playbook, entry points with
/// access logs. Every resource below breaks one of them (names and protection follow the standard, so that only the
/// monitoring rules speak); the last ones show what passes.
/// </summary>
public static class Monitoring
{
    private const string Playbook = "Runbook: https://wiki.example.com/runbooks/handler";

    public static void Create(string stack, Aws.Sns.Topic alerts, Aws.S3.Bucket accessLogs, Aws.ApiGatewayV2.Api api)
    {
        var options = new CustomResourceOptions { Protect = stack == "prod" };
        var isProd = Deployment.Instance.StackName == "prod";

        // SIA7001: a log group kept forever, at the creation (no retention) and at the value (0 = never expire).
        new Aws.CloudWatch.LogGroup($"sophia-{stack}-logs-worker", null, options);
        new Aws.CloudWatch.LogGroup($"sophia-{stack}-logs-audit", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 0 }, options);

        // SIA7002: an alarm that notifies nobody (no actions), and one whose actions are switched off.
        new Aws.CloudWatch.MetricAlarm($"sophia-{stack}-alarm-queue-depth", new Aws.CloudWatch.MetricAlarmArgs
        {
            AlarmDescription = Playbook,
            Namespace = "AWS/SQS",
            MetricName = "ApproximateNumberOfMessagesVisible",
            Statistic = "Maximum",
            Period = 300,
            EvaluationPeriods = 3,
            Threshold = 1000,
            ComparisonOperator = "GreaterThanThreshold",
        }, options);
        new Aws.CloudWatch.MetricAlarm($"sophia-{stack}-alarm-throttles", new Aws.CloudWatch.MetricAlarmArgs
        {
            AlarmDescription = Playbook,
            Namespace = "AWS/Lambda",
            MetricName = "Throttles",
            Statistic = "Sum",
            Period = 60,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            AlarmActions = { alerts.Arn },
            ActionsEnabled = false,
        }, options);

        // SIA7004: an alarm whose description says what, but not what to do.
        new Aws.CloudWatch.MetricAlarm($"sophia-{stack}-alarm-cpu", new Aws.CloudWatch.MetricAlarmArgs
        {
            AlarmDescription = "CPU above 80% for 15 minutes",
            Namespace = "AWS/EC2",
            MetricName = "CPUUtilization",
            Statistic = "Average",
            Period = 300,
            EvaluationPeriods = 3,
            Threshold = 80,
            ComparisonOperator = "GreaterThanThreshold",
            AlarmActions = { alerts.Arn },
        }, options);

        // SIA7002 and SIA7004 together: a composite alarm with neither actions nor description.
        new Aws.CloudWatch.CompositeAlarm($"sophia-{stack}-composite-alarm-service", new Aws.CloudWatch.CompositeAlarmArgs
        {
            AlarmName = $"sophia-{stack}-service",
            AlarmRule = "ALARM(cpu) OR ALARM(throttles)",
        }, options);

        // SIA7003: entry points that record nothing.
        new Aws.LB.LoadBalancer($"sophia-{stack}-lb-web", new Aws.LB.LoadBalancerArgs
        {
            LoadBalancerType = "application",
        }, options);
        new Aws.LB.LoadBalancer($"sophia-{stack}-lb-internal", new Aws.LB.LoadBalancerArgs
        {
            AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = accessLogs.Id, Enabled = Deployment.Instance.StackName == "dev" },
        }, options);
        new Aws.ApiGatewayV2.Stage($"sophia-{stack}-api-stage-main", new Aws.ApiGatewayV2.StageArgs
        {
            ApiId = api.Id,
            AutoDeploy = true,
        }, options);

        // What passes: retention set, an alarm that pages with its runbook, logging on in production.
        var logs = new Aws.CloudWatch.LogGroup($"sophia-{stack}-logs-api", new Aws.CloudWatch.LogGroupArgs { RetentionInDays = 30 }, options);
        new Aws.CloudWatch.MetricAlarm($"sophia-{stack}-alarm-errors", new Aws.CloudWatch.MetricAlarmArgs
        {
            AlarmDescription = Playbook,
            Namespace = "AWS/Lambda",
            MetricName = "Errors",
            Statistic = "Sum",
            Period = 300,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            AlarmActions = { alerts.Arn },
        }, options);
        new Aws.LB.LoadBalancer($"sophia-{stack}-lb-public", new Aws.LB.LoadBalancerArgs
        {
            AccessLogs = new Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = accessLogs.Id, Enabled = isProd },
        }, options);
        new Aws.ApiGatewayV2.Stage($"sophia-{stack}-api-stage-public", new Aws.ApiGatewayV2.StageArgs
        {
            ApiId = api.Id,
            AccessLogSettings = new Aws.ApiGatewayV2.Inputs.StageAccessLogSettingsArgs
            {
                DestinationArn = logs.Arn,
                Format = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status",
            },
        }, options);
    }
}
