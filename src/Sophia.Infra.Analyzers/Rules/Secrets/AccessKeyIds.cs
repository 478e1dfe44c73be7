namespace Sophia.Infra.Analyzers.Rules.Secrets;

/// <summary>
/// AWS access key ids: <c>AKIA</c> (long-term) or <c>ASIA</c> (temporary) followed by 16 upper-case letters or digits,
/// anywhere in a string, not inside a longer run of upper-case letters and digits.
/// </summary>
internal static class AccessKeyIds
{
    private const int Length = 20;

    /// <summary>True when <paramref name="text"/> contains an access key id. No allocation.</summary>
    public static bool Contains(string text)
    {
        for (var i = 0; i + Length <= text.Length; i++)
        {
            if (text[i] != 'A' || text[i + 2] != 'I' || text[i + 3] != 'A' || (text[i + 1] != 'K' && text[i + 1] != 'S'))
            {
                continue;
            }

            if ((i > 0 && IsKeyChar(text[i - 1])) || (i + Length < text.Length && IsKeyChar(text[i + Length])))
            {
                continue;
            }

            var all = true;
            for (var j = i + 4; j < i + Length; j++)
            {
                if (!IsKeyChar(text[j]))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyChar(char c) => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
