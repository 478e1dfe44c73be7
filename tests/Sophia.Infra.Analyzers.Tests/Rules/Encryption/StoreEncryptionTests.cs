using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Encryption.EncryptionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Encryption.StoreEncryptionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Encryption;

/// <summary>SIA3002: data stores encrypted at rest, each by its real Pulumi.Aws 7 property.</summary>
public sealed class StoreEncryptionTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            static void Create(string stack, Config config)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task EncryptedStores_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = true });
                    new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql", StorageEncrypted = true });
                    new Aws.Ebs.Volume("vol", new Aws.Ebs.VolumeArgs { AvailabilityZone = "us-west-2a", Encrypted = true });
                    new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs
                    {
                        RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = true },
                        EbsBlockDevices =
                        {
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", Encrypted = true },
                        },
                    });
                    new Aws.Efs.FileSystem("efs", new Aws.Efs.FileSystemArgs { Encrypted = true });
                    new Aws.DynamoDB.Table("table", new Aws.DynamoDB.TableArgs
                    {
                        ServerSideEncryption = new Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true },
                    });
                    new Aws.Sqs.Queue("queue");
                    new Aws.Sqs.Queue("queue-kms", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = false, KmsMasterKeyId = "alias/aws/sqs" });
                    new Aws.Sns.Topic("topic", new Aws.Sns.TopicArgs { KmsMasterKeyId = "alias/aws/sns" });
                    new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs
                    {
                        Description = "cache",
                        AtRestEncryptionEnabled = true,
                        TransitEncryptionEnabled = true,
                    });
                    new Aws.Kinesis.Stream("stream", new Aws.Kinesis.StreamArgs { EncryptionType = "KMS", KmsKeyId = "alias/aws/kinesis" });
                    new Aws.RedShift.Cluster("warehouse", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus" });
                    new Aws.RedShift.Cluster("warehouse-explicit", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = "true" });
            """));
    }

    [Fact]
    public async Task MissingFlags_AreReportedAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    {|SIA3002:new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" })|};
                    {|SIA3002:new Aws.Rds.Cluster("cluster", new Aws.Rds.ClusterArgs { Engine = "aurora-postgresql" })|};
                    {|SIA3002:new Aws.Ebs.Volume("vol", new Aws.Ebs.VolumeArgs { AvailabilityZone = "us-west-2a" })|};
                    {|SIA3002:new Aws.Ec2.Instance("vm")|};
                    {|SIA3002:new Aws.Efs.FileSystem("efs", new Aws.Efs.FileSystemArgs { PerformanceMode = "generalPurpose" })|};
                    {|SIA3002:new Aws.Sns.Topic("topic")|};
                    {|SIA3002:new Aws.Kinesis.Stream("stream", new Aws.Kinesis.StreamArgs { ShardCount = 1 })|};
            """));
    }

    [Fact]
    public async Task FalseValues_AreReportedAtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    const bool encrypt = false;
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = {|SIA3002:false|} });
                    new Aws.Ebs.Volume("vol", new Aws.Ebs.VolumeArgs { AvailabilityZone = "us-west-2a", Encrypted = {|SIA3002:encrypt|} });
                    new Aws.Efs.FileSystem("efs", new Aws.Efs.FileSystemArgs { Encrypted = {|SIA3002:false|} });
                    new Aws.Sqs.Queue("queue", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = {|SIA3002:false|} });
                    new Aws.Sns.Topic("topic", new Aws.Sns.TopicArgs { KmsMasterKeyId = {|SIA3002:""|} });
                    new Aws.Kinesis.Stream("stream", new Aws.Kinesis.StreamArgs { EncryptionType = {|SIA3002:"NONE"|} });
                    new Aws.RedShift.Cluster("warehouse", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = {|SIA3002:"false"|} });
            """));
    }

    [Fact]
    public async Task ElastiCache_AtRestAndInTransit_AreSeparateRules()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    {|SIA3002:{|SIA3101:new Aws.ElastiCache.ReplicationGroup("cache", new Aws.ElastiCache.ReplicationGroupArgs { Description = "cache" })|}|};
                    new Aws.ElastiCache.ReplicationGroup("cache2", new Aws.ElastiCache.ReplicationGroupArgs
                    {
                        Description = "cache",
                        AtRestEncryptionEnabled = {|SIA3002:false|},
                        TransitEncryptionEnabled = {|SIA3101:false|},
                    });
            """));
    }

    [Fact]
    public async Task Ec2Instance_RootAndEveryEbsDevice_OneFindingAtTheCreationWithEveryReason()
    {
        var source = Program("""
                    {|#0:new Aws.Ec2.Instance("sophia-dev-vm-agent", new Aws.Ec2.InstanceArgs
                    {
                        EbsBlockDevices =
                        {
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", Encrypted = true },
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdg" },
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdh", Encrypted = {|#1:false|} },
                        },
                    })|};
            """);
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(0).WithArguments(
                "EC2 instance",
                "sophia-dev-vm-agent",
                "RootBlockDevice is not set, so the root volume follows the account's default encryption (set RootBlockDevice.Encrypted = true); EbsBlockDevices[1].Encrypted is not set (set EbsBlockDevices[1].Encrypted = true)"),
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(1).WithArguments(
                "EC2 instance", "sophia-dev-vm-agent", "EbsBlockDevices[2].Encrypted is false (set it to true)"));
    }

    [Fact]
    public async Task Ec2Instance_RootBlockDeviceWithoutEncrypted_AndArrayOfDevices()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    {|SIA3002:new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs
                    {
                        RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { VolumeSize = 40 },
                    })|};
                    var devices = new[] { new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", Encrypted = {|SIA3002:false|} } };
                    new Aws.Ec2.Instance("vm2", new Aws.Ec2.InstanceArgs
                    {
                        RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = true },
                        EbsBlockDevices = devices,
                    });
            """));
    }

    [Fact]
    public async Task ValuesFollowedThroughLocalsAndConstants()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var root = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = {|SIA3002:false|} };
                    new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs { RootBlockDevice = root });
                    var args = new Aws.Ebs.VolumeArgs { AvailabilityZone = "us-west-2a" };
                    {|SIA3002:new Aws.Ebs.Volume("vol", args)|};
            """));
    }

    [Fact]
    public async Task UnknownValues_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var encrypt = config.RequireBoolean("encrypt");
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = encrypt });
                    new Aws.Ebs.Volume("vol", VolumeArgs());
                    new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs { RootBlockDevice = Root(), EbsBlockDevices = Devices() });
                    new Aws.Sqs.Queue("queue", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = false, KmsMasterKeyId = config.Require("key") });
                    new Aws.Sns.Topic("topic", new Aws.Sns.TopicArgs { KmsMasterKeyId = config.Get("key") });
                    new Aws.Kinesis.Stream("stream", new Aws.Kinesis.StreamArgs { EncryptionType = config.Require("type") });
                    new Aws.DynamoDB.Table("table", new Aws.DynamoDB.TableArgs { ServerSideEncryption = Sse() });
                }

                static Aws.Ebs.VolumeArgs VolumeArgs() => new() { AvailabilityZone = "us-west-2a" };
                static Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs Root() => new();
                static InputList<Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs> Devices() => new();
                static Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs Sse() => new();
                static void Unused()
                {
            """));
    }

    [Fact]
    public async Task ArgsFromAnotherFile_AreFollowed()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    {|#0:new Aws.Rds.Instance("db", Shared.DbArgs)|};
                    new Aws.Rds.Instance("db-ok", Shared.EncryptedArgs);
                    new Aws.Ebs.Volume("vol", new Aws.Ebs.VolumeArgs { AvailabilityZone = "us-west-2a", Encrypted = Shared.Encrypt });
                    new Aws.Efs.FileSystem("efs", new Aws.Efs.FileSystemArgs { Encrypted = Shared.EncryptWhenProd(stack) });
            """),
        };
        test.TestState.Sources.Add(("/0/Shared.cs", /* lang=c#-test */ """
            using Aws = Pulumi.Aws;
            static class Shared
            {
                public static readonly Aws.Rds.InstanceArgs DbArgs = new() { InstanceClass = "db.t3.micro" };
                public static Aws.Rds.InstanceArgs EncryptedArgs => new() { InstanceClass = "db.t3.micro", StorageEncrypted = true };
                public const bool Encrypt = true;
                public static bool EncryptWhenProd(string stack) => stack == "prod";
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(0).WithArguments(
            "RDS instance", "db", "StorageEncrypted is not set (set StorageEncrypted = true)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LookAlikeTypes_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.Aws.Rds
            {
                public sealed class InstanceArgs { public bool? StorageEncrypted { get; set; } }
                public sealed class Instance { public Instance(string name, InstanceArgs? args = null) { } }
            }

            static class Program
            {
                static void Main()
                {
                    new Lookalike.Aws.Rds.Instance("db");
                    new Lookalike.Aws.Rds.Instance("db", new Lookalike.Aws.Rds.InstanceArgs { StorageEncrypted = false });
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
                namespace Pulumi.Aws.Ebs
                {
                    public sealed class VolumeArgs { public bool? Encrypted { get; set; } }
                    public sealed class Volume { public Volume(string name, VolumeArgs args) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.Ebs.Volume("vol", new Pulumi.Aws.Ebs.VolumeArgs { Encrypted = false });
                }
                """,
        }.WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_NoCrash()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Ebs.Volume("vol", new Aws.Ebs.VolumeArgs { AvailabilityZone = "us-west-2a", Encrypted = {|CS0103:missing|} });
                    new {|CS7036:Aws.Rds.Instance|}();
                    new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs { RootBlockDevice = new {|CS0246:Unknown|}() });
            """),
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_ReplacesFalseWithTrue()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = {|SIA3002:false|} });
                    new Aws.Sqs.Queue("queue", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = {|SIA3002:false|} });
                    new Aws.RedShift.Cluster("warehouse", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = {|SIA3002:"false"|} });
                    new Aws.Sns.Topic("topic", new Aws.Sns.TopicArgs { KmsMasterKeyId = {|SIA3002:null|} });
            """), Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = true });
                    new Aws.Sqs.Queue("queue", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = true });
                    new Aws.RedShift.Cluster("warehouse", new Aws.RedShift.ClusterArgs { ClusterIdentifier = "w", NodeType = "ra3.xlplus", Encrypted = "true" });
                    new Aws.Sns.Topic("topic", new Aws.Sns.TopicArgs { KmsMasterKeyId = "alias/aws/sns" });
            """));
    }

    [Fact]
    public async Task Fix_AddsMissingFlags_NestedBlocksAndArgs()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    {|SIA3002:new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro" })|};
                    {|SIA3002:new Aws.Sns.Topic("topic")|};
                    {|SIA3002:new Aws.Kinesis.Stream("stream", new Aws.Kinesis.StreamArgs { ShardCount = 1 })|};
                    new Aws.Kinesis.Stream("stream2", new Aws.Kinesis.StreamArgs { EncryptionType = {|SIA3002:"NONE"|} });
            """), Program("""
                    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { InstanceClass = "db.t3.micro", StorageEncrypted = true });
                    new Aws.Sns.Topic("topic", new Aws.Sns.TopicArgs { KmsMasterKeyId = "alias/aws/sns" });
                    new Aws.Kinesis.Stream("stream", new Aws.Kinesis.StreamArgs { ShardCount = 1, EncryptionType = "KMS", KmsKeyId = "alias/aws/kinesis" });
                    new Aws.Kinesis.Stream("stream2", new Aws.Kinesis.StreamArgs { EncryptionType = "KMS", KmsKeyId = "alias/aws/kinesis" });
            """));
    }

    [Fact]
    public async Task Fix_Ec2Instance_RootAndDevices_InOnePass()
    {
        await Verify.VerifyCodeFixAsync(Program("""
                    {|SIA3002:new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs
                    {
                        Ami = "ami-0c2b8ca1dad447f8a",
                        EbsBlockDevices =
                        {
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf" },
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdg", Encrypted = {|SIA3002:false|} },
                        },
                    })|};
                    {|SIA3002:new Aws.Ec2.Instance("vm2", new Aws.Ec2.InstanceArgs
                    {
                        RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { VolumeSize = 40 },
                    })|};
            """), Program("""
                    new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs
                    {
                        Ami = "ami-0c2b8ca1dad447f8a",
                        EbsBlockDevices =
                        {
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", Encrypted = true },
                            new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdg", Encrypted = true },
                        },
                        RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = true },
                    });
                    new Aws.Ec2.Instance("vm2", new Aws.Ec2.InstanceArgs
                    {
                        RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { VolumeSize = 40, Encrypted = true },
                    });
            """));
    }

    [Fact]
    public async Task StoresAwsAlwaysEncrypts_AreNotReported()
    {
        // DynamoDB encrypts every table at rest (ServerSideEncryption only picks a customer-managed key); SQS encrypts with
        // SSE-SQS by default, and a queue that sets nothing, or turns SSE-SQS off but names a KMS key, is encrypted.
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.DynamoDB.Table("table", new Aws.DynamoDB.TableArgs { HashKey = "id" });
                    new Aws.DynamoDB.Table("table-off", new Aws.DynamoDB.TableArgs
                    {
                        HashKey = "id",
                        ServerSideEncryption = new Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = false },
                    });
                    new Aws.DynamoDB.Table("table-null", new Aws.DynamoDB.TableArgs { HashKey = "id", ServerSideEncryption = null });
                    new Aws.Sqs.Queue("queue");
                    new Aws.Sqs.Queue("queue-default", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = true });
                    new Aws.Sqs.Queue("queue-kms", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = false, KmsMasterKeyId = "alias/aws/sqs" });
            """));
    }

    [Fact]
    public async Task QueueWithEncryptionSwitchedOff_SaysSoInTheMessage()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Sqs.Queue("queue", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = {|#0:false|}, KmsMasterKeyId = "" });
            """),
            Verify.Diagnostic(Descriptors.StoreNotEncrypted).WithLocation(0).WithArguments(
                "SQS queue",
                "queue",
                "SqsManagedSseEnabled is false and no KmsMasterKeyId is set (set SqsManagedSseEnabled = true, or a KmsMasterKeyId)"));
    }
}
