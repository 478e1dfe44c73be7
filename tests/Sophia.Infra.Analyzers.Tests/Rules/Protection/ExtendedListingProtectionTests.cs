using System.Threading.Tasks;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Protection.ProtectionSources;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Protection.ProtectionAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Protection.ProtectionCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Protection;

/// <summary>SIA2001 on every resource type that the extended Pulumi.Aws listing added to ref/.</summary>
public sealed class ExtendedListingProtectionTests
{
    private static string Name(string token) => $"$\"sophia-{{stack}}-{token}-a\"";

    [Fact]
    public async Task WithoutOptions_EveryNewType_IsReported()
    {
        var test = new Verify.Test { TestCode = Program(ExtendedListing.Creations(Name, ExtendedListing.Mark.Creation)) };
        for (var i = 0; i < ExtendedListing.ResourceTypes.Count; i++)
        {
            var (type, token) = ExtendedListing.ResourceTypes[i];
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.ProductionNotProtected).WithLocation(i)
                .WithArguments($"sophia-{{stack}}-{token}-a", "Pulumi.Aws." + type, "it is created without options, so Protect is not set", "prod"));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task ProtectedInProduction_EveryNewType_IsCompliant()
    {
        await Verify.VerifyAnalyzerAsync(Program(ExtendedListing.Creations(Name, ExtendedListing.Mark.None,
            "new CustomResourceOptions { Protect = stack == \"prod\" }")));
    }

    [Fact]
    public async Task ProtectBoundToANonProductionStack_IsReported_AtTheValue()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Alb.LoadBalancer($"sophia-{stack}-lb-edge", new(), new CustomResourceOptions { Protect = {|#0:stack == "dev"|} });
                    new Aws.OpenSearch.Domain($"sophia-{stack}-opensearch-logs", new() { DomainName = "sophia-logs" }, new CustomResourceOptions { Protect = {|#1:false|} });
            """),
            Verify.Diagnostic(Descriptors.ProductionNotProtected).WithLocation(0).WithArguments("sophia-{stack}-lb-edge", "Pulumi.Aws.Alb.LoadBalancer",
                "Protect = stack == \"dev\" is false in the production stack 'prod'", "prod"),
            Verify.Diagnostic(Descriptors.ProductionNotProtected).WithLocation(1).WithArguments("sophia-{stack}-opensearch-logs", "Pulumi.Aws.OpenSearch.Domain",
                "Protect is false", "prod"));
    }
}
