using System;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>IAM's string matching on slices of strings, without allocating: wildcards and edit distance, case ignored.</summary>
internal static class IamGlob
{
    /// <summary>True when <c>pattern[patternStart..patternEnd)</c> contains <c>*</c> or <c>?</c>.</summary>
    public static bool HasWildcard(string pattern, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (pattern[i] == '*' || pattern[i] == '?')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IAM-style matching: <c>*</c> is any run of characters, <c>?</c> one character; case is ignored.</summary>
    public static bool Matches(string pattern, int patternStart, int patternEnd, string text, int textStart, int textEnd)
    {
        int p = patternStart, t = textStart, star = -1, mark = 0;
        while (t < textEnd)
        {
            if (p < patternEnd && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < patternEnd && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < patternEnd && pattern[p] == '*')
        {
            p++;
        }

        return p == patternEnd;
    }

    /// <summary>
    /// The case-insensitive Levenshtein distance between two slices, or <paramref name="limit"/> + 1 as soon as it is known to
    /// exceed <paramref name="limit"/>. Only used to word a finding (it allocates one row).
    /// </summary>
    public static int EditDistance(string a, int aStart, int aEnd, string b, int bStart, int bEnd, int limit)
    {
        int n = aEnd - aStart, m = bEnd - bStart;
        if (Math.Abs(n - m) > limit)
        {
            return limit + 1;
        }

        var row = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            var best = row[0];
            var ca = char.ToUpperInvariant(a[aStart + i - 1]);
            for (var j = 1; j <= m; j++)
            {
                var above = row[j];
                var cost = ca == char.ToUpperInvariant(b[bStart + j - 1]) ? 0 : 1;
                row[j] = Math.Min(Math.Min(above + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
                best = Math.Min(best, row[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }
        }

        return Math.Min(row[m], limit + 1);
    }
}
