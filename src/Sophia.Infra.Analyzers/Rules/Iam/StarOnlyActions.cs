using System;

namespace Sophia.Infra.Analyzers.Rules.Iam;

/// <summary>
/// The actions that AWS only grants on <c>"Resource": "*"</c> (they support no resource-level permissions), so a statement
/// of only these actions may name <c>*</c> (SIA4002). docs/rules/SIA4002.md documents this table; keep both in step.
/// An entry with <c>*</c> covers every action it matches (<c>ec2:Describe*</c> covers <c>ec2:DescribeInstances</c>).
/// </summary>
internal static class StarOnlyActions
{
    internal static readonly string[] Table =
    {
        "s3:ListAllMyBuckets",
        "ec2:Describe*",
        "cloudwatch:PutMetricData",
        "cloudwatch:GetMetricData",
        "cloudwatch:GetMetricStatistics",
        "cloudwatch:ListMetrics",
        "logs:DescribeLogGroups",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
        "ssmmessages:*Channel",
        "ecr:GetAuthorizationToken",
        "sts:GetCallerIdentity",
        "kms:ListKeys",
        "kms:ListAliases",
        "tag:GetResources",
    };

    /// <summary>
    /// True when <paramref name="action"/> is only granted on <c>*</c>. IAM action names ignore case. An action with a
    /// wildcard is covered only when it is itself an entry (<c>ec2:Describe*</c>), since it may match other actions.
    /// </summary>
    public static bool Contains(string action)
    {
        var hasWildcard = action.IndexOf('*') >= 0 || action.IndexOf('?') >= 0;
        foreach (var entry in Table)
        {
            if (string.Equals(entry, action, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!hasWildcard && entry.IndexOf('*') >= 0 && GlobMatches(entry, action))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IAM-style matching: <c>*</c> is any run of characters, <c>?</c> one character; case is ignored.</summary>
    internal static bool GlobMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
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

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
