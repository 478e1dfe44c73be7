using System.Threading;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>The Pulumi types the rules know, by metadata name. The order is the order of <see cref="PulumiSymbols.MetadataNames"/>.</summary>
public enum PulumiType
{
    // Pulumi core
    Resource,
    CustomResource,
    ComponentResource,
    ProviderResource,
    ResourceOptions,
    CustomResourceOptions,
    ComponentResourceOptions,
    ResourceArgs,
    InvokeArgs,
    Deployment,
    DeploymentInstance,
    Output,
    OutputOfT,
    InputOfT,
    InputListOfT,
    InputMapOfT,
    InputUnionOfT0T1,
    Config,
    Stack,
    StackOptions,
    StackReference,

    // Pulumi.Aws
    AwsProvider,
    S3Bucket,
    S3BucketV2,
    S3BucketServerSideEncryptionConfiguration,
    S3BucketServerSideEncryptionConfigurationV2,
    S3BucketPolicy,
    S3BucketPublicAccessBlock,
    S3BucketAcl,
    S3BucketObject,
    S3BucketObjectv2,
    IamPolicy,
    IamRole,
    IamRolePolicy,
    IamUserPolicy,
    IamGroupPolicy,
    IamRolePolicyAttachment,
    IamUserPolicyAttachment,
    IamGroupPolicyAttachment,
    IamPolicyAttachment,
    IamManagedPolicy,
    IamGetPolicyDocument,
    IamPolicyDocumentArgs,
    IamPolicyStatementArgs,
    IamGetPolicyDocumentStatementInputArgs,
    IamGetPolicyDocumentStatementArgs,
    IamRoleInlinePolicyArgs,
    KmsKey,
    SqsQueue,
    SqsQueuePolicy,
    SnsTopic,
    SnsTopicPolicy,
    LambdaFunction,
    LambdaPermission,
    RdsInstance,
    RdsCluster,
    EbsVolume,
    Ec2Instance,
    Ec2SecurityGroup,
    Ec2SecurityGroupRule,
    VpcSecurityGroupIngressRule,
    EfsFileSystem,
    DynamoDbTable,
    ElastiCacheReplicationGroup,
    KinesisStream,
    RedShiftCluster,
    LbListener,
    AlbListener,
    LbLoadBalancer,
    LbTargetGroup,
    CloudFrontDistribution,
    CloudWatchLogGroup,
    CloudWatchMetricAlarm,
    IamPolicyStatementEffect,
    IamGetPolicyDocumentResult,

    // Network (SIA5xxx)
    S3BucketAclV2,
    RdsClusterInstance,

    // Monitoring family (SIA7001-SIA7004)
    CloudWatchCompositeAlarm,
    AlbLoadBalancer,
    ApiGatewayStage,
    ApiGatewayV2Stage,

    // Issue 14 (rules on the real types of the extended listing): encryption at rest
    OpenSearchDomain,

    // Rollback family (SIA2002): versioning resources of buckets
    S3BucketVersioning,
    S3BucketVersioningV2,

    // Plan family (SIA8001, SIA8002): Input<T>.Apply and the attribute that marks required inputs
    InputExtensions,
    InputAttribute,

    // Not Pulumi: the serializers and collections that programs build policy documents with
    SystemTextJsonSerializer,
    NewtonsoftJsonConvert,
    ImmutableArray,
}

/// <summary>
/// The well-known Pulumi symbols of one compilation, looked up by metadata name on first use and cached.
/// Build it once per compilation (in a compilation-start action) and capture it in closures.
/// This is the only class allowed to call <c>Compilation.GetTypeByMetadataName</c>.
/// </summary>
public sealed class PulumiSymbols
{
    internal static readonly string[] MetadataNames =
    {
        "Pulumi.Resource",
        "Pulumi.CustomResource",
        "Pulumi.ComponentResource",
        "Pulumi.ProviderResource",
        "Pulumi.ResourceOptions",
        "Pulumi.CustomResourceOptions",
        "Pulumi.ComponentResourceOptions",
        "Pulumi.ResourceArgs",
        "Pulumi.InvokeArgs",
        "Pulumi.Deployment",
        "Pulumi.DeploymentInstance",
        "Pulumi.Output",
        "Pulumi.Output`1",
        "Pulumi.Input`1",
        "Pulumi.InputList`1",
        "Pulumi.InputMap`1",
        "Pulumi.InputUnion`2",
        "Pulumi.Config",
        "Pulumi.Stack",
        "Pulumi.StackOptions",
        "Pulumi.StackReference",

        "Pulumi.Aws.Provider",
        "Pulumi.Aws.S3.Bucket",
        "Pulumi.Aws.S3.BucketV2",
        "Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration",
        "Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationV2",
        "Pulumi.Aws.S3.BucketPolicy",
        "Pulumi.Aws.S3.BucketPublicAccessBlock",
        "Pulumi.Aws.S3.BucketAcl",
        "Pulumi.Aws.S3.BucketObject",
        "Pulumi.Aws.S3.BucketObjectv2",
        "Pulumi.Aws.Iam.Policy",
        "Pulumi.Aws.Iam.Role",
        "Pulumi.Aws.Iam.RolePolicy",
        "Pulumi.Aws.Iam.UserPolicy",
        "Pulumi.Aws.Iam.GroupPolicy",
        "Pulumi.Aws.Iam.RolePolicyAttachment",
        "Pulumi.Aws.Iam.UserPolicyAttachment",
        "Pulumi.Aws.Iam.GroupPolicyAttachment",
        "Pulumi.Aws.Iam.PolicyAttachment",
        "Pulumi.Aws.Iam.ManagedPolicy",
        "Pulumi.Aws.Iam.GetPolicyDocument",
        "Pulumi.Aws.Iam.Inputs.PolicyDocumentArgs",
        "Pulumi.Aws.Iam.Inputs.PolicyStatementArgs",
        "Pulumi.Aws.Iam.Inputs.GetPolicyDocumentStatementInputArgs",
        "Pulumi.Aws.Iam.Inputs.GetPolicyDocumentStatementArgs",
        "Pulumi.Aws.Iam.Inputs.RoleInlinePolicyArgs",
        "Pulumi.Aws.Kms.Key",
        "Pulumi.Aws.Sqs.Queue",
        "Pulumi.Aws.Sqs.QueuePolicy",
        "Pulumi.Aws.Sns.Topic",
        "Pulumi.Aws.Sns.TopicPolicy",
        "Pulumi.Aws.Lambda.Function",
        "Pulumi.Aws.Lambda.Permission",
        "Pulumi.Aws.Rds.Instance",
        "Pulumi.Aws.Rds.Cluster",
        "Pulumi.Aws.Ebs.Volume",
        "Pulumi.Aws.Ec2.Instance",
        "Pulumi.Aws.Ec2.SecurityGroup",
        "Pulumi.Aws.Ec2.SecurityGroupRule",
        "Pulumi.Aws.Vpc.SecurityGroupIngressRule",
        "Pulumi.Aws.Efs.FileSystem",
        "Pulumi.Aws.DynamoDB.Table",
        "Pulumi.Aws.ElastiCache.ReplicationGroup",
        "Pulumi.Aws.Kinesis.Stream",
        "Pulumi.Aws.RedShift.Cluster",
        "Pulumi.Aws.LB.Listener",
        "Pulumi.Aws.Alb.Listener",
        "Pulumi.Aws.LB.LoadBalancer",
        "Pulumi.Aws.LB.TargetGroup",
        "Pulumi.Aws.CloudFront.Distribution",
        "Pulumi.Aws.CloudWatch.LogGroup",
        "Pulumi.Aws.CloudWatch.MetricAlarm",
        "Pulumi.Aws.Iam.PolicyStatementEffect",
        "Pulumi.Aws.Iam.GetPolicyDocumentResult",

        // Network (SIA5xxx)
        "Pulumi.Aws.S3.BucketAclV2",
        "Pulumi.Aws.Rds.ClusterInstance",

        // Monitoring family (SIA7001-SIA7004)
        "Pulumi.Aws.CloudWatch.CompositeAlarm",
        "Pulumi.Aws.Alb.LoadBalancer",
        "Pulumi.Aws.ApiGateway.Stage",
        "Pulumi.Aws.ApiGatewayV2.Stage",

        "Pulumi.Aws.OpenSearch.Domain",

        // Rollback family (SIA2002): versioning resources of buckets
        "Pulumi.Aws.S3.BucketVersioning",
        "Pulumi.Aws.S3.BucketVersioningV2",

        "Pulumi.InputExtensions",
        "Pulumi.InputAttribute",

        "System.Text.Json.JsonSerializer",
        "Newtonsoft.Json.JsonConvert",
        "System.Collections.Immutable.ImmutableArray",
    };

    private static readonly object Missing = new();

    private const string AwsPrefix = "Pulumi.Aws.";

    private readonly Compilation _compilation;
    private readonly object?[] _types = new object?[MetadataNames.Length];
    // Per created type: every analyzer asks about every object creation, most of them args and nested input objects. Keyed
    // by the definition object and kept with it for the compilations that share it (see SharedTypeFacts).
    private static readonly SharedTypeFacts<INamedTypeSymbol, object> ResourceKinds = new();
    private static readonly object[] KindBoxes = { ResourceKind.None, ResourceKind.Custom, ResourceKind.Provider, ResourceKind.Component };
    private object? _awsAssembly;
    private int _sharesTypeFacts; // 0 not yet known, 1 yes, 2 no

    // The core types that the facts kept with a type symbol are computed from (resource kind, parameter roles, args types
    // and their required inputs).
    private static readonly PulumiType[] FactTypes =
    {
        PulumiType.CustomResource, PulumiType.ComponentResource, PulumiType.ProviderResource, PulumiType.StackReference,
        PulumiType.ResourceOptions, PulumiType.ResourceArgs, PulumiType.InvokeArgs, PulumiType.InputAttribute,
    };

    private PulumiSymbols(Compilation compilation, INamedTypeSymbol resource)
    {
        _compilation = compilation;
        _types[(int)PulumiType.Resource] = resource;
    }

    /// <summary>The symbols of <paramref name="compilation"/>, or <c>null</c> when it does not reference Pulumi.</summary>
    public static PulumiSymbols? TryCreate(Compilation compilation)
    {
        var name = MetadataNames[(int)PulumiType.Resource];
        var resource = compilation.Assembly.GetTypeByMetadataName(name);
        if (resource is null && Referenced(compilation, "Pulumi") is { } pulumi)
        {
            resource = pulumi.GetTypeByMetadataName(name);
        }

        if (resource is null)
        {
#pragma warning disable RS0030 // This class is the one place allowed to look types up by metadata name.
            resource = compilation.GetTypeByMetadataName(name);
#pragma warning restore RS0030
        }

        return resource is null ? null : new PulumiSymbols(compilation, resource);
    }

    /// <summary>The referenced assembly called <paramref name="name"/>, or null.</summary>
    private static IAssemblySymbol? Referenced(Compilation compilation, string name)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == name)
            {
                return assembly;
            }
        }

        return null;
    }

    /// <summary>
    /// True when facts about a type may be kept with its symbol and shared by every compilation that holds that symbol
    /// (<see cref="ResourceKindOf"/>, parameter roles, args types, required inputs): the Pulumi core types they are
    /// computed from are this compilation's metadata types from the one assembly of <c>Pulumi.Resource</c>. A metadata type
    /// is one object only for compilations whose references bind it the same way, so those compilations compute the same
    /// facts. A compilation that declares one of those core types itself (a look-alike <c>namespace Pulumi</c>) computes
    /// other facts for the same metadata types: it must neither read nor fill the shared caches.
    /// </summary>
    public bool SharesTypeFacts
    {
        get
        {
            var known = Volatile.Read(ref _sharesTypeFacts);
            if (known == 0)
            {
                known = ComputeSharesTypeFacts() ? 1 : 2;
                Volatile.Write(ref _sharesTypeFacts, known);
            }

            return known == 1;
        }
    }

    private bool ComputeSharesTypeFacts()
    {
        var core = ((INamedTypeSymbol)_types[(int)PulumiType.Resource]!).ContainingAssembly;
        if (core is null || SymbolEqualityComparer.Default.Equals(core, _compilation.Assembly))
        {
            return false;
        }

        foreach (var type in FactTypes)
        {
            if (Get(type) is { } symbol && !SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, core))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The type, or <c>null</c> when the compilation does not have it (an older SDK, or no Pulumi.Aws).</summary>
    public INamedTypeSymbol? Get(PulumiType type)
    {
        var index = (int)type;
        var cached = Volatile.Read(ref _types[index]);
        if (cached is null)
        {
            cached = (object?)Lookup(MetadataNames[index]) ?? Missing;
            Interlocked.CompareExchange(ref _types[index], cached, null);
        }

        return cached as INamedTypeSymbol;
    }

    /// <summary>
    /// A Pulumi type is looked up in the source, then in its own assembly only (Pulumi.Aws, or the assembly of
    /// <c>Pulumi.Resource</c>): a compilation-wide look-up searches every referenced assembly (about 170 in a .NET project),
    /// which in a fresh compilation (the IDE makes one after every edit) costs more than the analysis of a document. Other
    /// types, core types not found that way, and Pulumi.Aws types when no Pulumi.Aws assembly is referenced go through the
    /// compilation.
    /// </summary>
    private INamedTypeSymbol? Lookup(string metadataName)
    {
        if (metadataName.StartsWith(AwsPrefix, System.StringComparison.Ordinal))
        {
            if (AwsAssembly() is { } aws)
            {
                return _compilation.Assembly.GetTypeByMetadataName(metadataName) ?? aws.GetTypeByMetadataName(metadataName);
            }
        }
        else if (metadataName.StartsWith("Pulumi.", System.StringComparison.Ordinal)
            && (_compilation.Assembly.GetTypeByMetadataName(metadataName) ?? ((INamedTypeSymbol)_types[(int)PulumiType.Resource]!).ContainingAssembly.GetTypeByMetadataName(metadataName)) is { } coreType)
        {
            return coreType;
        }

#pragma warning disable RS0030 // This class is the one place allowed to look types up by metadata name.
        return _compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }

    /// <summary>The referenced assembly named Pulumi.Aws (found once), or null.</summary>
    private IAssemblySymbol? AwsAssembly()
    {
        var found = Volatile.Read(ref _awsAssembly);
        if (found is null)
        {
            found = (object?)Referenced(_compilation, "Pulumi.Aws") ?? Missing;
            Interlocked.CompareExchange(ref _awsAssembly, found, null);
        }

        return found as IAssemblySymbol;
    }

    /// <summary>True when <paramref name="symbol"/> is the well-known <paramref name="type"/> (generic types by original definition).</summary>
    public bool Is(ITypeSymbol? symbol, PulumiType type)
    {
        if (symbol is null)
        {
            return false;
        }

        var known = Get(type);
        return known is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, known);
    }

    /// <summary>
    /// What <paramref name="type"/> is to Pulumi: a custom resource, a provider (a custom resource too), a component, or none
    /// of them (also a <c>StackReference</c>: a read of another stack, named by its stack path, to which no rule applies).
    /// The type itself does not count (<c>new CustomResource(...)</c> is not a resource of the program). Cached per type.
    /// </summary>
    public ResourceKind ResourceKindOf(INamedTypeSymbol type)
    {
        // The kind does not depend on type arguments.
        return (ResourceKind)ResourceKinds.Get(type.OriginalDefinition, this, static (definition, symbols) => KindBoxes[(int)symbols.ComputeResourceKind(definition)]);
    }

    private ResourceKind ComputeResourceKind(INamedTypeSymbol type)
    {
        var custom = Get(PulumiType.CustomResource);
        var component = Get(PulumiType.ComponentResource);
        var provider = Get(PulumiType.ProviderResource);
        var stackReference = Get(PulumiType.StackReference);
        var isProvider = false;
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, stackReference))
            {
                return ResourceKind.None;
            }

            if (ReferenceEquals(current, type))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(current, provider))
            {
                isProvider = true;
            }
            else if (SymbolEqualityComparer.Default.Equals(current, custom))
            {
                return isProvider ? ResourceKind.Provider : ResourceKind.Custom;
            }
            else if (SymbolEqualityComparer.Default.Equals(current, component))
            {
                return ResourceKind.Component;
            }
        }

        return ResourceKind.None;
    }

    /// <summary>True when <paramref name="symbol"/> is <paramref name="type"/> or derives from it.</summary>
    public bool IsOrDerivesFrom(ITypeSymbol? symbol, PulumiType type)
    {
        var known = Get(type);
        if (known is null)
        {
            return false;
        }

        for (var current = symbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>Deployment.Instance.StackName</c>.</summary>
    public bool IsStackNameProperty(ISymbol? symbol) => IsDeploymentInstanceProperty(symbol, "StackName");

    /// <summary>True for <c>Deployment.Instance.ProjectName</c>.</summary>
    public bool IsProjectNameProperty(ISymbol? symbol) => IsDeploymentInstanceProperty(symbol, "ProjectName");

    private bool IsDeploymentInstanceProperty(ISymbol? symbol, string name) =>
        symbol is IPropertySymbol property
        && property.Name == name
        && Is(property.ContainingType, PulumiType.DeploymentInstance);
}

/// <summary>What a created type is to Pulumi (<see cref="PulumiSymbols.ResourceKindOf"/>).</summary>
public enum ResourceKind
{
    None,
    Custom,

    /// <summary>A provider: a custom resource deriving from <c>ProviderResource</c>.</summary>
    Provider,
    Component,
}
