using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Secrets;

/// <summary>
/// The secrets family. SIA6001: a non-empty string literal (or constant) written into a place whose name marks a secret
/// (<see cref="SecretPlace"/>) — directly, or through constants, locals, fields, properties and helpers — or any literal
/// holding an AWS access key id; one finding per literal, at the literal where it is written. SIA6002: a config key that
/// marks a secret read with a plain <c>Config</c> method. SIA6003: a plain-text secret in the Pulumi config files
/// (<see cref="StackFileSecrets"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretsAnalyzer : SophiaAnalyzerBase
{
    /// <summary>Diagnostic property: which SIA6001 fix applies (<see cref="FixLiteral"/> or <see cref="FixFallback"/>); absent when none compiles.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Replace the literal (whose target is an <c>Input&lt;string&gt;</c>) with <c>config.RequireSecret("key")</c>.</summary>
    public const string FixLiteral = "Literal";

    /// <summary>Replace the whole <c>config.Get("key") ?? "..."</c> (whose target is an <c>Input&lt;string&gt;</c>) with <c>config.RequireSecret("key")</c>.</summary>
    public const string FixFallback = "Fallback";

    /// <summary>Diagnostic property: the config key the fix reads.</summary>
    public const string KeyProperty = "Key";

    /// <summary>Diagnostic property of SIA6002: the secret variant of the method (<c>RequireSecret</c>, <c>GetSecretInt32</c>, ...).</summary>
    public const string SecretMethodProperty = "SecretMethod";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.HardCodedSecret,
        Descriptors.SecretReadAsPlainConfig,
        Descriptors.PlaintextSecretInStackFile);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var state = new HardCodedSecrets(services);
        RegisterOperationAction(context, services, state.AnalyzeLiteral, OperationKind.Literal);
        RegisterOperationAction(context, services, state.AnalyzeReference, OperationKind.LocalReference, OperationKind.FieldReference, OperationKind.PropertyReference);
        RegisterOperationAction(
            context,
            services,
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                state.AnalyzeReference(operationContext);
                AnalyzeConfigRead(operationContext, invocation, services.Values);
            },
            OperationKind.Invocation);
        RegisterCompilationEndAction(context, services, StackFileSecrets.Report);
    }

    // ------------------------------------------------------------------ SIA6002

    private static void AnalyzeConfigRead(OperationAnalysisContext context, IInvocationOperation invocation, ValueResolver values)
    {
        var name = invocation.TargetMethod.Name;
        if (name.Length < 3 || (name[0] != 'G' && name[0] != 'R')
            || !ConfigRead.TryCreate(invocation, values.Symbols, out var read)
            || read.IsSecret
            || read.ResolveKey(values, context.CancellationToken) is not { } key
            || !SecretNames.MarksSecret(key)
            || (!read.IsRequire && FlowsOnlyIntoNullChecks(invocation, context.CancellationToken)))
        {
            return;
        }

        var secretMethod = read.SecretMethodName;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SecretMethodProperty, secretMethod);
        context.Report(Diagnostic.Create(
            Descriptors.SecretReadAsPlainConfig,
            invocation.Syntax.GetLocation(),
            properties,
            $"{name}(\"{key}\") reads the secret config key '{key}' as plain text, so Pulumi stores and shows its value unencrypted: read it with {secretMethod}(\"{key}\") (and set it with `pulumi config set --secret {key}`)"));
    }

    /// <summary>
    /// True when the value of a <c>Get</c> read is only compared with null (<c>!= null</c>, <c>is null</c>,
    /// <c>string.IsNullOrEmpty(...)</c>), directly or through a local used for nothing else: the value flows nowhere.
    /// </summary>
    private static bool FlowsOnlyIntoNullChecks(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        IOperation node = invocation;
        while (node.Parent is IConversionOperation or IParenthesizedOperation)
        {
            node = node.Parent;
        }

        if (node.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } } && invocation.SemanticModel is { } model)
        {
            return IsLocalOnlyNullChecked(local, model, cancellationToken);
        }

        return IsNullCheck(node);
    }

    private static bool IsNullCheck(IOperation node)
    {
        switch (node.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var other = binary.LeftOperand == node ? binary.RightOperand : binary.LeftOperand;
                return ValueResolver.Unwrap(other) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };
            case IIsPatternOperation pattern:
                return IsNullPattern(pattern.Pattern);
            case IArgumentOperation { Parent: IInvocationOperation call }:
                return call.Arguments.Length == 1
                    && call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    && call.TargetMethod.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace";
            default:
                return false;
        }
    }

    private static bool IsNullPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => ValueResolver.Unwrap(constant.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } },
        INegatedPatternOperation negated => IsNullPattern(negated.Pattern),
        IRecursivePatternOperation { DeclaredSymbol: null, PropertySubpatterns.Length: 0, DeconstructionSubpatterns.Length: 0 } => true,
        _ => false,
    };

    private static bool IsLocalOnlyNullChecked(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var scope = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)
            .FirstAncestorOrSelf<SyntaxNode>(static n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax);
        if (scope is null)
        {
            return false;
        }

        foreach (var identifier in scope.DescendantNodes())
        {
            if (identifier is not IdentifierNameSyntax name || name.Identifier.ValueText != local.Name)
            {
                continue;
            }

            if (model.GetOperation(name, cancellationToken) is not ILocalReferenceOperation reference
                || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            IOperation node = reference;
            while (node.Parent is IConversionOperation or IParenthesizedOperation)
            {
                node = node.Parent;
            }

            if (!IsNullCheck(node))
            {
                return false;
            }
        }

        return true;
    }

    // ------------------------------------------------------------------ SIA6001

    /// <summary>The per-compilation state of SIA6001: the literals already reported (one finding per literal).</summary>
    private sealed class HardCodedSecrets
    {
        private readonly AnalysisServices _services;
        private readonly ConcurrentDictionary<Location, byte> _reported = new();

        public HardCodedSecrets(AnalysisServices services) => _services = services;

        private ValueResolver Values => _services.Values;

        /// <summary>A literal: an AWS access key id anywhere, or a value written directly into a secret place.</summary>
        public void AnalyzeLiteral(OperationAnalysisContext context)
        {
            var literal = context.Operation;
            if (literal.ConstantValue is not { HasValue: true, Value: string { Length: > 0 } text })
            {
                return;
            }

            if (AccessKeyIds.Contains(text))
            {
                Report(context, literal.Syntax, literal, route: null);
                return;
            }

            var whole = WholeConstant(literal);
            if (SecretPlace.TryFind(whole, Values, context.CancellationToken, out var place))
            {
                Report(context, whole.Syntax, whole, place);
            }
        }

        /// <summary>A reference (or helper call) written into a secret place: the literals it holds, where they are written.</summary>
        public void AnalyzeReference(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (operation.Type?.SpecialType != SpecialType.System_String
                || operation.ConstantValue.HasValue && operation is not IFieldReferenceOperation and not ILocalReferenceOperation
                || !SecretPlace.TryFind(operation, Values, context.CancellationToken, out var place))
            {
                return;
            }

            var sources = new List<LiteralSource>();
            LiteralSources.Collect(operation, Values, sources, context.CancellationToken);
            foreach (var source in sources)
            {
                Report(context, source.Syntax, source.Operation, place);
            }
        }

        private void Report(OperationAnalysisContext context, SyntaxNode syntax, IOperation? literal, SecretPlace? route)
        {
            var location = syntax.GetLocation();
            if (!_reported.TryAdd(location, 0))
            {
                return;
            }

            // The literal's own place (where it is written) names the finding when it marks a secret; else the place it reached.
            SecretPlace? own = literal is not null && SecretPlace.TryFind(literal, Values, context.CancellationToken, out var found) ? found : null;
            var place = own ?? route;
            var properties = own is { } ownPlace && literal is ILiteralOperation ? FixFor(literal, ownPlace) : ImmutableDictionary<string, string?>.Empty;
            string message;
            if (place is null)
            {
                message = "This string holds an AWS access key id (AKIA/ASIA...): never write credentials in code; let the AWS provider take them from the environment or a profile (or read them with config.RequireSecret), and rotate the exposed key";
            }
            else if (place.Value.Kind == SecretPlaceKind.ConfigFallback)
            {
                message = $"A hard-coded value is the fallback of the secret config key '{place.Value.Name}': remove it and read the key with RequireSecret(\"{place.Value.Name}\") (set it with `pulumi config set --secret {place.Value.Name}`)";
            }
            else
            {
                var key = SecretNames.ToCamelCaseKey(place.Value.Name) ?? "secret";
                message = $"A hard-coded secret is written into {place.Value.Describe()}: read it from secret config with config.RequireSecret(\"{key}\") (set it with `pulumi config set --secret {key}`) or from a cloud secret store";
            }

            context.Report(Diagnostic.Create(Descriptors.HardCodedSecret, location, properties, message));
        }

        /// <summary>The fix when its result compiles: the literal's target (or the <c>??</c>'s) is an <c>Input&lt;string&gt;</c>.</summary>
        private ImmutableDictionary<string, string?> FixFor(IOperation literal, SecretPlace place)
        {
            var empty = ImmutableDictionary<string, string?>.Empty;
            if (place.Kind == SecretPlaceKind.ConfigFallback)
            {
                return place.Read is not null && IsInputOfString(place.Value.Parent)
                    ? empty.Add(FixProperty, FixFallback).Add(KeyProperty, place.Name)
                    : empty;
            }

            var key = SecretNames.ToCamelCaseKey(place.Name);
            return key is not null && IsInputOfString(literal.Parent)
                ? empty.Add(FixProperty, FixLiteral).Add(KeyProperty, key)
                : empty;
        }

        private bool IsInputOfString(IOperation? operation) =>
            operation is IConversionOperation { Type: INamedTypeSymbol { TypeArguments.Length: 1 } type }
            && Values.Symbols.Is(type, PulumiType.InputOfT)
            && type.TypeArguments[0].SpecialType == SpecialType.System_String;

        /// <summary>The outermost constant string composition (<c>"a" + "b"</c>, a constant interpolation) that holds the literal.</summary>
        private static IOperation WholeConstant(IOperation literal)
        {
            var node = literal;
            while (true)
            {
                var parent = node.Parent;
                if (parent is IInterpolatedStringTextOperation or IInterpolatedStringContentOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is IBinaryOperation or IInterpolatedStringOperation && LiteralSources.IsNonEmptyStringConstant(parent))
                {
                    node = parent;
                    continue;
                }

                return node;
            }
        }
    }
}
