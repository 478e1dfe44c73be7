using System;
using System.IO;
using System.Linq;
using Sophia.Infra.RefGen;
using Xunit;
using Xunit.Abstractions;

namespace Sophia.Infra.Ref.Tests;

/// <summary>The committed ref/*/Generated sources are exactly what the generator produces from the listings.</summary>
public sealed class GeneratorIsUpToDateTests
{
    readonly ITestOutputHelper _output;

    public GeneratorIsUpToDateTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void CommittedSourcesMatchAFreshGeneration()
    {
        var root = TestPaths.RepoRoot;
        var temp = Path.Combine(Path.GetTempPath(), "refgen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (files, skipped) = Generator.Generate(root);
            Generator.Write(files, temp);
            foreach (var s in skipped) _output.WriteLine("not represented: " + s);

            foreach (var dir in new[] { Generator.CoreOutput, Generator.AwsOutput })
            {
                var fresh = Directory.GetFiles(Path.Combine(temp, dir), "*.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
                var committed = Directory.GetFiles(Path.Combine(root, dir), "*.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
                Assert.Equal(fresh, committed);
                foreach (var name in fresh)
                {
                    var expected = File.ReadAllText(Path.Combine(temp, dir, name!));
                    var actual = File.ReadAllText(Path.Combine(root, dir, name!)).Replace("\r\n", "\n");
                    Assert.True(expected == actual, $"{dir}/{name} is stale: run `dotnet run --project tools/Sophia.Infra.RefGen -- <repoRoot>`");
                }
            }
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void EveryGeneratedFileIsUnderOneMebibyte()
    {
        var (files, _) = Generator.Generate(TestPaths.RepoRoot);
        Assert.All(files, f => Assert.True(f.Value.Length < 1024 * 1024, f.Key));
    }
}
