using System.Linq;
using System.Text;
using Sophia.Infra.Analyzers.PulumiFiles;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.PulumiFiles
{
    public class YamlReaderTests
    {
        private static YamlMapping ParseMapping(string text)
        {
            YamlDocument document = YamlReader.Parse(text);
            Assert.True(document.IsSuccess, document.Error?.ToString());
            return Assert.IsType<YamlMapping>(document.Root);
        }

        private static YamlError ParseError(string text)
        {
            YamlDocument document = YamlReader.Parse(text);
            Assert.False(document.IsSuccess, "expected a parse error");
            Assert.Null(document.Root);
            return document.Error!;
        }

        private static string Scalar(YamlNode? node) => Assert.IsType<YamlScalar>(node).Value;

        [Theory]
        [InlineData("")]
        [InlineData("\n\n")]
        [InlineData("# only a comment\n   \n# another\n")]
        [InlineData("---\n")]
        [InlineData("--- # start\n# nothing\n")]
        public void EmptyOrCommentOnlyFile_IsEmptyMapping(string text)
        {
            YamlMapping root = ParseMapping(text);
            Assert.Empty(root.Entries);
        }

        [Fact]
        public void NullText_IsEmptyMapping()
        {
            Assert.Empty(ParseMapping(null!).Entries);
        }

        [Fact]
        public void FlatMapping_KeepsOrderValuesAndLines()
        {
            YamlMapping root = ParseMapping("name: sophia\n\nruntime: dotnet\ndescription: A stack on AWS\n");
            Assert.Equal(new[] { "name", "runtime", "description" }, root.Entries.Select(e => e.Key));
            Assert.Equal(new[] { 1, 3, 4 }, root.Entries.Select(e => e.KeyLine));
            Assert.Equal("A stack on AWS", Scalar(root.Get("description")));
            Assert.Equal(4, root.Get("description")!.Line);
            Assert.False(((YamlScalar)root.Get("name")!).WasQuoted);
        }

        [Fact]
        public void NestedMapping_IsReadByIndentation()
        {
            YamlMapping root = ParseMapping("runtime:\n  name: dotnet\n  options:\n    binary: bin/app.dll\nmain: src/\n");
            YamlMapping runtime = Assert.IsType<YamlMapping>(root.Get("runtime"));
            Assert.Equal(2, runtime.Line);
            Assert.Equal("dotnet", Scalar(runtime.Get("name")));
            YamlMapping options = Assert.IsType<YamlMapping>(runtime.Get("options"));
            Assert.Equal("bin/app.dll", Scalar(options.Get("binary")));
            Assert.Equal("src/", Scalar(root.Get("main")));
            Assert.Equal(5, root.Find("main")!.KeyLine);
        }

        [Fact]
        public void KeysWithColons_AreSplitAtColonSpace()
        {
            YamlMapping root = ParseMapping("aws:region: us-west-2\nurl: http://example.com:8080/x\nsalt: v1:abc==:v1:Zx9/ab+c\nsophia:dbPassword:\n  secure: AAAB==\n");
            Assert.Equal("us-west-2", Scalar(root.Get("aws:region")));
            Assert.Equal("http://example.com:8080/x", Scalar(root.Get("url")));
            Assert.Equal("v1:abc==:v1:Zx9/ab+c", Scalar(root.Get("salt")));
            Assert.Equal("AAAB==", Scalar(Assert.IsType<YamlMapping>(root.Get("sophia:dbPassword")).Get("secure")));
        }

        [Fact]
        public void EmptyValue_IsNullScalar()
        {
            YamlMapping root = ParseMapping("a:\nb: ~\nc: ''\n");
            var a = Assert.IsType<YamlScalar>(root.Get("a"));
            Assert.Equal("", a.Value);
            Assert.True(a.IsNull);
            Assert.True(((YamlScalar)root.Get("b")!).IsNull);
            var c = (YamlScalar)root.Get("c")!;
            Assert.False(c.IsNull);
            Assert.True(c.WasQuoted);
        }

        [Fact]
        public void BlockSequence_OfScalars_HasItemsAndLines()
        {
            YamlMapping root = ParseMapping("subnets:\n  - 10.0.1.0/24\n  # comment between items\n  - \"10.0.2.0/24\"\n  -\n");
            YamlSequence items = Assert.IsType<YamlSequence>(root.Get("subnets"));
            Assert.Equal(3, items.Items.Length);
            Assert.Equal("10.0.1.0/24", Scalar(items.Items[0]));
            Assert.Equal(2, items.Items[0].Line);
            Assert.Equal("10.0.2.0/24", Scalar(items.Items[1]));
            Assert.Equal(4, items.Items[1].Line);
            Assert.True(((YamlScalar)items.Items[2]).IsNull);
        }

        [Fact]
        public void SequenceAtTheKeyIndentation_IsTheKeysValue()
        {
            YamlMapping root = ParseMapping("tags:\n- a\n- b\nnext: c\n");
            YamlSequence tags = Assert.IsType<YamlSequence>(root.Get("tags"));
            Assert.Equal(new[] { "a", "b" }, tags.Items.Select(Scalar));
            Assert.Equal("c", Scalar(root.Get("next")));
        }

        [Fact]
        public void SequenceOfMappings_CompactForm_GroupsEntriesPerItem()
        {
            string text = "rules:\n  - port: 443\n    cidr: 0.0.0.0/0\n    tags:\n      - web\n  - port: 22\n    cidr:\n      10.0.0.0/8\n";
            YamlSequence rules = Assert.IsType<YamlSequence>(ParseMapping(text).Get("rules"));
            Assert.Equal(2, rules.Items.Length);
            YamlMapping first = Assert.IsType<YamlMapping>(rules.Items[0]);
            Assert.Equal(2, first.Line);
            Assert.Equal("443", Scalar(first.Get("port")));
            Assert.Equal("0.0.0.0/0", Scalar(first.Get("cidr")));
            Assert.Equal("web", Scalar(Assert.IsType<YamlSequence>(first.Get("tags")).Items.Single()));
            YamlMapping second = Assert.IsType<YamlMapping>(rules.Items[1]);
            Assert.Equal(6, second.Find("port")!.KeyLine);
            Assert.Equal("10.0.0.0/8", Scalar(second.Get("cidr")));
        }

        [Fact]
        public void NestedSequences_CompactAndIndented_AreRead()
        {
            YamlDocument document = YamlReader.Parse("- - a\n  - b\n- c\n-\n  - d\n");
            YamlSequence root = Assert.IsType<YamlSequence>(document.Root);
            Assert.Equal(3, root.Items.Length);
            Assert.Equal(new[] { "a", "b" }, Assert.IsType<YamlSequence>(root.Items[0]).Items.Select(Scalar));
            Assert.Equal("c", Scalar(root.Items[1]));
            Assert.Equal("d", Scalar(Assert.IsType<YamlSequence>(root.Items[2]).Items.Single()));
        }

        [Fact]
        public void FlowSequence_ReadsPlainQuotedAndNestedItems()
        {
            YamlMapping root = ParseMapping("ports: [80, '443', \"8080\", [1, 2], {a: b}, ]   # trailing comment\nempty: []\n");
            YamlSequence ports = Assert.IsType<YamlSequence>(root.Get("ports"));
            Assert.Equal(5, ports.Items.Length);
            Assert.Equal("80", Scalar(ports.Items[0]));
            Assert.Equal("443", Scalar(ports.Items[1]));
            Assert.True(((YamlScalar)ports.Items[2]).WasQuoted);
            Assert.Equal(new[] { "1", "2" }, Assert.IsType<YamlSequence>(ports.Items[3]).Items.Select(Scalar));
            Assert.Equal("b", Scalar(Assert.IsType<YamlMapping>(ports.Items[4]).Get("a")));
            Assert.Empty(Assert.IsType<YamlSequence>(root.Get("empty")).Items);
        }

        [Fact]
        public void FlowMapping_ReadsEntries()
        {
            YamlMapping root = ParseMapping("pw: {secure: AAAB==}\nmix: {\"a b\": 1, c: [x, y], d: , e: http://h:1}\nnone: {}\n");
            Assert.Equal("AAAB==", Scalar(Assert.IsType<YamlMapping>(root.Get("pw")).Get("secure")));
            YamlMapping mix = Assert.IsType<YamlMapping>(root.Get("mix"));
            Assert.Equal(new[] { "a b", "c", "d", "e" }, mix.Entries.Select(e => e.Key));
            Assert.Equal(2, mix.Line);
            Assert.Equal("1", Scalar(mix.Get("a b")));
            Assert.Equal(2, Assert.IsType<YamlSequence>(mix.Get("c")).Items.Length);
            Assert.True(((YamlScalar)mix.Get("d")!).IsNull);
            Assert.Equal("http://h:1", Scalar(mix.Get("e")));
            Assert.Empty(Assert.IsType<YamlMapping>(root.Get("none")).Entries);
        }

        [Fact]
        public void SingleQuoted_DoubledQuoteIsOneQuote()
        {
            YamlMapping root = ParseMapping("a: 'it''s # not a comment'  # a comment\n'quoted key': v\n");
            var a = (YamlScalar)root.Get("a")!;
            Assert.Equal("it's # not a comment", a.Value);
            Assert.True(a.WasQuoted);
            Assert.Equal("v", Scalar(root.Get("quoted key")));
        }

        [Fact]
        public void DoubleQuoted_EscapesAreDecoded()
        {
            YamlMapping root = ParseMapping("a: \"tab\\tnl\\nq\\\"bs\\\\x\\x41u\\u00e9U\\U0001F600slash\\/\"\n\"k:ey\": 1\n");
            Assert.Equal("tab\tnl\nq\"bs\\xAu\u00e9U\U0001F600slash/", Scalar(root.Get("a")));
            Assert.Equal("1", Scalar(root.Get("k:ey")));
        }

        [Fact]
        public void Comments_AreRemovedOnlyOutsideQuotesAndAfterSpace()
        {
            YamlMapping root = ParseMapping("# header\na: x # trailing\nb: x#not-a-comment\nc: \"x # y\" # z\n  # indented comment\nd: 1\n");
            Assert.Equal("x", Scalar(root.Get("a")));
            Assert.Equal("x#not-a-comment", Scalar(root.Get("b")));
            Assert.Equal("x # y", Scalar(root.Get("c")));
            Assert.Equal("1", Scalar(root.Get("d")));
            Assert.Equal(6, root.Find("d")!.KeyLine);
        }

        [Fact]
        public void LiteralBlock_KeepsLineBreaks_WithClipStripKeep()
        {
            string text = "clip: |\n  line 1\n    indented\n\n  line 3\n\nstrip: |-\n  s\n\nkeep: |+\n  k\n\nafter: x\n";
            YamlMapping root = ParseMapping(text);
            var clip = (YamlScalar)root.Get("clip")!;
            Assert.Equal("line 1\n  indented\n\nline 3\n", clip.Value);
            Assert.Equal(1, clip.Line);
            Assert.Equal("s", Scalar(root.Get("strip")));
            Assert.Equal("k\n\n", Scalar(root.Get("keep")));
            Assert.Equal("x", Scalar(root.Get("after")));
            Assert.Equal(13, root.Find("after")!.KeyLine);
        }

        [Fact]
        public void FoldedBlock_JoinsLinesWithSpaces_AndKeepsParagraphs()
        {
            YamlMapping root = ParseMapping("description: >\n  Sophia stack\n  on AWS.\n\n  Second paragraph.\nnext: 1\n");
            Assert.Equal("Sophia stack on AWS.\nSecond paragraph.\n", Scalar(root.Get("description")));
            Assert.Equal("1", Scalar(root.Get("next")));
        }

        [Fact]
        public void BlockScalar_ExplicitIndentAndComment_AreHonoured()
        {
            YamlMapping root = ParseMapping("a: |2- # keep leading spaces\n    two extra\n  base\nb: >-\n  x\n");
            Assert.Equal("  two extra\nbase", Scalar(root.Get("a")));
            Assert.Equal("x", Scalar(root.Get("b")));
        }

        [Fact]
        public void BlockScalar_InSequence_IsRead()
        {
            YamlDocument document = YamlReader.Parse("- |\n  text\n- b\n");
            YamlSequence root = Assert.IsType<YamlSequence>(document.Root);
            Assert.Equal("text\n", Scalar(root.Items[0]));
            Assert.Equal("b", Scalar(root.Items[1]));
        }

        [Fact]
        public void EmptyBlockScalar_IsEmptyString()
        {
            YamlMapping root = ParseMapping("a: |\nb: 1\n");
            Assert.Equal("", Scalar(root.Get("a")));
            Assert.Equal("1", Scalar(root.Get("b")));
        }

        [Fact]
        public void Crlf_LineEndingsAndLineNumbers_AreLikeLf()
        {
            YamlMapping root = ParseMapping("a: 1\r\nb:\r\n  c: |\r\n    x\r\n    y\r\n");
            Assert.Equal("1", Scalar(root.Get("a")));
            var c = Assert.IsType<YamlMapping>(root.Get("b")).Find("c")!;
            Assert.Equal(3, c.KeyLine);
            Assert.Equal("x\ny\n", Scalar(c.Value));
        }

        [Fact]
        public void ByteOrderMarkAndDocumentStart_AreSkipped()
        {
            YamlMapping root = ParseMapping("\uFEFF---\nname: x\n");
            Assert.Equal("x", Scalar(root.Get("name")));
            Assert.Equal(2, root.Find("name")!.KeyLine);
        }

        [Fact]
        public void MultiLinePlainScalar_FoldsContinuationLines()
        {
            string text = "description: A long\n  description\n\n  second paragraph\nitems:\n  - one\n    more\n  - two # c\nlast: x\n";
            YamlMapping root = ParseMapping(text);
            Assert.Equal("A long description\nsecond paragraph", Scalar(root.Get("description")));
            Assert.Equal(new[] { "one more", "two" }, Assert.IsType<YamlSequence>(root.Get("items")).Items.Select(Scalar));
            Assert.Equal(9, root.Find("last")!.KeyLine);
        }

        [Fact]
        public void PlainScalarWithTrailingComment_DoesNotContinue()
        {
            YamlError error = ParseError("a: x # c\n  y\n");
            Assert.Equal(2, error.Line);
        }

        [Fact]
        public void MultiLineQuotedScalars_FoldLikeYaml()
        {
            string text = "a: \"one   \n   two\n\n   three \\\n   four\\t\n   \" # c\nb: 'x\n  ''y'''\nc: 1\n";
            YamlMapping root = ParseMapping(text);
            Assert.Equal("one two\nthree four\t ", Scalar(root.Get("a")));
            Assert.Equal("x 'y'", Scalar(root.Get("b")));
            Assert.Equal(7, root.Find("b")!.KeyLine);
            Assert.Equal(9, root.Find("c")!.KeyLine);
        }

        [Fact]
        public void MultiLineQuotedScalar_ContinuationNotIndented_IsUnterminated()
        {
            YamlError error = ParseError("config:\n  a: \"x\n  y\"\n");
            Assert.Equal(2, error.Line);
            Assert.Contains("unterminated double-quoted", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void MultiLineFlowCollections_AreRead()
        {
            string text =
                "config:\n" +
                "  sophia:azs:\n" +
                "    default: [\n" +
                "      us-west-2a,   # first\n" +
                "\n" +
                "      \"us-west-2b\",\n" +
                "    ]\n" +
                "  sophia:tags: {\n" +
                "    owner: platform,\n" +
                "    env: dev }\n" +
                "next: 1\n";
            YamlMapping config = Assert.IsType<YamlMapping>(ParseMapping(text).Get("config"));
            YamlSequence azs = Assert.IsType<YamlSequence>(Assert.IsType<YamlMapping>(config.Get("sophia:azs")).Get("default"));
            Assert.Equal(new[] { "us-west-2a", "us-west-2b" }, azs.Items.Select(Scalar));
            Assert.Equal(new[] { 4, 6 }, azs.Items.Select(i => i.Line));
            YamlMapping tags = Assert.IsType<YamlMapping>(config.Get("sophia:tags"));
            Assert.Equal(new[] { 9, 10 }, tags.Entries.Select(e => e.KeyLine));
            Assert.Equal("dev", Scalar(tags.Get("env")));
        }

        [Fact]
        public void MultiLineFlow_ContinuationNotIndented_IsUnterminatedAtItsStart()
        {
            YamlError error = ParseError("config:\n  a: [1,\n  b: 2\n");
            Assert.Equal(2, error.Line);
            Assert.Contains("unterminated flow sequence", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void ErrorInsideMultiLineFlow_ReportsItsOwnLine()
        {
            YamlError error = ParseError("a: {\n  x: 1,\n  x: 2 }\n");
            Assert.Equal(3, error.Line);
            Assert.Contains("duplicate key 'x'", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void RootScalar_IsAScalarDocument()
        {
            YamlDocument document = YamlReader.Parse("just text\n");
            Assert.Equal("just text", Scalar(document.Root));
        }

        [Theory]
        [InlineData("a: 1\n\tb: 2\n", 2, "tab")]
        [InlineData("a:\n  b: 1\n   c: 2\n", 3, "bad indentation")]
        [InlineData("a:\n    b: 1\n  c: 2\n", 3, "bad indentation")]
        [InlineData("a: 1\nb: \"open\n", 2, "unterminated double-quoted")]
        [InlineData("a: 1\nb: 'open\n", 2, "unterminated single-quoted")]
        [InlineData("a: 1\n\"k: 2\n", 2, "unterminated double-quoted")]
        [InlineData("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'")]
        [InlineData("config:\n  x: 1\n  x: 2\n", 3, "duplicate key 'x'")]
        [InlineData("a: {x: 1, x: 2}\n", 1, "duplicate key 'x'")]
        [InlineData("name: x\njust a line\n", 2, "no ':'")]
        [InlineData("a:\n  b: 1\n  no colon here\n", 3, "no ':'")]
        [InlineData("a:\n  value\n  more: 1\n", 2, "no ':'")]
        [InlineData("a: &anchor 1\n", 1, "anchors")]
        [InlineData("a: 1\nb: *anchor\n", 2, "aliases")]
        [InlineData("a: !!str 1\n", 1, "tags")]
        [InlineData("a: [1, 2\n", 1, "unterminated flow sequence")]
        [InlineData("a: {b: 1\n", 1, "unterminated flow mapping")]
        [InlineData("a: [1 2] x\n", 1, "unexpected text after the flow collection")]
        [InlineData("a: {b}\n", 1, "expected ':'")]
        [InlineData("a: [1,,2]\n", 1, "empty entry")]
        [InlineData("a: 1\n---\nb: 2\n", 2, "several YAML documents")]
        [InlineData("a: \"\\q\"\n", 1, "unknown escape")]
        [InlineData("a: \"\\U00110000\"\n", 1, "invalid Unicode")]
        [InlineData("a: \"\\u12\"\n", 1, "escape")]
        [InlineData("a: b: c\n", 1, "unexpected ':'")]
        [InlineData("? a\n: b\n", 1, "complex keys")]
        [InlineData("a: - b\n", 1, "block sequence cannot start")]
        [InlineData("a: \"x\" y\n", 1, "unexpected text after the quoted string")]
        [InlineData("a: |x\n  y\n", 1, "block scalar indicator")]
        [InlineData("a: 1\n- b\n", 2, "sequence item")]
        [InlineData("- a\nb: 1\n", 2, "sequence item")]
        [InlineData("--- a: 1\n", 1, "'---' line")]
        [InlineData("a: %x\n", 1, "cannot start with '%'")]
        [InlineData("[a]: 1\n", 1, "unexpected text after the flow collection")]
        [InlineData(": 1\n", 1, "empty key")]
        public void InvalidYaml_ReportsErrorWithLine(string text, int line, string messagePart)
        {
            YamlError error = ParseError(text);
            Assert.Equal(line, error.Line);
            Assert.Contains(messagePart, error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void DeepFlowNesting_IsAnErrorNotACrash()
        {
            string text = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
            YamlError error = ParseError(text);
            Assert.Contains("nesting", error.Message, System.StringComparison.Ordinal);
            Assert.Equal(1, error.Line);
        }

        [Fact]
        public void DeepBlockNesting_IsAnErrorNotACrash()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 5_000; i++)
            {
                sb.Append(' ', i).Append("k:\n");
            }

            YamlError error = ParseError(sb.ToString());
            Assert.Contains("nesting", error.Message, System.StringComparison.Ordinal);
            Assert.InRange(error.Line, 30, 70);
        }

        [Fact]
        public void DeepCompactSequenceNesting_IsAnErrorNotACrash()
        {
            string text = string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
            YamlError error = ParseError(text);
            Assert.Contains("nesting", error.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void NestingWithinTheLimit_IsAccepted()
        {
            string text = "a: " + new string('[', 30) + new string(']', 30) + "\n";
            Assert.True(YamlReader.Parse(text).IsSuccess);
        }

        [Fact]
        public void LargeFile_IsParsed()
        {
            var sb = new StringBuilder("config:\n");
            for (int i = 0; i < 100_000; i++)
            {
                sb.Append("  sophia:key").Append(i).Append(": \"value ").Append(i).Append("\" # c\n");
            }

            YamlMapping root = ParseMapping(sb.ToString());
            YamlMapping config = Assert.IsType<YamlMapping>(root.Get("config"));
            Assert.Equal(100_000, config.Entries.Length);
            Assert.Equal(100_001, config.Entries[99_999].KeyLine);
        }

        [Fact]
        public void RealisticProjectFile_IsRead()
        {
            YamlMapping root = ParseMapping(PulumiSamples.ProjectFile);
            Assert.Equal("sophia", Scalar(root.Get("name")));
            YamlMapping runtime = Assert.IsType<YamlMapping>(root.Get("runtime"));
            Assert.Equal("dotnet", Scalar(runtime.Get("name")));
            YamlMapping config = Assert.IsType<YamlMapping>(root.Get("config"));
            Assert.Equal(new[] { "sophia:instanceSize", "replicas", "sophia:dbPassword", "aws:region", "sophia:azs" }, config.Entries.Select(e => e.Key));
            Assert.Equal("small", Scalar(Assert.IsType<YamlMapping>(config.Get("sophia:instanceSize")).Get("default")));
            Assert.Equal("true", Scalar(Assert.IsType<YamlMapping>(config.Get("sophia:dbPassword")).Get("secret")));
            Assert.Contains("rollback", Scalar(root.Get("description")), System.StringComparison.Ordinal);
        }

        [Fact]
        public void RealisticStackFile_IsRead()
        {
            YamlMapping root = ParseMapping(PulumiSamples.DevStackFile);
            Assert.Equal("v1:abc123==:v1:Zx9/ab+c:Q5w==", Scalar(root.Get("encryptionsalt")));
            YamlMapping config = Assert.IsType<YamlMapping>(root.Get("config"));
            Assert.Equal("us-west-2", Scalar(config.Get("aws:region")));
            Assert.Equal("1", Scalar(config.Get("sophia:replicas")));
            YamlMappingEntry password = config.Find("sophia:dbPassword")!;
            Assert.Equal(6, password.KeyLine);
            Assert.Equal("AAABAJ3s2x9mVQk+Pz/0==", Scalar(Assert.IsType<YamlMapping>(password.Value).Get("secure")));
        }
    }

    internal static class PulumiSamples
    {
        public const string ProjectFile =
            "name: sophia\n" +
            "runtime:\n" +
            "  name: dotnet\n" +
            "  options:\n" +
            "    binary: bin/Sophia.Infra.Stack.dll\n" +
            "description: >-\n" +
            "  Sophia infrastructure on AWS,\n" +
            "  with a rollback procedure.\n" +
            "main: src/Sophia.Infra.Stack/\n" +
            "config:\n" +
            "  sophia:instanceSize:\n" +
            "    type: string\n" +
            "    default: small\n" +
            "  replicas:\n" +
            "    type: integer\n" +
            "    default: 1\n" +
            "  sophia:dbPassword:\n" +
            "    type: string\n" +
            "    secret: true\n" +
            "  aws:region: us-west-2   # shorthand default\n" +
            "  sophia:azs:\n" +
            "    type: array\n" +
            "    items:\n" +
            "      type: string\n" +
            "template:\n" +
            "  config:\n" +
            "    aws:region:\n" +
            "      description: The AWS region to deploy into\n" +
            "      default: us-west-2\n";

        public const string DevStackFile =
            "encryptionsalt: v1:abc123==:v1:Zx9/ab+c:Q5w==\n" +
            "config:\n" +
            "  aws:region: us-west-2\n" +
            "  sophia:instanceSize: small\n" +
            "  sophia:replicas: 1\n" +
            "  sophia:dbPassword:\n" +
            "    secure: AAABAJ3s2x9mVQk+Pz/0==\n" +
            "  sophia:apiToken: plain-text-token\n" +
            "  sophia:tags:\n" +
            "    owner: platform\n" +
            "    cost-center: \"1234\"\n" +
            "  sophia:subnets:\n" +
            "    - 10.0.1.0/24\n" +
            "    - 10.0.2.0/24\n";
    }
}
