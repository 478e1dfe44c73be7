using System.Threading.Tasks;
using Xunit;
using static Sophia.Infra.Analyzers.Tests.Rules.Naming.NamingTest;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>SIA1003: duplicate URNs (same type and name, loop-invariant names in loops, component children that ignore the component's name).</summary>
public sealed class DuplicateNameTests
{
    private const string InLoop = "it is created in a {0} and its name is the same in every iteration; make the name depend on what varies per iteration";

    private const string InComponent = "it is created inside component 'Web', which is created more than once, and its name does not depend on the component's name, so every instance creates a child with the same URN; include the component's name";


    private static string SameName(string type, string file, int line) => $"another {type} created at {file}:{line} has the same name, so both get the same URN";

    [Fact]
    public async Task SameTypeAndName_IsReportedAtEachOneAfterTheFirst()
    {
        var test = Create(InMethod("""
                    new Aws.S3.Bucket({|#2:$"sophia-{stack}-bucket-data"|});
                    new Aws.S3.Bucket({|#0:$"sophia-{stack}-bucket-data"|});
                    new Aws.S3.Bucket({|#1:"sophia-" + stack + "-bucket-data"|});
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-logs");
                    new Aws.S3.BucketObject($"sophia-{stack}-object-readme", new() { Bucket = "b" });
                    new Aws.S3.BucketObjectv2($"sophia-{stack}-object-readme", new() { Bucket = "b" });
            """));
        test.ExpectedDiagnostics.Add(Duplicate(0, "sophia-{stack}-bucket-data", SameName("Pulumi.Aws.S3.Bucket", "Test0.cs", 10), first: 2));
        test.ExpectedDiagnostics.Add(Duplicate(1, "sophia-{stack}-bucket-data", SameName("Pulumi.Aws.S3.Bucket", "Test0.cs", 10), first: 2));
        await test.RunAsync();
    }

    [Fact]
    public async Task SameName_AcrossFiles_IsReportedInTheLaterFile()
    {
        var test = Create(InMethod("""
                    new Aws.S3.Bucket({|#1:$"sophia-{stack}-bucket-shared"|});
            """));
        test.TestState.Sources.Add(("/0/Test1.cs", /* lang=c#-test */ """
            using Pulumi;

            static class Storage
            {
                public static void Create()
                {
                    new Pulumi.Aws.S3.Bucket({|#0:"sophia-" + Deployment.Instance.StackName + "-bucket-shared"|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Duplicate(0, "sophia-{stack}-bucket-shared", SameName("Pulumi.Aws.S3.Bucket", "Test0.cs", 10), first: 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnknownParts_AreComparedOnlyWhenTheyAreTheSameSymbol()
    {
        var test = Create(InMethod("""
                    new Aws.S3.Bucket({|#2:$"sophia-{stack}-bucket-{purpose}"|});
                    new Aws.S3.Bucket({|#0:$"sophia-{stack}-bucket-{purpose}"|});
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-{other}");
                    var fromConfig = config.Require("bucket");
                    new Aws.S3.Bucket({|#3:fromConfig|});
                    new Aws.S3.Bucket({|#1:fromConfig|});
                    var changing = "a";
                    changing = config.Require("x");
                    new Aws.S3.Bucket(changing);
                    new Aws.S3.Bucket(changing);
                    new Aws.S3.Bucket(config.Require("y"));
                    new Aws.S3.Bucket(config.Require("y"));
            """));
        test.ExpectedDiagnostics.Add(Duplicate(0, "sophia-{stack}-bucket-{purpose}", SameName("Pulumi.Aws.S3.Bucket", "Test0.cs", 10), first: 2));
        test.ExpectedDiagnostics.Add(Duplicate(1, "{fromConfig}", SameName("Pulumi.Aws.S3.Bucket", "Test0.cs", 14), first: 3));
        await test.RunAsync();
    }

    [Fact]
    public async Task CreationsInExclusiveBranches_AreNotDuplicates()
    {
        await Create(InMethod("""
                    if (purpose == "a")
                    {
                        new Aws.S3.Bucket($"sophia-{stack}-bucket-data");
                    }
                    else if (purpose == "b")
                    {
                        new Aws.S3.Bucket($"sophia-{stack}-bucket-data");
                    }

                    var cache = purpose == "x" ? new Aws.S3.Bucket($"sophia-{stack}-bucket-cache") : new Aws.S3.Bucket($"sophia-{stack}-bucket-cache");
                    switch (purpose)
                    {
                        case "a":
                            new Aws.S3.Bucket($"sophia-{stack}-bucket-switch");
                            break;
                        default:
                            new Aws.S3.Bucket($"sophia-{stack}-bucket-switch");
                            break;
                    }
            """)).RunAsync();
    }

    [Fact]
    public async Task LoopInvariantNames_AreReported_AndNamesThatVaryAreNot()
    {
        var test = Create(InMethod("""
                    foreach (var az in new[] { "a", "b" })
                    {
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-{az}");
                        new Aws.Ec2.Instance({|#0:$"sophia-{stack}-vm-shared"|});
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-{i}");
                        new Aws.Ec2.Instance({|#1:$"sophia-{stack}-vm-{purpose}"|});
                    }

                    var n = 0;
                    while (n < 2)
                    {
                        new Aws.Ec2.Instance($"sophia-{stack}-vm-w{n}");
                        n++;
                    }

                    while (purpose.Length > 100)
                    {
                        new Aws.Ec2.Instance({|#2:$"sophia-{stack}-vm-loop"|});
                    }

                    do
                    {
                        new Aws.Ec2.Instance({|#3:"sophia-" + stack + "-vm-do"|});
                    }
                    while (purpose.Length > 100);
                    var varying = new[] { "a", "b" }.Select(x => new Aws.Ec2.Instance($"sophia-{stack}-vm-s{x}")).ToList();
                    var same = new[] { "a", "b" }.Select(x => new Aws.Ec2.Instance({|#4:$"sophia-{stack}-vm-same"|})).ToList();
                    var query = (from x in new[] { 1, 2 } select new Aws.Ec2.Instance({|#5:$"sophia-{stack}-vm-query"|})).ToList();
                    var fixedName = $"sophia-{stack}-vm-outside";
                    foreach (var az in new[] { "a", "b" })
                    {
                        var perIteration = $"sophia-{stack}-vm-inside-{az}";
                        new Aws.Ec2.Instance(perIteration);
                        new Aws.Ec2.Instance({|#6:fixedName|});
                    }
            """));
        test.ExpectedDiagnostics.Add(Duplicate(0, "sophia-{stack}-vm-shared", string.Format(InLoop, "foreach loop")));
        test.ExpectedDiagnostics.Add(Duplicate(1, "sophia-{stack}-vm-{purpose}", string.Format(InLoop, "for loop")));
        test.ExpectedDiagnostics.Add(Duplicate(2, "sophia-{stack}-vm-loop", string.Format(InLoop, "while loop")));
        test.ExpectedDiagnostics.Add(Duplicate(3, "sophia-{stack}-vm-do", string.Format(InLoop, "do loop")));
        test.ExpectedDiagnostics.Add(Duplicate(4, "sophia-{stack}-vm-same", string.Format(InLoop, "Select lambda")));
        test.ExpectedDiagnostics.Add(Duplicate(5, "sophia-{stack}-vm-query", string.Format(InLoop, "query")));
        test.ExpectedDiagnostics.Add(Duplicate(6, "sophia-{stack}-vm-outside", string.Format(InLoop, "foreach loop")));
        await test.RunAsync();
    }

    [Fact]
    public async Task DuplicateInALoop_GivesOneFindingWithBothReasons()
    {
        var test = Create(InMethod("""
                    foreach (var az in new[] { "a", "b" })
                    {
                        new Aws.S3.Bucket({|#0:$"sophia-{stack}-bucket-a"|});
                        new Aws.S3.Bucket({|#1:$"sophia-{stack}-bucket-a"|});
                    }
            """));
        test.ExpectedDiagnostics.Add(Duplicate(0, "sophia-{stack}-bucket-a", string.Format(InLoop, "foreach loop")));
        test.ExpectedDiagnostics.Add(Duplicate(1, "sophia-{stack}-bucket-a", SameName("Pulumi.Aws.S3.Bucket", "Test0.cs", 12) + "; " + string.Format(InLoop, "foreach loop"), first: 0));
        await test.RunAsync();
    }

    private const string Component = /* lang=c#-test */ """

        class Web : ComponentResource
        {
            private static readonly string Suffix = "static";

            public Web(string name, ComponentResourceOptions? options = null)
                : base("sophia:index:Web", name, options)
            {
                var child = new CustomResourceOptions { Parent = this };
                new Aws.S3.Bucket({|#0:$"sophia-{Deployment.Instance.StackName}-bucket-assets"|}, null, child);
                new Aws.S3.Bucket($"{name}-logs", null, child);
                var prefix = name;
                new Aws.S3.Bucket($"{prefix}-cache", null, child);
                new Aws.S3.Bucket({|#1:$"sophia-{Deployment.Instance.StackName}-bucket-{Suffix}"|}, null, child);
                new Aws.S3.Bucket($"sophia-{Deployment.Instance.StackName}-bucket-{GetResourceName()}", null, child);
            }
        }
        """;

    [Theory]
    [InlineData("""
                new Web($"sophia-{stack}-web-a");
                new Web($"sophia-{stack}-web-b");
        """)]
    [InlineData("""
                foreach (var site in new[] { "a", "b" })
                {
                    new Web($"sophia-{stack}-web-{site}");
                }
        """)]
    public async Task ComponentCreatedTwiceOrInALoop_ChildNamesThatIgnoreItsNameAreReported(string creations)
    {
        var test = Create(InMethod(creations) + Component);
        test.ExpectedDiagnostics.Add(Duplicate(0, "sophia-{stack}-bucket-assets", InComponent));
        test.ExpectedDiagnostics.Add(Duplicate(1, "sophia-{stack}-bucket-static", InComponent));
        await test.RunAsync();
    }

    [Fact]
    public async Task ComponentCreatedOnce_NoDiagnostic()
    {
        var test = Create(InMethod("""
                    new Web($"sophia-{stack}-web-a");
            """) + Component.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty));
        await test.RunAsync();
    }

    [Fact]
    public async Task NamesFromConfig_AreSilent()
    {
        await Create(InMethod("""
                    foreach (var x in new[] { 1, 2 })
                    {
                        new Aws.S3.Bucket(config.Require("bucket"));
                        new Aws.S3.Bucket($"sophia-{stack}-bucket-{config.Require("purpose")}");
                    }
            """)).RunAsync();
    }
}
