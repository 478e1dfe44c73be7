using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>
/// A resource creation: an object creation whose type derives from <c>Pulumi.CustomResource</c> or
/// <c>Pulumi.ComponentResource</c> (user components included), with its name, args and options arguments.
/// <c>Pulumi.StackReference</c> (and types derived from it) is not one: it reads another stack, and no rule applies to it.
/// </summary>
public readonly struct ResourceCreation
{
    private ResourceCreation(
        IObjectCreationOperation operation,
        INamedTypeSymbol type,
        bool isComponent,
        bool isProvider,
        IArgumentOperation? name,
        IArgumentOperation? args,
        IArgumentOperation? options)
    {
        Operation = operation;
        Type = type;
        IsComponent = isComponent;
        IsProvider = isProvider;
        NameArgument = name;
        ArgsArgument = args;
        OptionsArgument = options;
    }

    /// <summary>The <c>new</c> expression.</summary>
    public IObjectCreationOperation Operation { get; }

    /// <summary>The resource type (<c>Pulumi.Aws.S3.Bucket</c>, a user component, ...).</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>True for a <c>ComponentResource</c> (its options are <c>ComponentResourceOptions</c>).</summary>
    public bool IsComponent { get; }

    /// <summary>True for a provider (<c>ProviderResource</c>, e.g. <c>Pulumi.Aws.Provider</c>).</summary>
    public bool IsProvider { get; }

    /// <summary>The argument bound to the resource's <c>name</c> parameter, when written explicitly.</summary>
    public IArgumentOperation? NameArgument { get; }

    /// <summary>The argument bound to the <c>ResourceArgs</c> parameter, when written explicitly.</summary>
    public IArgumentOperation? ArgsArgument { get; }

    /// <summary>The argument bound to the options parameter, when written explicitly (null when it is omitted or defaulted).</summary>
    public IArgumentOperation? OptionsArgument { get; }

    /// <summary>The options parameter of the constructor that was called, whether or not an argument was written for it.</summary>
    public IParameterSymbol? OptionsParameter => FindParameter(Operation.Constructor, isOptions: true);

    /// <summary>Recognises a resource creation; false for anything else (cheap when it is not one).</summary>
    public static bool TryCreate(IObjectCreationOperation operation, PulumiSymbols symbols, out ResourceCreation creation)
    {
        creation = default;
        if (operation.Type is not INamedTypeSymbol type || operation.Constructor is null)
        {
            return false;
        }

        var kind = symbols.ResourceKindOf(type);
        if (kind == ResourceKind.None)
        {
            return false;
        }

        var isComponent = kind == ResourceKind.Component;
        var isProvider = kind == ResourceKind.Provider;
        IArgumentOperation? name = null;
        IArgumentOperation? args = null;
        IArgumentOperation? options = null;
        var roles = RolesOf(operation.Constructor, symbols);
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue || parameter.Ordinal >= roles.Length)
            {
                continue;
            }

            switch (roles[parameter.Ordinal])
            {
                case ParameterRole.Name:
                    name ??= argument;
                    break;
                case ParameterRole.Options:
                    options = argument;
                    break;
                case ParameterRole.Args:
                    args = argument;
                    break;
            }
        }

        creation = new ResourceCreation(operation, type, isComponent, isProvider, name, args, options);
        return true;
    }

    /// <summary>The args object creation (<c>new BucketArgs { ... }</c> or <c>new() { ... }</c>), followed through a local; null when unknown.</summary>
    public IObjectCreationOperation? GetArgsCreation(ValueResolver resolver, CancellationToken cancellationToken) =>
        ArgsArgument is null ? null : resolver.Follow(ArgsArgument.Value, cancellationToken) as IObjectCreationOperation;

    /// <summary>
    /// The assignment <c>Property = value</c> in the args initializer, or null when the property is not set there.
    /// Its <c>Value</c> is the assigned expression (wrapped in conversions to <c>Input&lt;T&gt;</c>; see <see cref="ValueResolver.Unwrap"/>).
    /// </summary>
    public ISimpleAssignmentOperation? FindArgsAssignment(string property, ValueResolver resolver, CancellationToken cancellationToken) =>
        FindInitializerAssignment(GetArgsCreation(resolver, cancellationToken), property);

    /// <summary>
    /// True when the args initializer of this creation is known (so that a missing property is provably missing): args
    /// written in place or followed to their creation, and no args at all (omitted, or <c>null</c>).
    /// </summary>
    public bool HasKnownArgs(ValueResolver resolver, CancellationToken cancellationToken)
    {
        if (ArgsArgument is null)
        {
            return true;
        }

        var args = resolver.Follow(ArgsArgument.Value, cancellationToken);
        return args is IObjectCreationOperation || args.ConstantValue is { HasValue: true, Value: null };
    }

    /// <summary>The assignment <c>Property = value</c> in the initializer of <paramref name="creation"/>; null when absent.</summary>
    public static ISimpleAssignmentOperation? FindInitializerAssignment(IObjectCreationOperation? creation, string property)
    {
        if (creation?.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == property)
            {
                return assignment;
            }
        }

        return null;
    }

    /// <summary>The member initializer <c>Property = { ... }</c> (collection or object initializer of a property); null when absent.</summary>
    public static IMemberInitializerOperation? FindMemberInitializer(IObjectCreationOperation? creation, string property)
    {
        if (creation?.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } member && target.Property.Name == property)
            {
                return member;
            }
        }

        return null;
    }

    private enum ParameterRole : byte
    {
        None,
        Name,
        Options,
        Args,
    }

    // What each parameter of a resource constructor is, per constructor: every analyzer recognises every creation, and a
    // type's constructors are few. Kept with the constructor symbol for the compilations that share it (see SharedTypeFacts).
    private static readonly SharedTypeFacts<IMethodSymbol, ParameterRole[]> Roles = new();

    private static ParameterRole[] RolesOf(IMethodSymbol constructor, PulumiSymbols symbols) =>
        Roles.Get(constructor, symbols, static (constructor, symbols) => ComputeRoles(constructor, symbols));

    private static ParameterRole[] ComputeRoles(IMethodSymbol constructor, PulumiSymbols symbols)
    {
        var parameters = constructor.Parameters;
        var roles = new ParameterRole[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameterType = parameters[i].Type;
            roles[i] = parameterType.SpecialType == SpecialType.System_String && IsNameParameter(parameters[i], constructor) ? ParameterRole.Name
                : symbols.IsOrDerivesFrom(parameterType, PulumiType.ResourceOptions) ? ParameterRole.Options
                : symbols.IsOrDerivesFrom(parameterType, PulumiType.ResourceArgs) ? ParameterRole.Args
                : ParameterRole.None;
        }

        return roles;
    }

    private static bool IsNameParameter(IParameterSymbol parameter, IMethodSymbol constructor)
    {
        if (parameter.Name == "name")
        {
            return true;
        }

        // A user component may call its name parameter something else: then the first string parameter is the name.
        foreach (var candidate in constructor.Parameters)
        {
            if (candidate.Name == "name" && candidate.Type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (candidate.Type.SpecialType == SpecialType.System_String)
            {
                return SymbolEqualityComparer.Default.Equals(candidate, parameter);
            }
        }

        return false;
    }

    private static IParameterSymbol? FindParameter(IMethodSymbol? constructor, bool isOptions)
    {
        if (constructor is null)
        {
            return null;
        }

        foreach (var parameter in constructor.Parameters)
        {
            for (var type = parameter.Type; type is not null; type = type.BaseType)
            {
                if (isOptions && type.Name == "ResourceOptions" && type.ContainingNamespace?.Name == "Pulumi")
                {
                    return parameter;
                }
            }
        }

        return null;
    }
}
