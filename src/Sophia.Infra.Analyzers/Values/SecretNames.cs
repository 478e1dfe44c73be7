using System;
using System.Collections.Generic;
using System.Text;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>
/// When a name "marks a secret" (design.md): split into words (camel, kebab, snake case, and any other non-alphanumeric
/// separator such as <c>:</c> or <c>.</c>), it contains <c>password</c>, <c>passwd</c>, <c>pwd</c>, <c>secret</c>,
/// <c>token</c>, <c>apikey</c>/<c>api key</c>, <c>privatekey</c>/<c>private key</c>, <c>accesskey</c>/<c>access key</c>,
/// <c>clientsecret</c>, <c>connectionstring</c> or <c>credential</c> (each also in the plural), and its last word is not
/// one that names something about the secret rather than the secret itself (<c>path</c>, <c>file</c>, <c>name</c>,
/// <c>arn</c>, <c>id</c>, <c>url</c>, <c>length</c>, <c>rotation</c>, <c>version</c>, <c>ttl</c>, <c>outputs</c>, ...).
/// The one predicate of the secrets rules (SIA6001-SIA6003), for C# names, dictionary keys and config keys alike.
/// </summary>
public static class SecretNames
{
    // Terms, compared with one word or with two or three consecutive words joined ("api" + "key").
    private static readonly string[] Terms =
    {
        "password", "passwd", "pwd", "secret", "token", "apikey", "privatekey", "accesskey", "clientsecret",
        "connectionstring", "credential",
    };

    // A last word that names something about a secret (where it is, how it is found, how long it lives), not the secret.
    // The design's list, with the plurals of its nouns and words that name a setting of a secret-holding feature
    // (AuthTokenUpdateStrategy, ApiKeySource, ApiKeySelectionExpression, SecretStatus, TokenEndpoint, SecretType, and the AWS
    // provider's aws:skipCredentialsValidation and aws:tokenBucketRateLimiterCapacity).
    private static readonly HashSet<string> NotSecretLastWords = new(StringComparer.Ordinal)
    {
        "path", "paths", "file", "files", "name", "names", "arn", "arns", "id", "ids", "url", "urls", "uri", "length",
        "rotation", "version", "versions", "ttl", "outputs",
        "strategy", "source", "expression", "endpoint", "status", "type", "mode", "format", "algorithm", "generation",
        "parameter", "duration", "enabled", "count", "days", "validation", "capacity",
    };

    // Tokens that are settings or request ids, not secrets: EC2 HttpTokens ("required"), EFS CreationToken, idempotency
    // and pagination tokens, .NET's CancellationToken. Matched against the last words of the name, joined.
    private static readonly string[] NotSecretEndings =
    {
        "httptokens", "creationtoken", "clienttoken", "requesttoken", "idempotencytoken", "nexttoken", "pagetoken",
        "cancellationtoken",
    };

    /// <summary>True when <paramref name="name"/> marks a secret. Allocation-free for names that cannot (the common case).</summary>
    public static bool MarksSecret(string? name)
    {
        if (name is null || name.Length < 3 || !MayMarkSecret(name))
        {
            return false;
        }

        var words = SplitWords(name);
        if (words.Count == 0 || NotSecretLastWords.Contains(words[words.Count - 1]) || EndsWithNotSecret(words))
        {
            return false;
        }

        for (var start = 0; start < words.Count; start++)
        {
            var joined = string.Empty;
            for (var count = 1; count <= 3 && start + count <= words.Count; count++)
            {
                joined += words[start + count - 1];
                if (IsTerm(joined))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The words of <paramref name="name"/>, lower case: split at every character that is not a letter or digit, before an
    /// upper-case letter that follows a lower-case letter or digit, and before the last capital of a run of capitals
    /// followed by a lower-case letter (<c>APIKey</c> is <c>api</c>, <c>key</c>). Digits stay with the word before them.
    /// </summary>
    public static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && i > 0)
            {
                var previous = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    /// <summary>
    /// The camelCase config key for a place name (<c>MasterPassword</c> → <c>masterPassword</c>, <c>DB_PASSWORD</c> →
    /// <c>dbPassword</c>, <c>open-api-key</c> → <c>openApiKey</c>); null when the name has no word.
    /// </summary>
    public static string? ToCamelCaseKey(string name)
    {
        var words = SplitWords(name);
        if (words.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder(words[0]);
        for (var i = 1; i < words.Count; i++)
        {
            builder.Append(char.ToUpperInvariant(words[i][0])).Append(words[i], 1, words[i].Length - 1);
        }

        return builder.ToString();
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static bool IsTerm(string joined)
    {
        foreach (var term in Terms)
        {
            if (joined.Length == term.Length && string.Equals(joined, term, StringComparison.Ordinal))
            {
                return true;
            }

            if (joined.Length == term.Length + 1 && joined[joined.Length - 1] == 's' && string.CompareOrdinal(joined, 0, term, 0, term.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithNotSecret(List<string> words)
    {
        var joined = string.Empty;
        for (var i = words.Count - 1; i >= 0 && i >= words.Count - 3; i--)
        {
            joined = words[i] + joined;
            foreach (var ending in NotSecretEndings)
            {
                if (string.Equals(joined, ending, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A cheap filter: every term contains one of these, case-insensitively (no allocation).</summary>
    private static bool MayMarkSecret(string name) =>
        name.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("connection", StringComparison.OrdinalIgnoreCase) >= 0;
}
