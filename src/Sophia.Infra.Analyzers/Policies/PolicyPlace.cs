using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>Resolves a range of a parsed policy text to where it is written (the JSON reader over its text).</summary>
public abstract class PolicyPlaces
{
    /// <summary>The location of the characters <paramref name="first"/> to <paramref name="last"/> (both included) of the text.</summary>
    public abstract Location? Resolve(int first, int last);
}

/// <summary>
/// Where a value of a policy is written: a location, or a range of a parsed JSON text that becomes one only when asked.
/// Mapping a position inside a literal to the source (escapes, raw-string indentation, other files) is work a finding needs
/// and a compliant policy never does, so the JSON reader defers it.
/// </summary>
public readonly struct PolicyPlace
{
    private readonly Location? _location;
    private readonly PolicyPlaces? _places;
    private readonly int _first;
    private readonly int _last;

    public PolicyPlace(Location? location)
    {
        _location = location;
        _places = null;
        _first = 0;
        _last = 0;
    }

    public PolicyPlace(PolicyPlaces places, int first, int last)
    {
        _location = null;
        _places = places;
        _first = first;
        _last = last;
    }

    public Location? Resolve() => _places is null ? _location : _places.Resolve(_first, _last);

    public static implicit operator PolicyPlace(Location? location) => new(location);
}
