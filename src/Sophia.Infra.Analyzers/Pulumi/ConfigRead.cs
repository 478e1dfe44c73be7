using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>Where the <c>Config</c> instance of a read comes from, as far as it is known.</summary>
public enum ConfigSourceKind
{
    /// <summary>Not known (a helper's result, a value assigned more than once, ...): say nothing.</summary>
    Unknown,

    /// <summary><c>new Config()</c> (or <c>new Config(null)</c>): the project's namespace.</summary>
    Project,

    /// <summary><c>new Config("aws")</c>: the namespace <see cref="ConfigSource.Namespace"/>.</summary>
    Namespace,

    /// <summary>A parameter (of a method, local function or constructor) holds the instance: see its call sites.</summary>
    Parameter,
}

/// <summary>The origin of a <c>Pulumi.Config</c> instance: the project, a named namespace, a parameter, or unknown.</summary>
public readonly struct ConfigSource
{
    private ConfigSource(ConfigSourceKind kind, string? configNamespace, IParameterSymbol? parameter)
    {
        Kind = kind;
        Namespace = configNamespace;
        Parameter = parameter;
    }

    public static ConfigSource Unknown => default;

    public static ConfigSource Project => new(ConfigSourceKind.Project, null, null);

    public ConfigSourceKind Kind { get; }

    /// <summary>The namespace for <see cref="ConfigSourceKind.Namespace"/> (<c>aws</c>), else null.</summary>
    public string? Namespace { get; }

    /// <summary>The parameter for <see cref="ConfigSourceKind.Parameter"/> (its original definition), else null.</summary>
    public IParameterSymbol? Parameter { get; }

    public static ConfigSource ForNamespace(string configNamespace) => new(ConfigSourceKind.Namespace, configNamespace, null);

    public static ConfigSource ForParameter(IParameterSymbol parameter) => new(ConfigSourceKind.Parameter, null, parameter.OriginalDefinition);

    /// <summary>
    /// The namespace Pulumi uses: <see cref="Namespace"/>, or <paramref name="projectName"/> for the project; null when not
    /// known here (a parameter, unknown, or no project name).
    /// </summary>
    public string? ResolveNamespace(string? projectName) => Kind switch
    {
        ConfigSourceKind.Namespace => Namespace,
        ConfigSourceKind.Project => string.IsNullOrEmpty(projectName) ? null : projectName,
        _ => null,
    };
}

/// <summary>
/// A read of Pulumi configuration: <c>config.Require("key")</c>, <c>RequireSecret</c>, <c>RequireInt32</c>, ...,
/// <c>Get*</c>, on an instance of <c>Pulumi.Config</c>. Knows the method, the key argument and the instance; resolves the
/// key (<see cref="ResolveKey"/>) and where the instance comes from (<see cref="ResolveSource"/>): the instance is followed
/// through locals, fields and properties assigned once (in any file), and a parameter is reported as such so that
/// <see cref="ConfigBindings"/> can follow it to the call sites. The full key is <c>&lt;namespace&gt;:&lt;key&gt;</c>, as
/// Pulumi forms it (<see cref="FullKey"/>).
/// </summary>
public sealed class ConfigRead
{
    private ConfigRead(IInvocationOperation invocation, IOperation? instance, IOperation keyArgument, bool isRequire, bool isSecret)
    {
        Invocation = invocation;
        Instance = instance;
        KeyArgument = keyArgument;
        IsRequire = isRequire;
        IsSecret = isSecret;
    }

    /// <summary>The call (<c>config.Require("x")</c>).</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>The receiver (<c>config</c>); null for a static or unbound call.</summary>
    public IOperation? Instance { get; }

    /// <summary>The value passed for <c>key</c>.</summary>
    public IOperation KeyArgument { get; }

    /// <summary>The method name (<c>Require</c>, <c>GetSecretInt32</c>, ...).</summary>
    public string MethodName => Invocation.TargetMethod.Name;

    /// <summary>True for <c>Require*</c>: the key must be set (or have a default).</summary>
    public bool IsRequire { get; }

    /// <summary>True for <c>RequireSecret*</c> / <c>GetSecret*</c>.</summary>
    public bool IsSecret { get; }

    /// <summary>True for typed reads (<c>RequireInt32</c>, <c>GetBoolean</c>, <c>RequireObject&lt;T&gt;</c>, ...).</summary>
    public bool IsTyped
    {
        get
        {
            var name = MethodName;
            var baseLength = (IsRequire ? "Require" : "Get").Length + (IsSecret ? "Secret".Length : 0);
            return name.Length > baseLength;
        }
    }

    /// <summary>
    /// The secret variant of this read's method (<c>Require</c> → <c>RequireSecret</c>, <c>GetInt32</c> →
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

    /// <summary>Recognises a read of <c>Pulumi.Config</c>; false for anything else (cheap: name and type checks only).</summary>
    public static bool TryCreate(IInvocationOperation invocation, PulumiSymbols symbols, out ConfigRead read)
    {
        read = null!;
        var method = invocation.TargetMethod;
        var name = method.Name;
        bool isRequire;
        if (name.StartsWith("Require", StringComparison.Ordinal))
        {
            isRequire = true;
        }
        else if (name.StartsWith("Get", StringComparison.Ordinal))
        {
            isRequire = false;
        }
        else
        {
            return false;
        }

        if (method.IsStatic || !symbols.Is(method.ContainingType, PulumiType.Config))
        {
            return false;
        }

        IOperation? key = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "key")
            {
                key = argument.Value;
                break;
            }
        }

        if (key is null)
        {
            return false;
        }

        var isSecret = string.CompareOrdinal(name, isRequire ? 7 : 3, "Secret", 0, 6) == 0;
        read = new ConfigRead(invocation, invocation.Instance, key, isRequire, isSecret);
        return true;
    }

    /// <summary>The key when it is a known string (literal, constant, interpolation of constants, ...); null otherwise.</summary>
    public string? ResolveKey(ValueResolver resolver, CancellationToken cancellationToken) =>
        resolver.ResolveString(KeyArgument, cancellationToken).Value;

    /// <summary>Where the instance comes from (see <see cref="ConfigSource"/>).</summary>
    public ConfigSource ResolveSource(ValueResolver resolver, CancellationToken cancellationToken) =>
        Instance is null ? ConfigSource.Unknown : ResolveInstance(Instance, resolver, cancellationToken);

    /// <summary>The full key Pulumi reads: <c>&lt;namespace&gt;:&lt;key&gt;</c>.</summary>
    public static string FullKey(string configNamespace, string key) => configNamespace + ":" + key;

    /// <summary>Where a value of type <c>Config</c> comes from: followed through locals, fields and properties assigned once.</summary>
    public static ConfigSource ResolveInstance(IOperation instance, ValueResolver resolver, CancellationToken cancellationToken)
    {
        var followed = resolver.Follow(instance, cancellationToken);
        switch (followed)
        {
            case IObjectCreationOperation creation when resolver.Symbols.Is(creation.Type, PulumiType.Config):
                return FromCreation(creation, resolver, cancellationToken);
            case IParameterReferenceOperation parameter:
                return ConfigSource.ForParameter(parameter.Parameter);
        }

        // A local, field or property assigned once in another file: read the assignment's syntax.
        var symbol = ValueResolver.ReferencedSymbol(followed);
        if (symbol is not null && resolver.FindSingleAssignment(symbol, cancellationToken) is { } assigned)
        {
            return FromSyntax(assigned);
        }

        return ConfigSource.Unknown;
    }

    private static ConfigSource FromCreation(IObjectCreationOperation creation, ValueResolver resolver, CancellationToken cancellationToken)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            var value = ValueResolver.Unwrap(argument.Value);
            if (value.ConstantValue is { HasValue: true, Value: null })
            {
                return ConfigSource.Project;
            }

            return Namespace(resolver.ResolveString(argument.Value, cancellationToken).Value);
        }

        return ConfigSource.Project;
    }

    private static ConfigSource FromSyntax(ExpressionSyntax assigned)
    {
        while (assigned is ParenthesizedExpressionSyntax parenthesized)
        {
            assigned = parenthesized.Expression;
        }

        var arguments = assigned switch
        {
            ObjectCreationExpressionSyntax { Type: var type } creation when IsConfigName(type) => creation.ArgumentList?.Arguments,
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.ArgumentList.Arguments,
            _ => null,
        };

        if (arguments is null)
        {
            return assigned is ObjectCreationExpressionSyntax { ArgumentList: null } ? ConfigSource.Project : ConfigSource.Unknown;
        }

        if (arguments.Value.Count == 0)
        {
            return ConfigSource.Project;
        }

        if (arguments.Value.Count == 1 && arguments.Value[0].Expression is LiteralExpressionSyntax literal)
        {
            if (literal.IsKind(SyntaxKind.NullLiteralExpression))
            {
                return ConfigSource.Project;
            }

            if (literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return Namespace(literal.Token.ValueText);
            }
        }

        return ConfigSource.Unknown;
    }

    private static bool IsConfigName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Config",
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "Config",
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == "Config",
        _ => false,
    };

    /// <summary>Pulumi drops a trailing <c>:config</c> from the name (<c>new Config("aws:config")</c> is <c>aws</c>).</summary>
    private static ConfigSource Namespace(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return ConfigSource.Unknown;
        }

        const string Suffix = ":config";
        if (name!.EndsWith(Suffix, StringComparison.Ordinal) && name.Length > Suffix.Length)
        {
            name = name.Substring(0, name.Length - Suffix.Length);
        }

        return ConfigSource.ForNamespace(name);
    }
}

/// <summary>
/// The values passed for parameters of type <c>Pulumi.Config</c> across a compilation: fed with every invocation and object
/// creation (<see cref="Record(IOperation, ValueResolver, CancellationToken)"/>, from operation actions on any tree), and asked
/// at compilation end which namespaces a parameter may hold (<see cref="TryResolve"/>). Thread-safe.
/// </summary>
public sealed class ConfigBindings
{
    private const int MaxDepth = 4;

    private readonly ConcurrentDictionary<IParameterSymbol, ConcurrentBag<ConfigSource>> _bindings = new(SymbolEqualityComparer.Default);

    /// <summary>Records the <c>Config</c> arguments of an invocation or object creation whose callee is declared in source.</summary>
    public void Record(IOperation operation, ValueResolver resolver, CancellationToken cancellationToken)
    {
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
            _ => (null, default),
        };

        if (method is null || arguments.IsDefaultOrEmpty || method.DeclaringSyntaxReferences.Length == 0)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || !resolver.Symbols.Is(parameter.Type, PulumiType.Config))
            {
                continue;
            }

            var source = ConfigRead.ResolveInstance(argument.Value, resolver, cancellationToken);
            _bindings.GetOrAdd(parameter.OriginalDefinition, static _ => new ConcurrentBag<ConfigSource>()).Add(source);
        }
    }

    /// <summary>
    /// The namespaces the parameter may hold, following parameters passed on (a few levels). False when any call site is
    /// unknown, there is no call site, or a namespace cannot be known (no project name): then nothing is certain.
    /// </summary>
    public bool TryResolve(IParameterSymbol parameter, string? projectName, out List<string> namespaces)
    {
        namespaces = new List<string>();
        return TryResolve(parameter.OriginalDefinition, projectName, namespaces, 0);
    }

    private bool TryResolve(IParameterSymbol parameter, string? projectName, List<string> namespaces, int depth)
    {
        if (depth > MaxDepth || !_bindings.TryGetValue(parameter, out var sources) || sources.IsEmpty)
        {
            return false;
        }

        foreach (var source in sources)
        {
            if (source.Kind == ConfigSourceKind.Parameter)
            {
                if (!TryResolve(source.Parameter!, projectName, namespaces, depth + 1))
                {
                    return false;
                }

                continue;
            }

            var configNamespace = source.ResolveNamespace(projectName);
            if (configNamespace is null)
            {
                return false;
            }

            if (!namespaces.Contains(configNamespace))
            {
                namespaces.Add(configNamespace);
            }
        }

        return true;
    }
}
