using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Configuration.SuppressionAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Configuration;

/// <summary>SIA0002: suppressions of SIA rules without a reason.</summary>
public sealed class SuppressionTests
{
    private static string Program(string directive) => /* lang=c#-test */ """
        using Pulumi;

        class Program
        {
            static void Main()
            {
        """ + "\n" + directive + "\n" + """
                _ = new Pulumi.Aws.S3.Bucket("b");
            }
        }
        """;

    /// <summary>
    /// The testing library also re-runs each case under an added <c>#pragma warning disable</c> without a reason, which this
    /// rule reports by design; that check is skipped here.
    /// </summary>
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source, TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Pragma(int location, string written) =>
        Verify.Diagnostic(Descriptors.UnexplainedSuppression).WithLocation(location).WithArguments(
            $"'{written}' suppresses an SIA rule without a reason: say why on the same line ('{written} // why this exception is acceptable')");

    private static DiagnosticResult NoJustification(int location, string rule) =>
        Verify.Diagnostic(Descriptors.UnexplainedSuppression).WithLocation(location).WithArguments(
            $"The suppression of {rule} has no Justification: add Justification = \"why this exception is acceptable\" (at least 10 characters)");

    private static DiagnosticResult ShortJustification(int location, string rule, string justification) =>
        Verify.Diagnostic(Descriptors.UnexplainedSuppression).WithLocation(location).WithArguments(
            $"The suppression of {rule} has a Justification of {justification.Length} characters ('{justification}'): say why this exception is acceptable in at least 10 characters");

    // ------------------------------------------------------------------ #pragma

    [Fact]
    public async Task PragmaWithoutComment_ReportedAtThePragma()
    {
        await VerifyAsync(
            Program("""
            {|#0:#pragma warning disable SIA2001|}
            """),
            Pragma(0, "#pragma warning disable SIA2001"));
    }

    [Fact]
    public async Task PragmaNamingSeveralSiaIds_IsOneFinding()
    {
        await VerifyAsync(
            Program("""
            {|#0:#pragma warning disable SIA2001, SIA3001, CS0168|}
            """),
            Pragma(0, "#pragma warning disable SIA2001, SIA3001, CS0168"));
    }

    [Fact]
    public async Task PragmaWithoutIds_IsOneFinding()
    {
        await VerifyAsync(
            Program("""
            {|#0:#pragma warning disable|}
            """),
            Verify.Diagnostic(Descriptors.UnexplainedSuppression).WithLocation(0).WithArguments(
                "'#pragma warning disable' turns off every rule, the SIA rules included, without a reason: name the rule and say why on the same line ('#pragma warning disable SIAnnnn // why this exception is acceptable')"));
    }

    [Theory]
    [InlineData("#pragma warning disable SIA2001 //")]
    [InlineData("#pragma warning disable SIA2001 //   ")]
    [InlineData("#pragma warning disable SIA2001 /* */")]
    public async Task EmptyComment_IsNoReason(string line)
    {
        var written = line.Substring(0, "#pragma warning disable SIA2001".Length);
        await VerifyAsync(Program("{|#0:" + written + "|}" + line.Substring(written.Length)), Pragma(0, written));
    }

    [Theory]
    [InlineData("#pragma warning disable SIA2001 // the bucket is a throw-away cache")]
    [InlineData("#pragma warning disable SIA2001 /* a throw-away cache */")]
    [InlineData("#pragma warning disable // generated region, reviewed in PR 42")]
    [InlineData("#pragma warning disable CS0168")]
    [InlineData("#pragma warning restore SIA2001")]
    public async Task PragmaWithReason_OrForOtherRules_NoDiagnostic(string line)
    {
        await VerifyAsync(Program(line));
    }

    [Fact]
    public async Task CommentOnTheNextLine_DoesNotCount()
    {
        await VerifyAsync(
            Program("""
            {|#0:#pragma warning disable SIA2001|}
                    // the reason is here, but not on the pragma's line
            """),
            Pragma(0, "#pragma warning disable SIA2001"));
    }

    // ------------------------------------------------------------------ [SuppressMessage]

    [Fact]
    public async Task SuppressMessageWithoutJustification_ReportedAtTheAttribute()
    {
        await VerifyAsync(
            /* lang=c#-test */ """
            using System.Diagnostics.CodeAnalysis;

            class Program
            {
                [{|#0:SuppressMessage("Sophia.Protection", "SIA2001:Production resource is not protected")|}]
                static void Main() => _ = new Pulumi.Aws.S3.Bucket("b");
            }
            """,
            NoJustification(0, "SIA2001"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<Pending>")]
    [InlineData("   cache   ")]
    public async Task ShortJustification_Reported(string justification)
    {
        await VerifyAsync(
            $$"""
            using System.Diagnostics.CodeAnalysis;

            class Program
            {
                [{|#0:SuppressMessage("Sophia.Protection", "SIA2001", Justification = "{{justification}}")|}]
                static void Main() => _ = new Pulumi.Aws.S3.Bucket("b");
            }
            """,
            ShortJustification(0, "SIA2001", justification.Trim()));
    }

    [Fact]
    public async Task CheckIdForm_AssemblyLevel_AndFullName_Reported()
    {
        await VerifyAsync(
            /* lang=c#-test */ """
            using System.Diagnostics.CodeAnalysis;

            [assembly: {|#0:SuppressMessage(checkId: "SIA1001", category: "Sophia.Naming")|}]
            [module: {|#1:System.Diagnostics.CodeAnalysis.SuppressMessageAttribute("Sophia.Naming", "SIA1002:Environment")|}]

            class Program
            {
                [{|#2:UnconditionalSuppressMessage("Sophia.Encryption", checkId: "SIA3001", Justification = "short")|}]
                static void Main() => _ = new Pulumi.Aws.S3.Bucket("b");
            }
            """,
            NoJustification(0, "SIA1001"),
            NoJustification(1, "SIA1002"),
            ShortJustification(2, "SIA3001", "short"));
    }

    [Fact]
    public async Task JustifiedOrOtherRules_NoDiagnostic()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using System.Diagnostics.CodeAnalysis;

            [assembly: SuppressMessage("Sophia.Naming", "SIA1001", Justification = "legacy names kept until the 2027 migration")]

            class Program
            {
                private const string Reason = "a cache bucket that is rebuilt on every deploy";

                [SuppressMessage("Sophia.Protection", "SIA2001", Justification = Reason)]
                [SuppressMessage("Style", "IDE0051")]
                [SuppressMessage("Sophia.Protection", "SIA2001:Production resource is not protected", Justification = "reviewed: throw-away data")]
                static void Main() => _ = new Pulumi.Aws.S3.Bucket("b");
            }
            """);
    }

    [Fact]
    public async Task LookAlikeAttribute_NoDiagnostic()
    {
        await VerifyAsync(/* lang=c#-test */ """
            using System;

            class SuppressMessageAttribute : Attribute
            {
                public SuppressMessageAttribute(string category, string checkId) { }
            }

            class Program
            {
                [SuppressMessage("Sophia.Protection", "SIA2001")]
                static void Main() => _ = new Pulumi.Aws.S3.Bucket("b");
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System.Diagnostics.CodeAnalysis;

                class Program
                {
                #pragma warning disable SIA2001
                    [SuppressMessage("Sophia.Protection", "SIA2001")]
                    static void Main() { }
                }
                """,
        }.WithoutPulumi().RunAsync();
    }
}
