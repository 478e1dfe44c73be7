using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>
/// A read of Pulumi config: a call of a <c>Get...</c> or <c>Require...</c> method of <c>Pulumi.Config</c> (plain, secret
/// and typed variants: <c>Require</c>, <c>RequireSecret</c>, <c>GetInt32</c>, <c>RequireSecretObject&lt;T&gt;</c>, ...),
/// with its key and the namespace of the <c>Config</c> instance when they can be known.
/// </summary>
public sealed class ConfigRead
{
    private ConfigRead(IInvocationOperation invocation, bool isRequire, bool isSecret, string? key, bool namespaceKnown, string? configNamespace)
    {
        Invocation = invocation;
        IsRequire = isRequire;
        IsSecret = isSecret;
        Key = key;
        NamespaceKnown = namespaceKnown;
        Namespace = configNamespace;
    }

    /// <summary>The call.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>The method name as called (<c>Require</c>, <c>GetSecretInt32</c>, ...).</summary>
    public string MethodName => Invocation.TargetMethod.Name;

    /// <summary>True for <c>Require...</c> (the key must be set), false for <c>Get...</c> (null when missing).</summary>
    public bool IsRequire { get; }

    /// <summary>True for the <c>...Secret...</c> variants, which return an <c>Output</c> marked secret.</summary>
    public bool IsSecret { get; }

    /// <summary>The key as passed (<c>"dbPassword"</c>, or <c>"aws:region"</c>), or null when it cannot be known.</summary>
    public string? Key { get; }

    /// <summary>True when the namespace of the <c>Config</c> instance is known (<see cref="Namespace"/> null then means the project).</summary>
    public bool NamespaceKnown { get; }

    /// <summary>The name given to <c>new Config("aws")</c>; null for <c>new Config()</c> (the project) or when unknown.</summary>
    public string? Namespace { get; }

    /// <summary>The key argument (null when the call has none, in incomplete code).</summary>
    public IArgumentOperation? KeyArgument => Invocation.Arguments.Length > 0 ? Invocation.Arguments[0] : null;

    /// <summary>
    /// The secret variant of a plain read's method name (<c>Require</c> → <c>RequireSecret</c>, <c>GetInt32</c> →
    /// <c>GetSecretInt32</c>, <c>RequireObject</c> → <c>RequireSecretObject</c>); the name itself for a secret read.
    /// </summary>
    public string SecretMethodName => SecretVariantOf(MethodName);

    /// <summary>The secret variant of a <c>Config</c> method name (see <see cref="SecretMethodName"/>).</summary>
    public static string SecretVariantOf(string methodName)
    {
        if (methodName.IndexOf("Secret", StringComparison.Ordinal) >= 0)
        {
            return methodName;
        }

        return methodName.StartsWith("Require", StringComparison.Ordinal)
            ? "RequireSecret" + methodName.Substring("Require".Length)
            : methodName.StartsWith("Get", StringComparison.Ordinal) ? "GetSecret" + methodName.Substring("Get".Length) : methodName;
    }

    /// <summary>Recognises a config read; the key and namespace are resolved through <paramref name="values"/> (constants, locals, ...).</summary>
    public static bool TryCreate(IInvocationOperation invocation, ValueResolver values, CancellationToken cancellationToken, out ConfigRead read)
    {
        read = null!;
        var method = invocation.TargetMethod;
        var name = method.Name;
        var isRequire = name.StartsWith("Require", StringComparison.Ordinal);
        if ((!isRequire && !name.StartsWith("Get", StringComparison.Ordinal))
            || method.IsStatic
            || !values.Symbols.Is(method.ContainingType, PulumiType.Config))
        {
            return false;
        }

        var key = invocation.Arguments.Length > 0 ? KnownText(invocation.Arguments[0].Value, values, cancellationToken) : null;
        var namespaceKnown = TryResolveNamespace(invocation.Instance, values, cancellationToken, out var configNamespace);
        read = new ConfigRead(invocation, isRequire, name.IndexOf("Secret", StringComparison.Ordinal) >= 0, key, namespaceKnown, configNamespace);
        return true;
    }

    /// <summary>
    /// The namespace of the <c>Config</c> instance <paramref name="instance"/> holds, when it provably comes from
    /// <c>new Config()</c> or <c>new Config("ns")</c> (followed through locals, fields and properties assigned once).
    /// </summary>
    private static bool TryResolveNamespace(IOperation? instance, ValueResolver values, CancellationToken cancellationToken, out string? configNamespace)
    {
        configNamespace = null;
        if (instance is null || values.Follow(instance, cancellationToken) is not IObjectCreationOperation creation)
        {
            return false;
        }

        if (creation.Arguments.Length == 0)
        {
            return true;
        }

        var argument = creation.Arguments[0];
        if (argument.IsImplicit || ValueResolver.Unwrap(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })
        {
            return true; // new Config() through its optional parameter, or new Config(null)
        }

        configNamespace = KnownText(argument.Value, values, cancellationToken);
        return configNamespace is not null;
    }

    /// <summary>The text of a string that is entirely known (every part literal text), else null.</summary>
    private static string? KnownText(IOperation operation, ValueResolver values, CancellationToken cancellationToken)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        var resolved = values.ResolveString(operation, cancellationToken);
        return resolved.Parts.IsDefaultOrEmpty ? null : resolved.Value;
    }
}
