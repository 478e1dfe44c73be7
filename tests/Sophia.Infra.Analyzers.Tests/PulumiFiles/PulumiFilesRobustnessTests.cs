using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.PulumiFiles;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.PulumiFiles
{
    /// <summary>Fuzz-style: mutated and random inputs never make the reader or the workspace throw.</summary>
    public class PulumiFilesRobustnessTests
    {
        private const string Alphabet = "-:#'\"[]{}|>&*!?,%@`~\\ \t\r\n0aZ.+/\u00e9\uFEFF\u2028\0xyn123";

        private static readonly string[] Seeds =
        {
            PulumiSamples.ProjectFile,
            PulumiSamples.DevStackFile,
            "a: \"esc \\x41 \\u00e9 \\U0001F600\"\nb: 'it''s'\nc: [1, {d: e}, \"f\"]\ng: |+\n  keep\n\nh: >-\n  fold\n  ed\n",
            "- - a\n  - b\n- k: v\n  l:\n  - m\n-\n  x: |2\n     y\n",
            "---\r\nconfig:\r\n  p:k: {secure: AAA=}\r\n  # c\r\n  p:l: v # c\r\n",
            "# Rollback\n## Overview\n```\n# no\n```\n## Rollback Steps\n",
        };

        [Fact]
        public void MutatedValidFiles_NeverThrow()
        {
            var random = new Random(20240611);
            int errors = 0;
            for (int i = 0; i < 5_000; i++)
            {
                string seed = Seeds[random.Next(Seeds.Length)];
                string text = Mutate(seed, random);
                if (!CheckParse(text))
                {
                    errors++;
                }

                if (i % 5 == 0)
                {
                    CheckWorkspace(text);
                }
            }

            // The mutations must really exercise the error paths (and the success paths).
            Assert.InRange(errors, 500, 4_900);
        }

        [Fact]
        public void TruncatedValidFiles_NeverThrow()
        {
            foreach (string seed in Seeds)
            {
                for (int length = 0; length <= seed.Length; length++)
                {
                    string text = seed.Substring(0, length);
                    CheckParse(text);
                    CheckWorkspace(text);
                }
            }
        }

        [Fact]
        public void RandomBytes_NeverThrow()
        {
            var random = new Random(7);
            for (int i = 0; i < 2_000; i++)
            {
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                string text = i % 2 == 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
                CheckParse(text);
            }

            for (int i = 0; i < 2_000; i++)
            {
                var sb = new StringBuilder();
                int length = random.Next(0, 200);
                for (int j = 0; j < length; j++)
                {
                    sb.Append(Alphabet[random.Next(Alphabet.Length)]);
                }

                CheckParse(sb.ToString());
                CheckWorkspace(sb.ToString());
            }
        }

        private static string Mutate(string seed, Random random)
        {
            var sb = new StringBuilder(seed);
            int count = 1 + random.Next(4);
            for (int m = 0; m < count; m++)
            {
                int position = sb.Length == 0 ? 0 : random.Next(sb.Length + 1);
                switch (random.Next(6))
                {
                    case 0:
                        // Truncate.
                        sb.Length = position;
                        break;
                    case 1:
                        // Delete a range.
                        sb.Remove(position, Math.Min(random.Next(1, 10), sb.Length - position));
                        break;
                    case 2:
                        // Insert special characters.
                        int insert = random.Next(1, 4);
                        for (int k = 0; k < insert; k++)
                        {
                            sb.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                        }

                        break;
                    case 3:
                        // Replace one character.
                        if (position < sb.Length)
                        {
                            sb[position] = Alphabet[random.Next(Alphabet.Length)];
                        }

                        break;
                    case 4:
                        // Duplicate a slice (duplicate keys, repeated lines).
                        int take = Math.Min(random.Next(1, 40), sb.Length - position);
                        sb.Insert(position, sb.ToString(position, take));
                        break;
                    default:
                        // Change indentation of a line.
                        int lineStart = position;
                        while (lineStart > 0 && sb[lineStart - 1] != '\n')
                        {
                            lineStart--;
                        }

                        if (random.Next(2) == 0 && lineStart < sb.Length && sb[lineStart] == ' ')
                        {
                            sb.Remove(lineStart, 1);
                        }
                        else
                        {
                            sb.Insert(lineStart, new string(' ', random.Next(1, 4)));
                        }

                        break;
                }
            }

            return sb.ToString();
        }

        // Returns true when the text parsed.
        private static bool CheckParse(string text)
        {
            YamlDocument document;
            try
            {
                document = YamlReader.Parse(text);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException("YamlReader.Parse threw " + ex + " for input:\n" + Escape(text));
            }

            if (document.IsSuccess)
            {
                Assert.NotNull(document.Root);
                return true;
            }

            Assert.Null(document.Root);
            YamlError error = document.Error!;
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            if (error.Message.StartsWith(YamlReader.InternalErrorPrefix, StringComparison.Ordinal))
            {
                throw new Xunit.Sdk.XunitException("internal error '" + error.Message + "' for input:\n" + Escape(text));
            }

            int lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.Count;
            Assert.InRange(error.Line, 1, Math.Max(lines, 1));
            return false;
        }

        private static void CheckWorkspace(string text)
        {
            var files = ImmutableArray.Create<AdditionalText>(
                new TestAdditionalText("/f/Pulumi.yaml", text),
                new TestAdditionalText("/f/Pulumi.dev.yaml", text),
                new TestAdditionalText("/f/ROLLBACK.md", text));
            PulumiWorkspace workspace;
            try
            {
                workspace = PulumiWorkspace.Create(files, CancellationToken.None);
                foreach (PulumiFileError error in workspace.Errors)
                {
                    Location location = error.ToLocation();
                    Assert.True(location.GetLineSpan().IsValid);
                }

                _ = workspace.Rollback!.Headings;
                _ = workspace.TryGetKey("dev", "aws:region", out _);
            }
            catch (Exception ex) when (!(ex is Xunit.Sdk.XunitException))
            {
                throw new Xunit.Sdk.XunitException("PulumiWorkspace threw " + ex + " for input:\n" + Escape(text));
            }

            Assert.NotNull(workspace.Project);
            Assert.Single(workspace.Stacks);
        }

        private static string Escape(string text)
        {
            var sb = new StringBuilder();
            foreach (char c in text)
            {
                if (c == '\n')
                {
                    sb.Append("\\n\n");
                }
                else if (c < ' ' || c > '~')
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }
    }
}
