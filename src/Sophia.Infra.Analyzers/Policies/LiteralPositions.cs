using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>
/// Where each character of a string literal's value is written in the source: regular strings with their escapes
/// (<c>\"</c>, <c>\u002A</c>, <c>\x2A</c>, <c>\U0001F600</c>), verbatim strings (<c>""</c>), raw strings (single-line, and
/// multi-line with their indentation removed), and the text pieces of interpolated strings of each kind (<c>{{</c>, <c>}}</c>).
/// </summary>
public static class LiteralPositions
{
    private enum Escapes
    {
        Regular,
        Verbatim,
        None,
    }

    /// <summary>
    /// For a string literal (<c>LiteralExpressionSyntax</c>) or a text piece of an interpolated string
    /// (<c>InterpolatedStringTextSyntax</c>) whose value is <paramref name="value"/>: the source span of each character of the
    /// value. Null when <paramref name="syntax"/> is something else or its value is not <paramref name="value"/> (then only the
    /// whole literal can be pointed at).
    /// </summary>
    public static TextSpan[]? Map(SyntaxNode syntax, string value)
    {
        switch (syntax)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return MapLiteral(literal.Token, value);
            case InterpolatedStringTextSyntax text when text.Parent is InterpolatedStringExpressionSyntax interpolated:
                return MapInterpolatedText(text.TextToken, interpolated, value);
            default:
                return null;
        }
    }

    private static TextSpan[]? MapLiteral(SyntaxToken token, string value)
    {
        var text = token.Text;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
                if (text.Length >= 2 && text[0] == '"')
                {
                    return Lex(text, token.SpanStart, 1, text.Length - 1, Escapes.Regular, braces: false, indentation: null, lineStart: false, value);
                }

                if (text.Length >= 3 && text[0] == '@')
                {
                    return Lex(text, token.SpanStart, 2, text.Length - 1, Escapes.Verbatim, braces: false, indentation: null, lineStart: false, value);
                }

                return null;

            case SyntaxKind.SingleLineRawStringLiteralToken:
            {
                var quotes = CountQuotes(text, 0);
                return text.Length >= 2 * quotes
                    ? Lex(text, token.SpanStart, quotes, text.Length - quotes, Escapes.None, braces: false, indentation: null, lineStart: false, value)
                    : null;
            }

            case SyntaxKind.MultiLineRawStringLiteralToken:
            {
                var quotes = CountQuotes(text, 0);
                var firstNewline = IndexOfNewline(text, quotes);
                var lastNewline = LastNewlineStart(text);
                if (firstNewline < 0 || lastNewline < 0)
                {
                    return null;
                }

                var contentStart = firstNewline + NewlineLength(text, firstNewline);
                var closingLineStart = lastNewline + NewlineLength(text, lastNewline);
                var indentation = LeadingWhitespace(text, closingLineStart);
                if (contentStart > lastNewline)
                {
                    return value.Length == 0 ? System.Array.Empty<TextSpan>() : null;
                }

                return Lex(text, token.SpanStart, contentStart, lastNewline, Escapes.None, braces: false, indentation, lineStart: true, value);
            }

            default:
                return null;
        }
    }

    private static TextSpan[]? MapInterpolatedText(SyntaxToken token, InterpolatedStringExpressionSyntax interpolated, string value)
    {
        var text = token.Text;
        switch (interpolated.StringStartToken.Kind())
        {
            case SyntaxKind.InterpolatedStringStartToken:
                return Lex(text, token.SpanStart, 0, text.Length, Escapes.Regular, braces: true, indentation: null, lineStart: false, value);
            case SyntaxKind.InterpolatedVerbatimStringStartToken:
                return Lex(text, token.SpanStart, 0, text.Length, Escapes.Verbatim, braces: true, indentation: null, lineStart: false, value);
            case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                return Lex(text, token.SpanStart, 0, text.Length, Escapes.None, braces: false, indentation: null, lineStart: false, value);
            case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
            {
                // The end token is the last line break, the closing line's indentation and the quotes.
                var end = interpolated.StringEndToken.Text;
                var lastNewline = LastNewlineStart(end);
                var indentation = lastNewline < 0 ? string.Empty : LeadingWhitespace(end, lastNewline + NewlineLength(end, lastNewline));
                var lineStart = token.GetPreviousToken().IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                return Lex(text, token.SpanStart, 0, text.Length, Escapes.None, braces: false, indentation, lineStart, value);
            }

            default:
                return null;
        }
    }

    private static TextSpan[]? Lex(
        string source,
        int sourceStart,
        int from,
        int to,
        Escapes escapes,
        bool braces,
        string? indentation,
        bool lineStart,
        string expected)
    {
        var spans = new List<TextSpan>(expected.Length);
        var value = new StringBuilder(expected.Length);
        var i = from;
        while (i < to)
        {
            if (indentation is not null && lineStart)
            {
                var skip = 0;
                while (skip < indentation.Length && i + skip < to && source[i + skip] is ' ' or '\t')
                {
                    skip++;
                }

                i += skip;
                lineStart = false;
                continue;
            }

            var c = source[i];
            var length = 1;
            var produced = c;
            var second = '\0';
            if (c == '\r' || c == '\n')
            {
                lineStart = indentation is not null && !(c == '\r' && i + 1 < to && source[i + 1] == '\n');
            }
            else if (escapes == Escapes.Regular && c == '\\')
            {
                if (!TryEscape(source, i, to, out produced, out second, out length))
                {
                    return null;
                }
            }
            else if (escapes == Escapes.Verbatim && c == '"' && i + 1 < to && source[i + 1] == '"')
            {
                length = 2;
            }
            else if (braces && (c == '{' || c == '}') && i + 1 < to && source[i + 1] == c)
            {
                length = 2;
            }

            var span = new TextSpan(sourceStart + i, length);
            value.Append(produced);
            spans.Add(span);
            if (second != '\0')
            {
                value.Append(second);
                spans.Add(span);
            }

            i += length;
        }

        return value.ToString() == expected ? spans.ToArray() : null;
    }

    private static bool TryEscape(string source, int i, int to, out char produced, out char second, out int length)
    {
        produced = '\0';
        second = '\0';
        length = 2;
        if (i + 1 >= to)
        {
            return false;
        }

        switch (source[i + 1])
        {
            case '\'': produced = '\''; return true;
            case '"': produced = '"'; return true;
            case '\\': produced = '\\'; return true;
            case '0': produced = '\0'; return true;
            case 'a': produced = '\a'; return true;
            case 'b': produced = '\b'; return true;
            case 'f': produced = '\f'; return true;
            case 'n': produced = '\n'; return true;
            case 'r': produced = '\r'; return true;
            case 't': produced = '\t'; return true;
            case 'v': produced = '\v'; return true;
            case 'e': produced = '\u001B'; return true;
            case 'u':
                if (!TryHex(source, i + 2, 4, to, out var u))
                {
                    return false;
                }

                produced = (char)u;
                length = 6;
                return true;
            case 'U':
                if (!TryHex(source, i + 2, 8, to, out var code) || code > 0x10FFFF)
                {
                    return false;
                }

                length = 10;
                if (code < 0x10000)
                {
                    produced = (char)code;
                    return true;
                }

                code -= 0x10000;
                produced = (char)(0xD800 + (code >> 10));
                second = (char)(0xDC00 + (code & 0x3FF));
                return true;
            case 'x':
            {
                var digits = 0;
                var x = 0;
                while (digits < 4 && i + 2 + digits < to && HexValue(source[i + 2 + digits]) is var d && d >= 0)
                {
                    x = (x * 16) + d;
                    digits++;
                }

                if (digits == 0)
                {
                    return false;
                }

                produced = (char)x;
                length = 2 + digits;
                return true;
            }

            default:
                return false;
        }
    }

    private static bool TryHex(string source, int start, int count, int to, out int value)
    {
        value = 0;
        if (start + count > to)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            var d = HexValue(source[start + k]);
            if (d < 0)
            {
                return false;
            }

            value = (value * 16) + d;
        }

        return true;
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;

    private static int CountQuotes(string text, int start)
    {
        var count = 0;
        while (start + count < text.Length && text[start + count] == '"')
        {
            count++;
        }

        return count;
    }

    private static int IndexOfNewline(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The start of the last line break (<c>\r\n</c> counts as one).</summary>
    private static int LastNewlineStart(string text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == '\n')
            {
                return i > 0 && text[i - 1] == '\r' ? i - 1 : i;
            }

            if (text[i] == '\r')
            {
                return i;
            }
        }

        return -1;
    }

    private static int NewlineLength(string text, int index) =>
        text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;

    private static string LeadingWhitespace(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text.Substring(start, end - start);
    }
}
