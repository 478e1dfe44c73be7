using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Secrets.SecretsAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Secrets;

/// <summary>SIA6003: plain-text secrets in Pulumi.&lt;stack&gt;.yaml (and plain defaults in Pulumi.yaml), at the line of the key.</summary>
public sealed class StackFileSecretTests
{
    private const string Source = /* lang=c#-test */ """
        using Pulumi;

        static class Stack
        {
            static string Create(Config config) => config.Require("region");
        }
        """;

    private const string Project = "name: sophia\nruntime: dotnet\n";

    private static Verify.Test Test(params (string Path, string Text)[] files)
    {
        var test = new Verify.Test { TestCode = Source };
        foreach (var (path, text) in files)
        {
            test.WithAdditionalFile(path, text);
        }

        return test;
    }

    private static DiagnosticResult Finding(string path, int line, int length) =>
        Verify.Diagnostic(Descriptors.PlaintextSecretInStackFile).WithSpan(path, line, 1, line, length + 1);

    [Fact]
    public async Task PlainSecrets_InSeveralStackFiles_AreReportedAtTheirLines()
    {
        var test = Test(
            ("/Pulumi.yaml", Project),
            ("/Pulumi.dev.yaml", "config:\n  aws:region: us-west-2\n  sophia:dbPassword: example-dev-value\n  aws:secretKey: example-secret-key\n"),
            ("/Pulumi.prod.yaml", "config:\n  aws:region: us-west-2\n  sophia:dbPassword:\n    secure: AAABAJ==\n  sophia:apiToken: \"example-prod-token\"\n"),
            ("/Pulumi.staging.yaml", "config:\n  sophia:dbPassword:\n    secure: AAABAK==\n  sophia:instanceSize: t3.small\n"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 3, "  sophia:dbPassword: example-dev-value".Length).WithArguments(
            "Pulumi.dev.yaml stores the secret config key sophia:dbPassword in plain text: set it with `pulumi config set --secret sophia:dbPassword --stack dev`, which writes an encrypted secure: value, and rotate the exposed secret"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 4, "  aws:secretKey: example-secret-key".Length).WithMessage(null));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.prod.yaml", 5, "  sophia:apiToken: \"example-prod-token\"".Length).WithMessage(null));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TheValueIsNeverRepeated()
    {
        var test = Test(("/Pulumi.yaml", Project), ("/Pulumi.dev.yaml", "config:\n  sophia:dbPassword: do-not-echo-this-value\n"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 2, "  sophia:dbPassword: do-not-echo-this-value".Length).WithArguments(
            "Pulumi.dev.yaml stores the secret config key sophia:dbPassword in plain text: set it with `pulumi config set --secret sophia:dbPassword --stack dev`, which writes an encrypted secure: value, and rotate the exposed secret"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SecureEmptyAndOtherKeys_NoDiagnostic()
    {
        await Test(
            ("/Pulumi.yaml", Project),
            ("/Pulumi.dev.yaml", "config:\n  aws:region: us-west-2\n  sophia:dbPassword:\n    secure: AAABAJ==\n  sophia:apiToken: \"\"\n  sophia:githubToken:\n  sophia:secretArn: arn:aws:secretsmanager:us-west-2:123456789012:secret:db\n  sophia:privateKeyPath: /etc/keys/id_rsa\n  sophia:dbPasswordLength: 32\n  aws:skipCredentialsValidation: true\n  aws:tokenBucketRateLimiterCapacity: 100\n  aws:sharedCredentialsFiles:\n    - /home/ci/.aws/credentials\n"))
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NestedKeysOfStructuredValues_AreReported()
    {
        var test = Test(
            ("/Pulumi.yaml", Project),
            ("/Pulumi.dev.yaml", "config:\n  sophia:database:\n    host: db.internal\n    password: example-nested\n    user: app\n  sophia:dbCredentials:\n    user: app\n    password:\n      secure: AAABAJ==\n  sophia:tokens:\n    github: example-gh\n    slack: example-slack\n  sophia:apiKeys:\n    - example-one\n    - example-two\n  sophia:services:\n    - name: billing\n      apiToken: example-list-token\n"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 4, "    password: example-nested".Length).WithArguments(
            "Pulumi.dev.yaml stores the secret config key sophia:database.password in plain text: set it with `pulumi config set --path --secret 'sophia:database.password' --stack dev`, which writes an encrypted secure: value, and rotate the exposed secret"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 10, "  sophia:tokens:".Length).WithMessage(null));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 13, "  sophia:apiKeys:".Length).WithMessage(null));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 18, "      apiToken: example-list-token".Length).WithMessage(null));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PlainDefaultsOfSecretKeys_InPulumiYaml_AreReported()
    {
        var test = Test(
            ("/Pulumi.yaml", "name: sophia\nruntime: dotnet\nconfig:\n  sophia:replicas:\n    type: integer\n    default: 1\n  sophia:dbPassword:\n    type: string\n    default: example-default\n  sophia:apiToken: example-shorthand\n  sophia:signingKey:\n    secret: true\n    default: example-declared\n  sophia:githubToken:\n    type: string\n  sophia:emptyToken:\n    default: \"\"\n"),
            ("/Pulumi.dev.yaml", "config:\n  sophia:signingKey: example-declared-secret\n"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.yaml", 9, "    default: example-default".Length).WithArguments(
            "Pulumi.yaml gives the secret config key sophia:dbPassword a plain-text default, which every stack and the repository can read: remove the default and set the value per stack with `pulumi config set --secret sophia:dbPassword`"));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.yaml", 10, "  sophia:apiToken: example-shorthand".Length).WithMessage(null));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.yaml", 13, "    default: example-declared".Length).WithMessage(null));
        test.ExpectedDiagnostics.Add(Finding("/Pulumi.dev.yaml", 2, "  sophia:signingKey: example-declared-secret".Length).WithMessage(null));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StackFilesWithoutProjectFile_AreStillChecked()
    {
        var test = Test(
            ("/infra/Pulumi.dev.yaml", "config:\n  sophia:dbPassword: example\n"),
            ("/infra/Pulumi.prod.yml", "config:\n  sophia:dbPassword: example\n"));
        test.ExpectedDiagnostics.Add(Finding("/infra/Pulumi.dev.yaml", 2, "  sophia:dbPassword: example".Length).WithMessage(null));
        test.ExpectedDiagnostics.Add(Finding("/infra/Pulumi.prod.yml", 2, "  sophia:dbPassword: example".Length).WithMessage(null));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UnreadableStackFile_IsLeftToSia0001_AndDoesNotThrow()
    {
        await Test(
            ("/Pulumi.yaml", Project),
            ("/Pulumi.dev.yaml", "config:\n  sophia:dbPassword: \"unterminated\n"),
            ("/Pulumi.qa.yaml", "config: [1, 2\n"),
            ("/Pulumi.test.yaml", "- just\n- a list\n"))
            .RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        var test = new Verify.Test { TestCode = "static class Stack { }" }.WithoutPulumi()
            .WithAdditionalFile("/Pulumi.yaml", Project)
            .WithAdditionalFile("/Pulumi.dev.yaml", "config:\n  sophia:dbPassword: example\n");
        await test.RunAsync(CancellationToken.None);
    }
}
