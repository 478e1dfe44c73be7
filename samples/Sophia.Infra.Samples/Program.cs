using System.Threading.Tasks;
using Pulumi;

namespace Sophia.Infra.Samples;

// Each family of rules has its own file (Naming.cs, Protection.cs, Encryption.cs, Iam.cs, ...) with a static
// Create(stack) method full of violations; the entry point runs them all.
public static class Program
{
    public static Task<int> Main() => Deployment.RunAsync(() =>
    {
        var stack = Deployment.Instance.StackName;
        Samples.Run(stack);
    });
}

/// <summary>The list of sample families; each family's file adds a line here.</summary>
public static partial class Samples
{
    public static void Run(string stack)
    {
        RunFamilies(stack);
    }

    static partial void RunFamilies(string stack);
}
