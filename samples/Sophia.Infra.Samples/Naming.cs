using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

// Naming (SIA1001-SIA1004): every resource is named {project}-{environment}-{resource-type}-{purpose}, e.g.
// $"sophia-{stack}-vm-agent" (see docs/rules/SIA1001.md for the resource-type tokens). Each statement below breaks that.
public static class Naming
{
    public static void Create()
    {
        var stack = Deployment.Instance.StackName;

        // SIA1001: the resource-type segment of an EC2 instance is 'vm', not 'server'.
        new Aws.Ec2.Instance($"sophia-{stack}-server-agent");

        // SIA1001: upper case letters and an underscore.
        new Aws.S3.Bucket($"Sophia-{stack}-bucket-Build_Cache");

        // SIA1002: the environment is hard-coded instead of the stack name.
        new Aws.Sqs.Queue("sophia-prod-queue-orders");

        // SIA1002: every branch of the conditional hard-codes an environment (one branch from the stack name would be fine).
        new Aws.Sqs.Queue(stack == "prod" ? "sophia-prod-queue-billing" : "sophia-dev-queue-billing");

        // SIA1002 and SIA1001: a hard-coded environment and the wrong project.
        new Aws.Sns.Topic("shop-dev-topic-alerts");

        // SIA1003: two KMS keys with one name get one URN.
        new Aws.Kms.Key($"sophia-{stack}-kms-data");
        new Aws.Kms.Key($"sophia-{stack}-kms-data");

        // SIA1003: created in a loop with a name that does not change per iteration.
        foreach (var zone in new[] { "us-west-2a", "us-west-2b" })
        {
            new Aws.Ec2.Subnet($"sophia-{stack}-subnet-private", new Aws.Ec2.SubnetArgs { VpcId = "vpc-0123456789", AvailabilityZone = zone });
        }

        // SIA1003: each StaticSite creates a child bucket with the same name.
        new StaticSite($"sophia-{stack}-static-site-docs");
        new StaticSite($"sophia-{stack}-static-site-blog");

        // SIA1004: a load balancer name has at most 32 characters; with the stack 'staging' and Pulumi's random suffix this one has 44.
        new Aws.LB.LoadBalancer($"sophia-{stack}-lb-public-api-gateway");
    }

    public sealed class StaticSite : ComponentResource
    {
        public StaticSite(string name, ComponentResourceOptions? options = null)
            : base("sophia:samples:StaticSite", name, options)
        {
            new Aws.S3.Bucket($"sophia-{Deployment.Instance.StackName}-bucket-site", null, new CustomResourceOptions { Parent = this });
        }
    }
}
