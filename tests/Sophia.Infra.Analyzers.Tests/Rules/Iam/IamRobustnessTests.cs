using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Rules.Iam;
using Sophia.Infra.Analyzers.Tests.Verifiers;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Rules.Iam;

/// <summary>The IAM analyzer never throws: on code as it is typed (every prefix of a program) and on mangled JSON.</summary>
public sealed class IamRobustnessTests
{
    private static ImmutableArray<MetadataReference> _references;

    /// <summary>The sample program of the IAM family, plus the forms the samples do not use.</summary>
    private static string Seed()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Sophia.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        var samples = File.ReadAllText(Path.Combine(directory!, "samples", "Sophia.Infra.Samples", "Iam.cs"));
        return samples + """"

            static class MoreForms
            {
                private const string Constant = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:\u002A\",\"Resource\":\"*\"}]}";

                static System.Collections.Generic.Dictionary<string, object?> Statement(string action) => new() { ["Effect"] = "Allow", ["Action"] = action, ["Resource"] = "*" };

                public static async System.Threading.Tasks.Task Create(string arn)
                {
                    new Pulumi.Aws.Iam.Policy("a", new Pulumi.Aws.Iam.PolicyArgs { PolicyDocument = Constant });
                    new Pulumi.Aws.Iam.Policy("b", new Pulumi.Aws.Iam.PolicyArgs { PolicyDocument = System.Text.Json.JsonSerializer.Serialize(new { Statement = new[] { Statement("s3:*") } }) });
                    new Pulumi.Aws.Iam.Policy("c", new Pulumi.Aws.Iam.PolicyArgs { PolicyDocument = $@"{{""Statement"":[{{""Effect"":""Allow"",""Action"":""{arn}"",""Resource"":""*""}}]}}" });
                    var document = await Pulumi.Aws.Iam.GetPolicyDocument.InvokeAsync(new() { Statements = { new() { Actions = { "*" }, Resources = { "*" }, Principals = { new() { Type = "*", Identifiers = { "*" } } } } } });
                    new Pulumi.Aws.S3.BucketPolicy("d", new Pulumi.Aws.S3.BucketPolicyArgs { Bucket = "b", Policy = document.Json });
                    new Pulumi.Aws.Lambda.Permission("e", new Pulumi.Aws.Lambda.PermissionArgs { Action = "lambda:InvokeFunction", Function = "f", Principal = "*" });
                    new Pulumi.Aws.Iam.Role("f", new Pulumi.Aws.Iam.RoleArgs { AssumeRolePolicy = "{}", ManagedPolicyArns = { (string)Pulumi.Aws.Iam.ManagedPolicy.IAMFullAccess }, InlinePolicies = { new Pulumi.Aws.Iam.Inputs.RoleInlinePolicyArgs { Policy = Constant } } });
                }
            }
            """";
    }

    private static async Task<int> AnalyzeAsync(string source, ConcurrentBag<Exception> exceptions)
    {
        if (_references.IsDefault)
        {
            _references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Pulumi);
        }

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Iam.cs");
        var compilation = CSharpCompilation.Create("Robust", new[] { tree }, _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new IamAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Length;
    }

    [Fact]
    public async Task EveryPrefixOfTheProgram_NeverThrows()
    {
        var seed = Seed();
        var exceptions = new ConcurrentBag<Exception>();
        Assert.True(await AnalyzeAsync(seed, exceptions) >= 12, "the complete program has its findings");
        for (var length = 0; length < seed.Length; length += 37)
        {
            await AnalyzeAsync(seed.Substring(0, length), exceptions);
        }

        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task MangledPolicies_NeverThrow()
    {
        var seed = Seed();
        var random = new Random(4001);
        var exceptions = new ConcurrentBag<Exception>();
        const string Alphabet = "{}[]\":,*\\ \nu002Ax$@";
        for (var i = 0; i < 60; i++)
        {
            var text = new StringBuilder(seed);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                // Edit inside the policy text: near a quote, a brace or a bracket.
                var anchor = seed.IndexOfAny(new[] { '"', '{', '[' }, random.Next(seed.Length));
                var at = anchor < 0 || anchor >= text.Length ? random.Next(text.Length) : anchor;
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, 1);
                        break;
                    case 1:
                        text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                }
            }

            await AnalyzeAsync(text.ToString(), exceptions);
        }

        Assert.Empty(exceptions);
    }
}
