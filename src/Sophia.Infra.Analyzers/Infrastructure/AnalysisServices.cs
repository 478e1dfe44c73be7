using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Infrastructure;

/// <summary>
/// What every rule needs for one compilation: the Pulumi symbols and the value resolver. Created once per compilation
/// and shared by all analyzers of the package (so symbol look-ups and per-scope write tables are computed once).
/// </summary>
public sealed class AnalysisServices
{
    private static readonly ConditionalWeakTable<Compilation, AnalysisServices> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, AnalysisServices>.CreateValueCallback Factory = Create;

    private AnalysisServices(PulumiSymbols symbols)
    {
        Symbols = symbols;
        Values = new ValueResolver(symbols);
    }

    public PulumiSymbols Symbols { get; }

    public ValueResolver Values { get; }

    /// <summary>The services of <paramref name="compilation"/>, or null when it does not reference Pulumi.</summary>
    public static AnalysisServices? For(Compilation compilation)
    {
        var services = Cache.GetValue(compilation, Factory);
        return services.Symbols is null ? null : services;
    }

    private static AnalysisServices Create(Compilation compilation)
    {
        var symbols = PulumiSymbols.TryCreate(compilation);
        return symbols is null ? NotPulumi : new AnalysisServices(symbols);
    }

    // A sentinel for compilations without Pulumi; its Symbols is null.
    private static readonly AnalysisServices NotPulumi = new();

    private AnalysisServices()
    {
        Symbols = null!;
        Values = null!;
    }
}
