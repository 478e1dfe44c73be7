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
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Encryption;

/// <summary>
/// SIA3001 for one compilation. A bucket is encrypted by its inline <c>ServerSideEncryptionConfiguration(s)</c>, or by a
/// <c>BucketServerSideEncryptionConfiguration(V2)</c> anywhere in the compilation whose <c>Bucket</c> is bound to it:
/// <c>x.Id</c>, <c>x.BucketName</c>, <c>x.Bucket</c> (any member of a bucket) where <c>x</c> is followed through locals,
/// fields and properties to the bucket's creation, or matched by the symbol the bucket is stored in (across files); or a
/// literal equal to the bucket's own <c>BucketName</c>.
/// <para>
/// Facts are gathered per creation and decided at compilation end. A binding the analyzer cannot follow (a parameter, a
/// call, a symbol no bucket is stored in) could be any bucket, so then no bucket is reported: unknown is never a finding.
/// </para>
/// <para>
/// The IDE runs compilation-end actions only in full-solution analysis. So a bucket is also decided at once, from its own file,
/// when no other file of the compilation mentions <c>BucketServerSideEncryptionConfiguration</c> (a syntax scan, cached per
/// tree): then every configuration that could bind it is in its file. Such findings use
/// <see cref="Descriptors.BucketNotEncryptedLive"/> and are not reported again at compilation end.
/// </para>
/// </summary>
internal sealed class BucketEncryption
{
    private const string ConfigurationTypeName = "BucketServerSideEncryptionConfiguration";

    private static readonly ArgsPath InlineAlgorithm = new("ServerSideEncryptionConfiguration.Rule.ApplyServerSideEncryptionByDefault.SseAlgorithm");
    private static readonly ArgsPath ConfigurationAlgorithm = new("Rules[].ApplyServerSideEncryptionByDefault.SseAlgorithm");
    private static readonly ConditionalWeakTable<SyntaxTree, object> MentionCache = new();
    private static readonly object Mentions = new();
    private static readonly object DoesNotMention = new();
    private static readonly ConditionalWeakTable<SyntaxTree, object>.CreateValueCallback MentionFactory =
        static tree => NamesConfigurationType(tree) ? Mentions : DoesNotMention;

    private readonly Compilation _compilation;
    private readonly AnalysisServices _services;
    private readonly ConcurrentBag<Candidate> _candidates = new();
    private readonly Bindings _bindings = new();
    private readonly ConcurrentDictionary<SyntaxTree, Bindings> _fileBindings = new();
    private HashSet<SyntaxTree>? _mentioning;

    public BucketEncryption(Compilation compilation, AnalysisServices services)
    {
        _compilation = compilation;
        _services = services;
    }

    private PulumiSymbols Symbols => _services.Symbols;

    private ValueResolver Values => _services.Values;

    /// <summary>Handles a resource creation if it is a bucket or an encryption configuration.</summary>
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
        else if (Symbols.Is(type, PulumiType.S3BucketServerSideEncryptionConfiguration) || Symbols.Is(type, PulumiType.S3BucketServerSideEncryptionConfigurationV2))
        {
            AnalyzeConfiguration(context, creation);
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
        if (isV2)
        {
            // BucketV2 (deprecated): the plural list ServerSideEncryptionConfigurations; its nested shape is not judged.
            if (ResourceCreation.FindMemberInitializer(args, "ServerSideEncryptionConfigurations") is { Initializer.Initializers.IsEmpty: false }
                || IsSetToNonNull(ResourceCreation.FindInitializerAssignment(args, "ServerSideEncryptionConfigurations"), cancellationToken))
            {
                return;
            }
        }
        else if (IsSetToNonNull(ResourceCreation.FindInitializerAssignment(args, "ServerSideEncryptionConfiguration"), cancellationToken))
        {
            ReportAes256(context, InlineAlgorithm, args, creation, cancellationToken);
            return;
        }

        var candidate = new Candidate(creation, args, symbol, isV2);
        if (IsUnencryptedInItsFile(context.Operation.SemanticModel, candidate, cancellationToken))
        {
            Report(context.ReportDiagnostic, Descriptors.BucketNotEncryptedLive, candidate, cancellationToken);
            return;
        }

        _candidates.Add(candidate);
    }

    private bool IsSetToNonNull(ISimpleAssignmentOperation? assignment, CancellationToken cancellationToken) =>
        assignment is not null && Values.Follow(assignment.Value, cancellationToken).ConstantValue is not { HasValue: true, Value: null };

    // ------------------------------------------------------------------ encryption configurations

    private void AnalyzeConfiguration(OperationAnalysisContext context, ResourceCreation creation)
    {
        var cancellationToken = context.CancellationToken;
        Bind(creation, _bindings, cancellationToken);
        if (creation.HasKnownArgs(Values, cancellationToken))
        {
            ReportAes256(context, ConfigurationAlgorithm, creation.GetArgsCreation(Values, cancellationToken), creation, cancellationToken);
        }
    }

    /// <summary>Records what the <c>Bucket</c> of configuration <paramref name="creation"/> is bound to.</summary>
    private void Bind(ResourceCreation creation, Bindings bindings, CancellationToken cancellationToken)
    {
        var bucket = creation.FindArgsAssignment("Bucket", Values, cancellationToken);
        if (bucket is null || !creation.HasKnownArgs(Values, cancellationToken))
        {
            // Not written yet (or args from elsewhere): it may be meant for any bucket.
            bindings.MarkUnknown();
            return;
        }

        var value = Values.Follow(bucket.Value, cancellationToken);
        if (value is IMemberReferenceOperation { Instance: { } instance } && IsBucket(instance.Type))
        {
            var target = Values.Follow(instance, cancellationToken);
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
        }
        else if (Values.ResolveConstant(value, cancellationToken) is { HasValue: true, Value: string name })
        {
            bindings.Names.TryAdd(name, 0);
            return;
        }

        bindings.MarkUnknown();
    }

    private bool IsBucket(ITypeSymbol? type) => Symbols.Is(type, PulumiType.S3Bucket) || Symbols.Is(type, PulumiType.S3BucketV2);

    // ------------------------------------------------------------------ require_kms: AES256 at the value

    private void ReportAes256(OperationAnalysisContext context, ArgsPath path, IObjectCreationOperation? args, ResourceCreation creation, CancellationToken cancellationToken)
    {
        if (args is null)
        {
            return;
        }

        var collector = new Aes256Collector(Values, cancellationToken);
        path.Walk(args, Values, ref collector, cancellationToken);
        if (collector.Values is null)
        {
            return;
        }

        var tree = creation.Operation.Syntax.SyntaxTree;
        var options = new OptionReader(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree), RuleIds.BucketNotEncrypted);
        if (!options.Get(SophiaOptions.S3RequireKms))
        {
            return;
        }

        var name = BucketNameFor(creation, cancellationToken);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(EncryptionFix.Edit, EncryptionFix.Replace)
            .Add(EncryptionFix.Value, "\"aws:kms\"");
        foreach (var value in collector.Values)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BucketNotEncryptedLive,
                value.Syntax.GetLocation(),
                properties,
                name,
                "uses SSE-S3 (\"AES256\") but sophia_infra.s3.require_kms requires SSE-KMS: use \"aws:kms\""));
        }
    }

    /// <summary>The bucket's name for a message about <paramref name="creation"/> (a bucket, or a configuration bound to one).</summary>
    private string BucketNameFor(ResourceCreation creation, CancellationToken cancellationToken)
    {
        if (!Symbols.Is(creation.Type, PulumiType.S3BucketServerSideEncryptionConfiguration) && !Symbols.Is(creation.Type, PulumiType.S3BucketServerSideEncryptionConfigurationV2))
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

    private struct Aes256Collector : IArgsPathVisitor
    {
        private readonly ValueResolver _resolver;
        private readonly CancellationToken _cancellationToken;

        public Aes256Collector(ValueResolver resolver, CancellationToken cancellationToken)
        {
            _resolver = resolver;
            _cancellationToken = cancellationToken;
            Values = null;
        }

        public List<IOperation>? Values { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            if (hit.Kind == ArgsPathHitKind.Value
                && _resolver.ResolveConstant(hit.Assignment!.Value, _cancellationToken) is { HasValue: true, Value: string algorithm }
                && string.Equals(algorithm, "AES256", StringComparison.OrdinalIgnoreCase))
            {
                (Values ??= new List<IOperation>()).Add(hit.Assignment.Value);
            }
        }
    }

    // ------------------------------------------------------------------ deciding

    /// <summary>Reports every bucket that no configuration is bound to, unless some binding cannot be followed.</summary>
    public void ReportAtCompilationEnd(CompilationAnalysisContext context)
    {
        if (_candidates.IsEmpty || !_bindings.IsDecisive(_bindings.BucketSymbols))
        {
            return;
        }

        foreach (var candidate in _candidates)
        {
            if (!_bindings.Encrypts(candidate, Values, context.CancellationToken))
            {
                Report(context.ReportDiagnostic, Descriptors.BucketNotEncrypted, candidate, context.CancellationToken);
            }
        }
    }

    /// <summary>True when the bucket's own file decides it, and decides that nothing encrypts it.</summary>
    private bool IsUnencryptedInItsFile(SemanticModel? model, Candidate candidate, CancellationToken cancellationToken)
    {
        var tree = candidate.Creation.Operation.Syntax.SyntaxTree;
        var mentioning = TreesMentioningConfigurations(cancellationToken);
        var inThisTree = mentioning.Contains(tree);
        if (mentioning.Count > (inThisTree ? 1 : 0))
        {
            return false;
        }

        if (!inThisTree)
        {
            return true; // no configuration anywhere in the compilation
        }

        if (model is null || model.SyntaxTree != tree)
        {
            return false;
        }

        var bindings = _fileBindings.GetOrAdd(tree, _ => BindingsOf(model, cancellationToken));
        return bindings.IsDecisive(bindings.BucketSymbols) && !bindings.Encrypts(candidate, Values, cancellationToken);
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
            else if (Symbols.Is(creation.Type, PulumiType.S3BucketServerSideEncryptionConfiguration) || Symbols.Is(creation.Type, PulumiType.S3BucketServerSideEncryptionConfigurationV2))
            {
                Bind(creation, bindings, cancellationToken);
            }
        }

        return bindings;
    }

    /// <summary>The trees of the compilation whose text names the configuration type (computed once per compilation, cached per tree).</summary>
    private HashSet<SyntaxTree> TreesMentioningConfigurations(CancellationToken cancellationToken)
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
            if (MentionCache.GetValue(tree, MentionFactory) == Mentions)
            {
                mentioning.Add(tree);
            }
        }

        Interlocked.CompareExchange(ref _mentioning, mentioning, null);
        return Volatile.Read(ref _mentioning)!;
    }

    /// <summary>True when the text holds the identifier <c>BucketServerSideEncryptionConfiguration</c> or <c>...V2</c> (comments included: it errs towards "mentioned").</summary>
    private static bool NamesConfigurationType(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        for (var index = text.IndexOf(ConfigurationTypeName, StringComparison.Ordinal); index >= 0; index = text.IndexOf(ConfigurationTypeName, index + 1, StringComparison.Ordinal))
        {
            var end = index + ConfigurationTypeName.Length;
            if (end + 1 < text.Length && text[end] == 'V' && text[end + 1] == '2')
            {
                end += 2;
            }

            var before = index == 0 ? ' ' : text[index - 1];
            var after = end >= text.Length ? ' ' : text[end];
            if (!IsIdentifierChar(before) && !IsIdentifierChar(after))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, Candidate candidate, CancellationToken cancellationToken)
    {
        var name = EncryptionAnalyzer.NameOf(candidate.Creation, Values, cancellationToken);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(EncryptionFix.Edit, EncryptionFix.AddConfiguration);
        report(Diagnostic.Create(
            descriptor,
            candidate.Creation.Operation.Syntax.GetLocation(),
            properties,
            name,
            "has no server-side encryption configuration: add a BucketServerSideEncryptionConfiguration whose Bucket is this bucket (SSE-KMS, \"aws:kms\")"));
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

    /// <summary>A bucket that has no inline encryption, waiting for the bindings.</summary>
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

    /// <summary>What configurations are bound to: bucket creations, symbols buckets are stored in, literal bucket names.</summary>
    private sealed class Bindings
    {
        private int _unknown;

        public ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> Creations { get; } = new();

        public ConcurrentDictionary<ISymbol, byte> Symbols { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<string, byte> Names { get; } = new(StringComparer.Ordinal);

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

        public bool Encrypts(Candidate candidate, ValueResolver values, CancellationToken cancellationToken)
        {
            if (Creations.ContainsKey(candidate.Key) || (candidate.Symbol is not null && Symbols.ContainsKey(candidate.Symbol)))
            {
                return true;
            }

            if (Names.IsEmpty)
            {
                return false;
            }

            // A configuration bound by a literal name encrypts the bucket of that physical name.
            var name = ResourceCreation.FindInitializerAssignment(candidate.Args, candidate.IsV2 ? "Bucket" : "BucketName");
            if (name is null)
            {
                return false; // auto-named: no literal can name it
            }

            return values.ResolveConstant(name.Value, cancellationToken) is not { HasValue: true, Value: string known } || Names.ContainsKey(known);
        }
    }
}
