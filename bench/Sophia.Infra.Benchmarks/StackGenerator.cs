using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sophia.Infra.Benchmarks;

/// <summary>One generated C# file of a stack.</summary>
public sealed record GeneratedFile(string Path, string Text, int Resources);

/// <summary>A generated Pulumi program: its C# files, its Pulumi files and the analyzer options it is built with.</summary>
public sealed record GeneratedStack(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<(string Path, string Text)> AdditionalFiles, IReadOnlyDictionary<string, string> Options)
{
    public int Resources
    {
        get
        {
            var total = 0;
            foreach (var file in Files)
            {
                total += file.Resources;
            }

            return total;
        }
    }
}

/// <summary>
/// Generates realistic Pulumi C# stacks of any size: every resource kind the rules know, compliant and not, names written
/// inline, through locals, constants and helpers, policies in every form (JSON text, interpolated raw strings, serialised
/// dictionaries, typed documents, GetPolicyDocument, constants), options through locals and fields, loops, components,
/// and resources of one type spread over many files (so cross-file matching such as duplicate names is exercised).
/// Deterministic: the same size gives the same text.
/// </summary>
public static class StackGenerator
{
    /// <summary>Resources in one "area" file (the issue's measurements used 50 per file).</summary>
    public const int ResourcesPerFile = 50;

    /// <summary>A stack of about <paramref name="resources"/> resources in files of about 50 each, plus the shared helpers.</summary>
    public static GeneratedStack Generate(int resources)
    {
        var files = new List<GeneratedFile> { Helpers() };
        var count = Math.Max(1, resources / ResourcesPerFile);
        for (var i = 0; i < count; i++)
        {
            files.Add(Area(i));
        }

        files.Add(ProgramFile(count));
        return new GeneratedStack(files, PulumiFiles(), DefaultOptions());
    }

    /// <summary>The analyzer options a generated stack is analysed with (a project name and a custom type token).</summary>
    public static IReadOnlyDictionary<string, string> DefaultOptions() => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sophia_infra.project"] = "sophia",
        ["sophia_infra.environments"] = "dev,staging,prod",
        ["sophia_infra.production_stacks"] = "prod",
        ["sophia_infra.public_ports"] = "80,443",
        ["sophia_infra.logs.retention_days"] = "30",
        ["sophia_infra.resource_type.Sophia.Generated.Website"] = "website",
    };

    private static IReadOnlyList<(string, string)> PulumiFiles() => new[]
    {
        ("/stack/Pulumi.yaml", "name: sophia\nruntime: dotnet\ndescription: A generated stack.\nconfig:\n  sophia:domain:\n    type: string\n    default: example.org\n"),
        ("/stack/Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n  sophia:domain: dev.example.org\n"),
        ("/stack/Pulumi.prod.yaml", "config:\n  aws:region: eu-west-1\n  sophia:domain: example.org\n  sophia:dbPassword:\n    secure: AAABADkVnA==\n"),
        ("/stack/ROLLBACK.md", "# Rollback\n\n1. `pulumi stack select prod`\n2. `pulumi up --target-dependents` with the previous commit.\n"),
    };

    /// <summary>
    /// The single-document case: a document of 55 lines holding 50 resource creations, one per line, of many kinds
    /// (what the IDE re-analyses after an edit).
    /// </summary>
    public static GeneratedFile DenseDocument()
    {
        var b = new StringBuilder();
        b.Append("using Pulumi;\nusing Aws = Pulumi.Aws;\nnamespace Sophia.Generated;\npublic static class Dense\n{\n");
        b.Append("    public static void Create(string stack, CustomResourceOptions o, Input<string> vpc, Input<string> arn) {\n");
        for (var i = 0; i < 50; i++)
        {
            var p = "d" + i.ToString(CultureInfo.InvariantCulture);
            b.Append("        ");
            b.Append((i % 10) switch
            {
                0 => $"new Aws.Sqs.Queue($\"sophia-{{stack}}-queue-{p}\", new Aws.Sqs.QueueArgs {{ SqsManagedSseEnabled = true }}, o);",
                1 => $"new Aws.Ebs.Volume($\"sophia-{{stack}}-vol-{p}\", new Aws.Ebs.VolumeArgs {{ AvailabilityZone = \"eu-west-1a\", Size = 10, Encrypted = true }}, o);",
                2 => $"new Aws.CloudWatch.LogGroup($\"sophia-{{stack}}-log-group-{p}\", new Aws.CloudWatch.LogGroupArgs {{ RetentionInDays = 30 }}, o);",
                3 => $"new Aws.Sns.Topic($\"sophia-{{stack}}-topic-{p}\", new Aws.Sns.TopicArgs {{ KmsMasterKeyId = \"alias/aws/sns\" }}, o);",
                4 => $"new Aws.Kms.Key($\"sophia-{{stack}}-kms-{p}\", new Aws.Kms.KeyArgs {{ EnableKeyRotation = true }}, o);",
                5 => $"new Aws.Iam.Policy($\"sophia-{{stack}}-policy-{p}\", new Aws.Iam.PolicyArgs {{ PolicyDocument = \"{{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"arn:aws:s3:::b/*\\\"}}]}}\" }}, o);",
                6 => $"new Aws.Ec2.SecurityGroup($\"sophia-{{stack}}-sg-{p}\", new Aws.Ec2.SecurityGroupArgs {{ VpcId = vpc, Ingress = {{ new Aws.Ec2.Inputs.SecurityGroupIngressArgs {{ Protocol = \"tcp\", FromPort = 443, ToPort = 443, CidrBlocks = {{ \"10.0.0.0/8\" }} }} }} }}, o);",
                7 => $"new Aws.Ecr.Repository($\"sophia-{{stack}}-repository-{p}\", null, o);",
                8 => $"new Aws.Route53.Zone($\"sophia-{{stack}}-zone-{p}\", new Aws.Route53.ZoneArgs {{ Name = \"{p}.example.org\" }}, o);",
                _ => $"new Aws.S3.BucketPolicy($\"sophia-{{stack}}-bucket-policy-{p}\", new Aws.S3.BucketPolicyArgs {{ Bucket = \"b\", Policy = arn.Apply(a => $\"{{{{\\\"Statement\\\":[{{{{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{{{{\\\"AWS\\\":\\\"arn:aws:iam::123456789012:root\\\"}}}},\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"{{a}}/*\\\"}}}}]}}}}\") }}, o);",
            });
            b.Append('\n');
        }

        b.Append("    }\n}\n");
        return new GeneratedFile("/stack/Dense.cs", b.ToString(), 50);
    }

    private static GeneratedFile Helpers() => new("/stack/Helpers.cs", """"
        using System.Collections.Generic;
        using Pulumi;
        using Aws = Pulumi.Aws;

        namespace Sophia.Generated;

        /// <summary>Names built by a helper, as many real stacks do.</summary>
        public static class Names
        {
            public const string Project = "sophia";

            public static string Of(string type, string purpose) => $"{Project}-{Deployment.Instance.StackName}-{type}-{purpose}";

            public static readonly string[] Zones = { "eu-west-1a", "eu-west-1b", "eu-west-1c" };
        }

        /// <summary>Shared resource options.</summary>
        public static class Shared
        {
            public static bool IsProd => Deployment.Instance.StackName == "prod";

            public static CustomResourceOptions Protected => new() { Protect = IsProd };
        }

        /// <summary>Policy texts kept as constants.</summary>
        public static class Policies
        {
            public const string ReadLogs = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Effect": "Allow", "Action": ["logs:GetLogEvents", "logs:FilterLogEvents"], "Resource": "arn:aws:logs:eu-west-1:123456789012:log-group:app:*" }
                  ]
                }
                """;

            public const string AssumeEc2 = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }
                  ]
                }
                """;
        }

        /// <summary>A component of ours: a bucket and its encryption.</summary>
        public sealed class Website : ComponentResource
        {
            public Website(string name, ComponentResourceOptions? options = null)
                : base("sophia:generated:Website", name, options)
            {
                var bucket = new Aws.S3.Bucket(name + "-content", null, new CustomResourceOptions { Parent = this });
                new Aws.S3.BucketServerSideEncryptionConfiguration(name + "-content-sse", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
                {
                    Bucket = bucket.Id,
                    Rules = { new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs { ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = "aws:kms" } } },
                }, new CustomResourceOptions { Parent = this });
                RegisterOutputs();
            }
        }
        """", 2);

    private static GeneratedFile ProgramFile(int areas)
    {
        var b = new StringBuilder();
        b.Append("using System.Threading.Tasks;\nusing Pulumi;\nusing Aws = Pulumi.Aws;\n\nnamespace Sophia.Generated;\n\npublic static class Program\n{\n");
        b.Append("    public static Task<int> Main() => Deployment.RunAsync(() =>\n    {\n");
        b.Append("        var stack = Deployment.Instance.StackName;\n");
        b.Append("        var vpc = new Aws.Ec2.Vpc($\"sophia-{stack}-vpc-main\", new Aws.Ec2.VpcArgs { CidrBlock = \"10.0.0.0/16\" }, Shared.Protected);\n");
        b.Append("        var lb = new Aws.LB.LoadBalancer($\"sophia-{stack}-lb-web\", new Aws.LB.LoadBalancerArgs { Internal = false }, Shared.Protected);\n");
        b.Append("        var web = new Aws.LB.TargetGroup($\"sophia-{stack}-tg-web\", new Aws.LB.TargetGroupArgs { Port = 443, Protocol = \"HTTPS\", VpcId = vpc.Id }, Shared.Protected);\n");
        for (var i = 0; i < areas; i++)
        {
            b.Append("        Area").Append(i.ToString(CultureInfo.InvariantCulture)).Append(".Create(stack, vpc, lb, web);\n");
        }

        b.Append("    });\n}\n");
        return new GeneratedFile("/stack/Program.cs", b.ToString(), 3);
    }

    /// <summary>One file of about 50 resources; <paramref name="n"/> varies the forms used.</summary>
    private static GeneratedFile Area(int n)
    {
        var b = new StringBuilder();
        var id = n.ToString(CultureInfo.InvariantCulture);
        b.Append("""
            using System.Collections.Generic;
            using System.Text.Json;
            using Pulumi;
            using Aws = Pulumi.Aws;

            namespace Sophia.Generated;

            """);
        b.Append("public static class Area").Append(id).Append('\n').Append("{\n");
        b.Append("    private static readonly CustomResourceOptions FieldOptions = new() { Protect = Deployment.Instance.StackName == \"prod\" };\n\n");
        b.Append("    private const string QueuePolicyAction = \"sqs:SendMessage\";\n\n");
        b.Append("    public static void Create(string stack, Aws.Ec2.Vpc vpc, Aws.LB.LoadBalancer lb, Aws.LB.TargetGroup web)\n    {\n");
        b.Append("        var isProd = stack == \"prod\";\n");
        b.Append("        var options = new CustomResourceOptions { Protect = isProd };\n");
        b.Append("        var area = \"a").Append(id).Append("\";\n");

        var resources = 0;
        var block = 0;
        while (resources < ResourcesPerFile)
        {
            var p = "a" + id + "n" + block.ToString(CultureInfo.InvariantCulture);
            var bad = (n + block) % 7 == 0; // about one block in seven breaks a rule
            resources += Block(b, (n * 3 + block) % 16, p, bad, n);
            block++;
        }

        b.Append("    }\n}\n");
        return new GeneratedFile("/stack/Area" + id + ".cs", b.ToString(), resources);
    }

    private static int Block(StringBuilder b, int kind, string p, bool bad, int n)
    {
        string opt = (n % 3) switch { 0 => "options", 1 => "FieldOptions", _ => "Shared.Protected" };
        switch (kind)
        {
            case 0:
                // A bucket and its SSE configuration; names through a local. The bad form has no configuration.
                b.Append($"        var bucketName{p} = $\"sophia-{{stack}}-bucket-{p}\";\n");
                b.Append($"        var bucket{p} = new Aws.S3.Bucket(bucketName{p}, new Aws.S3.BucketArgs {{ ForceDestroy = false }}, {opt});\n");
                if (bad)
                {
                    return 1;
                }

                b.Append($"        new Aws.S3.BucketServerSideEncryptionConfiguration($\"sophia-{{stack}}-bucket-sse-{p}\", new Aws.S3.BucketServerSideEncryptionConfigurationArgs\n");
                b.Append("        {\n");
                b.Append($"            Bucket = bucket{p}.Id,\n");
                b.Append("            Rules =\n            {\n                new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs\n                {\n");
                b.Append("                    ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = \"aws:kms\" },\n");
                b.Append("                    BucketKeyEnabled = true,\n                },\n            },\n");
                b.Append($"        }}, {opt});\n");
                return 2;
            case 1:
                // RDS instance and Ec2 instance; names through the helper.
                b.Append($"        new Aws.Rds.Instance(Names.Of(\"db\", \"{p}\"), new Aws.Rds.InstanceArgs\n        {{\n");
                b.Append("            InstanceClass = \"db.t3.micro\",\n            Engine = \"postgres\",\n            AllocatedStorage = 20,\n");
                b.Append(bad ? "" : "            StorageEncrypted = true,\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        new Aws.Ec2.Instance(Names.Of(\"vm\", \"{p}\"), new Aws.Ec2.InstanceArgs\n        {{\n");
                b.Append("            Ami = \"ami-0c2b8ca1dad447f8a\",\n            InstanceType = \"t3.small\",\n            SubnetId = vpc.Id,\n");
                b.Append("            RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = true, VolumeSize = 20 },\n");
                b.Append("            EbsBlockDevices =\n            {\n");
                b.Append($"                new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs {{ DeviceName = \"/dev/sdf\", VolumeSize = 100, Encrypted = {(bad ? "false" : "true")} }},\n");
                b.Append("            },\n");
                b.Append($"        }}, {opt});\n");
                return 2;
            case 2:
                // Messaging: queue, topic, stream; options through a local.
                b.Append($"        var queueOptions{p} = new CustomResourceOptions {{ Protect = isProd, DeleteBeforeReplace = true }};\n");
                b.Append($"        var queue{p} = new Aws.Sqs.Queue($\"sophia-{{stack}}-queue-{p}\", new Aws.Sqs.QueueArgs {{ SqsManagedSseEnabled = {(bad ? "false" : "true")}, VisibilityTimeoutSeconds = 30 }}, queueOptions{p});\n");
                b.Append($"        new Aws.Sns.Topic($\"sophia-{{stack}}-topic-{p}\", new Aws.Sns.TopicArgs {{ KmsMasterKeyId = \"alias/aws/sns\" }}, queueOptions{p});\n");
                b.Append($"        new Aws.Kinesis.Stream($\"sophia-{{stack}}-stream-{p}\", new Aws.Kinesis.StreamArgs {{ ShardCount = 1, EncryptionType = \"KMS\", KmsKeyId = \"alias/aws/kinesis\" }}, queueOptions{p});\n");
                b.Append($"        new Aws.Sqs.QueuePolicy($\"sophia-{{stack}}-queue-policy-{p}\", new Aws.Sqs.QueuePolicyArgs\n        {{\n");
                b.Append($"            QueueUrl = queue{p}.Url,\n");
                b.Append($"            Policy = queue{p}.Arn.Apply(arn => $$\"\"\"\n");
                b.Append("                {\n                  \"Version\": \"2012-10-17\",\n                  \"Statement\": [\n");
                b.Append("                    { \"Effect\": \"Allow\", \"Principal\": { \"Service\": \"sns.amazonaws.com\" }, \"Action\": \"{{QueuePolicyAction}}\", \"Resource\": \"{{arn}}\" }\n");
                b.Append("                  ]\n                }\n                \"\"\"),\n");
                b.Append($"        }}, {opt});\n");
                return 4;
            case 3:
                // Storage: volume (flag through a local), table, file system.
                b.Append($"        var encrypt{p} = {(bad ? "false" : "true")};\n");
                b.Append($"        new Aws.Ebs.Volume($\"sophia-{{stack}}-vol-{p}\", new Aws.Ebs.VolumeArgs {{ AvailabilityZone = Names.Zones[0], Size = 50, Encrypted = encrypt{p} }}, {opt});\n");
                b.Append($"        new Aws.DynamoDB.Table($\"sophia-{{stack}}-table-{p}\", new Aws.DynamoDB.TableArgs\n        {{\n");
                b.Append("            HashKey = \"id\",\n            BillingMode = \"PAY_PER_REQUEST\",\n");
                b.Append("            Attributes = { new Aws.DynamoDB.Inputs.TableAttributeArgs { Name = \"id\", Type = \"S\" } },\n");
                b.Append("            ServerSideEncryption = new Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true },\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        new Aws.Efs.FileSystem($\"sophia-{{stack}}-efs-{p}\", new Aws.Efs.FileSystemArgs {{ Encrypted = true }}, {opt});\n");
                return 3;
            case 4:
                // IAM: a policy in raw JSON (the bad one has "*"), a role with a serialised assume-role policy, attachments.
                b.Append($"        var policy{p} = new Aws.Iam.Policy($\"sophia-{{stack}}-policy-{p}\", new Aws.Iam.PolicyArgs\n        {{\n");
                b.Append("            PolicyDocument = \"\"\"\n                {\n                  \"Version\": \"2012-10-17\",\n                  \"Statement\": [\n");
                b.Append($"                    {{ \"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": {(bad ? "\"*\"" : "[\"arn:aws:s3:::sophia-data\", \"arn:aws:s3:::sophia-data/*\"]")} }}\n");
                b.Append("                  ]\n                }\n                \"\"\",\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        var role{p} = new Aws.Iam.Role($\"sophia-{{stack}}-role-{p}\", new Aws.Iam.RoleArgs\n        {{\n");
                b.Append("            AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>\n            {\n");
                b.Append("                [\"Version\"] = \"2012-10-17\",\n                [\"Statement\"] = new[]\n                {\n");
                b.Append("                    new Dictionary<string, object?>\n                    {\n                        [\"Effect\"] = \"Allow\",\n");
                b.Append("                        [\"Principal\"] = new Dictionary<string, object?> { [\"Service\"] = \"lambda.amazonaws.com\" },\n");
                b.Append("                        [\"Action\"] = \"sts:AssumeRole\",\n                    },\n                },\n            }),\n");
                b.Append("            ManagedPolicyArns = { \"arn:aws:iam::aws:policy/ReadOnlyAccess\" },\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        new Aws.Iam.RolePolicyAttachment($\"sophia-{{stack}}-role-policy-attachment-{p}\", new Aws.Iam.RolePolicyAttachmentArgs {{ Role = role{p}.Name, PolicyArn = policy{p}.Arn }}, {opt});\n");
                return 3;
            case 5:
                // IAM: a typed policy document, GetPolicyDocument, a constant policy text.
                b.Append($"        var worker{p} = new Aws.Iam.Role(Names.Of(\"role\", \"{p}\"), new Aws.Iam.RoleArgs {{ AssumeRolePolicy = Policies.AssumeEc2 }}, {opt});\n");
                b.Append($"        new Aws.Iam.RolePolicy($\"sophia-{{stack}}-role-policy-{p}\", new Aws.Iam.RolePolicyArgs\n        {{\n");
                b.Append($"            Role = worker{p}.Id,\n");
                b.Append("            Policy = new Aws.Iam.Inputs.PolicyDocumentArgs\n            {\n");
                b.Append("                Version = Aws.Iam.PolicyDocumentVersion.PolicyDocumentVersion_2012_10_17,\n                Statement =\n                {\n");
                b.Append("                    new Aws.Iam.Inputs.PolicyStatementArgs\n                    {\n");
                b.Append($"                        Effect = Aws.Iam.PolicyStatementEffect.ALLOW,\n                        Action = \"{(bad ? "sqs:*" : "sqs:ReceiveMessage")}\",\n");
                b.Append("                        Resource = \"arn:aws:sqs:eu-west-1:123456789012:sophia-jobs\",\n");
                b.Append("                    },\n                },\n            },\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        var document{p} = Aws.Iam.GetPolicyDocument.Invoke(new()\n        {{\n            Statements =\n            {{\n");
                b.Append("                new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs { Actions = { \"s3:GetObject\" }, Resources = { \"arn:aws:s3:::sophia-assets/*\" } },\n");
                b.Append("            },\n        });\n");
                b.Append($"        new Aws.Iam.RolePolicy($\"sophia-{{stack}}-role-policy-{p}-assets\", new Aws.Iam.RolePolicyArgs {{ Role = worker{p}.Id, Policy = document{p}.Apply(d => d.Json) }}, {opt});\n");
                b.Append($"        new Aws.Iam.RolePolicy($\"sophia-{{stack}}-role-policy-{p}-logs\", new Aws.Iam.RolePolicyArgs {{ Role = worker{p}.Id, Policy = Policies.ReadLogs }}, {opt});\n");
                return 4;
            case 6:
                // Network: a security group (the bad one opens SSH to the internet) and a subnet per zone in a loop.
                b.Append($"        new Aws.Ec2.SecurityGroup($\"sophia-{{stack}}-sg-{p}\", new Aws.Ec2.SecurityGroupArgs\n        {{\n");
                b.Append("            VpcId = vpc.Id,\n            Ingress =\n            {\n");
                b.Append("                new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = \"tcp\", FromPort = 443, ToPort = 443, CidrBlocks = { \"0.0.0.0/0\" } },\n");
                b.Append($"                new Aws.Ec2.Inputs.SecurityGroupIngressArgs {{ Protocol = \"tcp\", FromPort = 22, ToPort = 22, CidrBlocks = {{ \"{(bad ? "0.0.0.0/0" : "10.0.0.0/8")}\" }} }},\n");
                b.Append("            },\n            Egress = { new Aws.Ec2.Inputs.SecurityGroupEgressArgs { Protocol = \"-1\", FromPort = 0, ToPort = 0, CidrBlocks = { \"0.0.0.0/0\" } } },\n");
                b.Append($"        }}, {opt});\n");
                b.Append("        foreach (var zone in Names.Zones)\n        {\n");
                b.Append($"            new Aws.Ec2.Subnet($\"sophia-{{stack}}-subnet-{p}-{{zone}}\", new Aws.Ec2.SubnetArgs {{ VpcId = vpc.Id, AvailabilityZone = zone, CidrBlock = \"10.0.1.0/24\" }}, {opt});\n");
                b.Append("        }\n");
                return 4;
            case 7:
                // Monitoring: log groups (the bad one keeps logs forever), an alarm.
                b.Append($"        new Aws.CloudWatch.LogGroup($\"sophia-{{stack}}-log-group-{p}\", new Aws.CloudWatch.LogGroupArgs {{ {(bad ? "" : "RetentionInDays = 30")} }}, {opt});\n");
                b.Append($"        new Aws.CloudWatch.LogGroup($\"sophia-{{stack}}-log-group-{p}-audit\", new Aws.CloudWatch.LogGroupArgs {{ RetentionInDays = 365, KmsKeyId = \"alias/logs\" }}, {opt});\n");
                b.Append($"        new Aws.CloudWatch.MetricAlarm($\"sophia-{{stack}}-alarm-{p}\", new Aws.CloudWatch.MetricAlarmArgs\n        {{\n");
                b.Append("            ComparisonOperator = \"GreaterThanThreshold\",\n            EvaluationPeriods = 1,\n            MetricName = \"Errors\",\n            Namespace = \"AWS/Lambda\",\n            Period = 60,\n            Statistic = \"Sum\",\n            Threshold = 1,\n");
                b.Append($"        }}, {opt});\n");
                return 3;
            case 8:
                // Secrets: a secure parameter, a secret, a KMS key with an alias.
                b.Append($"        var key{p} = new Aws.Kms.Key($\"sophia-{{stack}}-kms-{p}\", new Aws.Kms.KeyArgs {{ EnableKeyRotation = true, DeletionWindowInDays = 30 }}, {opt});\n");
                b.Append($"        new Aws.Kms.Alias($\"sophia-{{stack}}-kms-alias-{p}\", new Aws.Kms.AliasArgs {{ TargetKeyId = key{p}.KeyId }}, {opt});\n");
                b.Append($"        new Aws.Ssm.Parameter($\"sophia-{{stack}}-param-{p}\", new Aws.Ssm.ParameterArgs {{ Type = \"SecureString\", Value = {(bad ? "\"hunter2\"" : "new Config().RequireSecret(\"dbPassword\")")}, KeyId = key{p}.Arn }}, {opt});\n");
                b.Append($"        new Aws.SecretsManager.Secret($\"sophia-{{stack}}-secret-{p}\", new Aws.SecretsManager.SecretArgs {{ KmsKeyId = key{p}.Arn, RecoveryWindowInDays = 30 }}, {opt});\n");
                return 4;
            case 9:
                // Load balancing: an HTTP listener (redirect, or forward when bad), an HTTPS listener.
                b.Append($"        new Aws.LB.Listener($\"sophia-{{stack}}-listener-{p}-http\", new Aws.LB.ListenerArgs\n        {{\n");
                b.Append("            LoadBalancerArn = lb.Arn,\n            Port = 80,\n            Protocol = \"HTTP\",\n            DefaultActions =\n            {\n");
                b.Append(bad
                    ? "                new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = \"forward\", TargetGroupArn = web.Arn },\n"
                    : "                new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = \"redirect\", Redirect = new Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Protocol = \"HTTPS\", Port = \"443\", StatusCode = \"HTTP_301\" } },\n");
                b.Append("            },\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        new Aws.LB.Listener($\"sophia-{{stack}}-listener-{p}-https\", new Aws.LB.ListenerArgs\n        {{\n");
                b.Append("            LoadBalancerArn = lb.Arn,\n            Port = 443,\n            Protocol = \"HTTPS\",\n            SslPolicy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\",\n            CertificateArn = \"arn:aws:acm:eu-west-1:123456789012:certificate/abc\",\n");
                b.Append("            DefaultActions = { new Aws.LB.Inputs.ListenerDefaultActionArgs { Type = \"forward\", TargetGroupArn = web.Arn } },\n");
                b.Append($"        }}, {opt});\n");
                return 2;
            case 10:
                // Cache (both encryptions), a public bucket policy in an interpolated raw string.
                b.Append($"        new Aws.ElastiCache.ReplicationGroup($\"sophia-{{stack}}-replication-group-{p}\", new Aws.ElastiCache.ReplicationGroupArgs\n        {{\n");
                b.Append("            Description = \"cache\",\n            NodeType = \"cache.t3.micro\",\n            AtRestEncryptionEnabled = true,\n");
                b.Append($"            TransitEncryptionEnabled = {(bad ? "false" : "true")},\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        var site{p} = new Aws.S3.Bucket($\"sophia-{{stack}}-bucket-{p}-site\", null, {opt});\n");
                b.Append($"        new Aws.S3.BucketServerSideEncryptionConfiguration($\"sophia-{{stack}}-bucket-sse-{p}-site\", new Aws.S3.BucketServerSideEncryptionConfigurationArgs\n        {{\n");
                b.Append($"            Bucket = site{p}.Id,\n");
                b.Append("            Rules = { new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs { ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = \"AES256\" } } },\n");
                b.Append($"        }}, {opt});\n");
                b.Append($"        new Aws.S3.BucketPolicy($\"sophia-{{stack}}-bucket-policy-{p}\", new Aws.S3.BucketPolicyArgs\n        {{\n");
                b.Append($"            Bucket = site{p}.Id,\n");
                b.Append($"            Policy = site{p}.Arn.Apply(arn => $$\"\"\"\n");
                b.Append("                {\n                  \"Version\": \"2012-10-17\",\n                  \"Statement\": [\n");
                b.Append($"                    {{ \"Effect\": \"Allow\", \"Principal\": {(bad ? "\"*\"" : "{ \"AWS\": \"arn:aws:iam::123456789012:root\" }")}, \"Action\": \"s3:GetObject\", \"Resource\": \"{{{{arn}}}}/*\" }}\n");
                b.Append("                  ]\n                }\n                \"\"\"),\n");
                b.Append($"        }}, {opt});\n");
                return 4;
            case 11:
                // Naming: constants and hard-coded environments (bad), a component, a Lambda permission.
                b.Append($"        const string purpose{p} = \"{p}\";\n");
                b.Append($"        new Aws.Sqs.Queue({(bad ? $"\"sophia-prod-queue-{p}\"" : $"$\"sophia-{{stack}}-queue-{{purpose{p}}}-dlq\"")}, new Aws.Sqs.QueueArgs {{ SqsManagedSseEnabled = true }}, {opt});\n");
                b.Append($"        new Website($\"sophia-{{stack}}-website-{p}\", new ComponentResourceOptions {{ Protect = isProd }});\n");
                b.Append($"        new Aws.Lambda.Permission($\"sophia-{{stack}}-lambda-permission-{p}\", new Aws.Lambda.PermissionArgs {{ Action = \"lambda:InvokeFunction\", Function = \"sophia-handler\", Principal = \"s3.amazonaws.com\", SourceArn = \"arn:aws:s3:::sophia-{p}\" }}, {opt});\n");
                return 3;
            case 12:
                // DNS and certificates; the bad one has no protection.
                b.Append($"        var zone{p} = new Aws.Route53.Zone($\"sophia-{{stack}}-zone-{p}\", new Aws.Route53.ZoneArgs {{ Name = \"{p}.example.org\" }}{(bad ? "" : ", " + opt)});\n");
                b.Append($"        new Aws.Route53.Record($\"sophia-{{stack}}-dns-{p}\", new Aws.Route53.RecordArgs {{ ZoneId = zone{p}.ZoneId, Name = \"www.{p}.example.org\", Type = \"A\", Ttl = 300, Records = {{ \"192.0.2.10\" }} }}, {opt});\n");
                b.Append($"        new Aws.Acm.Certificate($\"sophia-{{stack}}-cert-{p}\", new Aws.Acm.CertificateArgs {{ DomainName = \"{p}.example.org\", ValidationMethod = \"DNS\" }}, {opt});\n");
                b.Append($"        new Aws.Ecr.Repository($\"sophia-{{stack}}-repository-{p}\", new Aws.Ecr.RepositoryArgs {{ ImageTagMutability = \"IMMUTABLE\" }}, {opt});\n");
                return 4;
            case 13:
                // A Lambda function with its role, and an EventBridge rule.
                b.Append($"        var fnRole{p} = new Aws.Iam.Role($\"sophia-{{stack}}-role-{p}-fn\", new Aws.Iam.RoleArgs {{ AssumeRolePolicy = Policies.AssumeEc2 }}, {opt});\n");
                b.Append($"        new Aws.Lambda.Function($\"sophia-{{stack}}-lambda-{p}\", new Aws.Lambda.FunctionArgs {{ Role = fnRole{p}.Arn, Runtime = \"dotnet8\", Handler = \"app::app.Handler::Run\", Timeout = 30 }}, {opt});\n");
                b.Append($"        new Aws.CloudWatch.EventRule($\"sophia-{{stack}}-event-rule-{p}\", new Aws.CloudWatch.EventRuleArgs {{ ScheduleExpression = \"rate(5 minutes)\" }}, {opt});\n");
                return 3;
            case 14:
                // RDS cluster, a VPC flow log; names through a local built with string.Format.
                b.Append($"        var clusterName{p} = string.Format(\"sophia-{{0}}-db-cluster-{{1}}\", stack, area);\n");
                b.Append($"        new Aws.Rds.Cluster(clusterName{p} + \"-{p}\", new Aws.Rds.ClusterArgs {{ Engine = \"aurora-postgresql\", StorageEncrypted = true, MasterUsername = \"admin\", ManageMasterUserPassword = true }}, {opt});\n");
                b.Append($"        new Aws.Ec2.FlowLog($\"sophia-{{stack}}-flow-log-{p}\", new Aws.Ec2.FlowLogArgs {{ VpcId = vpc.Id, TrafficType = \"ALL\", LogDestinationType = \"s3\", LogDestination = \"arn:aws:s3:::sophia-flow-logs\" }}, {opt});\n");
                return 2;
            default:
                // An IAM user policy built with string concatenation; a KMS key through a field option.
                b.Append($"        var user{p} = new Aws.Iam.User($\"sophia-{{stack}}-user-{p}\", null, {opt});\n");
                b.Append($"        var action{p} = \"dynamodb:\" + \"GetItem\";\n");
                b.Append($"        new Aws.Iam.UserPolicy($\"sophia-{{stack}}-user-policy-{p}\", new Aws.Iam.UserPolicyArgs\n        {{\n");
                b.Append($"            User = user{p}.Name,\n");
                b.Append($"            Policy = \"{{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"\" + action{p} + \"\\\",\\\"Resource\\\":\\\"arn:aws:dynamodb:eu-west-1:123456789012:table/sophia\\\"}}]}}\",\n");
                b.Append($"        }}, {opt});\n");
                return 2;
        }
    }
}
