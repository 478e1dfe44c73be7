using System;
using System.IO;

namespace Sophia.Infra.Ref.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the first ancestor of the test output folder that holds Sophia.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Sophia.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Sophia.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PulumiDll => Path.Combine(AppContext.BaseDirectory, "Pulumi.dll");
    public static string PulumiAwsDll => Path.Combine(AppContext.BaseDirectory, "Pulumi.Aws.dll");
}
