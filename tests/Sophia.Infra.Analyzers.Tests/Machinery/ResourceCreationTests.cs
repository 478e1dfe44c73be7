using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

public sealed class ResourceCreationTests
{
    private const string Program = /* lang=c#-test */ """
        using Pulumi;
        using Aws = Pulumi.Aws;

        class AppComponent : ComponentResource
        {
            public AppComponent(string appName, ComponentResourceOptions? opts = null) : base("sophia:app:App", appName, opts) { }
        }

        class NotAResource { public NotAResource(string name) { } }

        static class Program
        {
            static void Main()
            {
                var args = new Aws.S3.BucketArgs { ForceDestroy = true };
                new Aws.S3.Bucket("b1", args, new CustomResourceOptions { Protect = true });
                new Aws.S3.Bucket("b2");
                new Aws.Iam.Role("r", new() { AssumeRolePolicy = "{}" });
                new AppComponent("app");
                new Aws.Provider("p", new Aws.ProviderArgs { Region = "us-west-2" });
                new NotAResource("x");
            }
        }
        """;

    [Fact]
    public async Task Creations_AreRecognisedWithTheirArguments()
    {
        var compilation = await TestCompilation.CreateAsync(true, Program);
        var services = TestCompilation.Services(compilation);
        var tree = compilation.SyntaxTrees.Single();
#pragma warning disable RS1030 // Tests may create semantic models.
        var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        var creations = tree.GetRoot().DescendantNodes()
            .Select(n => model.GetOperation(n))
            .OfType<IObjectCreationOperation>()
            .Select(o => ResourceCreation.TryCreate(o, services.Symbols, out var c) ? c : (ResourceCreation?)null)
            .ToList();

        var resources = creations.Where(c => c is not null).Select(c => c!.Value).ToList();
        Assert.Equal(new[] { "Bucket", "Bucket", "Role", "AppComponent", "Provider" }, resources.Select(r => r.Type.Name));

        var b1 = resources[0];
        Assert.Equal("\"b1\"", b1.NameArgument!.Value.Syntax.ToString());
        Assert.NotNull(b1.OptionsArgument);
        Assert.NotNull(b1.FindArgsAssignment("ForceDestroy", services.Values, CancellationToken.None)); // followed through the local
        Assert.Null(b1.FindArgsAssignment("Acl", services.Values, CancellationToken.None));

        var b2 = resources[1];
        Assert.Null(b2.ArgsArgument);
        Assert.Null(b2.OptionsArgument);
        Assert.Equal("options", b2.OptionsParameter!.Name);

        Assert.NotNull(resources[2].FindArgsAssignment("AssumeRolePolicy", services.Values, CancellationToken.None)); // target-typed new()

        var component = resources[3];
        Assert.True(component.IsComponent);
        Assert.Equal("\"app\"", component.NameArgument!.Value.Syntax.ToString()); // the first string parameter is the name

        Assert.True(resources[4].IsProvider);
        Assert.False(resources[0].IsProvider);
    }

    [Fact]
    public async Task WithoutPulumi_NoServices()
    {
        var compilation = await TestCompilation.CreateAsync(false, "class C { }");
        Assert.Null(Sophia.Infra.Analyzers.Infrastructure.AnalysisServices.For(compilation));
    }

    [Fact]
    public async Task PulumiSymbols_ResolveEveryKnownType()
    {
        var compilation = await TestCompilation.CreateAsync(true, "class C { }");
        var symbols = PulumiSymbols.TryCreate(compilation)!;
        var missing = System.Enum.GetValues(typeof(PulumiType)).Cast<PulumiType>().Where(t => symbols.Get(t) is null).ToList();

        Assert.Equal(System.Enum.GetValues(typeof(PulumiType)).Length, PulumiSymbols.MetadataNames.Length);
        // Since the extended listing (issue 14) the mirror carries every Pulumi type the rules name (BucketV2, the V2 SSE
        // configuration, the IAM attachments, Alb.Listener included); only Newtonsoft.Json is looked up in users' projects only.
        var notInMirror = new[] { PulumiType.NewtonsoftJsonConvert };
        Assert.Equal(notInMirror.OrderBy(t => t), missing.OrderBy(t => t));
        Assert.True(symbols.IsOrDerivesFrom(symbols.Get(PulumiType.S3Bucket), PulumiType.CustomResource));
        Assert.False(symbols.IsOrDerivesFrom(symbols.Get(PulumiType.S3Bucket), PulumiType.ComponentResource));
    }
}
