using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Pulumi;

/// <summary>
/// Compares symbols by object identity: for per-type caches asked on every object creation. Within one compilation a
/// definition (<c>OriginalDefinition</c>) is one object, so identity is exact there and much cheaper than
/// <see cref="SymbolEqualityComparer"/>, which hashes the symbol's structure.
/// </summary>
internal sealed class SymbolIdentity : IEqualityComparer<ISymbol>
{
    public static readonly SymbolIdentity Instance = new();

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
