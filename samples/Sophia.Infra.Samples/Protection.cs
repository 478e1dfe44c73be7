using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Samples;

/// <summary>
/// SIA2001: production resources must be protected (<c>Protect = stack == "prod"</c>). Every resource below is created
/// without protection in production, each in another way; the last ones show what passes.
/// </summary>
public static class Protection
{
    public static void Create(string stack)
    {
        var current = Deployment.Instance.StackName;

        // No options at all.
        var zone = new Aws.Route53.Zone($"sophia-{stack}-zone-main", new Aws.Route53.ZoneArgs { Name = "example.org" });

        // Null options.
        new Aws.Acm.Certificate($"sophia-{stack}-cert-main", new Aws.Acm.CertificateArgs
        {
            DomainName = "example.org",
            ValidationMethod = "DNS",
        }, null);

        // Options without Protect.
        new Aws.Ec2.Vpc($"sophia-{stack}-vpc-main", new Aws.Ec2.VpcArgs { CidrBlock = "10.0.0.0/16" },
            new CustomResourceOptions { DeleteBeforeReplace = true });

        // Protect = false.
        new Aws.Ecr.Repository($"sophia-{stack}-repository-images", null, new CustomResourceOptions { Protect = false });

        // Protected in dev only: false in production.
        new Aws.Ecr.Repository($"sophia-{stack}-repository-cache", null, new CustomResourceOptions { Protect = current == "dev" });

        // Shared options that protect nothing in production (reported at each use).
        var isDev = current is "dev" or "staging";
        var devOnly = new CustomResourceOptions { Protect = isDev };
        new Aws.Route53.Record($"sophia-{stack}-dns-www", new Aws.Route53.RecordArgs
        {
            ZoneId = zone.ZoneId,
            Name = "www.example.org",
            Type = "A",
            Ttl = 300,
            Records = { "192.0.2.10" },
        }, devOnly);

        // A component of ours, without options.
        new Website($"sophia-{stack}-website-main");

        // Compliant: protected in production; a child inherits its parent's protection.
        var isProd = current == "prod";
        var site = new Website($"sophia-{stack}-website-docs", new ComponentResourceOptions { Protect = isProd });
        new Aws.Ecr.Repository($"sophia-{stack}-repository-docs", null, new CustomResourceOptions { Parent = site });
    }

    /// <summary>A user component: checked like any resource.</summary>
    public sealed class Website : ComponentResource
    {
        public Website(string name, ComponentResourceOptions? options = null)
            : base("sophia:samples:Website", name, options)
        {
            RegisterOutputs();
        }
    }
}
