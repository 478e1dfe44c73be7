using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Plan;

/// <summary>
/// Plan first. SIA8001: a resource created inside the lambda of an <c>Apply</c> (<c>Output&lt;T&gt;.Apply</c>, so also
/// <c>Output.All(...).Apply</c> and <c>Output.Tuple(...).Apply</c>, and <c>Input&lt;T&gt;.Apply</c>), nested or not, is
/// reported at once; one created in a method or local function of the compilation that an Apply lambda calls (directly or
/// through other such methods, even if it is also called elsewhere) is reported at compilation end, when the calls of the
/// whole compilation are known. SIA8002: an args object (<c>ResourceArgs</c>/<c>InvokeArgs</c>, nested and user-defined
/// ones included) that leaves required inputs unset, counting later assignments to the local, field or property that holds
/// it; and a resource or invoke given no args (or <c>null</c>) whose args type has required inputs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlanAnalyzer : SophiaAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.ResourceInsideApply,
        Descriptors.ResourceInsideApplyLive,
        Descriptors.MissingRequiredInput);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var required = new Lazy<RequiredInputs>(() => new RequiredInputs(services.Symbols)); // in the first callback (SophiaAnalyzerBase)
        var calls = new CallGraph();

        RegisterOperationAction(
            context,
            services,
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (ResourceCreation.TryCreate(creation, services.Symbols, out var resource))
                {
                    CheckResourceInsideApply(operationContext, resource, calls, services.Symbols);
                    CheckMissingArgs(operationContext, resource, required.Value);
                    return;
                }

                if (required.Value.IsArgsType(creation.Type))
                {
                    CheckArgsCreation(operationContext, creation, required.Value, services.Values);
                    return;
                }

                // A constructor of the compilation (not a resource's: the resource is reported itself) is a call like any other.
                if (creation.Constructor is { } constructor && constructor.DeclaringSyntaxReferences.Length > 0)
                {
                    calls.AddCall(Caller(creation, operationContext.ContainingSymbol, services.Symbols), constructor);
                }
            },
            OperationKind.ObjectCreation);

        RegisterOperationAction(
            context,
            services,
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (method.DeclaringSyntaxReferences.Length > 0)
                {
                    calls.AddCall(Caller(invocation, operationContext.ContainingSymbol, services.Symbols), method);
                }

                if (method.IsStatic && (method.Name == "Invoke" || method.Name == "InvokeAsync"))
                {
                    CheckInvokeWithoutArgs(operationContext, invocation, required.Value);
                }
            },
            OperationKind.Invocation);

        RegisterOperationAction(
            context,
            services,
            operationContext =>
            {
                var reference = (IMethodReferenceOperation)operationContext.Operation;
                if (reference.Method.DeclaringSyntaxReferences.Length > 0)
                {
                    // Output.Apply(CreateBucket): the method is the Apply's function itself.
                    var caller = IsApplyFunction(reference, services.Symbols) ? Place.Apply : Caller(reference, operationContext.ContainingSymbol, services.Symbols);
                    calls.AddCall(caller, reference.Method);
                }
            },
            OperationKind.MethodReference);

        RegisterCompilationEndAction(context, services, end =>
        {
            foreach (var (creation, method) in calls.CreationsReachedFromApply(end.CancellationToken))
            {
                end.Report(Diagnostic.Create(
                    Descriptors.ResourceInsideApply,
                    creation.Syntax.GetLocation(),
                    InsideApplyMessage(creation.Type, method)));
            }
        });
    }

    // ------------------------------------------------------------------ SIA8001

    private static void CheckResourceInsideApply(OperationAnalysisContext context, ResourceCreation resource, CallGraph calls, PulumiSymbols symbols)
    {
        var caller = Caller(resource.Operation, context.ContainingSymbol, symbols);
        if (caller.InsideApply)
        {
            context.Report(Diagnostic.Create(
                Descriptors.ResourceInsideApplyLive,
                resource.Operation.Syntax.GetLocation(),
                InsideApplyMessage(resource.Type, null)));
        }
        else if (caller.Method is not null)
        {
            calls.AddCreation(caller.Method, resource.Operation);
        }
    }

    private static string InsideApplyMessage(ITypeSymbol? type, ISymbol? method)
    {
        var typeName = type?.Name ?? "resource";
        var where = method is null
            ? "inside the function of an Apply"
            : $"in '{method.Name}', which a function of an Apply calls";
        return $"The {typeName} is created {where}: it does not appear in pulumi preview and is only known once the output resolves; create it outside the Apply and pass the output as an input (an Input<T> accepts an Output<T>)";
    }

    /// <summary>
    /// Where <paramref name="operation"/> runs: inside the function of an Apply (at any depth of lambdas), else in the
    /// innermost local function, else in <paramref name="containingSymbol"/> (the method, accessor, ...).
    /// </summary>
    private static Place Caller(IOperation operation, ISymbol containingSymbol, PulumiSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function when IsApplyFunction(function, symbols):
                    return Place.Apply;
                case ILocalFunctionOperation localFunction:
                    return new Place(false, localFunction.Symbol.OriginalDefinition);
            }
        }

        return new Place(false, containingSymbol?.OriginalDefinition);
    }

    /// <summary>Where code runs: inside an Apply's function, or in a method (null when unknown).</summary>
    private readonly struct Place
    {
        public static readonly Place Apply = new(true, null);

        public Place(bool insideApply, ISymbol? method)
        {
            InsideApply = insideApply;
            Method = method;
        }

        public bool InsideApply { get; }

        public ISymbol? Method { get; }
    }

    /// <summary>True when <paramref name="function"/> (a lambda or method group) is the function argument of an Apply.</summary>
    private static bool IsApplyFunction(IOperation function, PulumiSymbols symbols)
    {
        var parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation } argument
            && argument.Parameter?.Name == "func"
            && IsApply(invocation.TargetMethod, symbols);
    }

    /// <summary><c>Output&lt;T&gt;.Apply</c> (also after <c>Output.All</c>/<c>Output.Tuple</c>) and <c>InputExtensions.Apply</c>.</summary>
    private static bool IsApply(IMethodSymbol method, PulumiSymbols symbols) =>
        method.Name == "Apply"
        && (symbols.Is(method.ContainingType, PulumiType.OutputOfT) || symbols.Is(method.ContainingType, PulumiType.InputExtensions));

    // ------------------------------------------------------------------ SIA8002

    private static void CheckMissingArgs(OperationAnalysisContext context, ResourceCreation resource, RequiredInputs required)
    {
        IParameterSymbol? argsParameter = null;
        foreach (var parameter in resource.Operation.Constructor!.Parameters)
        {
            if (required.IsArgsType(parameter.Type))
            {
                argsParameter = parameter;
                break;
            }
        }

        if (argsParameter is null)
        {
            return;
        }

        // Args written (not null) are checked where they are created.
        if (resource.ArgsArgument is { } argument && !IsNull(argument.Value))
        {
            return;
        }

        var inputs = required.Of(argsParameter.Type);
        if (inputs.IsEmpty)
        {
            return;
        }

        var given = resource.ArgsArgument is null ? "no args" : "null args";
        context.Report(Diagnostic.Create(
            Descriptors.MissingRequiredInput,
            resource.Operation.Syntax.GetLocation(),
            $"The {resource.Type.Name} is created with {given}, but {argsParameter.Type.Name} requires {Describe(inputs)}: pass new {argsParameter.Type.Name} {{ {Example(inputs)} }}; pulumi preview fails otherwise"));
    }

    private static void CheckInvokeWithoutArgs(OperationAnalysisContext context, IInvocationOperation invocation, RequiredInputs required)
    {
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || !required.IsArgsType(parameter.Type))
            {
                continue;
            }

            if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNull(argument.Value))
            {
                return;
            }

            var inputs = required.Of(parameter.Type);
            if (!inputs.IsEmpty)
            {
                var given = argument.ArgumentKind == ArgumentKind.DefaultValue ? "no args" : "null args";
                context.Report(Diagnostic.Create(
                    Descriptors.MissingRequiredInput,
                    invocation.Syntax.GetLocation(),
                    $"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name} is called with {given}, but {parameter.Type.Name} requires {Describe(inputs)}: pass new {parameter.Type.Name} {{ {Example(inputs)} }}; pulumi preview fails otherwise"));
            }

            return;
        }
    }

    private static bool IsNull(IOperation value) => ValueResolver.Unwrap(value) is var unwrapped
        && (unwrapped.ConstantValue is { HasValue: true, Value: null } || unwrapped is IDefaultValueOperation);

    private static void CheckArgsCreation(OperationAnalysisContext context, IObjectCreationOperation creation, RequiredInputs required, ValueResolver values)
    {
        var inputs = required.Of(creation.Type!);
        if (inputs.IsEmpty)
        {
            return;
        }

        var holder = Holder(creation, out var unknownDestination);
        if (unknownDestination)
        {
            return; // Returned, or stored where it cannot be followed: whoever receives it may complete it.
        }

        List<IPropertySymbol>? missing = null;
        foreach (var input in inputs)
        {
            if (IsSetInInitializer(creation, input.Name))
            {
                continue;
            }

            if (holder is not null && values.IsMemberWritten(holder, input.Name, context.CancellationToken))
            {
                continue;
            }

            (missing ??= new List<IPropertySymbol>()).Add(input);
        }

        if (missing is null
            || (holder is ILocalSymbol local && IsPassedToAMethod(local, context.CancellationToken))
            || HasConstructorCode(creation.Type!, context.CancellationToken))
        {
            return;
        }

        var names = missing.ToImmutableArray();
        context.Report(Diagnostic.Create(
            Descriptors.MissingRequiredInput,
            creation.Syntax.GetLocation(),
            $"{creation.Type!.Name} does not set the required {(names.Length == 1 ? "input" : "inputs")} {Describe(names)}: set {Example(names)}; pulumi preview fails otherwise"));
    }

    /// <summary>
    /// The local, field or property that holds the args object when it is stored in one (its later member writes count);
    /// null when the object is used in place. <paramref name="unknown"/> when it goes where it cannot be followed (returned,
    /// stored in an element or a member of another object, passed by ref).
    /// </summary>
    private static ISymbol? Holder(IObjectCreationOperation creation, out bool unknown)
    {
        unknown = false;
        IOperation current = creation;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IConditionalOperation or ICoalesceOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol;
            case IVariableInitializerOperation:
                unknown = true;
                return null;
            case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                return fieldInitializer.InitializedFields[0];
            case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length == 1:
                return propertyInitializer.InitializedProperties[0];
            case ISimpleAssignmentOperation assignment when assignment.Value == current:
                // In an object initializer the target is a member of the object being built: a nested args value, used in place.
                if (assignment.Parent is IObjectOrCollectionInitializerOperation || assignment.Target is IDiscardOperation)
                {
                    return null;
                }

                var symbol = ValueResolver.ReferencedSymbol(assignment.Target);
                if (symbol is null)
                {
                    unknown = true;
                }

                return symbol;
            case IReturnOperation:
            case IFieldInitializerOperation or IPropertyInitializerOperation:
                unknown = true;
                return null;
            case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                unknown = true;
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when the local is passed to a method (<c>Fill(args)</c>) in its scope: the method may set the inputs, so what the
    /// object holds is unknown. Passing it to a constructor (the resource's) is its use, not a change.
    /// </summary>
    private static bool IsPassedToAMethod(ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return true;
        }

        var declarator = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(static n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax);
        if (scope is null)
        {
            return true;
        }

        foreach (var node in scope.DescendantNodes())
        {
            if (node is ArgumentSyntax { Expression: IdentifierNameSyntax identifier, Parent.Parent: InvocationExpressionSyntax }
                && identifier.Identifier.ValueText == local.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the args type, or a base type of it declared in source, has a constructor with code: it may set inputs
    /// (<c>class WebRoleArgs : RoleArgs { public WebRoleArgs() { AssumeRolePolicy = ...; } }</c>), so the creation is unknown.
    /// </summary>
    private static bool HasConstructorCode(ITypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type as INamedTypeSymbol; current is not null && current.DeclaringSyntaxReferences.Length > 0; current = current.BaseType)
        {
            foreach (var constructor in current.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax declaration
                        && (declaration.ExpressionBody is not null || declaration.Body is { Statements.Count: > 0 }))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsSetInInitializer(IObjectCreationOperation creation, string property)
    {
        if (creation.Initializer is null)
        {
            return false;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            switch (initializer)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } when target.Property.Name == property:
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } when member.Property.Name == property:
                    return true;
            }
        }

        return false;
    }

    private static string Describe(ImmutableArray<IPropertySymbol> inputs)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < inputs.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(i == inputs.Length - 1 ? " and " : ", ");
            }

            builder.Append(inputs[i].Name);
        }

        return builder.ToString();
    }

    private static string Example(ImmutableArray<IPropertySymbol> inputs)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < inputs.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(inputs[i].Name).Append(" = ...");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The calls between methods of the compilation, the resource creations in each, and the methods an Apply's function
    /// calls; gathered from operation actions of every tree, read at compilation end. Thread-safe.
    /// </summary>
    private sealed class CallGraph
    {
        private readonly ConcurrentBag<ISymbol> _roots = new();
        private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<ISymbol>> _callees = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<IObjectCreationOperation>> _creations = new(SymbolEqualityComparer.Default);

        public void AddCall(Place caller, IMethodSymbol callee)
        {
            if (caller.InsideApply)
            {
                _roots.Add(callee.OriginalDefinition);
            }
            else if (caller.Method is not null)
            {
                _callees.GetOrAdd(caller.Method, static _ => new ConcurrentBag<ISymbol>()).Add(callee.OriginalDefinition);
            }
        }

        public void AddCreation(ISymbol method, IObjectCreationOperation creation) =>
            _creations.GetOrAdd(method, static _ => new ConcurrentBag<IObjectCreationOperation>()).Add(creation);

        /// <summary>Each resource creation in a method reached from an Apply's function, with that method.</summary>
        public IEnumerable<(IObjectCreationOperation Creation, ISymbol Method)> CreationsReachedFromApply(CancellationToken cancellationToken)
        {
            if (_creations.IsEmpty || _roots.IsEmpty)
            {
                yield break;
            }

            var reached = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<ISymbol>(_roots);
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var method = queue.Dequeue();
                if (!reached.Add(method))
                {
                    continue;
                }

                if (_callees.TryGetValue(method, out var next))
                {
                    foreach (var callee in next)
                    {
                        queue.Enqueue(callee);
                    }
                }
            }

            var reported = new HashSet<IObjectCreationOperation>();
            foreach (var method in reached)
            {
                if (_creations.TryGetValue(method, out var creations))
                {
                    foreach (var creation in creations)
                    {
                        if (reported.Add(creation))
                        {
                            yield return (creation, method);
                        }
                    }
                }
            }
        }
    }
}
