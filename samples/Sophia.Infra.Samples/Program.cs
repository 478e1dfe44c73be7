using System.Threading.Tasks;
using Pulumi;

namespace Sophia.Infra.Samples;

// Each family of rules has its own file (Naming.cs, Protection.cs, Encryption.cs, Iam.cs, ...): a static class whose
// Create(stack) method is full of violations. The analyzers read the code; nothing here is ever deployed.
public static class Program
{
    public static Task<int> Main() => Deployment.RunAsync(() =>
    {
        var stack = Deployment.Instance.StackName;
        _ = stack;
    });
}
