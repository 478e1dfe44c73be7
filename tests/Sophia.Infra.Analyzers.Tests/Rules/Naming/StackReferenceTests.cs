using System.Threading.Tasks;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>A <c>StackReference</c> reads another stack by its path: no naming rule applies to it (design.md).</summary>
public sealed class StackReferenceTests
{
    [Fact]
    public async Task StackReference_GetsNoNamingFinding()
    {
        // A slash (SIA1001), a hard-coded environment (SIA1002), the same name twice (SIA1003) and a long path (SIA1004).
        await Create(InMethod("""
                    var network = new StackReference("acme/network/prod");
                    var again = new StackReference("acme/network/prod");
                    var inLoop = new[] { 1, 2 }.Select(i => new StackReference("acme/shared-platform-networking-and-observability/prod")).ToList();
                    var typed = new StackReference($"acme/network/{stack}", new StackReferenceArgs { Name = "acme/network/dev" });
            """)).RunAsync();
    }

    [Fact]
    public async Task ResourceBesideAStackReference_IsStillChecked()
    {
        await Create(InMethod("""
                    var network = new StackReference("acme/network/prod");
                    new Aws.S3.Bucket({|SIA1001:"acme/network/bucket"|});
            """)).RunAsync();
    }
}

/// <summary>Names built in another file (a constant, a readonly field, a property, a helper) are followed there.</summary>
public sealed class NamesFromAnotherFileTests
{
    [Fact]
    public async Task NameHelpersInAnotherFile_AreFollowed_AndReportedAtTheUse()
    {
        var test = Create(InMethod("""
                    new Aws.S3.Bucket(Names.Of("bucket", "logs"));
                    new Aws.S3.Bucket({|#0:Names.Legacy("bucket", "data")|});
                    new Aws.Iam.Role({|#1:Names.Fixed|}, new Aws.Iam.RoleArgs { AssumeRolePolicy = "{}" });
                    new Aws.Sqs.Queue(Names.Prefix + "-queue-jobs");
                    new Aws.Sns.Topic({|#2:Names.DevTopic|});
            """));
        test.TestState.Sources.Add(("/0/Names.cs", /* lang=c#-test */ """
            using Pulumi;

            static class Names
            {
                public static readonly string Prefix = "sophia-" + Deployment.Instance.StackName;
                public const string DevTopic = "sophia-dev-topic-events";
                public static string Fixed { get; } = "Sophia_Role";
                public static string Of(string type, string purpose) => $"{Prefix}-{type}-{purpose}";
                public static string Legacy(string type, string purpose) => $"legacy-{Deployment.Instance.StackName}-{type}-{purpose}";
            }
            """));
        test.ExpectedDiagnostics.Add(Pattern(0, "legacy-{stack}-bucket-data", "project segment is 'legacy'; expected 'sophia'", "sophia-{stack}-bucket-data"));
        test.ExpectedDiagnostics.Add(Pattern(1, "Sophia_Role", "1) 'Sophia_Role' has upper case letters; 2) '_' is not allowed (only a-z, 0-9 and '-'); 3) environment segment is missing; expected the stack name (Deployment.Instance.StackName); 4) purpose segment is missing", "sophia-{stack}-role-main"));
        test.ExpectedDiagnostics.Add(Environment(2, "sophia-dev-topic-events", "dev", "sophia-{stack}-topic-events"));
        await test.RunAsync();
    }
}
