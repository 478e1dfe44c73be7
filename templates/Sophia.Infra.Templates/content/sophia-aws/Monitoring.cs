using Pulumi;
using Aws = Pulumi.Aws;

namespace Infra;

/// <summary>
/// Centralized logging with retention, and an alert with a playbook: the application's log group, an error count from its
/// logs, an alarm on it that notifies the on-call address through an encrypted SNS topic.
/// </summary>
public static class Monitoring
{
    public sealed record Result(Aws.CloudWatch.LogGroup LogGroup, Aws.Sns.Topic Alerts);

    public static Result Create(Config config)
    {
        var stack = Deployment.Instance.StackName;
        var isProd = stack == "prod";

        var logGroup = new Aws.CloudWatch.LogGroup(Naming.Name("logs", "app"), new Aws.CloudWatch.LogGroupArgs
        {
            RetentionInDays = config.RequireInt32("logRetentionDays"),
        }, new CustomResourceOptions { Protect = isProd });

        var alerts = new Aws.Sns.Topic(Naming.Name("topic", "alerts"), new Aws.Sns.TopicArgs
        {
            KmsMasterKeyId = "alias/aws/sns",
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.Sns.TopicSubscription(Naming.Name("topic-subscription", "oncall"), new Aws.Sns.TopicSubscriptionArgs
        {
            Topic = alerts.Arn,
            Protocol = "email",
            Endpoint = config.Require("alertEmail"),
        }, new CustomResourceOptions { Protect = isProd });

        const string errorMetric = "AppErrors";
        new Aws.CloudWatch.LogMetricFilter(Naming.Name("metric-filter", "errors"), new Aws.CloudWatch.LogMetricFilterArgs
        {
            LogGroupName = logGroup.Name,
            Pattern = "ERROR",
            MetricTransformation = new Aws.CloudWatch.Inputs.LogMetricFilterMetricTransformationArgs
            {
                Name = errorMetric,
                Namespace = "App",
                Value = "1",
            },
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.CloudWatch.MetricAlarm(Naming.Name("alarm", "errors"), new Aws.CloudWatch.MetricAlarmArgs
        {
            AlarmDescription = "The application logs errors. Playbook: ROLLBACK.md (Rollback Steps, then Verification).",
            Namespace = "App",
            MetricName = errorMetric,
            Statistic = "Sum",
            Period = 300,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            TreatMissingData = "notBreaching",
            AlarmActions = { alerts.Arn },
            OkActions = { alerts.Arn },
        }, new CustomResourceOptions { Protect = isProd });

        return new Result(logGroup, alerts);
    }
}
