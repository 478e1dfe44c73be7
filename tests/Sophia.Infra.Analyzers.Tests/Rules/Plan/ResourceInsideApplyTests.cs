using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Plan.PlanAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Plan;

/// <summary>SIA8001: resources created inside the function of an Apply, directly or through helpers.</summary>
public sealed class ResourceInsideApplyTests
{
    private static string Program(string body) => /* lang=c#-test */ """
        using Pulumi;
        using Aws = Pulumi.Aws;

        class Program
        {
            static void Main(Output<string> id, Output<string> arn, Input<string> input)
            {
        """ + body + """

            }
        }
        """;

    private static DiagnosticResult Inside(int location, string type) =>
        Verify.Diagnostic(Descriptors.ResourceInsideApply).WithLocation(location).WithArguments(
            $"The {type} is created inside the function of an Apply: it does not appear in pulumi preview and is only known once the output resolves; create it outside the Apply and pass the output as an input (an Input<T> accepts an Output<T>)");

    private static DiagnosticResult InHelper(int location, string type, string method) =>
        Verify.Diagnostic(Descriptors.ResourceInsideApply).WithLocation(location).WithArguments(
            $"The {type} is created in '{method}', which a function of an Apply calls: it does not appear in pulumi preview and is only known once the output resolves; create it outside the Apply and pass the output as an input (an Input<T> accepts an Output<T>)");

    [Fact]
    public async Task CreationInsideOutputApply_ReportedAtTheCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var bucket = id.Apply(name => {|#0:new Aws.S3.Bucket(name)|});
            """),
            Inside(0, "Bucket"));
    }

    [Fact]
    public async Task OutputAllAndOutputTuple_AreApplies()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var a = Output.All(id, arn).Apply(values => {|SIA8001:new Aws.S3.Bucket(values[0])|});
                    var b = Output.Tuple(id, arn).Apply(t =>
                    {
                        var topic = {|SIA8001:new Aws.Sns.Topic(t.Item1)|};
                        return topic.Arn;
                    });
            """));
    }

    [Fact]
    public async Task InputApply_IsAnApply()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var topic = input.Apply(name => {|SIA8001:new Aws.Sns.Topic(name)|});
            """));
    }

    [Fact]
    public async Task NestedApply_ReportedOnce()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var arns = id.Apply(a => arn.Apply(b =>
                    {
                        var queue = {|SIA8001:new Aws.Sqs.Queue(a + b)|};
                        return queue.Arn;
                    }));
            """));
    }

    [Fact]
    public async Task OtherLambdaInsideApply_StillInside()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var topics = id.Apply(name => System.Linq.Enumerable.Select(new[] { 1, 2 }, i => {|SIA8001:new Aws.Sns.Topic(name + i)|}).ToString());
            """));
    }

    [Fact]
    public async Task HelperCalledFromApply_InAnotherFile_ReportedAtTheCreationInTheHelper()
    {
        var helpers = /* lang=c#-test */ """
            using Aws = Pulumi.Aws;

            static class Buckets
            {
                public static string Create(string name)
                {
                    var bucket = {|#0:new Aws.S3.Bucket(name)|};
                    return name;
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = Program("""
                    var names = id.Apply(name => Buckets.Create(name));
            """),
        };
        test.TestState.Sources.Add(("/0/Buckets.cs", helpers));
        test.ExpectedDiagnostics.Add(InHelper(0, "Bucket", "Create"));
        await test.RunAsync();
    }

    [Fact]
    public async Task HelperCalledThroughAnotherHelper_AndAlsoOutsideApply_Reported()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Program
            {
                static void Main(Output<string> id)
                {
                    Outer("direct");
                    var names = id.Apply(name => Outer(name));
                }

                static string Outer(string name) => Inner(name);

                static string Inner(string name)
                {
                    _ = {|#0:new Aws.Sns.Topic(name)|};
                    return name;
                }

                static void NeverFromApply() => _ = new Aws.Sns.Topic("other");
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, InHelper(0, "Topic", "Inner"));
    }

    [Fact]
    public async Task LocalFunctionCalledFromApply_Reported()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var names = id.Apply(name => Make(name));

                    string Make(string name)
                    {
                        _ = {|#0:new Aws.Sqs.Queue(name)|};
                        return name;
                    }
            """),
            InHelper(0, "Queue", "Make"));
    }

    [Fact]
    public async Task MethodGroupAsTheFunction_Reported()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Program
            {
                static void Main(Output<string> id) => id.Apply(Create);

                static Aws.S3.Bucket Create(string name) => {|#0:new Aws.S3.Bucket(name)|};
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, InHelper(0, "Bucket", "Create"));
    }

    [Fact]
    public async Task ComponentCreatedInsideApply_ReportedAtTheComponentOnly()
    {
        var source = /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Site : ComponentResource
            {
                public Site(string name) : base("sophia:site", name)
                {
                    _ = new Aws.S3.Bucket(name + "-bucket", null, new CustomResourceOptions { Parent = this });
                }
            }

            class Program
            {
                static void Main(Output<string> id) => id.Apply(name => {|SIA8001:new Site(name)|});
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CreationOutsideApply_UsingTheOutputAsInput_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var topic = new Aws.Sns.Topic("sophia-dev-topic-alerts");
                    var policy = new Aws.Sns.TopicPolicy("sophia-dev-topic-policy-alerts", new Aws.Sns.TopicPolicyArgs
                    {
                        Arn = topic.Arn,
                        Policy = topic.Arn.Apply(a => $"{{\"Resource\":\"{a}\"}}"),
                    });
                    Deployment.RunAsync(() => { _ = new Aws.S3.Bucket("inside-run"); });
            """));
    }

    [Fact]
    public async Task LookAlikeApply_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using Aws = Pulumi.Aws;

            class Box<T>
            {
                public Box<TResult> Apply<TResult>(Func<T, TResult> func) => throw null!;
            }

            class Program
            {
                static void Main(Box<string> box) => box.Apply(name => new Aws.S3.Bucket(name));
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System;

                class Output<T>
                {
                    public Output<TResult> Apply<TResult>(Func<T, TResult> func) => throw null!;
                }

                class Bucket { public Bucket(string name) { } }

                class Program
                {
                    static void Main(Output<string> id) => id.Apply(name => new Bucket(name));
                }
                """,
        }.WithoutPulumi().RunAsync();
    }
}
