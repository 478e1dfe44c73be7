using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Policies;
using Sophia.Infra.Analyzers.Tests.Machinery;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Policies;

/// <summary>Each character of a literal's value maps to where it is written: escapes, doubled quotes and braces, raw-string indentation.</summary>
public sealed class LiteralPositionsTests
{
    /// <summary>The text pieces of the probed string: (syntax, value) for a literal, one per text piece for an interpolation.</summary>
    private static async Task<List<(SyntaxNode Syntax, string Value)>> PiecesAsync(string source)
    {
        var compilation = await TestCompilation.CreateAsync(false, source, TestCompilation.ProbeClass);
        var probe = TestCompilation.Probes(compilation).Single();
        probe = probe is IConversionOperation conversion ? conversion.Operand : probe;
        var pieces = new List<(SyntaxNode, string)>();
        switch (probe)
        {
            case ILiteralOperation literal:
                pieces.Add((literal.Syntax, (string)literal.ConstantValue.Value!));
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var text in interpolated.Parts.OfType<IInterpolatedStringTextOperation>())
                {
                    pieces.Add((text.Syntax, (string)text.Text.ConstantValue.Value!));
                }

                break;
        }

        return pieces;
    }

    /// <summary>Asserts that value character i is written as <paramref name="written"/>[i] in the source.</summary>
    private static void AssertMaps((SyntaxNode Syntax, string Value) piece, params string[] written)
    {
        var spans = LiteralPositions.Map(piece.Syntax, piece.Value);
        Assert.NotNull(spans);
        Assert.Equal(piece.Value.Length, spans!.Length);
        var text = piece.Syntax.SyntaxTree.GetText();
        Assert.Equal(written, spans.Select(s => text.ToString(s)).ToArray());
    }

    [Fact]
    public async Task RegularString_Escapes()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C { void M() { Probe("a\"b\u002A\x2A\\\t\U0001F600"); } }
            """);

        AssertMaps(pieces[0], "a", "\\\"", "b", "\\u002A", "\\x2A", "\\\\", "\\t", "\\U0001F600", "\\U0001F600");
    }

    [Fact]
    public async Task HexEscape_IsGreedy()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C { void M() { Probe("\x2Ab*"); } }
            """);

        // \x2Ab is one character (U+02AB), not "*b".
        AssertMaps(pieces[0], "\\x2Ab", "*");
    }

    [Fact]
    public async Task VerbatimString_DoubledQuotesAndLineBreaks()
    {
        var pieces = await PiecesAsync("using static ProbeHost;\nclass C { void M() { Probe(@\"a\"\"b\n  c\"); } }");

        AssertMaps(pieces[0], "a", "\"\"", "b", "\n", " ", " ", "c");
    }

    [Fact]
    public async Task SingleLineRawString()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """"
            using static ProbeHost;
            class C { void M() { Probe("""a"b\n"""); } }
            """");

        AssertMaps(pieces[0], "a", "\"", "b", "\\", "n");
    }

    [Fact]
    public async Task MultiLineRawString_IndentationIsRemoved()
    {
        var pieces = await PiecesAsync("using static ProbeHost;\nclass C { void M() { Probe(\"\"\"\n      {\n        \"a\": 1\n\n      }\n      \"\"\"); } }");

        AssertMaps(pieces[0], "{", "\n", " ", " ", "\"", "a", "\"", ":", " ", "1", "\n", "\n", "}");
        var spans = LiteralPositions.Map(pieces[0].Syntax, pieces[0].Value)!;
        var line = pieces[0].Syntax.SyntaxTree.GetLineSpan(spans[4]).StartLinePosition;
        Assert.Equal((3, 8), (line.Line, line.Character)); // the quote before a, on its own line
    }

    [Fact]
    public async Task MultiLineRawString_CrLfAndWhitespaceOnlyLines()
    {
        var pieces = await PiecesAsync("using static ProbeHost;\r\nclass C { void M() { Probe(\"\"\"\r\n    x\r\n       \r\n    y\r\n    \"\"\"); } }");

        Assert.Equal("x\r\n   \r\ny", pieces[0].Value);
        AssertMaps(pieces[0], "x", "\r", "\n", " ", " ", " ", "\r", "\n", "y");
    }

    [Fact]
    public async Task InterpolatedRegularString_BracesAndEscapes()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C { void M(string x) { Probe($"{{\"a\u002A{x}b}}"); } }
            """);

        AssertMaps(pieces[0], "{{", "\\\"", "a", "\\u002A");
        AssertMaps(pieces[1], "b", "}}");
    }

    [Fact]
    public async Task InterpolatedVerbatimString()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C { void M(string x) { Probe($@"{{""{x}""}}"); } }
            """);

        AssertMaps(pieces[0], "{{", "\"\"");
        AssertMaps(pieces[1], "\"\"", "}}");
    }

    [Fact]
    public async Task InterpolatedMultiLineRawString_IndentationOnEveryLine()
    {
        var pieces = await PiecesAsync("using static ProbeHost;\nclass C { void M(string x) { Probe($$\"\"\"\n    {\n      \"a\": \"{{x}}\",\n      \"b\": 2\n    }\n    \"\"\"); } }");

        Assert.Equal("{\n  \"a\": \"", pieces[0].Value);
        AssertMaps(pieces[0], "{", "\n", " ", " ", "\"", "a", "\"", ":", " ", "\"");
        Assert.Equal("\",\n  \"b\": 2\n}", pieces[1].Value);
        AssertMaps(pieces[1], "\"", ",", "\n", " ", " ", "\"", "b", "\"", ":", " ", "2", "\n", "}");
        var spans = LiteralPositions.Map(pieces[1].Syntax, pieces[1].Value)!;
        var line = pieces[1].Syntax.SyntaxTree.GetLineSpan(spans[5]).StartLinePosition;
        Assert.Equal((4, 6), (line.Line, line.Character));
    }

    [Fact]
    public async Task InterpolatedSingleLineRawString()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """"
            using static ProbeHost;
            class C { void M(string x) { Probe($$"""{"a":"{{x}}"}"""); } }
            """");

        AssertMaps(pieces[0], "{", "\"", "a", "\"", ":", "\"");
        AssertMaps(pieces[1], "\"", "}");
    }

    [Fact]
    public async Task AValueThatIsNotTheLiteral_CannotBeMapped()
    {
        var pieces = await PiecesAsync(/* lang=c#-test */ """
            using static ProbeHost;
            class C { void M() { Probe("abc"); } }
            """);

        Assert.Null(LiteralPositions.Map(pieces[0].Syntax, "ab"));
        Assert.Null(LiteralPositions.Map(SyntaxFactory.IdentifierName("x"), "x"));
    }
}
