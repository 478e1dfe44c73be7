using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace Sophia.Infra.Ref.Tests;

/// <summary>
/// Compiles Pulumi programs written the way the Pulumi docs write C# against the reference assemblies:
/// what compiles against the real SDK must compile here, and what the real SDK rejects must be rejected.
/// </summary>
public sealed class RealWorldProgramTests
{
    readonly ITestOutputHelper _output;

    public RealWorldProgramTests(ITestOutputHelper output) => _output = output;

    const string Program = """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Pulumi;
        using Pulumi.Serialization;
        using Aws = Pulumi.Aws;

        return await Deployment.RunAsync(() =>
        {
            var config = new Config();
            var environment = config.Require("environment");
            var dbPassword = config.RequireSecret("dbPassword");
            var instanceCount = config.GetInt32("instanceCount") ?? 1;
            var stack = Deployment.Instance.StackName;

            var bucket = new Aws.S3.Bucket("data", new()
            {
                BucketPrefix = "data-",
                Acl = "private",
                ForceDestroy = stack != "prod",
                Tags = { { "Environment", environment }, { "Stack", stack } },
            }, new CustomResourceOptions { Protect = stack == "prod", IgnoreChanges = { "tags" } });

            var logs = new Aws.S3.Bucket("logs", new()
            {
                Acl = Aws.S3.CannedAcl.LogDeliveryWrite,
                Tags = { ["Purpose"] = "logs" },
            }, new CustomResourceOptions { DependsOn = { bucket }, RetainOnDelete = true });

            var sse = new Aws.S3.BucketServerSideEncryptionConfiguration("data-sse", new()
            {
                Bucket = bucket.Id,
                Rules = new[]
                {
                    new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                    {
                        ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                        {
                            SseAlgorithm = "aws:kms",
                        },
                        BucketKeyEnabled = true,
                    },
                },
            });

            var role = new Aws.Iam.Role("lambda-role", new()
            {
                AssumeRolePolicy = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new[]
                    {
                        new Dictionary<string, object?>
                        {
                            ["Action"] = "sts:AssumeRole",
                            ["Effect"] = "Allow",
                            ["Principal"] = new Dictionary<string, object?> { ["Service"] = "lambda.amazonaws.com" },
                        },
                    },
                }),
            });

            var readDocument = Aws.Iam.GetPolicyDocument.Invoke(new()
            {
                Statements = new[]
                {
                    new Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs
                    {
                        Actions = new[] { "s3:GetObject" },
                        Resources = new[] { bucket.Arn.Apply(a => $"{a}/*") },
                    },
                },
            });

            var readPolicy = new Aws.Iam.Policy("read", new()
            {
                Description = "read the data bucket",
                PolicyDocument = readDocument.Apply(d => d.Json),
            });

            var typedPolicy = new Aws.Iam.Policy("typed", new()
            {
                PolicyDocument = new Aws.Iam.Inputs.PolicyDocumentArgs
                {
                    Version = Aws.Iam.PolicyDocumentVersion.PolicyDocumentVersion_2012_10_17,
                    Statement = new[]
                    {
                        new Aws.Iam.Inputs.PolicyStatementArgs
                        {
                            Sid = "ReadObjects",
                            Effect = Aws.Iam.PolicyStatementEffect.ALLOW,
                            Action = ImmutableArray.Create("s3:GetObject", "s3:ListBucket"),
                            Resource = bucket.Arn,
                        },
                        new Aws.Iam.Inputs.PolicyStatementArgs
                        {
                            Effect = Aws.Iam.PolicyStatementEffect.DENY,
                            Action = "s3:DeleteObject",
                            Resource = "*",
                        },
                    },
                },
            });

            new Aws.Iam.RolePolicyAttachment("read-attach", new()
            {
                Role = role.Name,
                PolicyArn = readPolicy.Arn,
            });

            var webSg = new Aws.Ec2.SecurityGroup("web", new()
            {
                Description = "web traffic",
                Ingress =
                {
                    new Aws.Ec2.Inputs.SecurityGroupIngressArgs
                    {
                        Protocol = "tcp",
                        FromPort = 443,
                        ToPort = 443,
                        CidrBlocks = { "0.0.0.0/0" },
                    },
                },
                Egress = new[]
                {
                    new Aws.Ec2.Inputs.SecurityGroupEgressArgs
                    {
                        Protocol = "-1",
                        FromPort = 0,
                        ToPort = 0,
                        CidrBlocks = new[] { "0.0.0.0/0" },
                    },
                },
            });

            var server = new Aws.Ec2.Instance("web", new()
            {
                Ami = "ami-0123456789abcdef0",
                InstanceType = "t3.micro",
                VpcSecurityGroupIds = { webSg.Id },
                RootBlockDevice = new Aws.Ec2.Inputs.InstanceRootBlockDeviceArgs { Encrypted = true, VolumeSize = 20 },
                Tags = { { "Name", $"web-{environment}" } },
            }, new CustomResourceOptions { DependsOn = { bucket, webSg } });

            var worker = new Aws.Ec2.Instance("worker", new()
            {
                InstanceType = Aws.Ec2.InstanceType.T3_Micro,
                Tenancy = Aws.Ec2.Tenancy.Default,
            });

            var db = new Aws.Rds.Instance("db", new()
            {
                InstanceClass = Aws.Rds.InstanceType.T3_Micro,
                Engine = "postgres",
                AllocatedStorage = 20,
                Username = "app",
                Password = dbPassword,
                StorageEncrypted = true,
                PubliclyAccessible = false,
                SkipFinalSnapshot = stack != "prod",
                VpcSecurityGroupIds = { webSg.Id },
            });

            var fn = new Aws.Lambda.Function("api", new()
            {
                Role = role.Arn,
                Runtime = Aws.Lambda.Runtime.Dotnet8,
                Handler = "Api::Api.Function::Handler",
                Code = new FileArchive("./app"),
                Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs
                {
                    Variables = { ["BUCKET"] = bucket.Id },
                },
            });

            var site = new StaticSite("site", new StaticSiteArgs { IndexDocument = "index.html" });

            Log.Info($"deploying {stack} with {instanceCount} instance(s)");

            return new Dictionary<string, object?>
            {
                ["bucketName"] = bucket.BucketName,
                ["bucketUrl"] = Output.Format($"https://{bucket.BucketDomainName}/index.html"),
                ["bucketIdUpper"] = bucket.Id.Apply(id => id.ToUpperInvariant()),
                ["serverIp"] = server.PublicIp,
                ["dbEndpoint"] = db.Endpoint,
                ["functionArn"] = fn.Arn,
                ["siteUrl"] = site.Url,
                ["all"] = Output.All(bucket.Arn, logs.Arn),
                ["pair"] = Output.Tuple(bucket.Arn, worker.Arn).Apply(t => $"{t.Item1} {t.Item2}"),
                ["sse"] = sse.Id,
                ["typed"] = typedPolicy.Arn,
            };
        });

        public sealed class StaticSiteArgs : ResourceArgs
        {
            [Input("indexDocument", required: true)]
            public Input<string> IndexDocument { get; set; } = null!;
        }

        public sealed class StaticSite : ComponentResource
        {
            [Output("url")]
            public Output<string> Url { get; private set; }

            public StaticSite(string name, StaticSiteArgs args, ComponentResourceOptions? options = null)
                : base("sophia:web:StaticSite", name, args, options)
            {
                var bucket = new Aws.S3.Bucket($"{name}-content", new(), new CustomResourceOptions { Parent = this });
                Url = bucket.BucketDomainName.Apply(d => $"http://{d}");
                RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url });
            }
        }

        public sealed class WebStack : Stack
        {
            public WebStack()
            {
                var bucket = new Aws.S3.Bucket("stack-bucket");
                BucketName = bucket.BucketName;
                BucketArn = bucket.Arn;
            }

            [Output] public Output<string> BucketName { get; set; }

            [Output("arn")] public Output<string> BucketArn { get; set; }

            public static Task<int> Run() => Deployment.RunAsync<WebStack>();
        }
        """;

    [Fact]
    public void RealWorldProgramCompiles()
    {
        var diagnostics = Compile(Program);
        foreach (var d in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)) _output.WriteLine(d.ToString());
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        // The only warnings allowed are the ones the real SDK gives too: its deprecated members (CS0618).
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Id != "CS0618");
    }

    /// <summary>Code that the real SDK rejects: the mirror must not be looser than the real API.</summary>
    [Theory]
    [InlineData("new Aws.Iam.Inputs.PolicyStatementArgs { Effect = \"Allow\" }", "CS0029")]                   // Effect is Input<PolicyStatementEffect>
    [InlineData("new Aws.Iam.Inputs.PolicyStatementArgs { Action = new[] { \"s3:GetObject\" } }", "CS0029")]  // InputUnion<string, ImmutableArray<string>> takes no string[]
    [InlineData("new Aws.Iam.Inputs.PolicyDocumentArgs { Version = \"2012-10-17\" }", "CS0029")]             // Version is an enum struct
    [InlineData("new Aws.S3.BucketArgs { Bucket = \"name\" }", "CS0117")]                                    // the property is BucketName
    [InlineData("new Aws.Iam.PolicyArgs { Policy = \"{}\" }", "CS0117")]                                     // the property is PolicyDocument
    [InlineData("new Aws.Iam.Role(\"r\")", "CS7036")]                                                       // RoleArgs is required
    [InlineData("new Aws.S3.BucketArgs { Acl = 42 }", "CS0029")]                                             // no int conversion
    public void CodeTheRealSdkRejectsDoesNotCompile(string expression, string expectedError)
    {
        var source = "using Pulumi;\nusing Aws = Pulumi.Aws;\n\nvar x = " + expression + ";\nSystem.Console.WriteLine(x);\n";
        var errors = Compile(source).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var e in errors) _output.WriteLine(e.ToString());
        Assert.Contains(errors, e => e.Id == expectedError);
    }

    internal static IReadOnlyList<Diagnostic> Compile(string source) => Compile(source, TestPaths.PulumiDll, TestPaths.PulumiAwsDll);

    /// <summary>Compiles <paramref name="source"/> against the given Pulumi / Pulumi.Aws assemblies and the platform.</summary>
    internal static IReadOnlyList<Diagnostic> Compile(string source, string pulumiDll, string pulumiAwsDll, OutputKind kind = OutputKind.ConsoleApplication)
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = tpa
            .Where(p => !Path.GetFileName(p).StartsWith("Pulumi", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(pulumiDll))
            .Append(MetadataReference.CreateFromFile(pulumiAwsDll));
        var options = new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable)
            // As MSBuild does: assembly-version unification notes (the ref assemblies target net8.0) are not warnings.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        var compilation = CSharpCompilation.Create(
            "RealWorldProgram",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            options);
        return compilation.GetDiagnostics();
    }
}
