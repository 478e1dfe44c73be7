using System.Collections.Generic;
using Pulumi;
using Sophia.Infra.Stack;

// Entry point: the reference stack, laid out as the standard's infra/ folder (DnsTls, K3s, LambdaDynamic).
// Every resource is named {project}-{environment}-{resource-type}-{purpose} and protected in production.
return await Deployment.RunAsync(() =>
{
    var config = new Config();

    var dns = DnsTls.Create(config);
    var k3s = K3s.Create(config);
    var lambda = LambdaDynamic.Create();

    return new Dictionary<string, object?>
    {
        ["vm_ip"] = k3s.PublicIp,
        ["zone_id"] = dns.ZoneId,
        ["certificate_arn"] = dns.CertificateArn,
        ["function_name"] = lambda.FunctionName,
        ["artifacts_bucket"] = lambda.ArtifactsBucket,
    };
});
