using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA5001, SIA5002, SIA5003: default-deny with specific allows. Every resource below opens something to the internet in
/// another way (names, protection and encryption follow the standard, so that only the network rules speak); the last
/// ones show what passes.
/// </summary>
public static class Network
{
    private const string Anywhere = "0.0.0.0/0";

    public static void Create(string stack, Aws.Ec2.SecurityGroup web, Aws.S3.Bucket site, Aws.Rds.Cluster orders)
    {
        var current = Deployment.Instance.StackName;
        var options = new CustomResourceOptions { Protect = stack == "prod" };

        // SIA5001: SSH and PostgreSQL from anywhere (one finding per open CIDR, at the CIDR).
        new Aws.Ec2.SecurityGroup($"sophia-{stack}-sg-bastion", new Aws.Ec2.SecurityGroupArgs
        {
            Description = "bastion",
            Ingress =
            {
                new Aws.Ec2.Inputs.SecurityGroupIngressArgs
                {
                    Protocol = "tcp",
                    FromPort = 22,
                    ToPort = 22,
                    CidrBlocks = { Anywhere },
                    Ipv6CidrBlocks = { "::/0" },
                },
            },
        }, options);
        new Aws.Vpc.SecurityGroupIngressRule($"sophia-{stack}-sg-ingress-postgres", new Aws.Vpc.SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = web.Id,
            IpProtocol = "tcp",
            FromPort = 5432,
            ToPort = 5432,
            CidrIpv4 = "0.0.0.0/0",
        }, options);

        // SIA5001: every protocol from anywhere, whatever the ports say; and a loop whose ports include one that is not public.
        new Aws.Ec2.SecurityGroupRule($"sophia-{stack}-sg-rule-everything", new Aws.Ec2.SecurityGroupRuleArgs
        {
            Type = "ingress",
            Protocol = "-1",
            FromPort = 0,
            ToPort = 0,
            CidrBlocks = { "0.0.0.0/0" },
            SecurityGroupId = web.Id,
        }, options);
        foreach (var port in new[] { 443, 8080 })
        {
            new Aws.Ec2.SecurityGroupRule($"sophia-{stack}-sg-rule-web-{port}", new Aws.Ec2.SecurityGroupRuleArgs
            {
                Type = "ingress",
                Protocol = "tcp",
                FromPort = port,
                ToPort = port,
                CidrBlocks = { "0.0.0.0/0" },
                SecurityGroupId = web.Id,
            }, options);
        }

        // SIA5002: a public canned ACL on the bucket and on an uploaded object.
        new Aws.S3.BucketAcl($"sophia-{stack}-bucket-acl-site", new Aws.S3.BucketAclArgs
        {
            Bucket = site.Id,
            Acl = "public-read",
        }, options);
        new Aws.S3.BucketObject($"sophia-{stack}-object-index", new Aws.S3.BucketObjectArgs
        {
            Bucket = site.Id,
            Key = "index.html",
            Acl = "public-read",
            Source = new FileAsset("www/index.html"),
        }, options);

        // SIA5002: a public access block with a flag off (at the false) and two flags unset (once, at the creation).
        new Aws.S3.BucketPublicAccessBlock($"sophia-{stack}-bucket-public-access-block-site", new Aws.S3.BucketPublicAccessBlockArgs
        {
            Bucket = site.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = false,
        }, options);

        // SIA5003: a database reachable from the internet, and one that is so in every stack but production.
        new Aws.Rds.Instance($"sophia-{stack}-db-reports", new Aws.Rds.InstanceArgs
        {
            InstanceClass = "db.t3.micro",
            Engine = "postgres",
            StorageEncrypted = true,
            PubliclyAccessible = true,
        }, options);
        new Aws.Rds.ClusterInstance($"sophia-{stack}-db-cluster-instance-orders", new Aws.Rds.ClusterInstanceArgs
        {
            ClusterIdentifier = orders.Id,
            InstanceClass = "db.r6g.large",
            Engine = Aws.Rds.EngineType.AuroraPostgresql,
            PubliclyAccessible = current != "prod",
        }, options);

        // Compliant: HTTPS from anywhere, SSH from the admin network, private objects, a full access block, a private database.
        new Aws.Vpc.SecurityGroupIngressRule($"sophia-{stack}-sg-ingress-https", new Aws.Vpc.SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = web.Id,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            CidrIpv4 = "0.0.0.0/0",
        }, options);
        new Aws.Vpc.SecurityGroupIngressRule($"sophia-{stack}-sg-ingress-ssh", new Aws.Vpc.SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = web.Id,
            IpProtocol = "tcp",
            FromPort = 22,
            ToPort = 22,
            CidrIpv4 = "10.0.0.0/8",
        }, options);
        new Aws.S3.BucketObject($"sophia-{stack}-object-robots", new Aws.S3.BucketObjectArgs
        {
            Bucket = site.Id,
            Key = "robots.txt",
            Acl = "private",
            Source = new FileAsset("www/robots.txt"),
        }, options);
        new Aws.S3.BucketPublicAccessBlock($"sophia-{stack}-bucket-public-access-block-logs", new Aws.S3.BucketPublicAccessBlockArgs
        {
            Bucket = site.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, options);
        new Aws.RedShift.Cluster($"sophia-{stack}-redshift-warehouse", new Aws.RedShift.ClusterArgs
        {
            ClusterIdentifier = "warehouse",
            NodeType = "ra3.xlplus",
            PubliclyAccessible = false,
        }, options);
    }
}
