using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Pulumi;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>
/// Follows values through C# the way design.md says: constants, locals and readonly fields and properties of the same
/// compilation assigned exactly once, interpolation, concatenation, <c>string.Format</c>, <c>string.Join</c> of a
/// written-out list, <c>Output.Format</c>, and one level into a same-compilation helper whose body returns an expression
/// of its parameters. The stack and project names
/// are recognised wherever they provably flow. Anything else stays unknown: unknown is never wrong.
/// One instance per compilation; thread-safe (the write tables of <see cref="WrittenNames"/> are cached per syntax tree).
/// </summary>
/// <remarks>
/// Values are followed through their operations in whichever file of the compilation they are declared: the semantic model
/// of another file comes from <see cref="OperationOf"/> (one model per tree and compilation, shared by every rule and thread).
/// Where no model can be had, a value declared in another file is followed by its syntax (literals, interpolations,
/// concatenations, the stack and project names).
/// </remarks>
public sealed class ValueResolver
{
    private const int MaxDepth = 8;

    private readonly PulumiSymbols _symbols;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    // What each symbol is assigned once (or null), and whether a member of it is written / the object it holds is changed:
    // asked for the same locals and fields by every rule and for every resource that uses them (an options local, a name
    // local, a shared field). Keyed by the symbol object (SymbolIdentity), which is stable within a compilation.
    private readonly ConcurrentDictionary<ISymbol, ExpressionSyntax?> _singleAssignments = new(SymbolIdentity.Instance);
    private readonly ConcurrentDictionary<ISymbol, ConcurrentDictionary<string, bool>> _writtenMembers = new(SymbolIdentity.Instance);
    private readonly ConcurrentDictionary<ISymbol, bool> _changedAfterAssignment = new(SymbolIdentity.Instance);
    private readonly Func<ISymbol, ConcurrentDictionary<string, bool>> _newMemberTable = static _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

    public ValueResolver(PulumiSymbols symbols) => _symbols = symbols;

    public PulumiSymbols Symbols => _symbols;

    /// <summary>Strips implicit and explicit conversions (to <c>Input&lt;T&gt;</c>, <c>object</c>, ...) and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The operation that <paramref name="operation"/> provably holds: conversions are stripped and a reference to a local,
    /// field or property assigned exactly once (declared in any file of the compilation) is replaced by its assigned value, repeatedly.
    /// Returns the unwrapped operation itself when it cannot be followed further.
    /// </summary>
    public IOperation Follow(IOperation operation, CancellationToken cancellationToken) =>
        Follow(operation, default, cancellationToken)!;

    /// <summary>
    /// Like <see cref="Follow(IOperation, CancellationToken)"/>, for an object whose members matter: returns null when a
    /// local, field or property followed on the way has one of <paramref name="members"/> written after it was assigned
    /// (<c>opts.Protect = false;</c>), because the followed initializer no longer tells what the object holds.
    /// </summary>
    public IOperation? FollowUnchanged(IOperation operation, ImmutableArray<string> members, CancellationToken cancellationToken) =>
        Follow(operation, members, cancellationToken);

    /// <summary>
    /// True when <c>&lt;symbol&gt;.<paramref name="member"/></c> is written (assigned, incremented, passed by ref) where
    /// <paramref name="symbol"/> lives: the scope of a local, the declarations of a field's or property's type. Matched by
    /// name, so it errs on the side of "written".
    /// </summary>
    public bool IsMemberWritten(ISymbol symbol, string member, CancellationToken cancellationToken)
    {
        var members = _writtenMembers.TryGetValue(symbol, out var table) ? table : _writtenMembers.GetOrAdd(symbol, _newMemberTable);
        if (members.TryGetValue(member, out var written))
        {
            return written;
        }

        written = InAnyScopeOf(symbol, (symbol.Name, member), static (scope, names) => WritesMemberOf(scope, names.Item1, names.Item2), cancellationToken);
        members.TryAdd(member, written);
        return written;
    }

    /// <summary>
    /// True when the object that <paramref name="symbol"/> (a local, field or property) holds may be changed after it was
    /// assigned, where the symbol lives: any member or element written through it (<c>x.Condition = ...</c>,
    /// <c>x["Condition"] = ...</c>) or a changing call on it (<c>x.Add(...)</c>, <c>x.Remove(...)</c>, <c>x.Clear()</c>, ...).
    /// Then its initializer does not tell all it holds (a list built up with <c>Add</c>, a dictionary completed later).
    /// Matched by name, so it errs on the side of "changed".
    /// </summary>
    public bool IsChangedAfterAssignment(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (_changedAfterAssignment.TryGetValue(symbol, out var changed))
        {
            return changed;
        }

        changed = InAnyScopeOf(symbol, symbol.Name, static (scope, name) => WrittenNames.For(scope).IsChangedReceiver(name), cancellationToken);
        _changedAfterAssignment.TryAdd(symbol, changed);
        return changed;
    }

    /// <summary>
    /// True when <paramref name="test"/> holds in a scope where <paramref name="symbol"/> lives: the block of a local, or any
    /// declaration of a field's or property's type. True as well when the scope cannot be known (errs on the safe side).
    /// </summary>
    private static bool InAnyScopeOf<TState>(ISymbol symbol, TState state, Func<SyntaxNode, TState, bool> test, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case ILocalSymbol local when local.DeclaringSyntaxReferences is { Length: 1 } references:
                var scope = LocalScope(references[0].GetSyntax(cancellationToken));
                return scope is null || test(scope, state);
            case IFieldSymbol or IPropertySymbol when symbol.ContainingType is not null:
                foreach (var reference in symbol.ContainingType.DeclaringSyntaxReferences)
                {
                    if (test(reference.GetSyntax(cancellationToken), state))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    private static bool WritesMemberOf(SyntaxNode scope, string variable, string member)
    {
        foreach (var write in WrittenNames.For(scope).WritesOf(member))
        {
            switch (WrittenNames.TargetOf(write))
            {
                case null:
                    return true;
                case IdentifierNameSyntax:
                    continue; // a variable of that name: not this variable's member (object initializers are not in the table).
                case MemberAccessExpressionSyntax memberAccess:
                    if (IsMemberOf(memberAccess, variable, member))
                    {
                        return true;
                    }

                    continue;
                case var target:
                    // Deconstruction `(x.Member, y) = ...` and other shapes: look inside.
                    foreach (var node in target.DescendantNodes())
                    {
                        if (node is MemberAccessExpressionSyntax inner && IsMemberOf(inner, variable, member))
                        {
                            return true;
                        }
                    }

                    continue;
            }
        }

        return false;
    }

    private static bool IsMemberOf(MemberAccessExpressionSyntax memberAccess, string variable, string member) =>
        memberAccess.Name.Identifier.ValueText == member && RightmostName(memberAccess.Expression) == variable;

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        ParenthesizedExpressionSyntax parenthesized => RightmostName(parenthesized.Expression),
        _ => null,
    };

    private IOperation? Follow(IOperation operation, ImmutableArray<string> members, CancellationToken cancellationToken)
    {
        operation = Unwrap(operation);
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var symbol = ReferencedSymbol(operation);
            if (symbol is null)
            {
                return operation;
            }

            if (!members.IsDefault)
            {
                foreach (var member in members)
                {
                    if (IsMemberWritten(symbol, member, cancellationToken))
                    {
                        return null;
                    }
                }
            }

            var assigned = FindSingleAssignment(symbol, cancellationToken);
            var next = assigned is null ? null : OperationOf(assigned, operation.SemanticModel, cancellationToken);
            if (next is null)
            {
                return operation;
            }

            operation = Unwrap(next);
        }

        return operation;
    }

    /// <summary>The constant value of <paramref name="operation"/>, following constants, locals and fields; no value when unknown.</summary>
    public Optional<object?> ResolveConstant(IOperation operation, CancellationToken cancellationToken)
    {
        var followed = Follow(operation, cancellationToken);
        if (followed.ConstantValue.HasValue)
        {
            return followed.ConstantValue;
        }

        if (followed is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not
            && ResolveConstant(not.Operand, cancellationToken) is { HasValue: true, Value: bool b })
        {
            return !b;
        }

        return default;
    }

    /// <summary>The boolean value of <paramref name="operation"/> when it is provably a constant; null when unknown.</summary>
    public bool? ResolveBoolean(IOperation operation, CancellationToken cancellationToken) =>
        ResolveConstant(operation, cancellationToken) is { HasValue: true, Value: bool b } ? b : null;

    /// <summary>True when <paramref name="operation"/> provably holds the stack name.</summary>
    public bool IsStackName(IOperation operation, CancellationToken cancellationToken)
    {
        var resolved = ResolveString(operation, cancellationToken);
        return resolved.Parts.Length == 1 && resolved.Parts[0].Kind == StringPartKind.StackName;
    }

    /// <summary>The string that <paramref name="operation"/> evaluates to, as far as it can be known.</summary>
    public ResolvedString ResolveString(IOperation operation, CancellationToken cancellationToken)
    {
        // One builder per thread, reused: every resource name and policy is resolved, and most have one or two parts.
        var parts = s_parts ?? ImmutableArray.CreateBuilder<StringPart>();
        s_parts = null;
        try
        {
            var context = new Context(cancellationToken, parameters: null, helperDepth: 0, branches: null);
            AppendOperation(operation, parts, context, depth: 0, via: false);
            return new ResolvedString(parts.ToImmutable());
        }
        finally
        {
            parts.Clear();
            if (parts.Capacity <= 64)
            {
                s_parts = parts;
            }
        }
    }

    [ThreadStatic]
    private static ImmutableArray<StringPart>.Builder? s_parts;

    /// <summary>
    /// The strings <paramref name="operation"/> may evaluate to when its value goes through conditional (<c>c ? a : b</c>)
    /// or switch expressions, wherever they stand (the whole value, an interpolation hole, a followed local): one resolved
    /// string per combination of branches, each resolved as <see cref="ResolveString"/> resolves a value. Default (no
    /// array) when the value has no such expression (then <see cref="ResolveString"/> says all there is), or more than
    /// <see cref="MaxBranches"/> combinations. <see cref="ResolveString"/> itself keeps such an expression as one unknown part
    /// and says so (<see cref="ResolvedString.HasBranches"/>), so a caller asks for the branches only then.
    /// </summary>
    public ImmutableArray<ResolvedString> ResolveBranches(IOperation operation, CancellationToken cancellationToken)
    {
        var branches = new BranchPath();
        var results = ImmutableArray.CreateBuilder<ResolvedString>();
        do
        {
            var parts = ImmutableArray.CreateBuilder<StringPart>();
            branches.Restart();
            AppendOperation(operation, parts, new Context(cancellationToken, parameters: null, helperDepth: 0, branches), depth: 0, via: false);
            if (!branches.HasChoices || results.Count == MaxBranches)
            {
                return default;
            }

            results.Add(new ResolvedString(parts.ToImmutable()));
        }
        while (branches.Advance());

        return results.ToImmutable();
    }

    /// <summary>The most branch combinations <see cref="ResolveBranches"/> enumerates.</summary>
    public const int MaxBranches = 16;

    /// <summary>
    /// The branch taken at each conditional or switch expression met while resolving a value, in the order they are met,
    /// enumerated depth first: <see cref="Advance"/> moves to the next combination (the last choice that has another branch
    /// takes it, the choices after it are forgotten and start again from their first branch).
    /// </summary>
    private sealed class BranchPath
    {
        private readonly List<(int Choice, int Count)> _choices = new();
        private int _position;

        public bool HasChoices => _choices.Count > 0;

        public void Restart() => _position = 0;

        /// <summary>The branch to take at the next expression met, which has <paramref name="count"/> branches.</summary>
        public int Choose(int count)
        {
            if (_position < _choices.Count)
            {
                return _choices[_position++].Choice;
            }

            _choices.Add((0, count));
            _position++;
            return 0;
        }

        public bool Advance()
        {
            for (var i = _choices.Count - 1; i >= 0; i--)
            {
                var (choice, count) = _choices[i];
                if (choice + 1 < count)
                {
                    _choices[i] = (choice + 1, count);
                    return true;
                }

                _choices.RemoveAt(i);
            }

            return false;
        }
    }

    // ------------------------------------------------------------------ semantic resolution

    private readonly struct Context
    {
        public Context(CancellationToken cancellationToken, Dictionary<IParameterSymbol, IOperation>? parameters, int helperDepth, BranchPath? branches)
        {
            CancellationToken = cancellationToken;
            Parameters = parameters;
            HelperDepth = helperDepth;
            Branches = branches;
        }

        /// <summary>When branches are enumerated (<see cref="ResolveBranches"/>): the branch to take at each conditional or switch expression.</summary>
        public BranchPath? Branches { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Inside a followed helper: the caller's argument for each parameter.</summary>
        public Dictionary<IParameterSymbol, IOperation>? Parameters { get; }

        public int HelperDepth { get; }
    }

    private void AppendOperation(IOperation operation, ImmutableArray<StringPart>.Builder parts, Context context, int depth, bool via)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        operation = Unwrap(operation);
        if (depth > MaxDepth)
        {
            AddUnknown(operation, parts);
            return;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation property when _symbols.IsStackNameProperty(property.Property):
                parts.Add(new StringPart(StringPartKind.StackName, "stack", operation.Syntax, operation, null, null, via));
                return;
            case IPropertyReferenceOperation property when _symbols.IsProjectNameProperty(property.Property):
                parts.Add(new StringPart(StringPartKind.ProjectName, "project", operation.Syntax, operation, null, null, via));
                return;
        }

        // A constant concatenation or interpolation is still taken apart, so that each piece keeps its own syntax.
        if (operation.ConstantValue.HasValue && !IsStringComposition(operation))
        {
            var text = ConstantToString(operation.ConstantValue.Value);
            if (text is not null)
            {
                var isReference = via || operation is IFieldReferenceOperation or ILocalReferenceOperation;
                parts.Add(new StringPart(StringPartKind.Text, text, operation.Syntax, operation, null, null, isReference));
                return;
            }
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var content in interpolated.Parts)
                {
                    switch (content)
                    {
                        case IInterpolatedStringTextOperation text:
                            parts.Add(new StringPart(StringPartKind.Text, TextOf(text), text.Syntax, text, null, null, via));
                            break;
                        case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                            AppendOperation(hole.Expression, parts, context, depth + 1, via);
                            break;
                        default:
                            AddUnknown(content, parts);
                            break;
                    }
                }

                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                AppendOperation(binary.LeftOperand, parts, context, depth + 1, via);
                AppendOperation(binary.RightOperand, parts, context, depth + 1, via);
                return;

            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when context.Branches is not null:
                AppendOperation(context.Branches.Choose(2) == 0 ? conditional.WhenTrue : whenFalse, parts, context, depth + 1, via);
                return;

            case ISwitchExpressionOperation { Arms.Length: > 0 } switchExpression when context.Branches is not null:
                AppendOperation(switchExpression.Arms[context.Branches.Choose(switchExpression.Arms.Length)].Value, parts, context, depth + 1, via);
                return;

            case IConditionalOperation { WhenFalse: not null } or ISwitchExpressionOperation { Arms.Length: > 0 }:
                // Unknown as a whole here; ResolveBranches takes it apart (the part says so, at no cost to anyone else).
                AddUnknown(operation, parts, branching: true);
                return;

            case IParameterReferenceOperation parameter:
                if (context.Parameters is not null && context.Parameters.TryGetValue(parameter.Parameter, out var argument))
                {
                    // The caller's argument, resolved in the caller's context (one level only).
                    AppendOperation(argument, parts, new Context(context.CancellationToken, null, context.HelperDepth, context.Branches), depth + 1, via: true);
                    return;
                }

                AddUnknown(operation, parts);
                return;

            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                if (TryAppendFollowed(operation, parts, context, depth))
                {
                    return;
                }

                AddUnknown(operation, parts);
                return;

            case IInvocationOperation invocation:
                if (TryAppendInvocation(invocation, parts, context, depth, via))
                {
                    return;
                }

                AddUnknown(operation, parts);
                return;

            default:
                AddUnknown(operation, parts);
                return;
        }
    }

    private bool TryAppendFollowed(IOperation reference, ImmutableArray<StringPart>.Builder parts, Context context, int depth)
    {
        var symbol = ReferencedSymbol(reference);
        if (symbol is null)
        {
            return false;
        }

        var assigned = FindSingleAssignment(symbol, context.CancellationToken);
        if (assigned is null)
        {
            return false;
        }

        if (ModelOf(assigned.SyntaxTree, reference.SemanticModel) is { } model)
        {
            var value = model.GetOperation(assigned, context.CancellationToken);
            if (value is null)
            {
                return false;
            }

            var start = parts.Count;
            AppendOperation(value, parts, context, depth + 1, via: true);
            MarkViaReference(parts, start);
            KeepReferenceForSingleUnknown(reference, parts, start);
            return true;
        }

        var syntaxStart = parts.Count;
        AppendSyntax(assigned, parts, parameters: null, depth + 1);
        KeepReferenceForSingleUnknown(reference, parts, syntaxStart);
        return true;
    }

    /// <summary>
    /// When a followed symbol turns out to hold one unknown value that no symbol identifies (<c>var n = config.Require("x")</c>),
    /// the reference itself is the unknown part: the symbol, assigned exactly once, identifies the value, so two uses of
    /// it can be compared (<see cref="StringPart.IsSameUnknownAs"/>) and the part points at the use.
    /// </summary>
    private static void KeepReferenceForSingleUnknown(IOperation reference, ImmutableArray<StringPart>.Builder parts, int start)
    {
        if (parts.Count == start + 1 && parts[start].Kind == StringPartKind.Unknown && parts[start].Symbol is null)
        {
            var branching = parts[start].IsBranching;
            parts.RemoveAt(start);
            AddUnknown(reference, parts, branching);
        }
    }

    /// <summary>True when <paramref name="name"/> is written (assigned, incremented, passed by ref/out) anywhere in <paramref name="scope"/>.</summary>
    public bool IsWritten(SyntaxNode scope, string name) => WrittenNames.For(scope).WritesOf(name).Count > 0;

    private bool TryAppendInvocation(IInvocationOperation invocation, ImmutableArray<StringPart>.Builder parts, Context context, int depth, bool via)
    {
        var method = invocation.TargetMethod;

        // string.Format("{0}-{1}", a, b) and string.Concat(a, b, ...)
        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic)
        {
            if (method.Name == "Format")
            {
                return TryAppendStringFormat(invocation, parts, context, depth, via);
            }

            if (method.Name == "Concat" && invocation.Arguments.Length > 0)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            AppendOperation(element, parts, context, depth + 1, via);
                        }
                    }
                    else
                    {
                        AppendOperation(argument.Value, parts, context, depth + 1, via);
                    }
                }

                return true;
            }

            if (method.Name == "Join")
            {
                return TryAppendStringJoin(invocation, parts, context, depth, via);
            }

            return false;
        }

        // Output.Format($"...") keeps the shape of its interpolation; its holes are outputs, hence unknown.
        if (method.Name == "Format" && method.IsStatic && _symbols.Is(method.ContainingType, PulumiType.Output)
            && invocation.Arguments.Length == 1)
        {
            AppendOperation(invocation.Arguments[0].Value, parts, context, depth + 1, via);
            return true;
        }

        return TryAppendHelper(invocation, parts, context, depth);
    }

    /// <summary>
    /// <c>string.Join("-", a, b, c)</c> and <c>string.Join('-', new[] { a, b })</c>: a constant separator between the values
    /// of a written-out list (a params array or an array creation). A list that is not written out stays unknown.
    /// </summary>
    private bool TryAppendStringJoin(IInvocationOperation invocation, ImmutableArray<StringPart>.Builder parts, Context context, int depth, bool via)
    {
        var arguments = invocation.Arguments;
        if (arguments.Length != 2
            || ResolveConstant(arguments[0].Value, context.CancellationToken) is not { HasValue: true } separatorValue
            || ConstantToString(separatorValue.Value) is not { } separator
            || Unwrap(arguments[1].Value) is not IArrayCreationOperation { Initializer: { } initializer })
        {
            return false;
        }

        var first = true;
        foreach (var element in initializer.ElementValues)
        {
            if (!first && separator.Length > 0)
            {
                parts.Add(new StringPart(StringPartKind.Text, separator, arguments[0].Value.Syntax, arguments[0].Value, null, null, via));
            }

            AppendOperation(element, parts, context, depth + 1, via);
            first = false;
        }

        return true;
    }

    private bool TryAppendStringFormat(IInvocationOperation invocation, ImmutableArray<StringPart>.Builder parts, Context context, int depth, bool via)
    {
        var arguments = invocation.Arguments;
        if (arguments.Length == 0)
        {
            return false;
        }

        var formatIndex = arguments[0].Value.Type?.SpecialType == SpecialType.System_String ? 0 : 1; // (IFormatProvider, format, ...)
        if (formatIndex >= arguments.Length || ResolveConstant(arguments[formatIndex].Value, context.CancellationToken) is not { HasValue: true, Value: string format })
        {
            return false;
        }

        var values = new List<IOperation>();
        for (var i = formatIndex + 1; i < arguments.Length; i++)
        {
            var value = Unwrap(arguments[i].Value);
            if (arguments[i].ArgumentKind == ArgumentKind.ParamArray && value is IArrayCreationOperation { Initializer: { } initializer })
            {
                values.AddRange(initializer.ElementValues);
            }
            else
            {
                values.Add(value);
            }
        }

        var segments = CompositeFormat.Parse(format);
        if (segments is null)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (segment.Index < 0)
            {
                parts.Add(new StringPart(StringPartKind.Text, segment.Text, arguments[formatIndex].Value.Syntax, arguments[formatIndex].Value, null, null, viaReference: true));
            }
            else if (segment.Index < values.Count && !segment.HasFormat)
            {
                AppendOperation(values[segment.Index], parts, context, depth + 1, via);
            }
            else
            {
                AddUnknown(invocation, parts);
            }
        }

        return true;
    }

    /// <summary>One level into a helper of this compilation whose body is a single return of an expression.</summary>
    private bool TryAppendHelper(IInvocationOperation invocation, ImmutableArray<StringPart>.Builder parts, Context context, int depth)
    {
        if (context.HelperDepth > 0)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        if (method.ReturnType.SpecialType != SpecialType.System_String || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var returned = SingleReturnedExpression(method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken));
        if (returned is null)
        {
            return false;
        }

        var start = parts.Count;
        if (FollowHelper(invocation, context.CancellationToken) is { } helper)
        {
            AppendOperation(helper.Returned, parts, new Context(context.CancellationToken, helper.Arguments, context.HelperDepth + 1, context.Branches), depth + 1, via: true);
        }
        else
        {
            var byName = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not null)
                {
                    byName[argument.Parameter.Name] = argument.Value;
                }
            }

            AppendSyntax(returned, parts, byName, depth + 1);
        }

        MarkViaReference(parts, start);
        return true;
    }

    /// <summary>
    /// One level into a helper method (or local function) of this compilation, in any file, whose body is a single return of
    /// an expression: the returned expression's operation and the caller's argument for each parameter. Null when the
    /// invocation is not such a helper. Any return type.
    /// </summary>
    public HelperBody? FollowHelper(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.DeclaringSyntaxReferences.Length != 1 || invocation.SemanticModel is null)
        {
            return null;
        }

        var returned = SingleReturnedExpression(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken));
        if (returned is null || OperationOf(returned, invocation.SemanticModel, cancellationToken) is not { } body)
        {
            return null;
        }

        var map = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not null)
            {
                map[argument.Parameter.OriginalDefinition] = argument.Value;
                map[argument.Parameter] = argument.Value;
            }
        }

        return new HelperBody(body, map);
    }

    private static ExpressionSyntax? SingleReturnedExpression(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow }:
                return arrow.Expression;
            case MethodDeclarationSyntax { Body: { Statements: { Count: 1 } statements } } when statements[0] is ReturnStatementSyntax { Expression: { } expression }:
                return expression;
            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow }:
                return arrow.Expression;
            case LocalFunctionStatementSyntax { Body: { Statements: { Count: 1 } statements } } when statements[0] is ReturnStatementSyntax { Expression: { } expression }:
                return expression;
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------ syntax resolution (values declared in another file)

    private void AppendSyntax(ExpressionSyntax expression, ImmutableArray<StringPart>.Builder parts, Dictionary<string, IOperation>? parameters, int depth)
    {
        if (depth > MaxDepth)
        {
            parts.Add(UnknownSyntax(expression));
            return;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                AppendSyntax(parenthesized.Expression, parts, parameters, depth + 1);
                return;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.NumericLiteralExpression):
                parts.Add(new StringPart(StringPartKind.Text, ConstantToString(literal.Token.Value) ?? literal.Token.ValueText, literal, null, null, null, viaReference: true));
                return;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    switch (content)
                    {
                        case InterpolatedStringTextSyntax text:
                            parts.Add(new StringPart(StringPartKind.Text, text.TextToken.ValueText, text, null, null, null, viaReference: true));
                            break;
                        case InterpolationSyntax hole when hole.AlignmentClause is null && hole.FormatClause is null:
                            AppendSyntax(hole.Expression, parts, parameters, depth + 1);
                            break;
                        default:
                            parts.Add(UnknownSyntax(content));
                            break;
                    }
                }

                return;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                AppendSyntax(binary.Left, parts, parameters, depth + 1);
                AppendSyntax(binary.Right, parts, parameters, depth + 1);
                return;
            case IdentifierNameSyntax identifier when parameters is not null && parameters.TryGetValue(identifier.Identifier.ValueText, out var argument):
                var start = parts.Count;
                AppendOperation(argument, parts, new Context(CancellationToken.None, null, helperDepth: 1, branches: null), depth + 1, via: true);
                MarkViaReference(parts, start);
                return;
            case MemberAccessExpressionSyntax memberAccess when IsDeploymentInstanceMember(memberAccess, "StackName"):
                parts.Add(new StringPart(StringPartKind.StackName, "stack", memberAccess, null, null, null, viaReference: true));
                return;
            case MemberAccessExpressionSyntax memberAccess when IsDeploymentInstanceMember(memberAccess, "ProjectName"):
                parts.Add(new StringPart(StringPartKind.ProjectName, "project", memberAccess, null, null, null, viaReference: true));
                return;
            default:
                parts.Add(UnknownSyntax(expression));
                return;
        }
    }

    private static bool IsDeploymentInstanceMember(MemberAccessExpressionSyntax memberAccess, string name) =>
        memberAccess.Name.Identifier.ValueText == name
        && memberAccess.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Instance" } instance
        && instance.Expression switch
        {
            IdentifierNameSyntax { Identifier.ValueText: "Deployment" } => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Deployment" } => true,
            AliasQualifiedNameSyntax { Name.Identifier.ValueText: "Deployment" } => true,
            _ => false,
        };

    private static StringPart UnknownSyntax(SyntaxNode syntax) =>
        new(StringPartKind.Unknown, syntax.ToString(), syntax, null, null, null, viaReference: true);

    // ------------------------------------------------------------------ other files

    /// <summary>
    /// The operation of <paramref name="syntax"/>, which may be written in another file than the one <paramref name="current"/>
    /// (the model of the tree being analysed) reads; null when there is none (a node outside the compilation, no model).
    /// </summary>
    public IOperation? OperationOf(SyntaxNode syntax, SemanticModel? current, CancellationToken cancellationToken) =>
        ModelOf(syntax.SyntaxTree, current)?.GetOperation(syntax, cancellationToken);

    /// <summary>
    /// The semantic model of <paramref name="tree"/>: <paramref name="current"/> itself when it reads that tree, else one model
    /// per tree of the compilation, created once and shared (semantic models are safe to use from several threads).
    /// Null when <paramref name="current"/> is null or the tree is not part of its compilation.
    /// </summary>
    /// <remarks>
    /// Inside the compiler's analyzer driver, <c>Compilation.GetSemanticModel</c> returns the driver's own cached model of the
    /// tree (the driver attaches a caching semantic model provider to the compilation it analyses), so no file is bound twice;
    /// the dictionary keeps that model for the other rules and for hosts without such a provider. The single-file path never
    /// comes here (<paramref name="current"/> is returned first).
    /// </remarks>
    public SemanticModel? ModelOf(SyntaxTree tree, SemanticModel? current)
    {
        if (current is null || current.SyntaxTree == tree)
        {
            return current;
        }

        if (_models.TryGetValue(tree, out var cached))
        {
            return cached;
        }

        var compilation = current.Compilation;
        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Other files' models are needed to follow values across files; the driver's cached model is returned, and kept once per tree here.
        var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        return _models.GetOrAdd(tree, model);
    }

    // ------------------------------------------------------------------ single assignment

    /// <summary>
    /// The expression assigned to <paramref name="symbol"/> when it is assigned exactly once: a local with an initializer
    /// and no other write in its scope, a field or auto-property of this compilation with a single write in its type
    /// (initializer or one assignment), or a get-only property whose getter is a single expression. Null otherwise.
    /// </summary>
    public ExpressionSyntax? FindSingleAssignment(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (_singleAssignments.TryGetValue(symbol, out var assigned))
        {
            return assigned;
        }

        assigned = ComputeSingleAssignment(symbol, cancellationToken);
        _singleAssignments.TryAdd(symbol, assigned);
        return assigned;
    }

    private ExpressionSyntax? ComputeSingleAssignment(ISymbol symbol, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case ILocalSymbol local when !local.IsRef && local.DeclaringSyntaxReferences.Length == 1:
                return SingleLocalAssignment(local, cancellationToken);
            case IFieldSymbol field when field.DeclaringSyntaxReferences.Length == 1 && !field.IsVolatile:
                return SingleMemberAssignment(field, field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private, cancellationToken);
            case IPropertySymbol property when property.DeclaringSyntaxReferences.Length == 1 && !property.IsIndexer:
                if (property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration)
                {
                    var getterOnly = SingleGetterExpression(declaration);
                    if (getterOnly is not null)
                    {
                        return getterOnly;
                    }
                }

                var writable = property.SetMethod is null
                    || property.SetMethod.IsInitOnly
                    || property.SetMethod.DeclaredAccessibility == Accessibility.Private
                    || property.DeclaredAccessibility == Accessibility.Private;
                return writable && IsAutoProperty(property, cancellationToken) ? SingleMemberAssignment(property, true, cancellationToken) : null;
            default:
                return null;
        }
    }

    private ExpressionSyntax? SingleLocalAssignment(ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator)
        {
            return null;
        }

        var scope = LocalScope(declarator);
        if (scope is null)
        {
            return null;
        }

        return WrittenNames.For(scope).WritesOf(local.Name).Count == 0 ? value : null;
    }

    /// <summary>The block, switch section or compilation unit in which a local declared by <paramref name="declarator"/> lives.</summary>
    private static SyntaxNode? LocalScope(SyntaxNode declarator)
    {
        var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(static n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax or GlobalStatementSyntax);
        return scope is GlobalStatementSyntax ? scope.Parent : scope;
    }

    private ExpressionSyntax? SingleMemberAssignment(ISymbol member, bool privateOrReadOnly, CancellationToken cancellationToken)
    {
        if (!privateOrReadOnly || member.ContainingType is null)
        {
            return null;
        }

        ExpressionSyntax? initializer = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value,
            _ => null,
        };

        var writes = 0;
        SyntaxNode? lastWrite = null;
        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            var list = WrittenNames.For(reference.GetSyntax(cancellationToken)).WritesOf(member.Name);
            writes += list.Count;
            if (list.Count > 0)
            {
                lastWrite = list[list.Count - 1];
            }
        }

        if (initializer is not null)
        {
            return writes == 0 ? initializer : null;
        }

        return writes == 1 && lastWrite is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && assignment.Parent is ExpressionStatementSyntax
            && assignment.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null
            ? assignment.Right
            : null;
    }

    private static ExpressionSyntax? SingleGetterExpression(PropertyDeclarationSyntax declaration)
    {
        if (declaration.ExpressionBody is { } arrow)
        {
            return arrow.Expression;
        }

        if (declaration.AccessorList is { Accessors: { Count: 1 } accessors } && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration))
        {
            var getter = accessors[0];
            if (getter.ExpressionBody is { } getterArrow)
            {
                return getterArrow.Expression;
            }

            if (getter.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } expression })
            {
                return expression;
            }
        }

        return null;
    }

    private static bool IsAutoProperty(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
        && AllAccessorsAreAuto(accessors);

    private static bool AllAccessorsAreAuto(AccessorListSyntax accessors)
    {
        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>The local, field or property that <paramref name="operation"/> reads, if it is such a reference.</summary>
    public static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
        IPropertyReferenceOperation property when property.Arguments.Length == 0 && (property.Instance is null or IInstanceReferenceOperation) => property.Property,
        _ => null,
    };

    private static void AddUnknown(IOperation operation, ImmutableArray<StringPart>.Builder parts, bool branching = false)
    {
        var (root, path) = ReferenceChain(operation);
        parts.Add(new StringPart(StringPartKind.Unknown, operation.Syntax.ToString(), operation.Syntax, operation, root, path, viaReference: false, branching));
    }

    /// <summary>For <c>a.B.C</c> (locals, parameters, fields, properties), the root symbol <c>a</c> and the path <c>.B.C</c>.</summary>
    private static (ISymbol? Root, string? Path) ReferenceChain(IOperation operation)
    {
        var path = string.Empty;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return (local.Local, path);
                case IParameterReferenceOperation parameter:
                    return (parameter.Parameter, path);
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return (field.Field, path);
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property:
                    return (property.Property, path);
                case IFieldReferenceOperation { Instance: { } instance } field:
                    path = "." + field.Field.Name + path;
                    operation = instance;
                    continue;
                case IPropertyReferenceOperation { Instance: { } instance, Arguments.Length: 0 } property:
                    path = "." + property.Property.Name + path;
                    operation = instance;
                    continue;
                default:
                    return (null, null);
            }
        }

        return (null, null);
    }

    /// <summary>A string concatenation or interpolation (constant or not), which is taken apart piece by piece.</summary>
    private static bool IsStringComposition(IOperation operation) =>
        operation is IInterpolatedStringOperation
        || (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String);

    private static void MarkViaReference(ImmutableArray<StringPart>.Builder parts, int start)
    {
        for (var i = start; i < parts.Count; i++)
        {
            if (!parts[i].ViaReference)
            {
                parts[i] = parts[i].WithViaReference();
            }
        }
    }

    private static string TextOf(IInterpolatedStringTextOperation text) =>
        text.Text.ConstantValue is { HasValue: true, Value: string value } ? value : text.Syntax.ToString();

    private static string? ConstantToString(object? value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        bool b => b ? "True" : "False",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>The returned expression of a followed helper, with the caller's argument for each of its parameters.</summary>
public sealed class HelperBody
{
    internal HelperBody(IOperation returned, Dictionary<IParameterSymbol, IOperation> arguments)
    {
        Returned = returned;
        Arguments = arguments;
    }

    /// <summary>The operation of the returned expression (in the helper's body, in whichever file it is declared).</summary>
    public IOperation Returned { get; }

    /// <summary>The caller's argument for each parameter (by the parameter and by its original definition).</summary>
    public Dictionary<IParameterSymbol, IOperation> Arguments { get; }
}
