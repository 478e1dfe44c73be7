using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Sophia.Infra.Analyzers.Tests.Verifiers;

/// <summary>Runs one analyzer and its code fix (single fixes and Fix All) over real Pulumi C# compiled against ref/.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;

            // A cross-resource rule has a second, live descriptor with the same ID (Descriptors.LiveVariants): {|ID:...|} takes the first.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            TestState.AdditionalReferences.AddRange(TestReferences.Pulumi);
            FixedState.AdditionalReferences.AddRange(TestReferences.Pulumi);
        }

        /// <summary>Removes the Pulumi references (before and after the fix): the code then compiles against look-alike types only.</summary>
        public Test WithoutPulumi()
        {
            TestState.AdditionalReferences.Clear();
            FixedState.AdditionalReferences.Clear();
            return this;
        }

        /// <summary>Adds analyzer options as a global config (<c>key = value</c> lines), before and after the fix.</summary>
        public Test WithOptions(string lines)
        {
            var config = ("/.globalconfig", "is_global = true\n" + lines + "\n");
            TestState.AnalyzerConfigFiles.Add(config);
            return this;
        }

        /// <summary>Adds an additional file (Pulumi.yaml, ...).</summary>
        public Test WithAdditionalFile(string path, string text)
        {
            TestState.AdditionalFiles.Add((path, text));
            return this;
        }
    }
}
