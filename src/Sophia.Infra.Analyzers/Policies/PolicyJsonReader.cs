using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>Maps a range of a <see cref="ResolvedString"/> (part index and offset in the part's text) to where it is written.</summary>
public interface IPolicyTextLocator
{
    /// <summary>
    /// The location from the character at <paramref name="startOffset"/> of part <paramref name="startPart"/> to the character at
    /// <paramref name="lastOffset"/> of part <paramref name="lastPart"/>, both included (a hole part has one character, at 0).
    /// </summary>
    Location? Locate(int startPart, int startOffset, int lastPart, int lastOffset);
}

/// <summary>
/// A small JSON reader over a string that is only partly known: text pieces and holes (interpolations, outputs, unknown
/// values). A hole is an unknown value — never a wildcard: <c>"{arn}/*"</c> is a string with a hole, not <c>"*"</c>. A hole
/// where a value stands is an unknown value; where a member stands, the object is open (it may have members the reader cannot
/// see). Malformed JSON gives null, never an exception. The analyzer assembly may depend on no JSON library, hence this.
/// </summary>
public static class PolicyJsonReader
{
    private const int MaxDepth = 64;

    /// <summary>The JSON value of <paramref name="text"/>, or null when it is not JSON (as far as its known text shows).</summary>
    public static PolicyNode? Read(ResolvedString text, IPolicyTextLocator? locator = null)
    {
        var parts = text.Parts;
        var hasText = false;
        foreach (var part in parts)
        {
            if (part.Kind == StringPartKind.Text && part.Text.Length > 0)
            {
                hasText = true;
                break;
            }
        }

        if (!hasText)
        {
            return null;
        }

        var parser = new Parser(text, locator);
        return parser.ParseDocument();
    }

    private sealed class Parser : PolicyPlaces
    {
        private readonly ResolvedString _text;
        private readonly IPolicyTextLocator? _locator;
        // One entry per character of the text, a hole counting as one ('\0' there); where each part starts in it; which
        // characters are holes (null when none is: most policies are one plain text).
        private readonly char[] _chars;
        private readonly int[] _starts;
        private readonly bool[]? _holes;
        private Dictionary<long, Location?>? _resolved;
        private int _i;
        private int _depth;

        public Parser(ResolvedString text, IPolicyTextLocator? locator)
        {
            _text = text;
            _locator = locator;
            var parts = text.Parts;
            var length = 0;
            var hasHoles = false;
            foreach (var part in parts)
            {
                var isText = part.Kind == StringPartKind.Text;
                length += isText ? part.Text.Length : 1;
                hasHoles |= !isText;
            }

            _chars = new char[length];
            _starts = new int[parts.Length + 1];
            _holes = hasHoles ? new bool[length] : null;
            var at = 0;
            for (var p = 0; p < parts.Length; p++)
            {
                _starts[p] = at;
                if (parts[p].Kind == StringPartKind.Text)
                {
                    var s = parts[p].Text;
                    s.CopyTo(0, _chars, at, s.Length);
                    at += s.Length;
                }
                else
                {
                    _chars[at] = '\0';
                    _holes![at] = true;
                    at++;
                }
            }

            _starts[parts.Length] = at;
        }

        /// <summary>The index of the part that character <paramref name="i"/> comes from.</summary>
        private int PartOf(int i)
        {
            // The last part that starts at or before i (an empty part is followed by the one that holds i).
            int low = 0, high = _starts.Length - 2;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (_starts[middle] <= i)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        /// <summary>The offset of character <paramref name="i"/> in its part's text; -1 for a hole.</summary>
        private int OffsetOf(int i) => IsHole(i) ? -1 : i - _starts[PartOf(i)];

        private int Length => _chars.Length;

        private bool IsHole(int i) => _holes is not null && _holes[i];

        private bool At(char c) => _i < Length && !IsHole(_i) && _chars[_i] == c;

        public PolicyNode? ParseDocument()
        {
            var root = ParseValue();
            if (root is null)
            {
                return null;
            }

            SkipWhitespace();
            return _i == Length ? root : null;
        }

        private PolicyNode? ParseValue()
        {
            SkipWhitespace();
            if (_i >= Length)
            {
                return null;
            }

            if (IsHole(_i))
            {
                var start = _i;
                SkipHoleRun();
                return PolicyNode.Unknown(Display(start, _i), Locate(start, _i - 1));
            }

            switch (_chars[_i])
            {
                case '{':
                    return Nested(isObject: true);
                case '[':
                    return Nested(isObject: false);
                case '"':
                    return ParseString(out var value) ? PolicyNode.String(value!) : null;
                default:
                    return ParseLiteral();
            }
        }

        private PolicyNode? Nested(bool isObject)
        {
            if (++_depth > MaxDepth)
            {
                return null;
            }

            var node = isObject ? ParseObject() : ParseArray();
            _depth--;
            return node;
        }

        private PolicyNode? ParseObject()
        {
            var start = _i;
            _i++; // {
            var members = new List<PolicyMember>();
            var open = false;
            var expectMember = true; // after '{' or ','
            var afterComma = false;
            while (true)
            {
                SkipWhitespace();
                if (_i >= Length)
                {
                    return null;
                }

                if (IsHole(_i))
                {
                    var holeStart = _i;
                    SkipHoleRun();
                    SkipWhitespace();
                    if (At(':'))
                    {
                        // A member whose key is unknown.
                        _i++;
                        var unknownKeyed = ParseValue();
                        if (unknownKeyed is null)
                        {
                            return null;
                        }

                        members.Add(new PolicyMember(null, Locate(holeStart, holeStart), unknownKeyed));
                        expectMember = false;
                    }
                    else
                    {
                        open = true; // members the reader cannot see; the hole may end with a comma
                        expectMember = true;
                    }

                    afterComma = false;
                    continue;
                }

                var c = _chars[_i];
                if (c == '}')
                {
                    if (afterComma)
                    {
                        return null; // trailing comma
                    }

                    _i++;
                    break;
                }

                if (c == ',')
                {
                    if (expectMember && !open && members.Count == 0)
                    {
                        return null; // {,
                    }

                    if (afterComma)
                    {
                        return null; // ,,
                    }

                    _i++;
                    expectMember = true;
                    afterComma = true;
                    continue;
                }

                if (c != '"' || !expectMember)
                {
                    return null;
                }

                var keyStart = _i;
                if (!ParseString(out var key))
                {
                    return null;
                }

                var keyLocation = Locate(keyStart, _i - 1);
                SkipWhitespace();
                if (!At(':'))
                {
                    return null;
                }

                _i++;
                var value = ParseValue();
                if (value is null)
                {
                    return null;
                }

                members.Add(new PolicyMember(key!.Text, keyLocation, value));
                expectMember = false;
                afterComma = false;
            }

            var node = PolicyNode.Object(Locate(start, _i - 1), members);
            node.IsOpen = open;
            return node;
        }

        private PolicyNode? ParseArray()
        {
            var start = _i;
            _i++; // [
            var elements = new List<PolicyNode>();
            var open = false;
            var expectElement = true;
            var afterComma = false;
            while (true)
            {
                SkipWhitespace();
                if (_i >= Length)
                {
                    return null;
                }

                if (!IsHole(_i) && _chars[_i] == ']')
                {
                    if (afterComma)
                    {
                        return null;
                    }

                    _i++;
                    break;
                }

                if (!IsHole(_i) && _chars[_i] == ',')
                {
                    if ((expectElement && elements.Count == 0) || afterComma)
                    {
                        return null;
                    }

                    _i++;
                    expectElement = true;
                    afterComma = true;
                    continue;
                }

                if (!expectElement && !IsHole(_i))
                {
                    return null; // two values without a comma
                }

                var element = ParseValue();
                if (element is null)
                {
                    return null;
                }

                if (element.Kind == PolicyNodeKind.Unknown)
                {
                    open = true; // a hole may stand for several elements
                }

                elements.Add(element);
                expectElement = element.Kind == PolicyNodeKind.Unknown; // a hole may end with a comma
                afterComma = false;
            }

            var node = PolicyNode.Array(Locate(start, _i - 1), elements);
            node.IsOpen = open;
            return node;
        }

        private bool ParseString(out PolicyValue? value)
        {
            value = null;
            var start = _i;
            _i++; // "

            // The common case, a plain string: no escape, no hole.
            var end = _i;
            while (end < Length && !IsHole(end) && _chars[end] is not ('"' or '\\') && _chars[end] >= ' ')
            {
                end++;
            }

            if (end < Length && !IsHole(end) && _chars[end] == '"')
            {
                var plain = new string(_chars, _i, end - _i);
                _i = end;
                var plainLocation = LocateString(start, _i);
                _i++; // closing "
                value = new PolicyValue(plain, plain, plainLocation);
                return true;
            }

            var builder = new StringBuilder();
            var display = new StringBuilder();
            var known = true;
            while (true)
            {
                if (_i >= Length)
                {
                    return false;
                }

                if (IsHole(_i))
                {
                    known = false;
                    AppendHole(display, _i);
                    _i++;
                    continue;
                }

                var c = _chars[_i];
                if (c == '"')
                {
                    break;
                }

                if (c < ' ')
                {
                    return false; // control characters must be escaped in JSON
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    display.Append(c);
                    _i++;
                    continue;
                }

                _i++;
                if (_i >= Length || IsHole(_i))
                {
                    return false;
                }

                char unescaped;
                switch (_chars[_i])
                {
                    case '"': unescaped = '"'; break;
                    case '\\': unescaped = '\\'; break;
                    case '/': unescaped = '/'; break;
                    case 'b': unescaped = '\b'; break;
                    case 'f': unescaped = '\f'; break;
                    case 'n': unescaped = '\n'; break;
                    case 'r': unescaped = '\r'; break;
                    case 't': unescaped = '\t'; break;
                    case 'u':
                        if (_i + 4 >= Length)
                        {
                            return false;
                        }

                        var code = 0;
                        for (var k = 1; k <= 4; k++)
                        {
                            if (IsHole(_i + k) || !TryHex(_chars[_i + k], out var digit))
                            {
                                return false;
                            }

                            code = (code * 16) + digit;
                        }

                        unescaped = (char)code;
                        _i += 4;
                        break;
                    default:
                        return false;
                }

                builder.Append(unescaped);
                display.Append(unescaped);
                _i++;
            }

            var location = LocateString(start, _i);
            _i++; // closing "
            value = new PolicyValue(known ? builder.ToString() : null, display.ToString(), location);
            return true;
        }

        private PolicyNode? ParseLiteral()
        {
            var start = _i;
            while (_i < Length && !IsHole(_i) && IsLiteralChar(_chars[_i]))
            {
                _i++;
            }

            if (_i == start)
            {
                return null;
            }

            var builder = new StringBuilder();
            for (var k = start; k < _i; k++)
            {
                builder.Append(_chars[k]);
            }

            var text = builder.ToString();
            var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (text[0] == '-' || char.IsDigit(text[0]));
            if (text != "true" && text != "false" && text != "null" && !isNumber)
            {
                return null;
            }

            return PolicyNode.Literal(text, Locate(start, _i - 1));
        }

        private static bool IsLiteralChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';

        private static bool TryHex(char c, out int digit)
        {
            digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
            return digit >= 0;
        }

        private void SkipWhitespace()
        {
            while (_i < Length && !IsHole(_i) && _chars[_i] is ' ' or '\t' or '\r' or '\n')
            {
                _i++;
            }
        }

        /// <summary>Skips a hole and what sticks to it (more holes, characters that are not whitespace or structure).</summary>
        private void SkipHoleRun()
        {
            _i++;
            while (_i < Length && (IsHole(_i) || _chars[_i] is not (' ' or '\t' or '\r' or '\n' or ',' or ':' or '}' or ']' or '{' or '[')))
            {
                if (!IsHole(_i) && _chars[_i] == '"')
                {
                    // A string glued to a hole ({prefix}"...") would be misread: keep it unknown up to the closing quote.
                    _i++;
                    while (_i < Length && (IsHole(_i) || _chars[_i] != '"'))
                    {
                        _i++;
                    }
                }

                _i++;
            }
        }

        private string Display(int start, int end)
        {
            var builder = new StringBuilder();
            for (var k = start; k < end && k < Length; k++)
            {
                if (IsHole(k))
                {
                    AppendHole(builder, k);
                }
                else
                {
                    builder.Append(_chars[k]);
                }
            }

            return builder.ToString();
        }

        private void AppendHole(StringBuilder builder, int index)
        {
            var part = _text.Parts[PartOf(index)];
            builder.Append('{').Append(part.Kind switch
            {
                StringPartKind.StackName => "stack",
                StringPartKind.ProjectName => "project",
                _ => part.Text,
            }).Append('}');
        }

        /// <summary>
        /// A string from its opening to its closing quote; but when its content is one piece written elsewhere (a helper's
        /// argument, an interpolated constant), that piece: the text is written there.
        /// </summary>
        private PolicyPlace LocateString(int open, int close)
        {
            // Parts are consecutive runs of characters: the content is one piece when its first and last characters are.
            if (_starts.Length > 2 && close - open > 1 && PartOf(open) != PartOf(open + 1)
                && PartOf(open + 1) == PartOf(close - 1) && !IsHole(open + 1))
            {
                return Locate(open + 1, close - 1);
            }

            return Locate(open, close);
        }

        private PolicyPlace Locate(int first, int last) => new(this, first, last);

        public override Location? Resolve(int first, int last)
        {
            if (_locator is null || first < 0 || last < first || last >= Length)
            {
                return null;
            }

            var key = ((long)first << 32) | (uint)last;
            _resolved ??= new Dictionary<long, Location?>();
            if (!_resolved.TryGetValue(key, out var location))
            {
                location = _locator.Locate(PartOf(first), System.Math.Max(0, OffsetOf(first)), PartOf(last), System.Math.Max(0, OffsetOf(last)));
                _resolved[key] = location;
            }

            return location;
        }
    }
}
