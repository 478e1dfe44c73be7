using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>A <c>#</c> or <c>##</c> heading of a markdown file.</summary>
    internal sealed class MarkdownHeading
    {
        public MarkdownHeading(int level, string text, int line)
        {
            Level = level;
            Text = text;
            Line = line;
        }

        /// <summary>1 for <c>#</c>, 2 for <c>##</c>.</summary>
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

        /// <summary>The ATX headings of level 1 and 2 (<c># Title</c>, <c>## Section</c>), outside fenced code blocks, in order.</summary>
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

        /// <summary>True when a <c>#</c>/<c>##</c> heading has this text (case-insensitive, surrounding spaces ignored).</summary>
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

        public static RollbackDocument FromString(string path, string text) => new RollbackDocument(path, SourceText.From(text ?? string.Empty), null);

        private static ImmutableArray<MarkdownHeading> ReadHeadings(SourceText text)
        {
            var headings = ImmutableArray.CreateBuilder<MarkdownHeading>();
            char fence = '\0';
            foreach (TextLine textLine in text.Lines)
            {
                string line = textLine.ToString();
                int i = 0;
                while (i < line.Length && i < 4 && line[i] == ' ')
                {
                    i++;
                }

                if (i > 3)
                {
                    continue; // Indented code.
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

                    continue;
                }

                if (fence != '\0' || i >= line.Length || line[i] != '#')
                {
                    continue;
                }

                int level = 0;
                while (i < line.Length && line[i] == '#')
                {
                    level++;
                    i++;
                }

                if (level > 2 || (i < line.Length && line[i] != ' ' && line[i] != '\t'))
                {
                    continue;
                }

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

        /// <summary>A location on the given 1-based line of this file.</summary>
        public Location GetLocation(int line) => PulumiWorkspace.CreateLocation(Path, Text, line);
    }
}
