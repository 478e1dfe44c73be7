using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Sophia.Infra.Analyzers.Tests.Verifiers;

/// <summary>Runs one analyzer over real Pulumi C# (compiled against ref/) and compares its diagnostics with the markup.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;

            // A cross-resource rule has a second, live descriptor with the same ID (Descriptors.LiveVariants): {|ID:...|} takes the first.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            TestState.AdditionalReferences.AddRange(TestReferences.Pulumi);
        }

        /// <summary>Removes the Pulumi references: the code then compiles against look-alike types only.</summary>
        public Test WithoutPulumi()
        {
            TestState.AdditionalReferences.Clear();
            return this;
        }

        /// <summary>Adds analyzer options as a global config (<c>key = value</c> lines).</summary>
        public Test WithOptions(string lines)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines + "\n"));
            return this;
        }

        /// <summary>Adds an additional file (Pulumi.yaml, Pulumi.dev.yaml, ROLLBACK.md, ...).</summary>
        public Test WithAdditionalFile(string path, string text)
        {
            TestState.AdditionalFiles.Add((path, text));
            return this;
        }
    }
}
