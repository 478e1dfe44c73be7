using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Sophia.Infra.Ref.Tests;

/// <summary>
/// Pulumi's unit-testing pattern (a class implementing <c>Pulumi.Testing.IMocks</c> with the named tuple
/// <c>(string? id, object state)</c>, <c>Deployment.TestAsync&lt;TStack&gt;(mocks, options)</c>, the named
/// <c>(Resources, Outputs)</c> result of the delegate overloads) compiles against the mirror as it does against the
/// real Pulumi 3.112.1. Before the generator carried tuple element names and default interface members, this source
/// failed against the mirror with CS8141 (tuple names differ from the interface's), CS0535 (RegisterResourceOutputs not
/// implemented) and CS1061 (no <c>Resources</c>/<c>Outputs</c>/<c>id</c>/<c>state</c> members); checked once against the
/// assemblies built from commit d6056d2.
/// </summary>
public sealed class UnitTestPatternTests
{
    readonly ITestOutputHelper _output;

    public UnitTestPatternTests(ITestOutputHelper output) => _output = output;

    /// <summary>A test project as Pulumi's docs write one: the stack, the mocks, a helper and the tests themselves.</summary>
    internal const string UnitTests = /* lang=c#-test */ """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;
        using System.Threading.Tasks;
        using Pulumi;
        using Pulumi.Testing;
        using Aws = Pulumi.Aws;

        namespace WebServer.Tests;

        public sealed class WebServerStack : Stack
        {
            public WebServerStack()
            {
                var ami = Aws.Ec2.GetAmi.Invoke(new()
                {
                    MostRecent = true,
                    Owners = { "137112412989" },
                    Filters = { new Aws.Ec2.Inputs.GetAmiFilterInputArgs { Name = "name", Values = { "amzn2-ami-hvm-*" } } },
                });
                var group = new Aws.Ec2.SecurityGroup("web-sg", new()
                {
                    Ingress = { new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = { "10.0.0.0/16" } } },
                });
                var server = new Aws.Ec2.Instance("web-server", new()
                {
                    InstanceType = "t3.micro",
                    Ami = ami.Apply(a => a.Id),
                    VpcSecurityGroupIds = { group.Id },
                    Tags = { { "Name", "web-server" } },
                });
                PublicIp = server.PublicIp;
            }

            [Output] public Output<string> PublicIp { get; set; }
        }

        // Implements only the two abstract members: RegisterResourceOutputs has a default body in the real SDK.
        sealed class Mocks : IMocks
        {
            public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
            {
                var outputs = ImmutableDictionary.CreateBuilder<string, object>();
                outputs.AddRange(args.Inputs);
                if (args.Type == "aws:ec2/instance:Instance")
                {
                    outputs.Add("publicIp", "203.0.113.12");
                }
                args.Id ??= $"{args.Name}_id";
                return Task.FromResult<(string? id, object state)>((args.Id, (object)outputs));
            }

            public Task<object> CallAsync(MockCallArgs args)
            {
                var outputs = ImmutableDictionary.CreateBuilder<string, object>();
                if (args.Token == "aws:ec2/getAmi:getAmi")
                {
                    outputs.Add("id", "ami-0123456789abcdef0");
                }
                return Task.FromResult((object)outputs);
            }
        }

        // A mock that overrides the default member as well: still fine.
        sealed class RecordingMocks : IMocks
        {
            public List<string> Registered { get; } = new();

            public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args) =>
                Task.FromResult<(string? id, object state)>((null, args.Inputs));

            public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);

            public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
            {
                Registered.Add(args.Urn);
                return Task.CompletedTask;
            }
        }

        static class Testing
        {
            public static Task<ImmutableArray<Resource>> RunAsync<T>() where T : Stack, new() =>
                Deployment.TestAsync<T>(new Mocks(), new TestOptions { IsPreview = false });

            public static Task<T> GetValueAsync<T>(this Output<T> output)
            {
                var tcs = new TaskCompletionSource<T>();
                output.Apply(v => { tcs.SetResult(v); return v; });
                return tcs.Task;
            }
        }

        public class WebServerStackTests
        {
            public async Task InstanceHasNameTag()
            {
                var resources = await Testing.RunAsync<WebServerStack>();
                var instance = resources.OfType<Aws.Ec2.Instance>().First();
                var tags = await instance.Tags.GetValueAsync();
                if (tags is null || !tags.ContainsKey("Name")) throw new System.Exception("no Name tag");
            }

            public async Task NoIngressFromTheInternet()
            {
                var resources = await Testing.RunAsync<WebServerStack>();
                var group = resources.OfType<Aws.Ec2.SecurityGroup>().Single();
                var ingress = await group.Ingress.GetValueAsync();
                if (ingress.Any(rule => rule.CidrBlocks.Contains("0.0.0.0/0"))) throw new System.Exception("open to the internet");
            }

            public async Task OutputsByName()
            {
                IMocks mocks = new RecordingMocks();
                var result = await Deployment.TestAsync(mocks, new TestOptions { StackName = "dev" }, () =>
                {
                    var bucket = new Aws.S3.Bucket("logs");
                    return new Dictionary<string, object?> { ["bucket"] = bucket.Arn };
                });
                var (resources, outputs) = result;
                if (result.Resources.Length != resources.Length || !result.Outputs.ContainsKey("bucket") || outputs.Count != 1)
                    throw new System.Exception("unexpected result");
                var fromEmpty = await new EmptyMocks().NewResourceAsync(new MockResourceArgs());
                string? id = fromEmpty.id;
                object state = fromEmpty.state;
                await mocks.RegisterResourceOutputs(new MockRegisterResourceOutputsRequest("urn", ImmutableDictionary<string, Output<object>>.Empty));
            }
        }
        """;

    [Fact]
    public void PulumiUnitTestPatternCompiles()
    {
        var diagnostics = RealWorldProgramTests.Compile(UnitTests, TestPaths.PulumiDll, TestPaths.PulumiAwsDll, OutputKind.DynamicallyLinkedLibrary);
        foreach (var d in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)) _output.WriteLine(d.ToString());
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        // No nullability warnings either: the tuple's `string? id` and the outputs' `object?` are as in the real SDK.
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Id != "CS0618");
    }

    /// <summary>The wrong tuple names are rejected, as the real SDK rejects them (the mirror is not looser).</summary>
    [Fact]
    public void WrongTupleElementNamesAreRejected()
    {
        var source = UnitTests.Replace(
            "public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)\n    {",
            "public Task<(string? resourceId, object state)> NewResourceAsync(MockResourceArgs args)\n    {");
        Assert.NotEqual(UnitTests, source);
        var errors = RealWorldProgramTests.Compile(source, TestPaths.PulumiDll, TestPaths.PulumiAwsDll, OutputKind.DynamicallyLinkedLibrary)
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var e in errors) _output.WriteLine(e.ToString());
        Assert.Contains(errors, e => e.Id == "CS8141");
    }

    /// <summary>The metadata carries what the compiler reads: tuple element names, nullability and a non-abstract default member.</summary>
    [Fact]
    public void IMocksCarriesTheSourceShape()
    {
        var assembly = Assembly.LoadFrom(TestPaths.PulumiDll);
        var mocks = assembly.GetType("Pulumi.Testing.IMocks", throwOnError: true)!;

        var newResource = mocks.GetMethod("NewResourceAsync")!;
        Assert.True(newResource.IsAbstract);
        var names = newResource.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>();
        Assert.NotNull(names);
        Assert.Equal(new[] { "id", "state" }, names!.TransformNames);
        var tuple = new NullabilityInfoContext().Create(newResource.ReturnParameter).GenericTypeArguments.Single();
        Assert.Equal(NullabilityState.Nullable, tuple.GenericTypeArguments[0].ReadState);
        Assert.Equal(NullabilityState.NotNull, tuple.GenericTypeArguments[1].ReadState);

        var register = mocks.GetMethod("RegisterResourceOutputs")!;
        Assert.False(register.IsAbstract);
        Assert.True(register.IsVirtual);

        var empty = assembly.GetType("Pulumi.Testing.EmptyMocks", throwOnError: true)!;
        Assert.DoesNotContain(empty.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly),
            m => m.Name.EndsWith("RegisterResourceOutputs", StringComparison.Ordinal));

        var deployment = assembly.GetType("Pulumi.Deployment", throwOnError: true)!;
        var namedResults = deployment.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "TestAsync" && !m.IsGenericMethod && m.ReturnType.GetGenericArguments().Single().IsGenericType &&
                        m.ReturnType.GetGenericArguments().Single().Name.StartsWith("ValueTuple", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, namedResults.Count);
        Assert.All(namedResults, m =>
            Assert.Equal(new[] { "Resources", "Outputs" }, m.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()!.TransformNames));
    }
}
