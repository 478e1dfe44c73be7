using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Configuration;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Configuration.ConfigurationAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Configuration;

public sealed class ConfigurationAnalyzerTests
{
    private const string Program = /* lang=c#-test */ """
        using Pulumi;
        class C
        {
            void M() => new Pulumi.Aws.S3.Bucket("sophia-dev-bucket-main");
        }
        """;

    private static DiagnosticResult Sia0001(string message) => Verify.Diagnostic(Descriptors.InvalidConfiguration).WithArguments(message);

    [Fact]
    public async Task ValidOptions_NoDiagnostic()
    {
        await new Verify.Test { TestCode = Program }
            .WithOptions("sophia_infra.production_stacks = prod,live\nsophia_infra.public_ports = 443\nsophia_infra.sia2001.production_stacks = prod\nsophia_infra.resource_type.Pulumi.Aws.Ec2.Instance = server")
            .RunAsync();
    }

    [Fact]
    public async Task InvalidOption_IsReportedOnce_WithKeyValueAndDefault()
    {
        var test = new Verify.Test { TestCode = Program }.WithOptions("sophia_infra.production_stacks = Prod!");
        test.TestState.Sources.Add(("/0/Other.cs", "class D { }"));
        test.ExpectedDiagnostics.Add(Sia0001("'sophia_infra.production_stacks = Prod!' is not valid: expected a comma-separated list of lower-case stack names (e.g. 'prod,prod-eu'); the default 'prod' is used"));
        await test.RunAsync();
    }

    [Fact]
    public async Task InvalidPerRuleOption_AndUnknownKey_AreReported()
    {
        var test = new Verify.Test { TestCode = Program }.WithOptions("sophia_infra.sia3001.s3.require_kms = maybe\nsophia_infra.prod_stacks = prod");
        test.ExpectedDiagnostics.Add(Sia0001("'sophia_infra.s3.require_kms = maybe' is not valid: expected true or false; the default 'false' is used"));
        test.ExpectedDiagnostics.Add(Sia0001("'sophia_infra.prod_stacks' is not a Sophia.Infra option (known: project, environments, production_stacks, public_ports, iam.partial_wildcards, s3.require_kms, logs.retention_days, alarms.playbook_pattern, resource_type.<type>); it is ignored"));
        await test.RunAsync();
    }

    [Fact]
    public async Task MalformedStackFile_IsReportedAtTheOffendingLine()
    {
        var test = new Verify.Test { TestCode = Program }
            .WithAdditionalFile("/Pulumi.yaml", "name: sophia\nruntime: dotnet\n")
            .WithAdditionalFile("/Pulumi.dev.yaml", "config:\n  aws:region: us-west-2\n  sophia:size: \"unterminated\n");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.InvalidConfiguration).WithSpan("/Pulumi.dev.yaml", 3, 1, 3, 29)
            .WithMessage(null));
        await test.RunAsync();
    }

    [Fact]
    public async Task WellFormedFiles_NoDiagnostic()
    {
        await new Verify.Test { TestCode = Program }
            .WithAdditionalFile("/Pulumi.yaml", "name: sophia\nruntime: dotnet\n")
            .WithAdditionalFile("/Pulumi.dev.yaml", "config:\n  aws:region: us-west-2\n  sophia:dbPassword:\n    secure: AAABAJ==\n")
            .RunAsync();
    }

    [Fact]
    public async Task PulumiNotReferenced_NothingIsReported()
    {
        await new Verify.Test { TestCode = "class C { }" }
            .WithoutPulumi()
            .WithOptions("sophia_infra.production_stacks = Prod!")
            .RunAsync();
    }

    [Theory]
    [InlineData("environments", "dev,Prod")]
    [InlineData("public_ports", "http")]
    [InlineData("logs.retention_days", "0")]
    [InlineData("resource_type.pulumi.aws.ec2.instance", "VM")]
    public void Check_RejectsInvalidValues(string name, string value) =>
        Assert.NotNull(ConfigurationAnalyzer.Check(name, value));

    [Theory]
    [InlineData("environments", "dev,prod")]
    [InlineData("sia1002.environments", "qa")]
    [InlineData("public_ports", "")]
    [InlineData("logs.retention_days", "365")]
    public void Check_AcceptsValidValues(string name, string value) =>
        Assert.Null(ConfigurationAnalyzer.Check(name, value));
}
