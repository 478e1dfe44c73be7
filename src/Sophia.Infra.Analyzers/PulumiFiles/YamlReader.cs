using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>
    /// A small YAML reader for the subset that Pulumi config files use. It never throws: any input it cannot read
    /// gives a <see cref="YamlDocument"/> with an <see cref="YamlError"/> (1-based line and message).
    /// </summary>
    /// <remarks>
    /// Supported: block mappings nested by indentation; block sequences (also of mappings, <c>- key: value</c>);
    /// flow sequences <c>[a, b]</c> and flow mappings <c>{a: b}</c>, also over several lines; plain, single-quoted
    /// and double-quoted scalars (with escapes), which may continue on more-indented lines (quoted keys may not);
    /// literal <c>|</c> and folded <c>&gt;</c> block scalars with chomping and indentation indicators; comments;
    /// a leading <c>---</c>; blank lines; CRLF.
    /// Reported as errors: tabs in indentation, bad indentation, unterminated quotes or brackets, duplicate keys,
    /// a key without ':', anchors / aliases / tags, complex keys (<c>?</c>), several documents, directives.
    /// Values stay strings (no int/bool typing). Linear in the input; nesting is limited to <see cref="MaxDepth"/>.
    /// </remarks>
    internal static class YamlReader
    {
        /// <summary>The deepest nesting (block and flow together) accepted before an error is reported.</summary>
        public const int MaxDepth = 64;

        public static YamlDocument Parse(string? text)
        {
            if (text is null || text.Length == 0)
            {
                return YamlDocument.Success(EmptyMapping(1));
            }

            try
            {
                var parser = new Parser(text);
                return YamlDocument.Success(parser.ParseDocument());
            }
            catch (YamlParseException ex)
            {
                return YamlDocument.Failure(ex.Line, ex.Message);
            }
#pragma warning disable CA1031 // The contract is "never throw": a bug here must become an error, not an AD0001.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return YamlDocument.Failure(1, InternalErrorPrefix + ex.GetType().Name);
            }
        }

        /// <summary>Prefix of the message reported if the reader itself fails (a bug); tests assert it never appears.</summary>
        internal const string InternalErrorPrefix = "internal error while reading YAML: ";

        private static YamlMapping EmptyMapping(int line) => new YamlMapping(ImmutableArray<YamlMappingEntry>.Empty, line);

        private sealed class YamlParseException : Exception
        {
            public YamlParseException(int line, string message)
                : base(message)
            {
                Line = line;
            }

            public int Line { get; }
        }

        private sealed class Parser
        {
            private readonly string[] _lines;

            // Index of the current line.
            private int _li;

            // Column where content starts when positioned in the middle of a line (after "- "); -1 at a line start.
            private int _col = -1;

            // Flow collection state: the current line text, index in it, line index, start line and parent indent.
            private string _flow = string.Empty;
            private int _fi;
            private int _fl;
            private int _flowStartLine;
            private int _flowParentIndent;

            public Parser(string text)
            {
                if (text.Length > 0 && text[0] == '\uFEFF')
                {
                    text = text.Substring(1);
                }

                _lines = SplitLines(text);
            }

            // Splits on "\r\n", "\n" and a lone "\r", like SourceText does, so line numbers agree with it.
            private static string[] SplitLines(string text)
            {
                var lines = new List<string>();
                int start = 0;
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c == '\n' || c == '\r')
                    {
                        lines.Add(text.Substring(start, i - start));
                        if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        start = i + 1;
                    }
                }

                lines.Add(text.Substring(start));
                return lines.ToArray();
            }

            public YamlNode ParseDocument()
            {
                // Leading blank and comment lines, then an optional "---".
                while (_li < _lines.Length && IsBlankOrComment(_lines[_li], 0))
                {
                    _li++;
                }

                if (_li < _lines.Length && IsDocumentMarker(_lines[_li]))
                {
                    string marker = _lines[_li];
                    if (!marker.StartsWith("---", StringComparison.Ordinal))
                    {
                        throw Error(_li + 1, "'...' (document end) before any content is not supported");
                    }

                    if (!IsBlankOrComment(marker, 3))
                    {
                        throw Error(_li + 1, "content on the '---' line is not supported; start it on the next line");
                    }

                    _li++;
                }

                if (!PeekStructural(out int indent))
                {
                    return EmptyMapping(1);
                }

                YamlNode root = ParseBlock(indent, -1, 1);
                if (PeekStructural(out int rest))
                {
                    int line = _li + 1;
                    if (rest != indent)
                    {
                        throw Error(line, BadIndentation(indent, rest));
                    }

                    throw Error(line, root.Kind == YamlNodeKind.Sequence
                        ? "expected a sequence item ('- ') like the lines above"
                        : "unexpected content after the document's root value");
                }

                return root;
            }

            private YamlNode ParseBlock(int indent, int parentIndent, int depth)
            {
                CheckDepth(depth);
                string s = _lines[_li];
                int line = _li + 1;
                if (IsSequenceDash(s, indent))
                {
                    return ParseSequence(indent, depth);
                }

                if (LooksLikeMappingEntry(s, indent))
                {
                    return ParseMapping(indent, depth);
                }

                YamlNode scalar = ParseInlineValue(s, indent, parentIndent, line, depth, afterKey: false);
                if (PeekStructural(out int next) && next == indent)
                {
                    throw Error(line, "expected 'key: value' but found no ':' after a key");
                }

                return scalar;
            }

            private YamlMapping ParseMapping(int indent, int depth)
            {
                CheckDepth(depth);
                var entries = ImmutableArray.CreateBuilder<YamlMappingEntry>();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                int startLine = _li + 1;
                while (PeekStructural(out int current))
                {
                    if (current < indent)
                    {
                        break;
                    }

                    int line = _li + 1;
                    if (current > indent)
                    {
                        throw Error(line, BadIndentation(indent, current));
                    }

                    string s = _lines[_li];
                    if (IsSequenceDash(s, current))
                    {
                        throw Error(line, "expected a 'key: value' entry but found a sequence item ('- ')");
                    }

                    string key = ReadKey(s, current, line, out int valueStart);
                    if (!keys.Add(key))
                    {
                        throw Error(line, "duplicate key '" + key + "'");
                    }

                    YamlNode value = ParseEntryValue(s, valueStart, indent, line, depth);
                    entries.Add(new YamlMappingEntry(key, line, value));
                }

                return new YamlMapping(entries.ToImmutable(), startLine);
            }

            private YamlSequence ParseSequence(int indent, int depth)
            {
                CheckDepth(depth);
                var items = ImmutableArray.CreateBuilder<YamlNode>();
                int startLine = _li + 1;
                while (PeekStructural(out int current))
                {
                    if (current < indent)
                    {
                        break;
                    }

                    int line = _li + 1;
                    if (current > indent)
                    {
                        throw Error(line, BadIndentation(indent, current));
                    }

                    string s = _lines[_li];
                    if (!IsSequenceDash(s, current))
                    {
                        // A key of the enclosing mapping at the same indentation; the caller decides.
                        break;
                    }

                    int j = SkipSpace(s, current + 1);
                    if (j >= s.Length || s[j] == '#')
                    {
                        NextLine();
                        if (PeekStructural(out int next) && next > indent)
                        {
                            items.Add(ParseBlock(next, indent, depth + 1));
                        }
                        else
                        {
                            items.Add(new YamlScalar(string.Empty, line, wasQuoted: false));
                        }

                        continue;
                    }

                    if (IsSequenceDash(s, j) || LooksLikeMappingEntry(s, j))
                    {
                        // Compact nesting: "- key: value" or "- - item"; the nested node is indented at column j.
                        _col = j;
                        items.Add(ParseBlock(j, indent, depth + 1));
                        continue;
                    }

                    items.Add(ParseInlineValue(s, j, indent, line, depth + 1, afterKey: false));
                }

                return new YamlSequence(items.ToImmutable(), startLine);
            }

            // The value after "key:" (at valueStart on line s); indent is the mapping's indentation.
            private YamlNode ParseEntryValue(string s, int valueStart, int indent, int line, int depth)
            {
                int j = SkipSpace(s, valueStart);
                if (j < s.Length && s[j] != '#')
                {
                    return ParseInlineValue(s, j, indent, line, depth + 1, afterKey: true);
                }

                NextLine();
                if (PeekStructural(out int next))
                {
                    if (next > indent)
                    {
                        return ParseBlock(next, indent, depth + 1);
                    }

                    if (next == indent && IsSequenceDash(_lines[_li], next))
                    {
                        return ParseSequence(next, depth + 1);
                    }
                }

                return new YamlScalar(string.Empty, line, wasQuoted: false);
            }

            // A value that starts at column j of line s and is not a block collection. Consumes its line(s).
            private YamlNode ParseInlineValue(string s, int j, int parentIndent, int line, int depth, bool afterKey)
            {
                CheckDepth(depth);
                char c = s[j];
                switch (c)
                {
                    case '|':
                    case '>':
                        return ParseBlockScalar(s, j, parentIndent, line);
                    case '&':
                    case '*':
                    case '!':
                        throw AnchorError(line, c);
                    case '[':
                    case '{':
                        {
                            _flow = s;
                            _fi = j;
                            _fl = _li;
                            _flowStartLine = line;
                            _flowParentIndent = parentIndent;
                            YamlNode node = ParseFlow(depth);
                            int k = SkipSpace(_flow, _fi);
                            if (k < _flow.Length && _flow[k] != '#')
                            {
                                throw Error(_fl + 1, "unexpected text after the flow collection");
                            }

                            _li = _fl;
                            NextLine();
                            return node;
                        }

                    case '"':
                    case '\'':
                        {
                            string value = ReadQuotedValue(s, j, parentIndent, line, out string closingLine, out int end);
                            int k = SkipSpace(closingLine, end);
                            if (k < closingLine.Length && closingLine[k] != '#')
                            {
                                throw Error(_li + 1, "unexpected text after the quoted string");
                            }

                            NextLine();
                            return new YamlScalar(value, line, wasQuoted: true);
                        }

                    case '%':
                    case '@':
                    case '`':
                        throw Error(line, "a plain value cannot start with '" + c + "'; quote it");
                    case '?':
                        if (j + 1 >= s.Length || IsSpace(s[j + 1]))
                        {
                            throw Error(line, "complex keys ('? ') are not supported");
                        }

                        break;
                    case '-':
                        if (afterKey && IsSequenceDash(s, j))
                        {
                            throw Error(line, "a block sequence cannot start on the line of its key; put the '- ' items on the next lines");
                        }

                        break;
                }

                int stop = PlainEnd(s, j);
                string plain = s.Substring(j, stop - j).TrimEnd(' ', '\t');
                if (HasMappingIndicator(plain))
                {
                    throw Error(line, "unexpected ':' in a plain value (a 'key: value' here is not allowed); quote the value or fix the indentation");
                }

                NextLine();
                if (stop == s.Length)
                {
                    plain = ReadPlainContinuation(plain, parentIndent);
                }

                return new YamlScalar(plain, line, wasQuoted: false);
            }

            // Continuation lines of a multi-line plain scalar: more indented than the parent node, not comments,
            // without ": ". They fold into one space (a blank line into a line break). A comment ends the scalar.
            private string ReadPlainContinuation(string first, int parentIndent)
            {
                StringBuilder? sb = null;
                int pendingEmpty = 0;
                int k = _li;
                while (k < _lines.Length)
                {
                    string t = _lines[k];
                    int spaces = CountSpaces(t);
                    if (spaces == t.Length)
                    {
                        pendingEmpty++;
                        k++;
                        continue;
                    }

                    if (spaces <= parentIndent || t[spaces] == '#' || t[spaces] == '\t')
                    {
                        break;
                    }

                    int stop = PlainEnd(t, spaces);
                    string piece = t.Substring(spaces, stop - spaces).TrimEnd(' ', '\t');
                    if (HasMappingIndicator(piece))
                    {
                        break;
                    }

                    sb ??= new StringBuilder(first);
                    if (pendingEmpty == 0)
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append('\n', pendingEmpty);
                    }

                    sb.Append(piece);
                    pendingEmpty = 0;
                    k++;
                    _li = k;
                    if (stop < t.Length)
                    {
                        break;
                    }
                }

                return sb is null ? first : sb.ToString();
            }

            private YamlScalar ParseBlockScalar(string s, int j, int parentIndent, int line)
            {
                bool literal = s[j] == '|';
                char chomping = 'c';
                int explicitIndent = 0;
                int k = j + 1;
                for (int t = 0; t < 2 && k < s.Length; t++)
                {
                    char h = s[k];
                    if ((h == '-' || h == '+') && chomping == 'c')
                    {
                        chomping = h;
                        k++;
                    }
                    else if (h >= '1' && h <= '9' && explicitIndent == 0)
                    {
                        explicitIndent = h - '0';
                        k++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (!IsBlankOrComment(s, k))
                {
                    throw Error(line, "unexpected text after the block scalar indicator '" + s[j] + "'");
                }

                NextLine();

                int contentIndent;
                if (explicitIndent > 0)
                {
                    contentIndent = Math.Max(parentIndent, 0) + explicitIndent;
                }
                else
                {
                    contentIndent = -1;
                    for (int i = _li; i < _lines.Length; i++)
                    {
                        string candidate = _lines[i];
                        int spaces = CountSpaces(candidate);
                        if (spaces < candidate.Length)
                        {
                            contentIndent = spaces;
                            break;
                        }
                    }

                    if (contentIndent <= parentIndent)
                    {
                        // No content lines: an empty scalar.
                        return new YamlScalar(string.Empty, line, wasQuoted: true);
                    }
                }

                var contentLines = new List<string>();
                while (_li < _lines.Length)
                {
                    string current = _lines[_li];
                    int spaces = CountSpaces(current);
                    bool blank = spaces == current.Length;
                    if (!blank && spaces < contentIndent)
                    {
                        break;
                    }

                    contentLines.Add(blank ? string.Empty : current.Substring(contentIndent));
                    _li++;
                }

                // Trailing blank lines after the last content line belong to the scalar only through chomping; a
                // later structural line at a lower indentation ends the scalar.
                var sb = new StringBuilder();
                int emptyLines = 0;
                bool didReadContent = false;
                bool atMoreIndented = false;
                foreach (string content in contentLines)
                {
                    if (content.Length == 0)
                    {
                        emptyLines++;
                        continue;
                    }

                    if (!literal)
                    {
                        if (content[0] == ' ' || content[0] == '\t')
                        {
                            atMoreIndented = true;
                            sb.Append('\n', didReadContent ? 1 + emptyLines : emptyLines);
                        }
                        else if (atMoreIndented)
                        {
                            atMoreIndented = false;
                            sb.Append('\n', emptyLines + 1);
                        }
                        else if (emptyLines == 0)
                        {
                            if (didReadContent)
                            {
                                sb.Append(' ');
                            }
                        }
                        else
                        {
                            sb.Append('\n', emptyLines);
                        }
                    }
                    else
                    {
                        sb.Append('\n', didReadContent ? 1 + emptyLines : emptyLines);
                    }

                    sb.Append(content);
                    didReadContent = true;
                    emptyLines = 0;
                }

                if (chomping == '+')
                {
                    sb.Append('\n', didReadContent ? 1 + emptyLines : emptyLines);
                }
                else if (chomping == 'c' && didReadContent)
                {
                    sb.Append('\n');
                }

                return new YamlScalar(sb.ToString(), line, wasQuoted: true);
            }

            // Flow collection starting at _flow[_fi] ('[' or '{'). It may span lines (continuation lines indented
            // more than the parent node); on return _fl/_flow/_fi are just after its closing bracket.
            private YamlNode ParseFlow(int depth)
            {
                CheckDepth(depth);
                bool isSequence = _flow[_fi] == '[';
                int line = _fl + 1;
                _fi++;
                if (isSequence)
                {
                    const string Unterminated = "unterminated flow sequence: ']' expected";
                    var items = ImmutableArray.CreateBuilder<YamlNode>();
                    while (true)
                    {
                        FlowSkip(Unterminated);
                        if (_flow[_fi] == ']')
                        {
                            _fi++;
                            return new YamlSequence(items.ToImmutable(), line);
                        }

                        items.Add(ParseFlowItem(depth + 1));
                        FlowSkip(Unterminated);
                        if (_flow[_fi] == ',')
                        {
                            _fi++;
                            continue;
                        }

                        if (_flow[_fi] == ']')
                        {
                            _fi++;
                            return new YamlSequence(items.ToImmutable(), line);
                        }

                        throw Error(_fl + 1, "expected ',' or ']' in the flow sequence");
                    }
                }

                const string UnterminatedMap = "unterminated flow mapping: '}' expected";
                var entries = ImmutableArray.CreateBuilder<YamlMappingEntry>();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                while (true)
                {
                    FlowSkip(UnterminatedMap);
                    if (_flow[_fi] == '}')
                    {
                        _fi++;
                        return new YamlMapping(entries.ToImmutable(), line);
                    }

                    string key;
                    int keyLine = _fl + 1;
                    char first = _flow[_fi];
                    if (first == '"' || first == '\'')
                    {
                        key = ReadQuoted(_flow, _fi, keyLine, out _fi);
                    }
                    else if (first == '&' || first == '*' || first == '!')
                    {
                        throw AnchorError(keyLine, first);
                    }
                    else
                    {
                        key = ReadFlowPlain(_flow, ref _fi);
                        if (key.Length == 0)
                        {
                            throw Error(keyLine, "expected a key in the flow mapping");
                        }
                    }

                    FlowSkip(UnterminatedMap);
                    if (_flow[_fi] != ':')
                    {
                        throw Error(_fl + 1, "expected ':' after the key '" + key + "' in the flow mapping");
                    }

                    _fi++;
                    if (!keys.Add(key))
                    {
                        throw Error(keyLine, "duplicate key '" + key + "'");
                    }

                    FlowSkip(UnterminatedMap);
                    YamlNode value;
                    if (_flow[_fi] == ',' || _flow[_fi] == '}')
                    {
                        value = new YamlScalar(string.Empty, _fl + 1, wasQuoted: false);
                    }
                    else
                    {
                        value = ParseFlowItem(depth + 1);
                    }

                    entries.Add(new YamlMappingEntry(key, keyLine, value));
                    FlowSkip(UnterminatedMap);
                    if (_flow[_fi] == ',')
                    {
                        _fi++;
                        continue;
                    }

                    if (_flow[_fi] == '}')
                    {
                        _fi++;
                        return new YamlMapping(entries.ToImmutable(), line);
                    }

                    throw Error(_fl + 1, "expected ',' or '}' in the flow mapping");
                }
            }

            // Skips spaces, comments and line ends inside a flow collection. On return _flow[_fi] is a character.
            private void FlowSkip(string unterminatedMessage)
            {
                while (true)
                {
                    _fi = SkipSpace(_flow, _fi);
                    if (_fi < _flow.Length && !(_flow[_fi] == '#' && (_fi == 0 || IsSpace(_flow[_fi - 1]))))
                    {
                        return;
                    }

                    _fl++;
                    if (_fl >= _lines.Length)
                    {
                        throw Error(_flowStartLine, unterminatedMessage);
                    }

                    string next = _lines[_fl];
                    if (!IsBlankOrComment(next, 0))
                    {
                        // Lines must be indented more than the parent; a line that starts by closing the
                        // collection may sit at the parent's indentation ("key: [" ... "]"), as libyaml accepts.
                        int spaces = CountSpaces(next);
                        bool closes = spaces < next.Length && (next[spaces] == ']' || next[spaces] == '}');
                        if (spaces < _flowParentIndent
                            || (spaces == _flowParentIndent && !closes)
                            || (spaces == 0 && IsDocumentMarker(next)))
                        {
                            throw Error(_flowStartLine, unterminatedMessage + " (its next lines must be indented more than its key)");
                        }
                    }

                    _flow = next;
                    _fi = 0;
                }
            }

            private YamlNode ParseFlowItem(int depth)
            {
                CheckDepth(depth);
                int line = _fl + 1;
                char c = _flow[_fi];
                switch (c)
                {
                    case '[':
                    case '{':
                        return ParseFlow(depth);
                    case '"':
                    case '\'':
                        return new YamlScalar(ReadQuoted(_flow, _fi, line, out _fi), line, wasQuoted: true);
                    case '&':
                    case '*':
                    case '!':
                        throw AnchorError(line, c);
                    case '|':
                    case '>':
                    case '%':
                    case '@':
                    case '`':
                        throw Error(line, "a plain value cannot start with '" + c + "'; quote it");
                }

                string plain = ReadFlowPlain(_flow, ref _fi);
                if (plain.Length == 0)
                {
                    throw Error(line, "empty entry in the flow collection");
                }

                return new YamlScalar(plain, line, wasQuoted: false);
            }

            private static string ReadFlowPlain(string s, ref int i)
            {
                int start = i;
                while (i < s.Length)
                {
                    char c = s[i];
                    if (c == ',' || c == ']' || c == '}' || c == '[' || c == '{')
                    {
                        break;
                    }

                    if (c == ':' && (i + 1 >= s.Length || IsSpace(s[i + 1]) || s[i + 1] == ',' || s[i + 1] == ']' || s[i + 1] == '}'))
                    {
                        break;
                    }

                    if (c == '#' && i > start && IsSpace(s[i - 1]))
                    {
                        break;
                    }

                    i++;
                }

                return s.Substring(start, i - start).TrimEnd(' ', '\t');
            }

            private static string ReadKey(string s, int col, int line, out int valueStart)
            {
                char c = s[col];
                if (c == '"' || c == '\'')
                {
                    string quoted = ReadQuoted(s, col, line, out int end);
                    int j = SkipSpace(s, end);
                    if (j >= s.Length || s[j] != ':' || (j + 1 < s.Length && !IsSpace(s[j + 1])))
                    {
                        throw Error(line, "expected ':' after the quoted key");
                    }

                    valueStart = j + 1;
                    return quoted;
                }

                switch (c)
                {
                    case '&':
                    case '*':
                    case '!':
                        throw AnchorError(line, c);
                    case '?':
                        throw Error(line, "complex keys ('? ') are not supported");
                    case '[':
                    case '{':
                        throw Error(line, "flow collections as keys are not supported");
                    case '|':
                    case '>':
                    case '%':
                    case '@':
                    case '`':
                        throw Error(line, "a key cannot start with '" + c + "'; quote it");
                }

                int colon = FindPlainKeyColon(s, col);
                if (colon < 0)
                {
                    throw Error(line, "expected 'key: value' but found no ':' after a key");
                }

                string key = s.Substring(col, colon - col).TrimEnd(' ', '\t');
                if (key.Length == 0)
                {
                    throw Error(line, "empty key before ':'");
                }

                valueStart = colon + 1;
                return key;
            }

            // A quoted scalar that must end on its line (keys and flow collections).
            private static string ReadQuoted(string s, int start, int line, out int end)
            {
                char quote = s[start];
                var sb = new StringBuilder();
                int protectedLength = 0;
                int close = ScanQuoted(s, start + 1, quote, sb, line, ref protectedLength, out _);
                if (close < 0)
                {
                    throw Error(line, Unterminated(quote));
                }

                end = close + 1;
                return sb.ToString();
            }

            // A quoted value (after "key:" or "- "), which may continue on the following lines. YAML folding: a
            // line break becomes a space, n blank lines become n line breaks, the whitespace around a break is
            // dropped, and in double quotes a '\' at the end of a line joins the lines without a space.
            // Consumes its lines; on return _li is at the line with the closing quote and end is after the quote.
            private string ReadQuotedValue(string s, int start, int parentIndent, int line, out string closingLine, out int end)
            {
                char quote = s[start];
                var sb = new StringBuilder();
                int protectedLength = 0;
                string current = s;
                int position = start + 1;
                int li = _li;
                while (true)
                {
                    int close = ScanQuoted(current, position, quote, sb, li + 1, ref protectedLength, out bool escapedBreak);
                    if (close >= 0)
                    {
                        _li = li;
                        closingLine = current;
                        end = close + 1;
                        return sb.ToString();
                    }

                    if (!escapedBreak)
                    {
                        while (sb.Length > protectedLength && (sb[sb.Length - 1] == ' ' || sb[sb.Length - 1] == '\t'))
                        {
                            sb.Length--;
                        }
                    }

                    int emptyLines = 0;
                    li++;
                    while (li < _lines.Length && IsWhitespaceOnly(_lines[li]))
                    {
                        emptyLines++;
                        li++;
                    }

                    if (li >= _lines.Length
                        || CountSpaces(_lines[li]) <= parentIndent
                        || (CountSpaces(_lines[li]) == 0 && IsDocumentMarker(_lines[li])))
                    {
                        throw Error(line, Unterminated(quote));
                    }

                    if (escapedBreak)
                    {
                        sb.Append('\n', emptyLines);
                    }
                    else if (emptyLines == 0)
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append('\n', emptyLines);
                    }

                    protectedLength = sb.Length;
                    current = _lines[li];
                    position = SkipSpace(current, 0);
                }
            }

            // Decodes the quoted text of one line from i into sb. Returns the index of the closing quote, or -1 when
            // the line ends first (escapedBreak: the line ended with a '\' in double quotes). protectedLength is
            // raised past escaped characters so that folding does not trim them.
            private static int ScanQuoted(string s, int i, char quote, StringBuilder sb, int line, ref int protectedLength, out bool escapedBreak)
            {
                escapedBreak = false;
                if (quote == '\'')
                {
                    while (i < s.Length)
                    {
                        char c = s[i];
                        if (c == '\'')
                        {
                            if (i + 1 < s.Length && s[i + 1] == '\'')
                            {
                                sb.Append('\'');
                                i += 2;
                                continue;
                            }

                            return i;
                        }

                        sb.Append(c);
                        i++;
                    }

                    return -1;
                }

                while (i < s.Length)
                {
                    char c = s[i];
                    if (c == '"')
                    {
                        return i;
                    }

                    if (c != '\\')
                    {
                        sb.Append(c);
                        i++;
                        continue;
                    }

                    if (i + 1 >= s.Length)
                    {
                        escapedBreak = true;
                        return -1;
                    }

                    char e = s[i + 1];
                    i += 2;
                    switch (e)
                    {
                        case '0': sb.Append('\0'); break;
                        case 'a': sb.Append('\a'); break;
                        case 'b': sb.Append('\b'); break;
                        case 't': sb.Append('\t'); break;
                        case '\t': sb.Append('\t'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'v': sb.Append('\v'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'e': sb.Append('\u001b'); break;
                        case ' ': sb.Append(' '); break;
                        case '"': sb.Append('"'); break;
                        case '/': sb.Append('/'); break;
                        case '\\': sb.Append('\\'); break;
                        case 'N': sb.Append('\u0085'); break;
                        case '_': sb.Append('\u00a0'); break;
                        case 'L': sb.Append('\u2028'); break;
                        case 'P': sb.Append('\u2029'); break;
                        case 'x': AppendHex(sb, s, ref i, 2, line); break;
                        case 'u': AppendHex(sb, s, ref i, 4, line); break;
                        case 'U': AppendHex(sb, s, ref i, 8, line); break;
                        default:
                            throw Error(line, "unknown escape sequence '\\" + e + "' in a double-quoted string");
                    }

                    protectedLength = sb.Length;
                }

                return -1;
            }

            private static string Unterminated(char quote) => quote == '"'
                ? "unterminated double-quoted string"
                : "unterminated single-quoted string";

            private static bool IsWhitespaceOnly(string s) => SkipSpace(s, 0) == s.Length;

            private static void AppendHex(StringBuilder sb, string s, ref int i, int digits, int line)
            {
                if (i + digits > s.Length)
                {
                    throw Error(line, "truncated escape sequence in a double-quoted string");
                }

                long value = 0;
                for (int d = 0; d < digits; d++)
                {
                    char h = s[i + d];
                    int v = h >= '0' && h <= '9' ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                        : -1;
                    if (v < 0)
                    {
                        throw Error(line, "invalid hexadecimal digit in an escape sequence");
                    }

                    value = (value * 16) + v;
                }

                i += digits;
                if (digits < 8)
                {
                    sb.Append((char)value);
                    return;
                }

                if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                {
                    throw Error(line, "invalid Unicode code point in an escape sequence");
                }

                sb.Append(char.ConvertFromUtf32((int)value));
            }

            // Skips blank and comment-only lines when at a line start; returns the indentation of the next
            // structural content, or false at the end of the input.
            private bool PeekStructural(out int indent)
            {
                if (_col >= 0)
                {
                    indent = _col;
                    return true;
                }

                while (_li < _lines.Length)
                {
                    string s = _lines[_li];
                    if (IsBlankOrComment(s, 0))
                    {
                        _li++;
                        continue;
                    }

                    int spaces = CountSpaces(s);
                    if (s[spaces] == '\t')
                    {
                        throw Error(_li + 1, "tab character in indentation (YAML indents with spaces only)");
                    }

                    if (spaces == 0 && IsDocumentMarker(s))
                    {
                        throw Error(_li + 1, "several YAML documents ('---' / '...') in one file are not supported");
                    }

                    indent = spaces;
                    return true;
                }

                indent = 0;
                return false;
            }

            private void NextLine()
            {
                _li++;
                _col = -1;
            }

            private void CheckDepth(int depth)
            {
                if (depth > MaxDepth)
                {
                    throw Error(_li + 1, "nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels is not supported");
                }
            }

            private static bool LooksLikeMappingEntry(string s, int col)
            {
                char c = s[col];
                if (c == '"' || c == '\'')
                {
                    int end = FindQuoteEnd(s, col);
                    if (end < 0)
                    {
                        return false;
                    }

                    int j = SkipSpace(s, end);
                    return j < s.Length && s[j] == ':' && (j + 1 == s.Length || IsSpace(s[j + 1]));
                }

                if (c == '[' || c == '{' || c == '#')
                {
                    return false;
                }

                return FindPlainKeyColon(s, col) >= 0;
            }

            // Index just after the closing quote of the quoted scalar at s[start], or -1.
            private static int FindQuoteEnd(string s, int start)
            {
                char quote = s[start];
                int i = start + 1;
                while (i < s.Length)
                {
                    char c = s[i];
                    if (quote == '"' && c == '\\')
                    {
                        i += 2;
                        continue;
                    }

                    if (c == quote)
                    {
                        if (quote == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }

                        return i + 1;
                    }

                    i++;
                }

                return -1;
            }

            // The ':' that ends a plain key (followed by a space or the end of the line), or -1 if a comment or the
            // end of the line comes first.
            private static int FindPlainKeyColon(string s, int col)
            {
                for (int i = col; i < s.Length; i++)
                {
                    char c = s[i];
                    if (c == '#' && i > col && IsSpace(s[i - 1]))
                    {
                        return -1;
                    }

                    if (c == ':' && (i + 1 == s.Length || IsSpace(s[i + 1])))
                    {
                        return i;
                    }
                }

                return -1;
            }

            // End of a plain scalar that starts at j: the start of a trailing comment or the end of the line.
            private static int PlainEnd(string s, int j)
            {
                for (int i = j + 1; i < s.Length; i++)
                {
                    if (s[i] == '#' && IsSpace(s[i - 1]))
                    {
                        return i;
                    }
                }

                return s.Length;
            }

            private static bool HasMappingIndicator(string plain)
            {
                for (int i = 0; i < plain.Length; i++)
                {
                    if (plain[i] == ':' && (i + 1 == plain.Length || IsSpace(plain[i + 1])))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsSequenceDash(string s, int col) =>
                col < s.Length && s[col] == '-' && (col + 1 == s.Length || IsSpace(s[col + 1]));

            private static bool IsDocumentMarker(string s) =>
                s.Length >= 3
                && ((s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.'))
                && (s.Length == 3 || IsSpace(s[3]));

            private static bool IsBlankOrComment(string s, int from)
            {
                int i = SkipSpace(s, from);
                return i >= s.Length || s[i] == '#';
            }

            private static int CountSpaces(string s)
            {
                int i = 0;
                while (i < s.Length && s[i] == ' ')
                {
                    i++;
                }

                return i;
            }

            private static int SkipSpace(string s, int i)
            {
                while (i < s.Length && IsSpace(s[i]))
                {
                    i++;
                }

                return i;
            }

            private static bool IsSpace(char c) => c == ' ' || c == '\t';

            private static string BadIndentation(int expected, int found) =>
                "bad indentation: expected " + expected.ToString(CultureInfo.InvariantCulture)
                + " spaces but found " + found.ToString(CultureInfo.InvariantCulture);

            private static YamlParseException AnchorError(int line, char c) =>
                new YamlParseException(line, c == '&' ? "anchors ('&') are not supported"
                    : c == '*' ? "aliases ('*') are not supported"
                    : "tags ('!') are not supported");

            private static YamlParseException Error(int line, string message) => new YamlParseException(line, message);
        }
    }
}
