using System.Collections.Generic;
using System.Text.Json;
using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>IAM least privilege (SIA4001-SIA4005): every finding below is deliberate.</summary>
public static class Iam
{
    public static void Create(string stack)
    {
        var isProd = stack == "prod";

        // SIA4001 (the "*" action) and SIA4002 (on every resource), in a raw JSON string.
        new Aws.Iam.Policy($"sophia-{stack}-policy-admin", new Aws.Iam.PolicyArgs
        {
            PolicyDocument = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "Everything",
                      "Effect": "Allow",
                      "Action": "*",
                      "Resource": "*"
                    }
                  ]
                }
                """,
        }, new CustomResourceOptions { Protect = isProd });

        var role = new Aws.Iam.Role($"sophia-{stack}-role-worker", new Aws.Iam.RoleArgs
        {
            // SIA4003: any AWS account may assume this role.
            AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new Dictionary<string, object?> { ["AWS"] = "*" },
                        ["Action"] = "sts:AssumeRole",
                    },
                },
            }),

            // SIA4004: an admin-level AWS managed policy.
            ManagedPolicyArns = { "arn:aws:iam::aws:policy/PowerUserAccess" },
        }, new CustomResourceOptions { Protect = isProd });

        // SIA4004 again, through the Iam.ManagedPolicy enumeration.
        new Aws.Iam.RolePolicyAttachment($"sophia-{stack}-role-policy-attachment-admin", new Aws.Iam.RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = Aws.Iam.ManagedPolicy.AdministratorAccess.ToString(),
        }, new CustomResourceOptions { Protect = isProd });

        // SIA4001 (a service wildcard) with typed args.
        new Aws.Iam.RolePolicy($"sophia-{stack}-role-policy-queues", new Aws.Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = new Aws.Iam.Inputs.PolicyDocumentArgs
            {
                Version = Aws.Iam.PolicyDocumentVersion.PolicyDocumentVersion_2012_10_17,
                Statement =
                {
                    new Aws.Iam.Inputs.PolicyStatementArgs
                    {
                        Sid = "Queues",
                        Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                        Action = "sqs:*",
                        Resource = "arn:aws:sqs:eu-west-1:123456789012:sophia-jobs",
                    },
                },
            },
        }, new CustomResourceOptions { Protect = isProd });

        // SIA4002 from Iam.GetPolicyDocument (an identity policy: it is attached to a role).
        var readObjects = Aws.Iam.GetPolicyDocument.Invoke(new()
        {
            Statements =
            {
                new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                {
                    Actions = { "s3:GetObject" },
                    Resources = { "*" },
                },
            },
        });
        new Aws.Iam.RolePolicy($"sophia-{stack}-role-policy-objects", new Aws.Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = readObjects.Apply(document => document.Json),
        }, new CustomResourceOptions { Protect = isProd });

        // SIA4003: a public bucket policy, and a Lambda permission for anyone.
        var bucket = new Aws.S3.Bucket($"sophia-{stack}-bucket-public", new Aws.S3.BucketArgs(), new CustomResourceOptions { Protect = isProd });
        new Aws.S3.BucketPolicy($"sophia-{stack}-bucket-policy-public", new Aws.S3.BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = bucket.Arn.Apply(arn => $$"""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "{{arn}}/*" }
                  ]
                }
                """),
        }, new CustomResourceOptions { Protect = isProd });
        // SIA4005: actions that do not exist grant nothing (a typo, an unknown service prefix); the message names the nearest one.
        new Aws.Iam.RolePolicy($"sophia-{stack}-role-policy-artifacts", new Aws.Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = bucket.Arn.Apply(arn => $$"""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Sid": "Artifacts", "Effect": "Allow", "Action": ["s3:GetObjects", "s4:PutObject"], "Resource": "{{arn}}/*" }
                  ]
                }
                """),
        }, new CustomResourceOptions { Protect = isProd });
        new Aws.Lambda.Permission($"sophia-{stack}-lambda-permission-public", new Aws.Lambda.PermissionArgs
        {
            Action = "lambda:InvokeFunction",
            Function = "sophia-handler",
            Principal = "*",
        }, new CustomResourceOptions { Protect = isProd });
    }
}
