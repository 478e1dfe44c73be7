namespace Sophia.Infra.Analyzers.Tests.Rules.Protection;

/// <summary>The program the SIA2001 tests write their statements into.</summary>
internal static class ProtectionSources
{
    /// <summary>
    /// A method whose body is <paramref name="body"/>, with <c>stack</c> holding the stack name, and <c>config</c>, <c>given</c>
    /// (options of unknown content) and <c>flag</c> (an unknown boolean) in scope.
    /// </summary>
    public static string Program(string body) => /* lang=c#-test */ $$"""
        using System;
        using Pulumi;
        using Aws = Pulumi.Aws;

        public static class Infra
        {
            public static void Create(Config config, CustomResourceOptions? given, bool flag)
            {
                var stack = Deployment.Instance.StackName;
        {{body}}
            }
        }
        """;
}
