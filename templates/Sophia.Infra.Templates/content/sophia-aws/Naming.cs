using Pulumi;

namespace Infra;

/// <summary>The naming standard: {project}-{environment}-{resource-type}-{purpose}, all lower case.</summary>
public static class Naming
{
    /// <summary>
    /// The name of a resource: the Pulumi project, the stack (the environment), the resource type's token (<c>bucket</c>,
    /// <c>role</c>, <c>logs</c>, ...) and what it is for. Pulumi appends a random suffix to form the physical name.
    /// </summary>
    public static string Name(string resourceType, string purpose) =>
        $"{Deployment.Instance.ProjectName}-{Deployment.Instance.StackName}-{resourceType}-{purpose}";
}
