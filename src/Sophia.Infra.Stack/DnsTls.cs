using Pulumi;
using Aws = Pulumi.Aws;

namespace Sophia.Infra.Stack;

/// <summary>DNS and TLS: the Route 53 zone, the ACM certificate and its DNS validation.</summary>
public static class DnsTls
{
    public sealed class Outputs
    {
        public Outputs(Output<string> zoneId, Output<string> certificateArn)
        {
            ZoneId = zoneId;
            CertificateArn = certificateArn;
        }

        public Output<string> ZoneId { get; }

        public Output<string> CertificateArn { get; }
    }

    public static Outputs Create(Config config)
    {
        var stack = Deployment.Instance.StackName;
        var domain = config.Require("domain");
        var isProd = stack == "prod";

        var zone = new Aws.Route53.Zone($"sophia-{stack}-zone-main", new Aws.Route53.ZoneArgs
        {
            Name = domain,
        }, new CustomResourceOptions { Protect = isProd });

        var certificate = new Aws.Acm.Certificate($"sophia-{stack}-cert-main", new Aws.Acm.CertificateArgs
        {
            DomainName = domain,
            ValidationMethod = "DNS",
        }, new CustomResourceOptions { Protect = isProd });

        var validationRecord = new Aws.Route53.Record($"sophia-{stack}-dns-cert-validation", new Aws.Route53.RecordArgs
        {
            ZoneId = zone.ZoneId,
            Name = certificate.DomainValidationOptions.Apply(options => options[0].ResourceRecordName),
            Type = certificate.DomainValidationOptions.Apply(options => options[0].ResourceRecordType),
            Records = { certificate.DomainValidationOptions.Apply(options => options[0].ResourceRecordValue) },
            Ttl = 300,
        }, new CustomResourceOptions { Protect = isProd });

        var validation = new Aws.Acm.CertificateValidation($"sophia-{stack}-cert-validation-main", new Aws.Acm.CertificateValidationArgs
        {
            CertificateArn = certificate.Arn,
            ValidationRecordFqdns = { validationRecord.Fqdn },
        }, new CustomResourceOptions { Protect = isProd });

        return new Outputs(zone.ZoneId, validation.CertificateArn);
    }
}
