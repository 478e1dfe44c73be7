using System.Collections.Generic;
using System.Text;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>Splits a <c>string.Format</c> composite format into text and placeholders; null when the format is malformed.</summary>
internal static class CompositeFormat
{
    public readonly struct Segment
    {
        public Segment(string text, int index, bool hasFormat)
        {
            Text = text;
            Index = index;
            HasFormat = hasFormat;
        }

        /// <summary>The literal text of a text segment.</summary>
        public string Text { get; }

        /// <summary>The argument index of a placeholder; -1 for text.</summary>
        public int Index { get; }

        /// <summary>True when the placeholder has an alignment or a format string (its text is then not known).</summary>
        public bool HasFormat { get; }
    }

    public static List<Segment>? Parse(string format)
    {
        var segments = new List<Segment>();
        var text = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '{')
            {
                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    text.Append('{');
                    i += 2;
                    continue;
                }

                var close = format.IndexOf('}', i);
                if (close < 0)
                {
                    return null;
                }

                var body = format.Substring(i + 1, close - i - 1);
                var end = 0;
                var index = 0;
                while (end < body.Length && body[end] >= '0' && body[end] <= '9' && index < 1_000_000)
                {
                    index = (index * 10) + (body[end] - '0');
                    end++;
                }

                if (end == 0)
                {
                    return null;
                }

                if (text.Length > 0)
                {
                    segments.Add(new Segment(text.ToString(), -1, false));
                    text.Clear();
                }

                segments.Add(new Segment(string.Empty, index, end < body.Length));
                i = close + 1;
                continue;
            }

            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                    continue;
                }

                return null;
            }

            text.Append(c);
            i++;
        }

        if (text.Length > 0)
        {
            segments.Add(new Segment(text.ToString(), -1, false));
        }

        return segments;
    }
}
