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
