using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Policies;
using Sophia.Infra.Analyzers.Values;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Policies;

/// <summary>The JSON reader on its own: text pieces and holes in, a JSON-shaped tree (or nothing) out; never an exception.</summary>
public sealed class PolicyJsonReaderTests
{
    /// <summary>Builds a resolved string from pieces: <c>null</c> is a hole.</summary>
    private static ResolvedString Pieces(params string?[] pieces) =>
        new(pieces.Select(p => p is null
            ? new StringPart(StringPartKind.Unknown, "x", null, null, null, null, false)
            : new StringPart(StringPartKind.Text, p, null, null, null, null, false)).ToImmutableArray());

    private static PolicyNode? Read(params string?[] pieces) => PolicyJsonReader.Read(Pieces(pieces));

    [Fact]
    public void WellFormedJson_GivesTheTree()
    {
        var node = Read("""{ "a": "x", "b": [1, -2.5e3, true, false, null, "y"], "c": { "d": "\"\\\/\b\f\n\r\t\u002A" } }""")!;

        Assert.Equal(PolicyNodeKind.Object, node.Kind);
        Assert.Equal(new[] { "a", "b", "c" }, node.Members.Select(m => m.Key));
        Assert.Equal("x", node.Find("a")!.Value.Value!.Text);
        Assert.Equal(new[] { "1", "-2.5e3", "true", "false", "null", "y" }, node.Find("b")!.Value.Elements.Select(e => e.Value!.Text));
        Assert.Equal("\"\\/\b\f\n\r\t*", node.Find("c")!.Value.Find("d")!.Value.Value!.Text);
        Assert.False(node.IsOpen);
    }

    [Fact]
    public void HoleInsideAString_IsUnknownNotAWildcard()
    {
        var node = Read("{\"Resource\": \"", null, "/*\"}")!;

        var resource = node.Find("Resource")!.Value;
        Assert.Equal(PolicyNodeKind.String, resource.Kind);
        Assert.False(resource.Value!.IsKnown);
        Assert.Null(resource.Value.Text);
        Assert.Equal("{x}/*", resource.Value.Display);
    }

    [Fact]
    public void HoleAsAValue_IsAnUnknownValue()
    {
        var node = Read("""{"Action": """, null, """, "Resource": [""", null, """, "b"]}""")!;

        Assert.Equal(PolicyNodeKind.Unknown, node.Find("Action")!.Value.Kind);
        var resources = node.Find("Resource")!.Value;
        Assert.Equal(PolicyNodeKind.Unknown, resources.Elements[0].Kind);
        Assert.Equal("b", resources.Elements[1].Value!.Text);
        Assert.True(resources.IsOpen); // a hole may stand for several elements
    }

    [Fact]
    public void HoleWhereMembersStand_OpensTheObject()
    {
        var open = Read("""{"Action": "s3:GetObject", """, null, """ }""")!;
        Assert.True(open.IsOpen);
        Assert.True(open.MayHaveHiddenMembers);

        var leading = Read("{ ", null, """ "Action": "s3:GetObject" }""")!;
        Assert.True(leading.IsOpen);
        Assert.Equal("s3:GetObject", leading.Find("Action")!.Value.Value!.Text);

        var unknownKey = Read("{ ", null, """: "s3:GetObject" }""")!;
        Assert.Null(unknownKey.Members.Single().Key);
        Assert.True(unknownKey.MayHaveHiddenMembers);
    }

    [Fact]
    public void StringsSplitAcrossPieces_AreJoined()
    {
        var node = Read("""{"Act""", """ion": "s3:""", """GetObject"}""")!;
        Assert.Equal("s3:GetObject", node.Find("Action")!.Value.Value!.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("[1,]")]
    [InlineData("[,1]")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{,\"a\":1}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":}")]
    [InlineData("{\"a\":1 \"b\":2}")]
    [InlineData("{a:1}")]
    [InlineData("{\"a\":'x'}")]
    [InlineData("{\"a\":\"x}")]
    [InlineData("{\"a\":\"\\x\"}")]
    [InlineData("{\"a\":\"\\u12G4\"}")]
    [InlineData("{\"a\":\"\\u12\"}")]
    [InlineData("{\"a\":\"line\nbreak\"}")]
    [InlineData("{\"a\":tru}")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{\"a\":1}}")]
    [InlineData("[[[[")]
    [InlineData("not json")]
    [InlineData("\"\\")]
    public void MalformedJson_GivesNothing(string text)
    {
        Assert.Null(Read(text));
    }

    [Fact]
    public void DeepNesting_GivesNothingInsteadOfOverflowing()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        Assert.Null(Read(text));
        var objects = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            objects.Append("{\"a\":");
        }

        objects.Append('1').Append('}', 5_000);
        Assert.Null(Read(objects.ToString()));
    }

    [Fact]
    public void OnlyHoles_GiveNothing()
    {
        Assert.Null(Read(new string?[] { null }));
        Assert.Null(Read(null, null));
    }

    [Fact]
    public void EveryPrefixOfAPolicy_NeverThrows()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:*"],"Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""";
        for (var length = 0; length <= policy.Length; length++)
        {
            _ = Read(policy.Substring(0, length));
            _ = Read(policy.Substring(0, length), null, policy.Substring(length));
            _ = Read(null, policy.Substring(length));
        }

        Assert.NotNull(Read(policy));
    }

    [Fact]
    public void Locations_SpanTheJsonString()
    {
        var text = """{ "Action" : [ "s3:GetObject" , "s3:*" ] }""";
        var node = PolicyJsonReader.Read(Pieces(text), new OffsetLocator(text))!;

        var action = node.Find("Action")!;
        Assert.Equal("\"Action\"", Slice(text, action.KeyLocation!));
        Assert.Equal("\"s3:*\"", Slice(text, action.Value.Elements[1].Location!));
        Assert.Equal("[ \"s3:GetObject\" , \"s3:*\" ]", Slice(text, action.Value.Location!));
    }

    private static string Slice(string text, Location location) => text.Substring(location.SourceSpan.Start, location.SourceSpan.Length);

    /// <summary>A locator over a single text piece: offsets are positions in the text.</summary>
    private sealed class OffsetLocator : IPolicyTextLocator
    {
        private readonly SyntaxTree _tree;

        public OffsetLocator(string text) => _tree = CSharpSyntaxTree.ParseText(SourceText.From(text));

        public Location? Locate(int startPart, int startOffset, int lastPart, int lastOffset) =>
            Location.Create(_tree, TextSpan.FromBounds(startOffset, lastOffset + 1));
    }
}
