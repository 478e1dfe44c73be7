namespace Sophia.Infra.Analyzers.Catalog;

/// <summary>
/// Every rule ID of the package. IDs are <c>SIA</c> plus four digits; the first digit is the family:
/// 0xxx configuration of the analyzers themselves, 1xxx naming and stack configuration, 2xxx protection and rollback,
/// 3xxx encryption, 4xxx IAM, 5xxx network exposure, 6xxx secrets, 7xxx monitoring, 8xxx plan-first.
/// </summary>
public static class RuleIds
{
    public const string InvalidConfiguration = "SIA0001";
    public const string UnexplainedSuppression = "SIA0002";

    public const string NamingPattern = "SIA1001";
    public const string HardCodedEnvironment = "SIA1002";
    public const string DuplicateName = "SIA1003";
    public const string NameTooLong = "SIA1004";
    public const string MissingStackConfig = "SIA1101";

    public const string ProductionNotProtected = "SIA2001";
    public const string DataNotRecoverable = "SIA2002";
    public const string MissingRollbackProcedure = "SIA2101";

    public const string BucketNotEncrypted = "SIA3001";
    public const string StoreNotEncrypted = "SIA3002";
    public const string TransitNotEncrypted = "SIA3101";

    public const string WildcardAction = "SIA4001";
    public const string WildcardResource = "SIA4002";
    public const string WildcardPrincipal = "SIA4003";
    public const string AdminManagedPolicy = "SIA4004";
    public const string UnknownAction = "SIA4005";

    public const string OpenIngress = "SIA5001";
    public const string PublicBucket = "SIA5002";
    public const string PublicDatabase = "SIA5003";

    public const string HardCodedSecret = "SIA6001";
    public const string SecretReadAsPlainConfig = "SIA6002";
    public const string PlaintextSecretInStackFile = "SIA6003";

    public const string LogGroupWithoutRetention = "SIA7001";
    public const string AlarmWithoutActions = "SIA7002";
    public const string EntryPointWithoutAccessLogs = "SIA7003";
    public const string AlarmWithoutPlaybook = "SIA7004";

    public const string ResourceInsideApply = "SIA8001";
    public const string MissingRequiredInput = "SIA8002";
}
