using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Sophia.Infra.RefGen;

/// <summary>
/// The listing gives only the member names of the AWS enum structs. The string value of each member is derived
/// here, one explicit rule per enum, following the values the real provider uses (pulumi-api.md section 2).
/// </summary>
public static class EnumValues
{
    public static string For(string enumFullName, string member) => enumFullName switch
    {
        // "T3_Micro" -> "t3.micro", "C7i_flex_12XLarge" -> "c7i-flex.12xlarge", "C7a_Metal_48xl" -> "c7a.metal-48xl"
        "Pulumi.Aws.Ec2.InstanceType" => InstanceClass(member),
        // "T4G_Micro" -> "db.t4g.micro"
        "Pulumi.Aws.Rds.InstanceType" => "db." + InstanceClass(member),
        "Pulumi.Aws.Lambda.Runtime" => LambdaRuntime(member),
        // ALLOW -> "Allow", DENY -> "Deny"
        "Pulumi.Aws.Iam.PolicyStatementEffect" => member[..1] + member[1..].ToLowerInvariant(),
        // PolicyDocumentVersion_2012_10_17 -> "2012-10-17"
        "Pulumi.Aws.Iam.PolicyDocumentVersion" => member["PolicyDocumentVersion_".Length..].Replace('_', '-'),
        // AWS managed policies are ARNs. (Service-role policies live under a path in AWS; the listing does not say which.)
        "Pulumi.Aws.Iam.ManagedPolicy" => "arn:aws:iam::aws:policy/" + member,
        // DNS record types and SSM parameter types are spelled as their member names.
        "Pulumi.Aws.Route53.RecordType" or "Pulumi.Aws.Ssm.ParameterType" => member,
        // ECR lifecycle policy count types are camelCase ("imageCountMoreThan").
        "Pulumi.Aws.Ecr.LifecyclePolicyCountType" => char.ToLowerInvariant(member[0]) + member[1..],
        // RDS engine modes are lower case without separator ("parallelquery").
        "Pulumi.Aws.Rds.EngineMode" => member.ToLowerInvariant(),
        // Everything else (CannedAcl, ProtocolType, Tenancy, EngineType, StorageType, ECR action/tag status): kebab-case.
        _ => Kebab(member),
    };

    static readonly Regex SizeSegment = new(@"^(\d*x*large|nano|micro|small|medium|metal|\d+xl)$", RegexOptions.IgnoreCase);

    static string InstanceClass(string member)
    {
        var segments = member.Split('_');
        int k = 1;
        while (k < segments.Length && !SizeSegment.IsMatch(segments[k])) k++;
        var family = string.Join("-", segments.Take(k)).ToLowerInvariant();
        var size = string.Join("-", segments.Skip(k)).ToLowerInvariant();
        return size.Length == 0 ? family : family + "." + size;
    }

    static string LambdaRuntime(string member)
    {
        if (member.StartsWith("Custom")) return "provided" + (member.Length > 6 ? "." + member[6..].ToLowerInvariant() : "");
        var s = member;
        if (s.EndsWith("AL2")) s = s[..^3] + ".al2";           // Java8AL2 -> java8.al2
        s = Regex.Replace(s, @"(\d)d(\d|[xX])", "$1.$2");        // Python3d12 -> python3.12, NodeJS20dX -> nodejs20.x
        return s.ToLowerInvariant();
    }

    static string Kebab(string member)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < member.Length; i++)
        {
            var c = member[i];
            if (i > 0 && char.IsUpper(c) && char.IsLower(member[i - 1])) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
