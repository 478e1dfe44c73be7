using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Secrets;

/// <summary>What a value is written into.</summary>
internal enum SecretPlaceKind
{
    Property,
    Field,
    Local,
    Parameter,
    MapEntry,
    ConfigFallback,
}

/// <summary>
/// A place whose name marks a secret (<see cref="SecretNames"/>) and the value written into it: a property, field,
/// constant, local or parameter (argument or default value), an entry of a string map (<c>["DB_PASSWORD"] = ...</c>,
/// <c>{ "DB_PASSWORD", ... }</c>, <c>.Add("DB_PASSWORD", ...)</c>), or the <c>??</c> fallback of a read of a secret
/// config key (<c>config.Get("open-api-key") ?? "CHANGEME"</c>).
/// </summary>
internal readonly struct SecretPlace
{
    private SecretPlace(SecretPlaceKind kind, string name, IOperation value, ConfigRead? read)
    {
        Kind = kind;
        Name = name;
        Value = value;
        Read = read;
    }

    public SecretPlaceKind Kind { get; }

    /// <summary>The name that marks a secret: the member, local or parameter name, the map key, or the config key.</summary>
    public string Name { get; }

    /// <summary>The operation written into the place (the <c>??</c> for a config fallback).</summary>
    public IOperation Value { get; }

    /// <summary>The config read of a <see cref="SecretPlaceKind.ConfigFallback"/>.</summary>
    public ConfigRead? Read { get; }

    /// <summary>The place, for messages.</summary>
    public string Describe() => Kind switch
    {
        SecretPlaceKind.Property => $"'{Name}'",
        SecretPlaceKind.Field => $"field '{Name}'",
        SecretPlaceKind.Local => $"local '{Name}'",
        SecretPlaceKind.Parameter => $"parameter '{Name}'",
        SecretPlaceKind.MapEntry => $"the map entry [\"{Name}\"]",
        _ => $"the fallback of the secret config key '{Name}'",
    };

    /// <summary>
    /// Walks up from <paramref name="value"/> through conversions, parentheses, <c>?:</c> branches, <c>??</c>, switch arms and
    /// <c>Output.Create</c>/<c>CreateSecret</c> to the place it is written into; true when that place marks a secret.
    /// Allocation-free until a candidate name is found.
    /// </summary>
    public static bool TryFind(IOperation value, ValueResolver values, CancellationToken cancellationToken, out SecretPlace place)
    {
        place = default;
        var node = value;
        for (var depth = 0; depth < 16; depth++)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    node = parent;
                    continue;
                case IConditionalOperation conditional when conditional.Condition != node:
                    node = parent;
                    continue;
                case ICoalesceOperation coalesce:
                    if (coalesce.WhenNull == node
                        && ValueResolver.Unwrap(coalesce.Value) is IInvocationOperation invocation
                        && ConfigRead.TryCreate(invocation, values.Symbols, out var read)
                        && read.ResolveKey(values, cancellationToken) is { } readKey
                        && SecretNames.MarksSecret(readKey))
                    {
                        place = new SecretPlace(SecretPlaceKind.ConfigFallback, readKey, coalesce, read);
                        return true;
                    }

                    node = parent;
                    continue;
                case ISwitchExpressionArmOperation arm when arm.Value == node && arm.Parent is not null:
                    node = arm.Parent;
                    continue;
                case IArgumentOperation argument:
                    if (argument.Parent is IInvocationOperation call)
                    {
                        if (LiteralSources.IsOutputCreate(call, values.Symbols))
                        {
                            node = call;
                            continue;
                        }

                        if (call.TargetMethod.Name == "Add" && call.Arguments.Length == 2 && call.Arguments[1] == argument)
                        {
                            return Found(SecretPlaceKind.MapEntry, KeyOf(call.Arguments[0].Value, values, cancellationToken), argument, out place);
                        }
                    }

                    return Found(SecretPlaceKind.Parameter, argument.Parameter?.Name, argument, out place);
                case ISimpleAssignmentOperation assignment when assignment.Value == node:
                    return assignment.Target switch
                    {
                        IPropertyReferenceOperation { Arguments.Length: 0 } property => Found(SecretPlaceKind.Property, property.Property.Name, assignment, out place),
                        IPropertyReferenceOperation { Arguments.Length: 1 } indexer => Found(SecretPlaceKind.MapEntry, KeyOf(indexer.Arguments[0].Value, values, cancellationToken), assignment, out place),
                        IFieldReferenceOperation field => Found(SecretPlaceKind.Field, field.Field.Name, assignment, out place),
                        ILocalReferenceOperation local => Found(SecretPlaceKind.Local, local.Local.Name, assignment, out place),
                        IParameterReferenceOperation parameter => Found(SecretPlaceKind.Parameter, parameter.Parameter.Name, assignment, out place),
                        _ => false,
                    };
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } initializer:
                    return Found(SecretPlaceKind.Local, declarator.Symbol.Name, initializer, out place);
                case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                    return Found(SecretPlaceKind.Field, field.InitializedFields[0].Name, field, out place);
                case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                    return Found(SecretPlaceKind.Property, property.InitializedProperties[0].Name, property, out place);
                case IParameterInitializerOperation parameter:
                    return Found(SecretPlaceKind.Parameter, parameter.Parameter.Name, parameter, out place);
                case IReturnOperation ret:
                    // A property whose getter returns the value: `string Password => "...";`
                    return Found(SecretPlaceKind.Property, GetterOf(ret.Syntax), ret, out place);
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool Found(SecretPlaceKind kind, string? name, IOperation value, out SecretPlace place)
    {
        if (SecretNames.MarksSecret(name))
        {
            place = new SecretPlace(kind, name!, value, null);
            return true;
        }

        place = default;
        return false;
    }

    /// <summary>The name of the property whose getter holds <paramref name="syntax"/> (not inside a lambda or local function), else null.</summary>
    private static string? GetterOf(SyntaxNode syntax)
    {
        for (var node = syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case AccessorDeclarationSyntax accessor:
                    return accessor.IsKind(SyntaxKind.GetAccessorDeclaration) && accessor.Parent?.Parent is PropertyDeclarationSyntax owner ? owner.Identifier.ValueText : null;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? KeyOf(IOperation key, ValueResolver values, CancellationToken cancellationToken) =>
        key.ConstantValue is { HasValue: true, Value: string text }
            ? text
            : values.ResolveConstant(key, cancellationToken) is { HasValue: true, Value: string resolved } ? resolved : null;
}
