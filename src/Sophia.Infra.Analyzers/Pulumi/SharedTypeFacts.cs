using System;
using System.Runtime.CompilerServices;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>
/// Facts computed from a type or constructor symbol against the compilation's Pulumi core types (resource kind, parameter
/// roles, args types, required inputs), kept with the symbol: a metadata symbol is one object for every compilation over
/// the same references (as the IDE makes after each edit), so the next compilation finds the answer. Only compilations
/// that see the core types as the references declare them share the table (<see cref="PulumiSymbols.SharesTypeFacts"/>);
/// any other computes each time, and leaves nothing behind.
/// </summary>
internal sealed class SharedTypeFacts<TKey, TValue>
    where TKey : class
    where TValue : class
{
    private readonly ConditionalWeakTable<TKey, TValue> _table = new();

    /// <summary>The fact for <paramref name="key"/>; <paramref name="compute"/> should not capture (a static lambda).</summary>
    public TValue Get(TKey key, PulumiSymbols symbols, Func<TKey, PulumiSymbols, TValue> compute)
    {
        if (!symbols.SharesTypeFacts)
        {
            return compute(key, symbols);
        }

        return _table.TryGetValue(key, out var known) ? known : Add(key, compute(key, symbols));
    }

    // Apart from Get: a lambda that captures a local makes the compiler allocate its closure on every call of the method.
    private TValue Add(TKey key, TValue value) => _table.GetValue(key, _ => value);
}
