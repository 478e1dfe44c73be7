using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// Plan first. SIA8001: resources created inside the function of an Apply, directly, in a nested Apply and through a helper
/// the function calls: none of them appears in pulumi preview. SIA8002: required inputs that are never set, in the
/// initializer, on a local args object, in nested args and for an invoke. The last lines show what passes.
/// </summary>
public static class Plan
{
    public static void Create(string stack)
    {
        var options = new CustomResourceOptions { Protect = stack == "prod" };
        var bucket = new Aws.S3.BucketV2($"sophia-{stack}-bucket-plan", null, options);

        // SIA8001: a topic per bucket id, created only once the id is known.
        var topicArn = bucket.Id.Apply(id => new Aws.Sns.Topic($"sophia-{stack}-topic-plan", null, options).Arn);

        // SIA8001: nested Apply, and a helper called from the function.
        var queues = bucket.Id.Apply(id => bucket.Arn.Apply(arn => CreateQueue(stack, options)));

        // SIA8002: RoleArgs requires AssumeRolePolicy.
        new Aws.Iam.Role($"sophia-{stack}-role-plan", new Aws.Iam.RoleArgs { Description = "no trust policy" }, options);

        // SIA8002: the local args get ZoneId and Name later, never Type.
        var record = new Aws.Route53.RecordArgs { ZoneId = "Z123" };
        record.Name = "www";
        new Aws.Route53.Record($"sophia-{stack}-dns-www", record, options);

        // SIA8002: a nested alias without EvaluateTargetHealth and ZoneId; an AMI filter without Name.
        new Aws.Route53.Record($"sophia-{stack}-dns-apex", new Aws.Route53.RecordArgs
        {
            ZoneId = "Z123",
            Name = "",
            Type = "A",
            Aliases = { new Aws.Route53.Inputs.RecordAliasArgs { Name = "lb.example.org" } },
        }, options);
        var ami = Aws.Ec2.GetAmi.Invoke(new Aws.Ec2.GetAmiInvokeArgs
        {
            MostRecent = true,
            Filters = { new Aws.Ec2.Inputs.GetAmiFilterInputArgs { Values = { "al2023-ami-*" } } },
        });

        // Passes: the policy is created outside any Apply; Apply only computes its text.
        new Aws.S3.BucketPolicy($"sophia-{stack}-bucket-policy-plan", new Aws.S3.BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = bucket.Arn.Apply(arn => "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"" + arn + "/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"),
        }, options);
    }

    private static Output<string> CreateQueue(string stack, CustomResourceOptions options) =>
        new Aws.Sqs.Queue($"sophia-{stack}-queue-plan", null, options).Arn;
}
