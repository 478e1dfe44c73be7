using System.Diagnostics.CodeAnalysis;
using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA1101: required config keys that a stack file lacks (Pulumi.dev.yaml and Pulumi.prod.yaml beside Pulumi.yaml), read
/// through a Config passed as a parameter and a named Config. SIA0002: suppressions without a reason. SIA2101 is reported on
/// Pulumi.yaml: this sample deliberately has no ROLLBACK.md.
/// </summary>
public static class StackConfig
{
    public static void Create(string stack)
    {
        var config = new Config();
        Read(config);

        // aws:region is in both stack files; aws:profile is in neither.
        var aws = new Config("aws");
        var region = aws.Require("region");
        var profile = aws.Require("profile");

#pragma warning disable SIA2001
        new Aws.S3.BucketV2($"sophia-{stack}-bucket-config");
#pragma warning restore SIA2001

#pragma warning disable SIA2001 // a scratch bucket, emptied and recreated by every deployment
        new Aws.S3.BucketV2($"sophia-{stack}-bucket-scratch");
#pragma warning restore SIA2001
    }

    // instanceSize is set for dev only; replicas has a default in Pulumi.yaml; the Get read is optional.
    private static void Read(Config config)
    {
        var size = config.Require("instanceSize");
        var replicas = config.RequireInt32("replicas");
        var password = config.RequireSecret("dbPassword");
        var debug = config.GetBoolean("debug");
    }

    [SuppressMessage("Sophia.Protection", "SIA2001", Justification = "<Pending>")]
    private static void Unexplained(string stack) => new Aws.S3.BucketV2($"sophia-{stack}-bucket-legacy");
}
