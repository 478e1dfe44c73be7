using System.Collections.Generic;
using System.Text.Json;
using Pulumi;
using Aws = Pulumi.Aws;

namespace Infra;

/// <summary>Least privilege: a role that the application assumes, allowed to read the data bucket and nothing else.</summary>
public static class Access
{
    public static Aws.Iam.Role Create(Storage.Result storage)
    {
        var stack = Deployment.Instance.StackName;
        var isProd = stack == "prod";

        var role = new Aws.Iam.Role(Naming.Name("role", "reader"), new Aws.Iam.RoleArgs
        {
            Description = "Reads the application data",
            AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new Dictionary<string, object?> { ["Service"] = "lambda.amazonaws.com" },
                        ["Action"] = "sts:AssumeRole",
                    },
                },
            }),
        }, new CustomResourceOptions { Protect = isProd });

        new Aws.Iam.RolePolicy(Naming.Name("role-policy", "reader"), new Aws.Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = Output.Tuple(storage.Bucket.Arn, storage.Key.Arn).Apply(arns => JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["Sid"] = "ListDataBucket",
                        ["Effect"] = "Allow",
                        ["Action"] = new[] { "s3:ListBucket" },
                        ["Resource"] = arns.Item1,
                    },
                    new Dictionary<string, object?>
                    {
                        ["Sid"] = "ReadData",
                        ["Effect"] = "Allow",
                        ["Action"] = new[] { "s3:GetObject" },
                        ["Resource"] = $"{arns.Item1}/*",
                    },
                    new Dictionary<string, object?>
                    {
                        ["Sid"] = "DecryptData",
                        ["Effect"] = "Allow",
                        ["Action"] = new[] { "kms:Decrypt" },
                        ["Resource"] = arns.Item2,
                    },
                },
            })),
        }, new CustomResourceOptions { Protect = isProd });

        return role;
    }
}
