using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Plan.PlanAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Plan;

/// <summary>SIA8002: required inputs ([Input(..., required: true)]) left unset, and required args left out or null.</summary>
public sealed class MissingRequiredInputTests
{
    private static string Program(string body) => /* lang=c#-test */ """
        using Pulumi;
        using Aws = Pulumi.Aws;

        class Program
        {
            static void Main(Output<string> zoneId, Output<string> bucketId)
            {
        """ + body + """

            }
        }
        """;

    private static DiagnosticResult Unset(int location, string type, string inputs, string example, bool one) =>
        Verify.Diagnostic(Descriptors.MissingRequiredInput).WithLocation(location).WithArguments(
            $"{type} does not set the required {(one ? "input" : "inputs")} {inputs}: set {example}; pulumi preview fails otherwise");

    [Fact]
    public async Task ArgsWithoutARequiredInput_ReportedAtTheArgsCreation()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var role = new Aws.Iam.Role("sophia-dev-role-app", {|#0:new Aws.Iam.RoleArgs { Description = "app" }|});
            """),
            Unset(0, "RoleArgs", "AssumeRolePolicy", "AssumeRolePolicy = ...", one: true));
    }

    [Fact]
    public async Task SeveralInputsMissing_AllNamed()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var record = new Aws.Route53.Record("sophia-dev-dns-www", {|#0:new Aws.Route53.RecordArgs { Ttl = 300 }|});
            """),
            Unset(0, "RecordArgs", "Name, Type and ZoneId", "Name = ..., Type = ..., ZoneId = ...", one: false));
    }

    [Fact]
    public async Task EveryRequiredInputSet_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var record = new Aws.Route53.Record("sophia-dev-dns-www", new()
                    {
                        ZoneId = zoneId,
                        Name = "www",
                        Type = "A",
                        Records = { "203.0.113.10" },
                    });
                    var policy = new Aws.S3.BucketPolicy("sophia-dev-bucket-policy-data", new Aws.S3.BucketPolicyArgs { Bucket = bucketId, Policy = "{}" });
            """));
    }

    [Fact]
    public async Task ArgsInALocal_LaterAssignmentsCount()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var args = new Aws.Route53.RecordArgs { ZoneId = zoneId };
                    args.Name = "www";
                    args.Type = "A";
                    var record = new Aws.Route53.Record("sophia-dev-dns-www", args);

                    var partial = {|#0:new Aws.Route53.RecordArgs()|};
                    partial.ZoneId = zoneId;
                    var other = new Aws.Route53.Record("sophia-dev-dns-api", partial);
            """),
            Unset(0, "RecordArgs", "Name and Type", "Name = ..., Type = ...", one: false));
    }

    [Fact]
    public async Task ArgsInAField_AssignmentsInTheTypeCount()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Dns
            {
                private readonly Aws.Route53.RecordArgs _args = new() { Name = "www", Type = "A" };

                public Dns(Output<string> zone)
                {
                    _args.ZoneId = zone;
                    _ = new Aws.Route53.Record("sophia-dev-dns-www", _args);
                }
            }
            """);
    }

    [Theory]
    [InlineData("null!")]
    [InlineData("default!")]
    [InlineData("(Aws.Iam.RoleArgs)null!")]
    public async Task NullArgsWhereInputsAreRequired_ReportedAtTheResourceCreation(string args)
    {
        await Verify.VerifyAnalyzerAsync(
            Program($$"""
                    var role = {|#0:new Aws.Iam.Role("sophia-dev-role-app", {{args}})|};
            """),
            Verify.Diagnostic(Descriptors.MissingRequiredInput).WithLocation(0).WithArguments(
                "The Role is created with null args, but RoleArgs requires AssumeRolePolicy: pass new RoleArgs { AssumeRolePolicy = ... }; pulumi preview fails otherwise"));
    }

    [Fact]
    public async Task NullOrNoArgsWhereNothingIsRequired_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var a = new Aws.S3.Bucket("sophia-dev-bucket-a");
                    var b = new Aws.S3.Bucket("sophia-dev-bucket-b", null);
            """));
    }

    [Fact]
    public async Task NestedArgs_AreCheckedWhereTheyAreCreated()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var record = new Aws.Route53.Record("sophia-dev-dns-apex", new Aws.Route53.RecordArgs
                    {
                        ZoneId = zoneId,
                        Name = "",
                        Type = "A",
                        Aliases = { {|#0:new Aws.Route53.Inputs.RecordAliasArgs { Name = "lb.example.com" }|} },
                    });
                    var sse = new Aws.S3.BucketServerSideEncryptionConfiguration("sophia-dev-bucket-sse-data", new()
                    {
                        Bucket = bucketId,
                        Rules =
                        {
                            new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                            {
                                ApplyServerSideEncryptionByDefault = {|#1:new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs()|},
                            },
                        },
                    });
            """),
            Unset(0, "RecordAliasArgs", "EvaluateTargetHealth and ZoneId", "EvaluateTargetHealth = ..., ZoneId = ...", one: false),
            Unset(1, "BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs", "SseAlgorithm", "SseAlgorithm = ...", one: true));
    }

    [Fact]
    public async Task InvokeArgs_AreChecked()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var ami = Aws.Ec2.GetAmi.Invoke(new Aws.Ec2.GetAmiInvokeArgs
                    {
                        MostRecent = true,
                        Filters = { {|#0:new Aws.Ec2.Inputs.GetAmiFilterInputArgs { Values = { "al2023-ami-*" } }|} },
                    });
                    var ok = Aws.Ec2.GetAmi.Invoke(new Aws.Ec2.GetAmiInvokeArgs
                    {
                        Filters = { new Aws.Ec2.Inputs.GetAmiFilterInputArgs { Name = "name", Values = { "al2023-ami-*" } } },
                    });
            """),
            Unset(0, "GetAmiFilterInputArgs", "Name", "Name = ...", one: true));
    }

    private const string UserDefined = /* lang=c#-test */ """
        using Pulumi;

        public sealed class SiteArgs : ResourceArgs
        {
            [Input("domain", required: true)]
            public Input<string> Domain { get; set; } = null!;

            [Input("aliases", required: true)]
            private InputList<string>? _aliases;

            public InputList<string> Aliases
            {
                get => _aliases ??= new InputList<string>();
                set => _aliases = value;
            }

            [Input("comment")]
            public Input<string>? Comment { get; set; }
        }

        public sealed class Site : ComponentResource
        {
            public Site(string name, SiteArgs args, ComponentResourceOptions? options = null)
                : base("sophia:web:Site", name, options)
            {
            }
        }

        public sealed class GetZoneInvokeArgs : InvokeArgs
        {
            [Input("name", required: true)]
            public Input<string> Name { get; set; } = null!;
        }

        public static class GetZone
        {
            public static Output<string> Invoke(GetZoneInvokeArgs? args = null, InvokeOptions? options = null) => null!;
        }
        """;

    [Fact]
    public async Task UserDefinedArgsTypes_TheirRequiredInputsCount_BackingFieldsIncluded()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using Pulumi;

                class Program
                {
                    static void Main()
                    {
                        var site = new Site("sophia-dev-site-www", {|#0:new SiteArgs { Comment = "www" }|});
                        var ok = new Site("sophia-dev-site-api", new SiteArgs { Domain = "api.example.com", Aliases = { "a.example.com" } });
                        var zone = GetZone.Invoke({|#1:new GetZoneInvokeArgs()|});
                        var none = {|#2:GetZone.Invoke()|};
                        var nulls = {|#3:GetZone.Invoke(null)|};
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Site.cs", UserDefined));
        test.ExpectedDiagnostics.Add(Unset(0, "SiteArgs", "Domain and Aliases", "Domain = ..., Aliases = ...", one: false));
        test.ExpectedDiagnostics.Add(Unset(1, "GetZoneInvokeArgs", "Name", "Name = ...", one: true));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.MissingRequiredInput).WithLocation(2).WithArguments(
            "GetZone.Invoke is called with no args, but GetZoneInvokeArgs requires Name: pass new GetZoneInvokeArgs { Name = ... }; pulumi preview fails otherwise"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.MissingRequiredInput).WithLocation(3).WithArguments(
            "GetZone.Invoke is called with null args, but GetZoneInvokeArgs requires Name: pass new GetZoneInvokeArgs { Name = ... }; pulumi preview fails otherwise"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ArgsReturnedFromAHelper_AreUnknown_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Program
            {
                static Aws.Iam.RoleArgs BaseArgs() => new Aws.Iam.RoleArgs { Description = "filled by the caller" };

                static void Main()
                {
                    var args = BaseArgs();
                    args.AssumeRolePolicy = "{}";
                    _ = new Aws.Iam.Role("sophia-dev-role-app", args);
                }
            }
            """);
    }

    [Fact]
    public async Task LocalArgsPassedToAMethod_AreUnknown_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Program
            {
                static void Trust(Aws.Iam.RoleArgs args) => args.AssumeRolePolicy = "{}";

                static void Main()
                {
                    var args = new Aws.Iam.RoleArgs { Description = "completed by Trust" };
                    Trust(args);
                    _ = new Aws.Iam.Role("sophia-dev-role-app", args);
                }
            }
            """);
    }

    [Fact]
    public async Task DerivedArgsWhoseConstructorSetsInputs_AreUnknown_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using Pulumi;

            public sealed class ZoneArgs : ResourceArgs
            {
                [Input("name", required: true)]
                public Input<string> Name { get; set; } = null!;
            }

            public class DefaultZoneArgs : ResourceArgs
            {
                [Input("name", required: true)]
                public Input<string> Name { get; set; } = null!;

                public DefaultZoneArgs() => Name = "example.org";
            }

            public sealed class TaggedZoneArgs : DefaultZoneArgs
            {
            }

            class Program
            {
                static void Main()
                {
                    _ = new DefaultZoneArgs();
                    _ = new TaggedZoneArgs();
                    _ = {|SIA8002:new ZoneArgs()|};
                }
            }
            """);
    }

    [Fact]
    public async Task LookAlikeArgs_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;

            [AttributeUsage(AttributeTargets.Property)]
            class InputAttribute : Attribute
            {
                public InputAttribute(string name, bool required = false) { }
            }

            class RoleArgs
            {
                [Input("assumeRolePolicy", required: true)]
                public string? AssumeRolePolicy { get; set; }
            }

            class Program
            {
                static void Main() => _ = new RoleArgs();
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                class RoleArgs { public string? AssumeRolePolicy { get; set; } }

                class Program
                {
                    static void Main() => _ = new RoleArgs();
                }
                """,
        }.WithoutPulumi().RunAsync();
    }
}
