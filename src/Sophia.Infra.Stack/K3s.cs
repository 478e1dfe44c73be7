using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Stack;

/// <summary>Kubernetes: an EC2 instance running k3s, its security group, an encrypted root volume and its instance profile.</summary>
public static class K3s
{
    public sealed class Outputs
    {
        public Outputs(Output<string> publicIp) => PublicIp = publicIp;

        public Output<string> PublicIp { get; }
    }

    public static Outputs Create(Config config)
    {
        var stack = Deployment.Instance.StackName;
        var instanceSize = config.Require("instanceSize");
        var adminCidr = config.Require("adminCidr");
        var k3sToken = config.RequireSecret("k3sToken");
        var isProd = stack == "prod";

        // Default-deny: HTTPS from anywhere, the Kubernetes API only from the admin network.
        var securityGroup = new Aws.Ec2.SecurityGroup($"sophia-{stack}-sg-agent", new Aws.Ec2.SecurityGroupArgs
        {
            Description = "k3s agent: HTTPS in, Kubernetes API from the admin network",
            Ingress =
            {
                new Aws.Ec2.Inputs.SecurityGroupIngressArgs
                {
                    Description = "HTTPS",
                    Protocol = "tcp",
                    FromPort = 443,
                    ToPort = 443,
                    CidrBlocks = { "0.0.0.0/0" },
                },
                new Aws.Ec2.Inputs.SecurityGroupIngressArgs
                {
                    Description = "Kubernetes API",
                    Protocol = "tcp",
                    FromPort = 6443,
                    ToPort = 6443,
                    CidrBlocks = { adminCidr },
                },
            },
            Egress =
            {
                new Aws.Ec2.Inputs.SecurityGroupEgressArgs
                {
                    Protocol = "-1",
                    FromPort = 0,
                    ToPort = 0,
                    CidrBlocks = { "0.0.0.0/0" },
                },
            },
        }, new CustomResourceOptions { Protect = isProd });

        var role = new Aws.Iam.Role($"sophia-{stack}-role-agent", new Aws.Iam.RoleArgs
        {
            AssumeRolePolicy = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": { "Service": "ec2.amazonaws.com" },
                      "Action": "sts:AssumeRole"
                    }
                  ]
                }
                """,
        }, new CustomResourceOptions { Protect = isProd });

        var ssmCore = new Aws.Iam.RolePolicyAttachment($"sophia-{stack}-role-policy-attachment-ssm", new Aws.Iam.RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        }, new CustomResourceOptions { Protect = isProd });

        var profile = new Aws.Iam.InstanceProfile($"sophia-{stack}-instance-profile-agent", new Aws.Iam.InstanceProfileArgs
        {
            Role = role.Name,
        }, new CustomResourceOptions { Protect = isProd, DependsOn = { ssmCore } });

        var vm = new Aws.Ec2.Instance($"sophia-{stack}-vm-agent", new Aws.Ec2.InstanceArgs
        {
            Ami = "ami-0c2b8ca1dad447f8a",
            InstanceType = instanceSize,
            VpcSecurityGroupIds = { securityGroup.Id },
            IamInstanceProfile = profile.Name,
            RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs
            {
                Encrypted = true,
                VolumeSize = 40,
                VolumeType = "gp3",
            },
            MetadataOptions = new Aws.Ec2.Inputs.InstanceMetadataOptionsArgs
            {
                HttpTokens = "required",
            },
            UserData = Output.Format($"#!/bin/sh\ncurl -sfL https://get.k3s.io | K3S_TOKEN={k3sToken} sh -\n"),
        }, new CustomResourceOptions { Protect = isProd });

        return new Outputs(vm.PublicIp);
    }
}
