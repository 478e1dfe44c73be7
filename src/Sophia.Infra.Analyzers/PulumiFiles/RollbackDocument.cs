using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>A heading of a markdown file: ATX (<c>#</c> to <c>######</c>) or setext (a line underlined with <c>===</c> or <c>---</c>).</summary>
    internal sealed class MarkdownHeading
    {
        public MarkdownHeading(int level, string text, int line)
        {
            Level = level;
            Text = text;
            Line = line;
        }

        /// <summary>1 for <c>#</c> (or a <c>===</c> underline), 2 for <c>##</c> (or a <c>---</c> underline), up to 6.</summary>
        public int Level { get; }

        /// <summary>The heading text, trimmed, without the <c>#</c>s.</summary>
        public string Text { get; }

        /// <summary>1-based line.</summary>
        public int Line { get; }
    }

    /// <summary>The <c>ROLLBACK.md</c> beside <c>Pulumi.yaml</c>.</summary>
    internal sealed class RollbackDocument
    {
        private ImmutableArray<MarkdownHeading> _headings;

        public RollbackDocument(string path, SourceText text, AdditionalText? file)
        {
            Path = path ?? string.Empty;
            Text = text;
            File = file;
        }

        public string Path { get; }

        public SourceText Text { get; }

        /// <summary>The AdditionalText it was read from (null when built from a string).</summary>
        public AdditionalText? File { get; }

        /// <summary>The headings of any level, ATX (<c>## Section</c>) and setext, outside fenced code blocks, in order.</summary>
        public ImmutableArray<MarkdownHeading> Headings
        {
            get
            {
                if (_headings.IsDefault)
                {
                    ImmutableInterlocked.InterlockedInitialize(ref _headings, ReadHeadings(Text));
                }

                return _headings;
            }
        }

        /// <summary>True when a heading has exactly this text (case-insensitive, surrounding spaces ignored).</summary>
        public bool HasHeading(string title)
        {
            string wanted = (title ?? string.Empty).Trim();
            foreach (MarkdownHeading heading in Headings)
            {
                if (string.Equals(heading.Text, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a heading starts with <paramref name="section"/> (case-insensitive) followed by the end of the heading
        /// or a character that is not a letter or digit: <c>## Rollback Steps (prod)</c> is the section <c>Rollback Steps</c>,
        /// <c>## Verify</c> is not <c>Verification</c>, <c>## Overviews</c> is not <c>Overview</c>.
        /// </summary>
        public bool HasSection(string section)
        {
            string wanted = (section ?? string.Empty).Trim();
            if (wanted.Length == 0)
            {
                return false;
            }

            foreach (MarkdownHeading heading in Headings)
            {
                string text = heading.Text;
                if (text.Length >= wanted.Length
                    && string.Compare(text, 0, wanted, 0, wanted.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (text.Length == wanted.Length || !char.IsLetterOrDigit(text[wanted.Length])))
                {
                    return true;
                }
            }

            return false;
        }

        public static RollbackDocument FromString(string path, string text) => new RollbackDocument(path, SourceText.From(text ?? string.Empty), null);

        private static ImmutableArray<MarkdownHeading> ReadHeadings(SourceText text)
        {
            var headings = ImmutableArray.CreateBuilder<MarkdownHeading>();
            char fence = '\0';

            // The first line of the paragraph being read (a setext underline turns it into a heading), or -1.
            int paragraphLine = -1;
            string paragraphText = string.Empty;
            foreach (TextLine textLine in text.Lines)
            {
                string line = textLine.ToString();
                int i = 0;
                while (i < line.Length && i < 4 && line[i] == ' ')
                {
                    i++;
                }

                bool blank = line.Trim().Length == 0;
                if (i > 3)
                {
                    continue; // Indented code, or the continuation of a paragraph.
                }

                if (i + 2 < line.Length && (line[i] == '`' || line[i] == '~') && line[i + 1] == line[i] && line[i + 2] == line[i])
                {
                    if (fence == '\0')
                    {
                        fence = line[i];
                    }
                    else if (fence == line[i])
                    {
                        fence = '\0';
                    }

                    paragraphLine = -1;
                    continue;
                }

                if (fence != '\0')
                {
                    continue;
                }

                if (blank)
                {
                    paragraphLine = -1;
                    continue;
                }

                if (i < 4 && paragraphLine >= 0 && IsSetextUnderline(line, i, out int setextLevel))
                {
                    headings.Add(new MarkdownHeading(setextLevel, paragraphText, paragraphLine + 1));
                    paragraphLine = -1;
                    continue;
                }

                if (i >= line.Length || line[i] != '#')
                {
                    if (paragraphLine < 0)
                    {
                        paragraphLine = textLine.LineNumber;
                        paragraphText = line.Trim();
                    }

                    continue;
                }

                int level = 0;
                while (i < line.Length && line[i] == '#')
                {
                    level++;
                    i++;
                }

                if (level > 6 || (i < line.Length && line[i] != ' ' && line[i] != '\t'))
                {
                    if (paragraphLine < 0)
                    {
                        paragraphLine = textLine.LineNumber;
                        paragraphText = line.Trim();
                    }

                    continue;
                }

                paragraphLine = -1;
                string title = line.Substring(i).Trim();

                // Optional closing sequence: "## Title ##".
                int end = title.Length;
                while (end > 0 && title[end - 1] == '#')
                {
                    end--;
                }

                if (end < title.Length && (end == 0 || title[end - 1] == ' ' || title[end - 1] == '\t'))
                {
                    title = title.Substring(0, end).Trim();
                }

                headings.Add(new MarkdownHeading(level, title, textLine.LineNumber + 1));
            }

            return headings.ToImmutable();
        }

        /// <summary>A setext underline: only '=' (level 1) or only '-' (level 2) after up to 3 spaces, then optional spaces.</summary>
        private static bool IsSetextUnderline(string line, int start, out int level)
        {
            level = 0;
            if (start >= line.Length || (line[start] != '=' && line[start] != '-'))
            {
                return false;
            }

            char marker = line[start];
            int i = start;
            while (i < line.Length && line[i] == marker)
            {
                i++;
            }

            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i != line.Length)
            {
                return false;
            }

            level = marker == '=' ? 1 : 2;
            return true;
        }

        /// <summary>A location on the given 1-based line of this file.</summary>
        public Location GetLocation(int line) => PulumiWorkspace.CreateLocation(Path, Text, line);
    }
}
