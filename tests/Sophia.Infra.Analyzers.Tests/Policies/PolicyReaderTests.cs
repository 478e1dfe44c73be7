using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Policies;
using Sophia.Infra.Analyzers.Tests.Machinery;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Policies;

/// <summary>The one policy model, read from the C# that writes it: what is known, what is not, and where each value is.</summary>
public sealed class PolicyReaderTests
{
    private static async Task<PolicyDocument?[]> ReadProbesAsync(string source)
    {
        var compilation = await TestCompilation.CreateAsync(true, source, TestCompilation.ProbeClass);
        var reader = new PolicyReader(TestCompilation.Services(compilation));
        return TestCompilation.Probes(compilation).Select(p => reader.ReadDocument(p, PolicyKind.Identity, CancellationToken.None)).ToArray();
    }

    private static string Written(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);

    [Fact]
    public async Task JsonText_StatementsWithKnownAndUnknownValues()
    {
        var documents = await ReadProbesAsync(/* lang=c#-test */ """"
            using static ProbeHost;
            class C
            {
                void M(string arn)
                {
                    Probe($$"""
                        {
                          "Version": "2012-10-17",
                          "Statement": [
                            { "Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "{{arn}}/*",
                              "Condition": { "Bool": { "aws:SecureTransport": "true" } } },
                            { "Effect": "Deny", "NotAction": "iam:*", "NotResource": ["{{arn}}"], "Principal": { "AWS": ["*"] } }
                          ]
                        }
                        """);
                }
            }
            """");

        var statements = documents[0]!.Statements;
        Assert.Equal(2, statements.Length);

        var read = statements[0];
        Assert.Equal("Statement \"Read\"", read.DisplayName);
        Assert.Equal(PolicyEffect.Allow, read.Effect);
        Assert.Equal(new[] { "s3:GetObject", "s3:ListBucket" }, read.Action.Values.Select(v => v.Text));
        Assert.True(read.Action.IsComplete);
        Assert.Equal("\"s3:ListBucket\"", Written(read.Action.Values[1].Location!));
        Assert.False(read.Resource.Values[0].IsKnown);
        Assert.Equal("{arn}/*", read.Resource.Values[0].Display);
        Assert.Equal(PolicyPresence.Present, read.Condition);
        Assert.Equal(PolicyPresence.Absent, read.PrincipalPresence);
        Assert.Equal(PolicyPresence.Absent, read.NotAction.Presence);

        var deny = statements[1];
        Assert.Equal("Statement[1]", deny.DisplayName);
        Assert.Equal(PolicyEffect.Deny, deny.Effect);
        Assert.Equal(PolicyPresence.Present, deny.NotAction.Presence);
        Assert.Equal("\"NotAction\"", Written(deny.NotAction.MemberLocation!));
        Assert.Equal(PolicyPresence.Absent, deny.Action.Presence);
        Assert.Equal(PolicyPresence.Present, deny.PrincipalPresence);
        Assert.Equal("AWS", deny.Principals.Single().Type);
        Assert.Equal(PolicyPresence.Absent, deny.Condition);
    }

    [Fact]
    public async Task ObjectModels_TypedArgsDictionariesAndAnonymousObjects()
    {
        var documents = await ReadProbesAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Text.Json;
            using Aws = Pulumi.Aws;
            using static ProbeHost;
            class C
            {
                void M()
                {
                    Probe(new Aws.Iam.Inputs.PolicyDocumentArgs
                    {
                        Statement =
                        {
                            new Aws.Iam.Inputs.PolicyStatementArgs
                            {
                                Effect = Aws.Iam.PolicyStatementEffect.DENY,
                                Action = ImmutableArray.Create("s3:DeleteObject", "s3:DeleteBucket"),
                                Resource = "*",
                            },
                        },
                    });
                    Probe(JsonSerializer.Serialize(new { Statement = new[] { new { Effect = "Allow", Action = "sqs:SendMessage", Resource = new List<string> { "a", "b" } } } }));
                    Probe(JsonSerializer.Serialize(new Dictionary<string, object?> { ["Statement"] = new object[] { new Dictionary<string, object?> { ["Effect"] = "Allow", ["Condition"] = new Dictionary<string, object?>() } } }));
                }
            }
            """);

        var typed = documents[0]!.Statements.Single();
        Assert.Equal(PolicyEffect.Deny, typed.Effect);
        Assert.Equal(new[] { "s3:DeleteObject", "s3:DeleteBucket" }, typed.Action.Values.Select(v => v.Text));
        Assert.Equal("\"s3:DeleteBucket\"", Written(typed.Action.Values[1].Location!));
        Assert.Equal("\"*\"", Written(typed.Resource.Values[0].Location!)); // the literal where it is written

        var anonymous = documents[1]!.Statements.Single();
        Assert.Equal(PolicyEffect.Allow, anonymous.Effect);
        Assert.Equal(new[] { "a", "b" }, anonymous.Resource.Values.Select(v => v.Text));
        Assert.Equal("\"sqs:SendMessage\"", Written(anonymous.Action.Values[0].Location!));

        var dictionary = documents[2]!.Statements.Single();
        Assert.Equal(PolicyPresence.Absent, dictionary.Condition); // an empty condition narrows nothing
        Assert.Equal(PolicyPresence.Absent, dictionary.Action.Presence);
    }

    [Fact]
    public async Task ValuesChangedAfterTheirCreation_AreNotTakenAsComplete()
    {
        var documents = await ReadProbesAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Text.Json;
            using static ProbeHost;
            class C
            {
                void M(bool narrow)
                {
                    var statement = new Dictionary<string, object?> { ["Effect"] = "Allow", ["Principal"] = "*", ["Action"] = "s3:GetObject" };
                    if (narrow)
                    {
                        statement["Condition"] = new Dictionary<string, object?> { ["StringEquals"] = new Dictionary<string, object?> { ["aws:PrincipalOrgID"] = "o-1" } };
                    }

                    var actions = new List<string> { "s3:GetObject" };
                    actions.Add("s3:PutObject");
                    Probe(JsonSerializer.Serialize(new { Statement = new[] { statement } }));
                    Probe(JsonSerializer.Serialize(new { Statement = new[] { new { Effect = "Allow", Action = actions, Resource = "*" } } }));
                }
            }
            """);

        Assert.Equal(PolicyPresence.Unknown, documents[0]!.Statements.Single().Condition);
        Assert.False(documents[1]!.Statements.Single().Action.IsComplete);
    }

    [Fact]
    public async Task NotADocument_GivesNothing()
    {
        var documents = await ReadProbesAsync(/* lang=c#-test */ """
            using System.Text.Json;
            using static ProbeHost;
            class C
            {
                void M(string fromConfig)
                {
                    Probe(fromConfig);
                    Probe("{\"Version\": \"2012-10-17\"}");
                    Probe(JsonSerializer.Serialize(new[] { 1, 2 }));
                    Probe(42);
                }
            }
            """);

        Assert.All(documents, Assert.Null);
    }
}
