using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>
/// Finds the policy document in the C# that writes it: JSON text (regular, verbatim, raw and interpolated literals,
/// <c>Output.Format</c>, concatenations, constants), the lambda of <c>Apply</c> / <c>Output.Tuple(...).Apply</c>,
/// <c>JsonSerializer.Serialize</c> / <c>JsonConvert.SerializeObject</c> / <c>Output.JsonSerialize</c> of anonymous objects,
/// dictionaries, arrays and lists, typed <c>PolicyDocumentArgs</c> / <c>PolicyStatementArgs</c>, and the statements of
/// <c>Iam.GetPolicyDocument.Invoke/InvokeAsync</c>. Locals, fields and one level of helper methods are followed. What cannot be
/// read is unknown, and unknown is never a finding. One instance per compilation.
/// </summary>
public sealed class PolicyReader
{
    private const int MaxDepth = 24;

    private static readonly List<IdentifierNameSyntax> NoIdentifiers = new();

    private readonly ValueResolver _values;
    private readonly PulumiSymbols _symbols;
    private readonly ConcurrentDictionary<SyntaxNode, Dictionary<string, List<IdentifierNameSyntax>>> _identifiers = new();
    // Per type: whether it is read as a list (its interfaces are walked once per compilation, not once per policy).
    private readonly ConcurrentDictionary<ISymbol, bool> _collections = new(SymbolIdentity.Instance); // keyed by definition
    private readonly Func<ISymbol, bool> _isCollection;

    public PolicyReader(AnalysisServices services)
    {
        _values = services.Values;
        _symbols = services.Symbols;
        _isCollection = symbol => ComputeIsCollection((ITypeSymbol)symbol);
    }

    /// <summary>The document of a policy argument's value, or null when it cannot be read.</summary>
    public PolicyDocument? ReadDocument(IOperation value, PolicyKind kind, CancellationToken cancellationToken) =>
        PolicyDocumentBuilder.FromJson(ReadTree(value, cancellationToken), kind);

    /// <summary>The JSON-shaped tree of a policy argument's value (a JSON string or a serialized/typed object), or null.</summary>
    public PolicyNode? ReadTree(IOperation value, CancellationToken cancellationToken) =>
        ReadRoot(value, new Context(cancellationToken, null, 0, 0));

    /// <summary>True for <c>Iam.GetPolicyDocument.Invoke(...)</c> / <c>InvokeAsync(...)</c>.</summary>
    public bool IsGetPolicyDocument(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "Invoke" or "InvokeAsync"
        && _symbols.Is(invocation.TargetMethod.ContainingType, PulumiType.IamGetPolicyDocument);

    /// <summary>The document of an <c>Iam.GetPolicyDocument</c> call's statements, or null when they cannot be read.</summary>
    public PolicyDocument? ReadGetPolicyDocument(IInvocationOperation invocation, PolicyKind kind, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Name != "args")
            {
                continue;
            }

            var args = ReadValue(argument.Value, new Context(cancellationToken, null, 0, 0), argument.Value.Syntax.GetLocation());
            return args.Kind == PolicyNodeKind.Object
                ? PolicyDocumentBuilder.FromGetPolicyDocumentStatements(args.Find("Statements")?.Value, kind)
                : null;
        }

        return null;
    }

    /// <summary>
    /// What an <c>Iam.GetPolicyDocument</c> result is used as: the kind of the resource-policy arguments it flows into when
    /// those are its only uses, otherwise (any other use, or a use the analyzer cannot follow) an identity policy.
    /// </summary>
    public PolicyKind ClassifyGetPolicyDocument(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var uses = new List<PolicyKind>();
        if (!CollectUses(invocation, uses, 0, cancellationToken) || uses.Count == 0)
        {
            return PolicyKind.Identity;
        }

        var kind = uses[0];
        foreach (var use in uses)
        {
            if (use == PolicyKind.Identity)
            {
                return PolicyKind.Identity;
            }

            if (use != kind)
            {
                kind = PolicyKind.Resource;
            }
        }

        return kind;
    }

    // ------------------------------------------------------------------ roots: JSON strings and serializations

    private readonly struct Context
    {
        public Context(CancellationToken cancellationToken, Dictionary<IParameterSymbol, IOperation>? parameters, int helperDepth, int depth)
        {
            CancellationToken = cancellationToken;
            Parameters = parameters;
            HelperDepth = helperDepth;
            Depth = depth;
        }

        public CancellationToken CancellationToken { get; }

        /// <summary>Inside a followed helper: the caller's argument for each parameter.</summary>
        public Dictionary<IParameterSymbol, IOperation>? Parameters { get; }

        public int HelperDepth { get; }

        public int Depth { get; }

        public Context Next() => new(CancellationToken, Parameters, HelperDepth, Depth + 1);

        public Context InHelper(Dictionary<IParameterSymbol, IOperation> parameters) => new(CancellationToken, parameters, HelperDepth + 1, Depth + 1);

        /// <summary>Back in the caller, to read an argument of a followed helper.</summary>
        public Context InCaller() => new(CancellationToken, null, HelperDepth, Depth + 1);
    }

    private PolicyNode? ReadRoot(IOperation operation, Context context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (context.Depth > MaxDepth)
        {
            return null;
        }

        operation = ValueResolver.Unwrap(operation);
        if (TryGetArgument(operation, context, out var argument))
        {
            return ReadRoot(argument, context.InCaller());
        }

        var followed = _values.Follow(operation, context.CancellationToken);
        switch (followed)
        {
            case IInvocationOperation invocation:
                if (TryGetSerialized(invocation, out var payload))
                {
                    var node = ReadValue(payload, context.Next(), payload.Syntax.GetLocation());
                    return node.Kind == PolicyNodeKind.Object ? node : null;
                }

                if (TryGetApplyResult(invocation, out var returned))
                {
                    return ReadRoot(returned, context.Next());
                }

                if (context.HelperDepth == 0 && !IsOutputFormat(invocation) && _values.FollowHelper(invocation, context.CancellationToken) is { } helper
                    && IsStructured(ValueResolver.Unwrap(helper.Returned)))
                {
                    return ReadRoot(helper.Returned, context.InHelper(helper.Arguments));
                }

                return IsStringLike(invocation.Type) ? ReadJson(operation, context) : null;

            case IObjectCreationOperation or IAnonymousObjectCreationOperation:
            {
                var node = ReadValue(operation, context.Next(), operation.Syntax.GetLocation());
                return node.Kind == PolicyNodeKind.Object ? node : null;
            }

            default:
                return IsStringLike(operation.Type) || IsStringLike(followed.Type) ? ReadJson(operation, context) : null;
        }
    }

    private static bool IsStructured(IOperation operation) =>
        operation is IInvocationOperation or IObjectCreationOperation or IAnonymousObjectCreationOperation;

    private PolicyNode? ReadJson(IOperation operation, Context context)
    {
        var text = _values.ResolveString(operation, context.CancellationToken);
        return PolicyJsonReader.Read(text, new PolicyTextLocator(text, context.CancellationToken));
    }

    private bool IsStringLike(ITypeSymbol? type) =>
        type is not null
        && (type.SpecialType == SpecialType.System_String
            || (type is INamedTypeSymbol { TypeArguments.Length: 1 } named
                && named.TypeArguments[0].SpecialType == SpecialType.System_String
                && (_symbols.Is(named, PulumiType.OutputOfT) || _symbols.Is(named, PulumiType.InputOfT))));

    private bool IsOutputFormat(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "Format" && _symbols.Is(invocation.TargetMethod.ContainingType, PulumiType.Output);

    /// <summary><c>JsonSerializer.Serialize(x)</c>, <c>JsonConvert.SerializeObject(x)</c>, <c>Output.JsonSerialize(Output.Create(x))</c>: <c>x</c>.</summary>
    private bool TryGetSerialized(IInvocationOperation invocation, out IOperation payload)
    {
        payload = null!;
        var method = invocation.TargetMethod;
        if (!method.IsStatic || invocation.Arguments.Length == 0)
        {
            return false;
        }

        var serializer = (method.Name == "Serialize" && method.ReturnType.SpecialType == SpecialType.System_String && _symbols.Is(method.ContainingType, PulumiType.SystemTextJsonSerializer))
            || (method.Name == "SerializeObject" && _symbols.Is(method.ContainingType, PulumiType.NewtonsoftJsonConvert));
        if (serializer)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "value")
                {
                    payload = argument.Value;
                    return true;
                }
            }

            return false;
        }

        if (method.Name == "JsonSerialize" && _symbols.Is(method.ContainingType, PulumiType.Output)
            && ValueResolver.Unwrap(invocation.Arguments[0].Value) is IInvocationOperation { TargetMethod.Name: "Create", Arguments.Length: > 0 } create
            && create.TargetMethod.IsStatic
            && _symbols.Is(create.TargetMethod.ContainingType, PulumiType.Output))
        {
            payload = create.Arguments[0].Value;
            return true;
        }

        return false;
    }

    /// <summary><c>output.Apply(x => expression)</c> (also a block body with one return): the returned expression.</summary>
    private bool TryGetApplyResult(IInvocationOperation invocation, out IOperation returned)
    {
        returned = null!;
        if (invocation.TargetMethod.Name != "Apply" || !_symbols.Is(invocation.TargetMethod.ContainingType, PulumiType.OutputOfT)
            || invocation.Arguments.Length != 1
            || ValueResolver.Unwrap(invocation.Arguments[0].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            return false;
        }

        IReturnOperation? single = null;
        foreach (var descendant in lambda.Body.Descendants())
        {
            if (descendant is IReturnOperation { ReturnedValue: not null } found)
            {
                if (single is not null)
                {
                    return false; // several returns: which document is deployed is not known
                }

                single = found;
            }
        }

        if (single?.ReturnedValue is null)
        {
            return false;
        }

        returned = single.ReturnedValue;
        return true;
    }

    private static bool TryGetArgument(IOperation operation, Context context, out IOperation argument)
    {
        argument = null!;
        return operation is IParameterReferenceOperation parameter
            && context.Parameters is not null
            && context.Parameters.TryGetValue(parameter.Parameter, out argument!);
    }

    // ------------------------------------------------------------------ C# object models

    /// <summary>
    /// The JSON shape of a C# value. <paramref name="slot"/> is where the value stands in the document (the initializer entry
    /// or the element): strings point there.
    /// </summary>
    private PolicyNode ReadValue(IOperation operation, Context context, Location slot)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        operation = ValueResolver.Unwrap(operation);
        if (context.Depth > MaxDepth)
        {
            return PolicyNode.Unknown(operation.Syntax.ToString(), slot);
        }

        if (TryGetArgument(operation, context, out var argument))
        {
            return ReadValue(argument, context.InCaller(), argument.Syntax.GetLocation());
        }

        if (operation.Type?.SpecialType == SpecialType.System_String || operation is IInterpolatedStringOperation)
        {
            return ReadString(operation, context, slot);
        }

        if (operation.ConstantValue.HasValue)
        {
            return PolicyNode.Literal(LiteralText(operation.ConstantValue.Value), slot);
        }

        if (operation is IPropertyReferenceOperation { Property.IsStatic: true } member && _symbols.Is(member.Property.ContainingType, PulumiType.IamPolicyStatementEffect))
        {
            var effect = member.Property.Name switch
            {
                "ALLOW" => "Allow",
                "DENY" => "Deny",
                _ => null,
            };
            return effect is null ? PolicyNode.Unknown(operation.Syntax.ToString(), slot) : PolicyNode.String(new PolicyValue(effect, effect, slot));
        }

        var followed = _values.Follow(operation, context.CancellationToken);
        var mutated = !ReferenceEquals(followed, operation) && IsMutatedAfterCreation(operation, context.CancellationToken);
        var node = ReadStructure(followed, context, slot);
        if (mutated && node.Kind is PolicyNodeKind.Object or PolicyNodeKind.Array)
        {
            node.IsOpen = true;
        }

        return node;
    }

    private PolicyNode ReadString(IOperation operation, Context context, Location slot)
    {
        var resolved = _values.ResolveString(operation, context.CancellationToken);
        var value = resolved.Value;

        // In an object-built document a literal is where the value is written (design.md): the finding points at it, in
        // whichever file; a constant, local or other expression points at its entry (the slot).
        var location = operation.Syntax is LiteralExpressionSyntax ? operation.Syntax.GetLocation() : slot;
        return PolicyNode.String(new PolicyValue(value, value ?? resolved.ToDisplayString(), location));
    }

    private PolicyNode ReadStructure(IOperation operation, Context context, Location slot)
    {
        switch (operation)
        {
            case IAnonymousObjectCreationOperation anonymous:
            {
                var node = PolicyNode.Object(operation.Syntax.GetLocation());
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        var entry = assignment.Syntax.GetLocation();
                        node.Members.Add(new PolicyMember(property.Property.Name, entry, ReadValue(assignment.Value, context.Next(), entry)));
                    }
                    else
                    {
                        node.IsOpen = true;
                    }
                }

                return node;
            }

            case IObjectCreationOperation creation when !IsCollection(creation.Type):
            {
                var node = PolicyNode.Object(operation.Syntax.GetLocation());
                if (creation.Initializer is not null)
                {
                    ReadMembers(creation.Initializer, node, context);
                }

                return node;
            }

            case IObjectCreationOperation or IArrayCreationOperation:
                return ReadElements(operation, context);

            case IInvocationOperation invocation:
                return ReadInvocation(invocation, context, slot);

            default:
                return PolicyNode.Unknown(operation.Syntax.ToString(), slot);
        }
    }

    private PolicyNode ReadInvocation(IInvocationOperation invocation, Context context, Location slot)
    {
        var method = invocation.TargetMethod;

        // ImmutableArray.Create("a", "b"), ImmutableArray.CreateRange(list)
        if (method.IsStatic && _symbols.Is(method.ContainingType, PulumiType.ImmutableArray))
        {
            if (method.Name == "Create")
            {
                return ReadElements(invocation, context);
            }

            if (method.Name == "CreateRange" && invocation.Arguments.Length == 1)
            {
                return ReadValue(invocation.Arguments[0].Value, context.Next(), slot);
            }
        }

        // list.ToImmutableArray(), array.ToList(), ...: the same elements
        if (method.IsExtensionMethod && invocation.Arguments.Length == 1
            && method.Name is "ToImmutableArray" or "ToArray" or "ToList" or "AsEnumerable" or "ToImmutableList")
        {
            return ReadValue(invocation.Arguments[0].Value, context.Next(), slot);
        }

        // Output.Create(x)
        if (method.IsStatic && method.Name == "Create" && invocation.Arguments.Length == 1 && _symbols.Is(method.ContainingType, PulumiType.Output))
        {
            return ReadValue(invocation.Arguments[0].Value, context.Next(), slot);
        }

        if (context.HelperDepth == 0 && _values.FollowHelper(invocation, context.CancellationToken) is { } helper)
        {
            return ReadValue(helper.Returned, context.InHelper(helper.Arguments), slot);
        }

        return PolicyNode.Unknown(invocation.Syntax.ToString(), slot);
    }

    /// <summary>Adds the members of an object or dictionary initializer to <paramref name="node"/>.</summary>
    private void ReadMembers(IObjectOrCollectionInitializerOperation initializer, PolicyNode node, Context context)
    {
        foreach (var entry in initializer.Initializers)
        {
            var location = entry.Syntax.GetLocation();
            switch (entry)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment:
                {
                    // ["Action"] = "*"
                    var key = indexer.Arguments.Length == 1 ? _values.ResolveConstant(indexer.Arguments[0].Value, context.CancellationToken) : default;
                    node.Members.Add(new PolicyMember(key.HasValue ? key.Value as string : null, location, ReadValue(assignment.Value, context.Next(), location)));
                    break;
                }

                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment:
                    // Action = "*"
                    node.Members.Add(new PolicyMember(target.Member.Name, location, ReadValue(assignment.Value, context.Next(), location)));
                    break;

                case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation target, Initializer: { } nested }:
                {
                    // Statement = { ... }, Condition = { ["StringEquals"] = ... }
                    PolicyNode value;
                    if (IsCollection(target.Type))
                    {
                        value = ReadElements(nested, context.Next());
                    }
                    else
                    {
                        value = PolicyNode.Object(nested.Syntax.GetLocation());
                        ReadMembers(nested, value, context.Next());
                    }

                    node.Members.Add(new PolicyMember(target.Member.Name, location, value));
                    break;
                }

                case IInvocationOperation add when add.Arguments.Length == 2:
                {
                    // { "Action", "*" } in a dictionary initializer
                    var key = _values.ResolveConstant(add.Arguments[0].Value, context.CancellationToken);
                    node.Members.Add(new PolicyMember(key.HasValue ? key.Value as string : null, location, ReadValue(add.Arguments[1].Value, context.Next(), location)));
                    break;
                }

                default:
                    node.IsOpen = true;
                    break;
            }
        }
    }

    /// <summary>The array of a list written in C# (see <see cref="CollectElements"/>); each element points at itself.</summary>
    private PolicyNode ReadElements(IOperation list, Context context)
    {
        var node = PolicyNode.Array(list.Syntax.GetLocation());
        var elements = new List<IOperation>();
        node.IsOpen = !CollectElements(list, elements, context.CancellationToken);
        foreach (var element in elements)
        {
            node.Elements.Add(ReadValue(element, context.Next(), ValueResolver.Unwrap(element).Syntax.GetLocation()));
        }

        return node;
    }

    /// <summary>
    /// The elements of a list written in C#: an array creation, a collection initializer (<c>Actions = { "a", "b" }</c>,
    /// <c>new List&lt;string&gt; { ... }</c>), <c>ImmutableArray.Create(...)</c>, a single value converted to a list, through
    /// locals and fields. False when the list may hold elements the analyzer cannot see (then the known ones are still added).
    /// </summary>
    public bool CollectElements(IOperation list, List<IOperation> elements, CancellationToken cancellationToken) =>
        CollectElements(list, elements, 0, cancellationToken);

    private bool CollectElements(IOperation list, List<IOperation> elements, int depth, CancellationToken cancellationToken)
    {
        if (depth > 4)
        {
            return false;
        }

        var unwrapped = ValueResolver.Unwrap(list);
        if (unwrapped.Type is { } type && type is not IErrorTypeSymbol && unwrapped is not IObjectOrCollectionInitializerOperation && !IsCollection(type))
        {
            // One value converted to a list (InputList<string> from a string).
            elements.Add(unwrapped);
            return true;
        }

        var followed = _values.Follow(unwrapped, cancellationToken);
        var complete = ReferenceEquals(followed, unwrapped) || !IsMutatedAfterCreation(unwrapped, cancellationToken);
        switch (followed)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                elements.AddRange(initializer.ElementValues);
                return complete;
            case IObjectCreationOperation creation:
                return CollectInitializerElements(creation.Initializer, elements, depth, cancellationToken) && creation.Arguments.Length == 0 && complete;
            case IObjectOrCollectionInitializerOperation initializer:
                return CollectInitializerElements(initializer, elements, depth, cancellationToken);
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Create" } method } invocation when _symbols.Is(method.ContainingType, PulumiType.ImmutableArray):
                elements.AddRange(ExpandArguments(invocation));
                return true;
            case IInvocationOperation { TargetMethod: { IsExtensionMethod: true, Name: "ToImmutableArray" or "ToArray" or "ToList" or "ToImmutableList" or "AsEnumerable" } } conversion
                when conversion.Arguments.Length == 1:
                return CollectElements(conversion.Arguments[0].Value, elements, depth + 1, cancellationToken);
            default:
                return false;
        }
    }

    private bool CollectInitializerElements(IObjectOrCollectionInitializerOperation? initializer, List<IOperation> elements, int depth, CancellationToken cancellationToken)
    {
        var complete = true;
        if (initializer is null)
        {
            return complete;
        }

        foreach (var entry in initializer.Initializers)
        {
            if (entry is not IInvocationOperation add)
            {
                complete = false;
                continue;
            }

            foreach (var element in ExpandArguments(add))
            {
                var unwrapped = ValueResolver.Unwrap(element);
                if (IsCollection(unwrapped.Type))
                {
                    complete &= CollectElements(unwrapped, elements, depth + 1, cancellationToken); // InputList.Add(otherList)
                }
                else
                {
                    elements.Add(element);
                }
            }
        }

        return complete;
    }

    /// <summary>The arguments of a call, with a <c>params</c> array expanded into its elements.</summary>
    private static IEnumerable<IOperation> ExpandArguments(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && ValueResolver.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    /// <summary>True for lists and arrays (<c>InputList</c>, <c>List</c>, <c>ImmutableArray</c>, ...), false for dictionaries, maps and objects.</summary>
    private bool IsCollection(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String
        && (type is IArrayTypeSymbol || _collections.GetOrAdd(type.OriginalDefinition, _isCollection));

    private bool ComputeIsCollection(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol || _symbols.Is(type, PulumiType.InputListOfT))
        {
            return true;
        }

        if (_symbols.Is(type, PulumiType.InputMapOfT))
        {
            return false;
        }

        var enumerable = false;
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name is "IDictionary" or "IReadOnlyDictionary")
            {
                return false;
            }

            enumerable |= implemented.SpecialType == SpecialType.System_Collections_IEnumerable;
        }

        return enumerable;
    }

    private static string LiteralText(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        System.IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    /// <summary>True when the local or field that <paramref name="reference"/> reads is changed after its creation (see <see cref="ValueResolver.IsChangedAfterAssignment"/>).</summary>
    private bool IsMutatedAfterCreation(IOperation reference, CancellationToken cancellationToken) =>
        ValueResolver.ReferencedSymbol(reference) is { } symbol && _values.IsChangedAfterAssignment(symbol, cancellationToken);

    /// <summary>
    /// The identifiers named <paramref name="name"/> in <paramref name="scope"/>, from an index built once per scope, so
    /// that asking about many locals of one large scope stays linear.
    /// </summary>
    private List<IdentifierNameSyntax> IdentifiersNamed(SyntaxNode scope, string name)
    {
        var index = _identifiers.GetOrAdd(scope, static s =>
        {
            var byName = new Dictionary<string, List<IdentifierNameSyntax>>(System.StringComparer.Ordinal);
            foreach (var node in s.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier)
                {
                    var text = identifier.Identifier.ValueText;
                    if (!byName.TryGetValue(text, out var list))
                    {
                        list = new List<IdentifierNameSyntax>(1);
                        byName.Add(text, list);
                    }

                    list.Add(identifier);
                }
            }

            return byName;
        });
        return index.TryGetValue(name, out var found) ? found : NoIdentifiers;
    }

    // ------------------------------------------------------------------ where a GetPolicyDocument result goes

    private bool CollectUses(IOperation operation, List<PolicyKind> uses, int depth, CancellationToken cancellationToken)
    {
        if (depth > 4)
        {
            return false;
        }

        var current = operation;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IAwaitOperation:
                    current = parent;
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Json" or "MinifiedJson" } json when ReferenceEquals(json.Instance, current):
                    current = parent;
                    continue;
                case IFieldReferenceOperation { Field.Name: "Json" or "MinifiedJson" } jsonField when ReferenceEquals(jsonField.Instance, current):
                    current = parent;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "Apply" } apply when ReferenceEquals(apply.Instance, current) && IsJsonProjection(apply):
                    current = parent;
                    continue;
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                    return ClassifyAssignment(assignment, uses);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return CollectLocalUses(declarator.Symbol, operation.SemanticModel, uses, depth, cancellationToken);
                default:
                    return false;
            }
        }
    }

    /// <summary><c>result.Apply(d => d.Json)</c> (or <c>MinifiedJson</c>).</summary>
    private static bool IsJsonProjection(IInvocationOperation apply) =>
        apply.Arguments.Length == 1
        && ValueResolver.Unwrap(apply.Arguments[0].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
        && lambda.Body.Operations.Length == 1
        && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
        && ValueResolver.Unwrap(returned) is IMemberReferenceOperation { Member.Name: "Json" or "MinifiedJson", Instance: IParameterReferenceOperation };

    private bool CollectLocalUses(ILocalSymbol local, SemanticModel? model, List<PolicyKind> uses, int depth, CancellationToken cancellationToken)
    {
        if (model is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var scope = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<SyntaxNode>(static n => n is BlockSyntax or CompilationUnitSyntax);
        if (scope is null)
        {
            return false;
        }

        foreach (var identifier in IdentifiersNamed(scope, local.Name))
        {
            if (model.GetOperation(identifier, cancellationToken) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !CollectUses(reference, uses, depth + 1, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private bool ClassifyAssignment(ISimpleAssignmentOperation assignment, List<PolicyKind> uses)
    {
        if (assignment.Target is not IPropertyReferenceOperation property
            || assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation args })
        {
            return false;
        }

        if (_symbols.Is(args.Type, PulumiType.IamRoleInlinePolicyArgs))
        {
            uses.Add(PolicyKind.Identity);
            return true;
        }

        var parent = args.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation { Parent: IObjectCreationOperation resource }
            && resource.Type is { } resourceType
            && PolicyArguments.Find(_symbols, resourceType, property.Property.Name) is { } policyArgument)
        {
            uses.Add(policyArgument.Kind);
            return true;
        }

        return false;
    }
}
