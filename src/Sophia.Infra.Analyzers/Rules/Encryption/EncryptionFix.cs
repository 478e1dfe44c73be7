namespace Sophia.Infra.Analyzers.Rules.Encryption;

/// <summary>
/// The keys of <c>Diagnostic.Properties</c> that the encryption analyzer hands to its code fixes, and their values.
/// A finding carries at most one of the edits; a finding without <see cref="Edit"/> has no code fix.
/// </summary>
public static class EncryptionFix
{
    /// <summary>Which edit fixes the finding: <see cref="Replace"/>, <see cref="Add"/>, <see cref="Redirect"/>, <see cref="AddConfiguration"/> or <see cref="AddVersioning"/>.</summary>
    public const string Edit = "Edit";

    /// <summary>Replace the expression at the diagnostic's location with <see cref="Value"/> (and add <see cref="Members"/>, if any).</summary>
    public const string Replace = "Replace";

    /// <summary>Add <see cref="Members"/> to the args of the resource created at the diagnostic's location, where they are not set.</summary>
    public const string Add = "Add";

    /// <summary>Make the default action of the HTTP listener created at the diagnostic's location a redirect to HTTPS.</summary>
    public const string Redirect = "Redirect";

    /// <summary>Insert a BucketServerSideEncryptionConfiguration bound to the bucket created at the diagnostic's location.</summary>
    public const string AddConfiguration = "AddConfiguration";

    /// <summary>Insert a BucketVersioning (Status "Enabled") bound to the bucket created at the diagnostic's location (SIA2002).</summary>
    public const string AddVersioning = "AddVersioning";

    /// <summary>The C# expression that replaces the value (for <see cref="Replace"/>); <see cref="StackName"/> in it stands for the stack name.</summary>
    public const string Value = "Value";

    /// <summary>In a <see cref="Value"/>: the in-scope local holding the stack name, else <c>Deployment.Instance.StackName</c>.</summary>
    public const string StackName = "{stack}";

    /// <summary>
    /// Members to add where they are not set, one per line: <c>path=expression</c>, with paths as in <c>ArgsPath</c>
    /// (<c>RootBlockDevice.Encrypted=true</c>, <c>EbsBlockDevices[].Encrypted=true</c>). Relative to the resource's args.
    /// </summary>
    public const string Members = "Members";
}
