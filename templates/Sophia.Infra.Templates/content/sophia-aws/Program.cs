using System.Collections.Generic;
using Infra;
using Pulumi;

// Entry point. Each module creates one part of the stack; every resource is named
// {project}-{environment}-{resource-type}-{purpose} (Naming.Name) and protected in production (Protect = stack == "prod").
// `dotnet build` runs the Sophia.Infra analyzers; `pulumi preview` shows the plan before `pulumi up` applies it.
return await Deployment.RunAsync(() =>
{
    var config = new Config();

    var storage = Storage.Create(config);
    var access = Access.Create(storage);
    var monitoring = Monitoring.Create(config);

    return new Dictionary<string, object?>
    {
        ["data_bucket"] = storage.Bucket.BucketName,
        ["reader_role_arn"] = access.Arn,
        ["log_group"] = monitoring.LogGroup.Name,
        ["alerts_topic_arn"] = monitoring.Alerts.Arn,
    };
});
