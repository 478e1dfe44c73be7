using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Infrastructure;

/// <summary>
/// What every rule needs for one compilation: the Pulumi symbols and the value resolver. One instance per compilation,
/// shared by all analyzers of the package (so symbol look-ups and the resolver's caches are computed once).
/// </summary>
/// <remarks>
/// The symbols are looked up on first use, not when the instance is made. The analyzers get the instance at compilation
/// start, when the compiler is still creating the compilation's assembly on another thread under a process-wide lock: a
/// look-up there would wait for it, and every analyzer's start action would count that wait (measured: a quarter of the
/// analyzers' time after an edit in the IDE). By the time the first operation or syntax callback runs, the assembly exists.
/// </remarks>
public sealed class AnalysisServices
{
    private static readonly ConditionalWeakTable<Compilation, AnalysisServices> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, AnalysisServices>.CreateValueCallback Factory = static compilation => new AnalysisServices(compilation);

    private readonly Compilation _compilation;
    private Loaded? _loaded;

    private AnalysisServices(Compilation compilation) => _compilation = compilation;

    /// <summary>True when the compilation references Pulumi (looks the symbols up on first use).</summary>
    public bool IsPulumi => Load().Symbols is not null;

    /// <summary>The Pulumi symbols; only for a compilation that references Pulumi (<see cref="IsPulumi"/>).</summary>
    public PulumiSymbols Symbols => Load().Symbols ?? throw new InvalidOperationException("The compilation does not reference Pulumi.");

    /// <summary>The value resolver; only for a compilation that references Pulumi (<see cref="IsPulumi"/>).</summary>
    public ValueResolver Values => Load().Values ?? throw new InvalidOperationException("The compilation does not reference Pulumi.");

    /// <summary>The services of <paramref name="compilation"/>, or null when it does not reference Pulumi.</summary>
    public static AnalysisServices? For(Compilation compilation)
    {
        var services = Of(compilation);
        return services.IsPulumi ? services : null;
    }

    /// <summary>The services of <paramref name="compilation"/> without looking anything up yet (for compilation start).</summary>
    internal static AnalysisServices Of(Compilation compilation) => Cache.GetValue(compilation, Factory);

    private Loaded Load()
    {
        var loaded = Volatile.Read(ref _loaded);
        if (loaded is not null)
        {
            return loaded;
        }

        var symbols = PulumiSymbols.TryCreate(_compilation);
        var created = new Loaded(symbols, symbols is null ? null : new ValueResolver(symbols));
        return Interlocked.CompareExchange(ref _loaded, created, null) ?? created;
    }

    private sealed class Loaded
    {
        public Loaded(PulumiSymbols? symbols, ValueResolver? values)
        {
            Symbols = symbols;
            Values = values;
        }

        public PulumiSymbols? Symbols { get; }

        public ValueResolver? Values { get; }
    }
}
