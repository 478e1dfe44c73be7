using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Rules.Naming;
using Sophia.Infra.CodeFixes.Rules.Naming;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Sophia.Infra.Analyzers.Rules.Naming.NamingAnalyzer,
    Sophia.Infra.CodeFixes.Rules.Naming.NamingCodeFix>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Naming;

/// <summary>Shared set-up of the naming tests: a Pulumi.yaml named <c>sophia</c> unless said otherwise, and diagnostic helpers.</summary>
internal static class NamingTest
{
    /// <summary>
    /// A class whose <c>Create</c> method holds <paramref name="body"/> (its first line is line 10), with <c>stack</c>
    /// (<c>Deployment.Instance.StackName</c>), <c>config</c>, <c>purpose</c> and <c>other</c> in scope; <paramref name="members"/> follow the method.
    /// </summary>
    public static string InMethod(string body, string members = "") => /* lang=c#-test */ $$"""
        using System.Linq;
        using Pulumi;
        using Aws = Pulumi.Aws;

        class Infra
        {
            void Create(Config config, string purpose, string other)
            {
                var stack = Deployment.Instance.StackName;
        {{body}}
            }
        {{members}}
        }
        """;

    /// <summary>A test of <paramref name="source"/> with <c>/Pulumi.yaml</c> (project <c>sophia</c>) unless <paramref name="project"/> is null.</summary>
    public static Verify.Test Create(string source, string? project = "sophia", string? fixedSource = null)
    {
        var test = new Verify.Test { TestCode = source };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        if (project is not null)
        {
            test.WithAdditionalFile("/Pulumi.yaml", "name: " + project + "\nruntime: dotnet\n");
        }

        return test;
    }

    public static DiagnosticResult Pattern(int location, string name, string faults, string expected) =>
        Verify.Diagnostic(Descriptors.NamingPattern).WithLocation(location).WithArguments(name, faults, expected);

    public static DiagnosticResult Environment(int location, string name, string environments, string expected) =>
        Verify.Diagnostic(Descriptors.HardCodedEnvironment).WithLocation(location).WithArguments(name, environments, expected);

    /// <summary>SIA1003 at <paramref name="location"/>; <paramref name="first"/> is the earlier creation with the same name, when there is one.</summary>
    public static DiagnosticResult Duplicate(int location, string name, string reason, int? first = null)
    {
        var result = Verify.Diagnostic(Descriptors.DuplicateName).WithLocation(location);
        if (first is not null)
        {
            result = result.WithLocation(first.Value);
        }

        return result.WithArguments(name, reason);
    }

    public static DiagnosticResult TooLong(int location, string subject, string length, string suffix, int limit, string what) =>
        Verify.Diagnostic(Descriptors.NameTooLong).WithLocation(location).WithArguments(subject, length, suffix, limit.ToString(System.Globalization.CultureInfo.InvariantCulture), what);
}
