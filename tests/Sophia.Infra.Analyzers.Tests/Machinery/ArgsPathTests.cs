using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

/// <summary><see cref="ArgsPath"/>: walking member paths through args, nested blocks and lists; and <see cref="ResourceCreation.HasKnownArgs"/>.</summary>
public sealed class ArgsPathTests
{
    private struct Recorder : IArgsPathVisitor
    {
        public List<(ArgsPathHitKind Kind, int Depth, int Index, string? Value)> Hits;

        public void Visit(in ArgsPathHit hit) =>
            (Hits ??= new()).Add((hit.Kind, hit.Depth, hit.ListIndex, hit.Assignment is null ? null : ValueOf(hit.Assignment.Value)));

        private static string ValueOf(IOperation value) => value.Syntax.ToString();
    }

    private static async Task<List<(ArgsPathHitKind Kind, int Depth, int Index, string? Value)>> WalkAsync(string path, string body)
    {
        var compilation = await TestCompilation.CreateAsync(true, $$"""
            using Pulumi;
            using Aws = Pulumi.Aws;
            static class C
            {
                static InputList<Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs> Devices() => new();
                static void M(bool flag)
                {
                    {{body}}
                }
            }
            """ + TestCompilation.ProbeClass);
        var services = TestCompilation.Services(compilation);
        var probe = TestCompilation.Probes(compilation).Single();
        var creation = (IObjectCreationOperation)services.Values.Follow(probe, CancellationToken.None);
        Assert.True(ResourceCreation.TryCreate(creation, services.Symbols, out var resource));
        Assert.True(resource.HasKnownArgs(services.Values, CancellationToken.None));
        var recorder = new Recorder();
        new ArgsPath(path).Walk(resource.GetArgsCreation(services.Values, CancellationToken.None), services.Values, ref recorder, CancellationToken.None);
        return recorder.Hits ?? new();
    }

    [Fact]
    public async Task ListSegment_CollectionExpression_EachElement()
    {
        Assert.Equal(
            new[] { (ArgsPathHitKind.Value, 1, 0, (string?)"true"), (ArgsPathHitKind.Missing, 1, 1, (string?)null) },
            await WalkAsync("EbsBlockDevices[].Encrypted", """
                ProbeHost.Probe(new Aws.Ec2.Instance("vm", new Aws.Ec2.InstanceArgs
                {
                    EbsBlockDevices =
                    [
                        new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdf", Encrypted = true },
                        new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "/dev/sdg" },
                    ],
                }));
                """));
    }

    [Fact]
    public async Task TopLevelValue_AndMissing()
    {
        Assert.Equal(
            new[] { (ArgsPathHitKind.Value, 0, -1, (string?)"false") },
            await WalkAsync("Encrypted", """ProbeHost.Probe(new Aws.Ebs.Volume("v", new Aws.Ebs.VolumeArgs { AvailabilityZone = "a", Encrypted = false }));"""));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Missing, 0, -1, (string?)null) },
            await WalkAsync("Encrypted", """ProbeHost.Probe(new Aws.Ebs.Volume("v", new Aws.Ebs.VolumeArgs { AvailabilityZone = "a" }));"""));
    }

    [Fact]
    public async Task NoArgs_AndNullArgs_AreMissing()
    {
        Assert.Equal(
            new[] { (ArgsPathHitKind.Missing, 0, -1, (string?)null) },
            await WalkAsync("RootBlockDevice.Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm"));"""));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Missing, 0, -1, (string?)null) },
            await WalkAsync("RootBlockDevice.Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm", null));"""));
    }

    [Fact]
    public async Task NestedBlock_ThroughALocal_NullBlock_AndUnknownBlock()
    {
        Assert.Equal(
            new[] { (ArgsPathHitKind.Value, 1, -1, (string?)"flag") },
            await WalkAsync("RootBlockDevice.Encrypted", """
                var root = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = flag };
                ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { RootBlockDevice = root }));
                """));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Missing, 1, -1, (string?)null) },
            await WalkAsync("RootBlockDevice.Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs() }));"""));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Null, 0, -1, (string?)"null") },
            await WalkAsync("RootBlockDevice.Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { RootBlockDevice = null }));"""));
        Assert.Equal(
            ArgsPathHitKind.Unknown,
            (await WalkAsync("RootBlockDevice.Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { RootBlockDevice = flag ? new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs() : null }));""")).Single().Kind);
    }

    [Fact]
    public async Task Lists_CollectionInitializer_Array_ListCreation_AndUnknownList()
    {
        Assert.Equal(
            new[] { (ArgsPathHitKind.Value, 1, 0, (string?)"true"), (ArgsPathHitKind.Missing, 1, 1, (string?)null) },
            await WalkAsync("EbsBlockDevices[].Encrypted", """
                ProbeHost.Probe(new Aws.Ec2.Instance("vm", new()
                {
                    EbsBlockDevices =
                    {
                        new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "a", Encrypted = true },
                        new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "b" },
                    },
                }));
                """));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Value, 1, 0, (string?)"false") },
            await WalkAsync("EbsBlockDevices[].Encrypted", """
                ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { EbsBlockDevices = new[] { new Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs { DeviceName = "a", Encrypted = false } } }));
                """));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Value, 1, 0, (string?)"false") },
            await WalkAsync("EbsBlockDevices[].Encrypted", """
                ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { EbsBlockDevices = new System.Collections.Generic.List<Aws.Ec2.Inputs.InstanceEbsBlockDeviceArgs> { new() { DeviceName = "a", Encrypted = false } } }));
                """));
        Assert.Equal(
            new[] { (ArgsPathHitKind.Missing, 0, -1, (string?)null) },
            await WalkAsync("EbsBlockDevices[].Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { Ami = "ami" }));"""));
        Assert.Equal(
            ArgsPathHitKind.Unknown,
            (await WalkAsync("EbsBlockDevices[].Encrypted", """ProbeHost.Probe(new Aws.Ec2.Instance("vm", new() { EbsBlockDevices = Devices() }));""")).Single().Kind);
    }

    [Fact]
    public void Display_FillsInTheListIndex()
    {
        var path = new ArgsPath("EbsBlockDevices[].Encrypted");
        Assert.Equal(2, path.Length);
        Assert.True(path.IsList(0));
        Assert.Equal("EbsBlockDevices", path.Name(0));
        Assert.Equal("EbsBlockDevices[3].Encrypted", path.Display(1, 3));
        Assert.Equal("EbsBlockDevices[]", path.Display(0, -1));
    }

    [Fact]
    public async Task HasKnownArgs_FalseForArgsFromElsewhere()
    {
        var compilation = await TestCompilation.CreateAsync(true, """
            using Aws = Pulumi.Aws;
            static class C
            {
                static Aws.Ebs.VolumeArgs Args() => new() { AvailabilityZone = "a" };
                static void M() => ProbeHost.Probe(new Aws.Ebs.Volume("v", Args()));
            }
            """ + TestCompilation.ProbeClass);
        var services = TestCompilation.Services(compilation);
        var creation = (IObjectCreationOperation)services.Values.Follow(TestCompilation.Probes(compilation).Single(), CancellationToken.None);
        Assert.True(ResourceCreation.TryCreate(creation, services.Symbols, out var resource));
        Assert.False(resource.HasKnownArgs(services.Values, CancellationToken.None));
    }
}
