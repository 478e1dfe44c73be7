using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Infrastructure;

/// <summary>
/// The cross-file mechanism of the rules that a bucket satisfies either inline or by a companion resource anywhere in the
/// compilation whose <c>Bucket</c> is bound to it (SIA3001: a <c>BucketServerSideEncryptionConfiguration(V2)</c>; SIA2002: a
/// <c>BucketVersioning(V2)</c>). A companion is bound by <c>x.Id</c>, <c>x.BucketName</c>, <c>x.Bucket</c> (any member of a bucket)
/// where <c>x</c> is followed through locals, fields and properties to the bucket's creation, or matched by the symbol the bucket
/// is stored in (across files); or by a literal equal to the bucket's own physical name. A bucket (or bucket value) that is
/// a parameter of a helper is followed through every call of the helper in the compilation (<see cref="CallSites"/>), a few
/// helpers deep: the buckets passed are bound, the others are not (a helper never called binds none).
/// <para>
/// Facts are gathered per creation and decided at compilation end. A binding the analyzer cannot follow (a call, a symbol
/// no bucket is stored in, a helper with a call it cannot see) could be any bucket, so then no bucket is reported: unknown
/// is never a finding.
/// </para>
/// <para>
/// The IDE runs compilation-end actions only in full-solution analysis. So a bucket is also decided at once, from its own file,
/// when no other file of the compilation mentions the companion type (a syntax scan, cached per tree and per kind): then every
/// companion that could bind it is in its file. Such findings are reported with the rule's live descriptor (no CompilationEnd
/// tag) and are not reported again at compilation end.
/// </para>
/// </summary>
internal abstract class BucketCompanions
{
    private readonly Compilation _compilation;
    private readonly AnalysisServices _services;
    private readonly ConcurrentBag<Candidate> _candidates = new();
    private readonly Bindings _bindings = new();
    private readonly ConcurrentDictionary<SyntaxTree, Bindings> _fileBindings = new();
    private HashSet<SyntaxTree>? _mentioning;

    private readonly CompanionMention _mention;

    /// <summary>How many helpers deep a bucket parameter is followed through calls that pass it on.</summary>
    private const int MaxHelperDepth = 4;

    protected BucketCompanions(Compilation compilation, AnalysisServices services, CompanionMention mention)
    {
        _compilation = compilation;
        _services = services;
        _mention = mention;
    }

    protected PulumiSymbols Symbols => _services.Symbols;

    protected ValueResolver Values => _services.Values;

    /// <summary>True for the companion resource types (both versions).</summary>
    protected abstract bool IsCompanion(ITypeSymbol? type);

    /// <summary>True when the bucket's own args satisfy the rule (they may report a wrong inline value themselves).</summary>
    protected abstract bool IsSatisfiedInline(OperationAnalysisContext context, ResourceCreation creation, IObjectCreationOperation args, bool isV2);

    /// <summary>Checks the values of a companion (its binding is recorded by the mechanism).</summary>
    protected virtual void AnalyzeCompanion(OperationAnalysisContext context, ResourceCreation creation)
    {
    }

    /// <summary>Reports a bucket that nothing satisfies, with the live descriptor or the compilation-end one.</summary>
    protected abstract void Report(Action<Diagnostic> report, bool live, ResourceCreation bucket, CancellationToken cancellationToken);

    /// <summary>Handles a resource creation if it is a bucket or a companion.</summary>
    public void Analyze(OperationAnalysisContext context, ResourceCreation creation)
    {
        var type = creation.Type;
        if (Symbols.Is(type, PulumiType.S3Bucket))
        {
            AnalyzeBucket(context, creation, isV2: false);
        }
        else if (Symbols.Is(type, PulumiType.S3BucketV2))
        {
            AnalyzeBucket(context, creation, isV2: true);
        }
        else if (IsCompanion(type))
        {
            Bind(creation, _bindings, followParameters: true, context.CancellationToken);
            AnalyzeCompanion(context, creation);
        }
    }

    // ------------------------------------------------------------------ buckets

    private void AnalyzeBucket(OperationAnalysisContext context, ResourceCreation creation, bool isV2)
    {
        var cancellationToken = context.CancellationToken;
        var symbol = StoredIn(creation.Operation);
        if (symbol is not null)
        {
            _bindings.BucketSymbols.TryAdd(symbol, 0);
        }

        if (!creation.HasKnownArgs(Values, cancellationToken))
        {
            return;
        }

        var args = creation.GetArgsCreation(Values, cancellationToken);
        if (args is not null && IsSatisfiedInline(context, creation, args, isV2))
        {
            return;
        }

        var candidate = new Candidate(creation, args, symbol, isV2);
        if (IsUnencryptedInItsFile(context.Operation.SemanticModel, candidate, cancellationToken))
        {
            ReportLive(context, candidate.Creation);
            return;
        }

        _candidates.Add(candidate);
    }

    // Apart from AnalyzeBucket: a lambda that captures a parameter makes the compiler allocate its closure on every call.
    private void ReportLive(OperationAnalysisContext context, ResourceCreation bucket) =>
        Report(diagnostic => context.Report(diagnostic), live: true, bucket, context.CancellationToken);

    protected bool IsSetToNonNull(ISimpleAssignmentOperation? assignment, CancellationToken cancellationToken) =>
        assignment is not null && Values.Follow(assignment.Value, cancellationToken).ConstantValue is not { HasValue: true, Value: null };

    /// <summary>
    /// Records what the <c>Bucket</c> of companion <paramref name="creation"/> is bound to. With
    /// <paramref name="followParameters"/>, a bucket (or bucket value) that is a parameter of a helper is recorded to be
    /// followed through the helper's call sites at compilation end (<see cref="BindParameters"/>); without, it is unknown.
    /// </summary>
    private void Bind(ResourceCreation creation, Bindings bindings, bool followParameters, CancellationToken cancellationToken)
    {
        var bucket = creation.FindArgsAssignment("Bucket", Values, cancellationToken);
        if (bucket is null || !creation.HasKnownArgs(Values, cancellationToken))
        {
            // Not written yet (or args from elsewhere): it may be meant for any bucket.
            bindings.MarkUnknown();
            return;
        }

        BindValue(bucket.Value, bindings, followParameters, cancellationToken);
    }

    /// <summary>Binds a value given to a companion's <c>Bucket</c> input: <c>x.Id</c> (any member of a bucket), a literal name, a parameter.</summary>
    private void BindValue(IOperation operation, Bindings bindings, bool followParameters, CancellationToken cancellationToken)
    {
        var value = Values.Follow(operation, cancellationToken);
        if (value is IMemberReferenceOperation { Instance: { } instance } && IsBucket(instance.Type))
        {
            BindBucket(instance, bindings, followParameters, cancellationToken);
            return;
        }

        if (value is IParameterReferenceOperation parameter && followParameters)
        {
            bindings.ValueParameters.TryAdd(parameter.Parameter.OriginalDefinition, 0);
            return;
        }

        if (Values.ResolveConstant(value, cancellationToken) is { HasValue: true, Value: string name })
        {
            bindings.Names.TryAdd(name, 0);
            return;
        }

        bindings.MarkUnknown();
    }

    /// <summary>Binds a bucket object: its creation, the symbol it is stored in, or a parameter that holds it.</summary>
    private void BindBucket(IOperation operation, Bindings bindings, bool followParameters, CancellationToken cancellationToken)
    {
        var target = Values.Follow(operation, cancellationToken);
        if (target is IObjectCreationOperation targetCreation && IsBucket(targetCreation.Type))
        {
            bindings.Creations.TryAdd(KeyOf(targetCreation.Syntax), 0);
            return;
        }

        var symbol = SymbolOf(target);
        if (symbol is not null)
        {
            bindings.Symbols.TryAdd(symbol, 0);
            return;
        }

        if (target is IParameterReferenceOperation parameter && followParameters)
        {
            bindings.BucketParameters.TryAdd(parameter.Parameter.OriginalDefinition, 0);
            return;
        }

        bindings.MarkUnknown();
    }

    /// <summary>
    /// Follows the parameters that companions are bound to through the calls of their helpers (design.md: a bucket passed
    /// to the helper is bound, a bucket never passed is not), a few helpers deep when the argument is itself a parameter.
    /// A helper whose calls cannot all be known (<see cref="CallSites"/>), a parameter of a lambda or constructor, or a
    /// chain deeper than that makes the bindings unknown. Runs at compilation end only, and only when a bucket is still
    /// unbound.
    /// </summary>
    private void BindParameters(Bindings bindings, SemanticModel anchor, CancellationToken cancellationToken)
    {
        var doneBuckets = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var doneValues = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var calls = new Dictionary<ISymbol, List<IInvocationOperation>?>(SymbolEqualityComparer.Default);
        for (var depth = 0; depth <= MaxHelperDepth; depth++)
        {
            var pending = new List<(IParameterSymbol Parameter, bool IsBucket)>();
            foreach (var entry in bindings.BucketParameters)
            {
                if (doneBuckets.Add(entry.Key))
                {
                    pending.Add(((IParameterSymbol)entry.Key, true));
                }
            }

            foreach (var entry in bindings.ValueParameters)
            {
                if (doneValues.Add(entry.Key))
                {
                    pending.Add(((IParameterSymbol)entry.Key, false));
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            foreach (var (parameter, isBucket) in pending)
            {
                if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.IsParams || parameter.RefKind is not (RefKind.None or RefKind.In))
                {
                    bindings.MarkUnknown();
                    return;
                }

                if (!calls.TryGetValue(method, out var sites))
                {
                    sites = CallSites.Find(method, _compilation, Values, anchor, cancellationToken);
                    calls.Add(method, sites);
                }

                if (sites is null)
                {
                    bindings.MarkUnknown();
                    return;
                }

                foreach (var call in sites)
                {
                    if (CallSites.ArgumentFor(call, parameter) is not { } argument)
                    {
                        bindings.MarkUnknown();
                        return;
                    }

                    if (isBucket)
                    {
                        BindBucket(argument.Value, bindings, followParameters: true, cancellationToken);
                    }
                    else
                    {
                        BindValue(argument.Value, bindings, followParameters: true, cancellationToken);
                    }
                }
            }
        }

        // Parameters passed on deeper than followed: any bucket could be meant.
        bindings.MarkUnknown();
    }

    protected bool IsBucket(ITypeSymbol? type) => Symbols.Is(type, PulumiType.S3Bucket) || Symbols.Is(type, PulumiType.S3BucketV2);

    /// <summary>The bucket's name for a message about <paramref name="creation"/> (a bucket, or a companion bound to one).</summary>
    protected string BucketNameFor(ResourceCreation creation, CancellationToken cancellationToken)
    {
        if (!IsCompanion(creation.Type))
        {
            return EncryptionAnalyzer.NameOf(creation, Values, cancellationToken);
        }

        var bucket = creation.FindArgsAssignment("Bucket", Values, cancellationToken);
        if (bucket is null)
        {
            return "(unknown)";
        }

        if (Values.Follow(bucket.Value, cancellationToken) is IMemberReferenceOperation { Instance: { } instance }
            && Values.Follow(instance, cancellationToken) is IObjectCreationOperation target
            && ResourceCreation.TryCreate(target, Symbols, out var bucketCreation))
        {
            return EncryptionAnalyzer.NameOf(bucketCreation, Values, cancellationToken);
        }

        return ValueResolver.Unwrap(bucket.Value).Syntax.ToString();
    }

    // ------------------------------------------------------------------ deciding

    /// <summary>Reports every bucket that no companion is bound to, unless some binding cannot be followed.</summary>
    public void ReportAtCompilationEnd(CompilationAnalysisContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (_candidates.IsEmpty || !_bindings.IsDecisive(_bindings.BucketSymbols))
        {
            return;
        }

        List<Candidate>? unbound = null;
        foreach (var candidate in _candidates)
        {
            if (!_bindings.Binds(candidate, Values, cancellationToken))
            {
                (unbound ??= new List<Candidate>()).Add(candidate);
            }
        }

        if (unbound is null)
        {
            return;
        }

        if (_bindings.HasParameters)
        {
            // Companions bound to a helper's parameter: follow it to the helper's calls (only now that a bucket is unbound).
            if (unbound[0].Creation.Operation.SemanticModel is not { } anchor)
            {
                return;
            }

            BindParameters(_bindings, anchor, cancellationToken);
            if (!_bindings.IsDecisive(_bindings.BucketSymbols))
            {
                return;
            }
        }

        foreach (var candidate in unbound)
        {
            if (!_bindings.HasParameters || !_bindings.Binds(candidate, Values, cancellationToken))
            {
                Report(diagnostic => context.Report(diagnostic), live: false, candidate.Creation, cancellationToken);
            }
        }
    }

    /// <summary>True when the bucket's own file decides it, and decides that no companion is bound to it.</summary>
    private bool IsUnencryptedInItsFile(SemanticModel? model, Candidate candidate, CancellationToken cancellationToken)
    {
        var tree = candidate.Creation.Operation.Syntax.SyntaxTree;
        var mentioning = TreesMentioningCompanions(cancellationToken);
        var inThisTree = mentioning.Contains(tree);
        if (mentioning.Count > (inThisTree ? 1 : 0))
        {
            return false;
        }

        if (!inThisTree)
        {
            return true; // no companion anywhere in the compilation
        }

        if (model is null || model.SyntaxTree != tree)
        {
            return false;
        }

        var bindings = _fileBindings.GetOrAdd(tree, _ => BindingsOf(model, cancellationToken));
        return bindings.IsDecisive(bindings.BucketSymbols) && !bindings.Binds(candidate, Values, cancellationToken);
    }

    /// <summary>The bindings and bucket symbols of one file, from its own semantic model.</summary>
    private Bindings BindingsOf(SemanticModel model, CancellationToken cancellationToken)
    {
        var bindings = new Bindings();
        foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not BaseObjectCreationExpressionSyntax
                || model.GetOperation(node, cancellationToken) is not IObjectCreationOperation operation
                || !ResourceCreation.TryCreate(operation, Symbols, out var creation))
            {
                continue;
            }

            if (IsBucket(creation.Type))
            {
                if (StoredIn(operation) is { } symbol)
                {
                    bindings.BucketSymbols.TryAdd(symbol, 0);
                }
            }
            else if (IsCompanion(creation.Type))
            {
                Bind(creation, bindings, followParameters: false, cancellationToken);
            }
        }

        return bindings;
    }

    /// <summary>The trees of the compilation whose text names the companion type (computed once per compilation, cached per tree).</summary>
    private HashSet<SyntaxTree> TreesMentioningCompanions(CancellationToken cancellationToken)
    {
        var mentioning = Volatile.Read(ref _mentioning);
        if (mentioning is not null)
        {
            return mentioning;
        }

        mentioning = new HashSet<SyntaxTree>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_mention.IsMentionedIn(tree))
            {
                mentioning.Add(tree);
            }
        }

        Interlocked.CompareExchange(ref _mentioning, mentioning, null);
        return Volatile.Read(ref _mentioning)!;
    }

    // ------------------------------------------------------------------ symbols and keys

    /// <summary>The local, field or property a creation is stored in (<c>var b = new ...</c>, <c>B = new ...</c>); null otherwise.</summary>
    private static ISymbol? StoredIn(IOperation creation)
    {
        var current = creation;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0].OriginalDefinition,
            IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0].OriginalDefinition,
            ISimpleAssignmentOperation assignment when assignment.Value == current => SymbolOf(assignment.Target),
            _ => null,
        };
    }

    /// <summary>The local, field or property an operation reads (whatever the instance of the member); null for anything else.</summary>
    private static ISymbol? SymbolOf(IOperation operation) => ValueResolver.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property.OriginalDefinition,
        _ => null,
    };

    private static (SyntaxTree Tree, TextSpan Span) KeyOf(SyntaxNode node) => (node.SyntaxTree, node.Span);

    /// <summary>A bucket that is not satisfied inline, waiting for the bindings.</summary>
    private sealed class Candidate
    {
        public Candidate(ResourceCreation creation, IObjectCreationOperation? args, ISymbol? symbol, bool isV2)
        {
            Creation = creation;
            Args = args;
            Symbol = symbol;
            IsV2 = isV2;
        }

        public ResourceCreation Creation { get; }

        public IObjectCreationOperation? Args { get; }

        public ISymbol? Symbol { get; }

        public bool IsV2 { get; }

        public (SyntaxTree Tree, TextSpan Span) Key => KeyOf(Creation.Operation.Syntax);
    }

    /// <summary>What companions are bound to: bucket creations, symbols buckets are stored in, literal bucket names.</summary>
    private sealed class Bindings
    {
        private int _unknown;

        public ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> Creations { get; } = new();

        public ConcurrentDictionary<ISymbol, byte> Symbols { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<string, byte> Names { get; } = new(StringComparer.Ordinal);

        /// <summary>Parameters of helpers that hold the bucket a companion is bound to (<c>Bucket = bucket.Id</c>).</summary>
        public ConcurrentDictionary<ISymbol, byte> BucketParameters { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Parameters of helpers that hold the value of a companion's <c>Bucket</c> input (<c>Bucket = bucketId</c>).</summary>
        public ConcurrentDictionary<ISymbol, byte> ValueParameters { get; } = new(SymbolEqualityComparer.Default);

        public bool HasParameters => !BucketParameters.IsEmpty || !ValueParameters.IsEmpty;

        /// <summary>The symbols that buckets are stored in (of the compilation, or of one file).</summary>
        public ConcurrentDictionary<ISymbol, byte> BucketSymbols { get; } = new(SymbolEqualityComparer.Default);

        public void MarkUnknown() => Interlocked.Exchange(ref _unknown, 1);

        /// <summary>True when every binding points at something known: no unknown binding, no symbol that holds no bucket we saw.</summary>
        public bool IsDecisive(ConcurrentDictionary<ISymbol, byte> bucketSymbols)
        {
            if (Volatile.Read(ref _unknown) != 0)
            {
                return false;
            }

            foreach (var bound in Symbols)
            {
                if (!bucketSymbols.ContainsKey(bound.Key))
                {
                    return false;
                }
            }

            return true;
        }

        public bool Binds(Candidate candidate, ValueResolver values, CancellationToken cancellationToken)
        {
            if (Creations.ContainsKey(candidate.Key) || (candidate.Symbol is not null && Symbols.ContainsKey(candidate.Symbol)))
            {
                return true;
            }

            if (Names.IsEmpty)
            {
                return false;
            }

            // A companion bound by a literal name binds the bucket of that physical name.
            var name = ResourceCreation.FindInitializerAssignment(candidate.Args, candidate.IsV2 ? "Bucket" : "BucketName");
            if (name is null)
            {
                return false; // auto-named: no literal can name it
            }

            return values.ResolveConstant(name.Value, cancellationToken) is not { HasValue: true, Value: string known } || Names.ContainsKey(known);
        }
    }
}

/// <summary>
/// Which trees name a companion type (<c>Name</c> or <c>NameV2</c> as an identifier; comments included: it errs towards
/// "mentioned"). One static instance per companion kind, so the per-tree answer is cached across compilations.
/// </summary>
internal sealed class CompanionMention
{
    private static readonly object Mentions = new();
    private static readonly object DoesNotMention = new();

    private readonly string _typeName;
    private readonly ConditionalWeakTable<SyntaxTree, object> _cache = new();
    private readonly ConditionalWeakTable<SyntaxTree, object>.CreateValueCallback _factory;

    public CompanionMention(string typeName)
    {
        _typeName = typeName;
        _factory = tree => Names(tree) ? Mentions : DoesNotMention;
    }

    public bool IsMentionedIn(SyntaxTree tree) => _cache.GetValue(tree, _factory) == Mentions;

    private bool Names(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        return IdentifierText.Occurs(text, _typeName) || IdentifierText.Occurs(text, _typeName + "V2");
    }
}
