using System.Collections.Generic;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>
/// The pattern <c>{project}-{stack}-{type}-{purpose}</c> for one project and one resource-type token, as a small
/// nondeterministic automaton over <see cref="NameSymbol"/>s. Because it knows the project and the type token, a type
/// token or a purpose may contain hyphens (<c>bucket-sse</c>, <c>agent-system</c>). An unknown part matches any text at
/// all (the stack name included), so <see cref="Matches"/> is false only when no value of the unknown parts could make
/// the name comply. Immutable and thread-safe; build one per (project, token) and reuse it.
/// </summary>
internal sealed class NamePattern
{
    private enum EdgeKind : byte
    {
        Exact,
        LowerOrDigit,
        Stack,
        Project,
        PurposeItem,
    }

    private readonly struct Edge
    {
        public Edge(EdgeKind kind, char c, int target)
        {
            Kind = kind;
            Char = c;
            Target = target;
        }

        public EdgeKind Kind { get; }

        public char Char { get; }

        public int Target { get; }

        public bool Accepts(NameSymbol symbol) => Kind switch
        {
            EdgeKind.Exact => symbol.Kind == NameSymbolKind.Char && symbol.Char == Char,
            EdgeKind.LowerOrDigit => symbol.Kind == NameSymbolKind.Char && ResourceTypeTokens.IsLowerOrDigit(symbol.Char),
            EdgeKind.Stack => symbol.Kind == NameSymbolKind.Stack,
            EdgeKind.Project => symbol.Kind == NameSymbolKind.Project,
            _ => symbol.Kind is NameSymbolKind.Stack or NameSymbolKind.Project
                || (symbol.Kind == NameSymbolKind.Char && ResourceTypeTokens.IsLowerOrDigit(symbol.Char)),
        };
    }

    private readonly List<List<Edge>> _edges = new();
    private readonly int _accepting;
    private readonly int[][] _reachable;

    public NamePattern(string? project, string typeToken)
    {
        Project = project;
        TypeToken = typeToken;

        var start = AddState();
        int projectEnd;
        if (project is not null)
        {
            projectEnd = AddChain(start, project);
            AddEdge(start, EdgeKind.Project, projectEnd);
        }
        else
        {
            // Any lower-case literal token(s), or Deployment.Instance.ProjectName.
            projectEnd = AddState();
            AddEdge(start, EdgeKind.Project, projectEnd);
            AddEdge(start, EdgeKind.LowerOrDigit, projectEnd);
            AddEdge(projectEnd, EdgeKind.LowerOrDigit, projectEnd);
            var inner = AddState();
            AddEdge(projectEnd, EdgeKind.Exact, inner, '-');
            AddEdge(inner, EdgeKind.LowerOrDigit, projectEnd);
        }

        var environmentStart = AddState();
        AddEdge(projectEnd, EdgeKind.Exact, environmentStart, '-');
        var environmentEnd = AddState();
        AddEdge(environmentStart, EdgeKind.Stack, environmentEnd);
        var typeStart = AddState();
        AddEdge(environmentEnd, EdgeKind.Exact, typeStart, '-');
        var typeEnd = AddChain(typeStart, typeToken);
        var purposeStart = AddState();
        AddEdge(typeEnd, EdgeKind.Exact, purposeStart, '-');
        _accepting = AddState();
        AddEdge(purposeStart, EdgeKind.PurposeItem, _accepting);
        AddEdge(_accepting, EdgeKind.PurposeItem, _accepting);
        AddEdge(_accepting, EdgeKind.Exact, purposeStart, '-');

        _reachable = new int[_edges.Count][];
        for (var state = 0; state < _edges.Count; state++)
        {
            _reachable[state] = Reach(state);
        }

        if (_edges.Count <= 64)
        {
            _reachableMasks = new ulong[_edges.Count];
            for (var state = 0; state < _edges.Count; state++)
            {
                foreach (var target in _reachable[state])
                {
                    _reachableMasks[state] |= 1UL << target;
                }
            }
        }
    }

    // The states reachable through an unknown symbol, as bit sets, when the pattern has at most 64 states (nearly always:
    // one per character of the project and type tokens plus eight): then Matches runs on two words instead of two arrays.
    private readonly ulong[]? _reachableMasks;

    /// <summary>The project the pattern expects; null when any lower-case token will do.</summary>
    public string? Project { get; }

    /// <summary>The resource-type token the pattern expects.</summary>
    public string TypeToken { get; }

    /// <summary>True when the (normalised) symbols can be read as the pattern, whatever their unknown parts hold.</summary>
    public bool Matches(NameSymbol[] symbols)
    {
        if (_reachableMasks is not null)
        {
            return MatchesInWords(symbols);
        }

        var count = _edges.Count;
        var current = new bool[count];
        var next = new bool[count];
        current[0] = true;
        foreach (var symbol in symbols)
        {
            System.Array.Clear(next, 0, count);
            var any = false;
            for (var state = 0; state < count; state++)
            {
                if (!current[state])
                {
                    continue;
                }

                if (symbol.Kind == NameSymbolKind.Unknown)
                {
                    foreach (var target in _reachable[state])
                    {
                        next[target] = true;
                    }

                    any = true;
                    continue;
                }

                foreach (var edge in _edges[state])
                {
                    if (edge.Accepts(symbol))
                    {
                        next[edge.Target] = true;
                        any = true;
                    }
                }
            }

            if (!any)
            {
                return false;
            }

            (current, next) = (next, current);
        }

        return current[_accepting];
    }

    /// <summary><see cref="Matches"/> with the current and next states as bit sets (at most 64 states).</summary>
    private bool MatchesInWords(NameSymbol[] symbols)
    {
        var current = 1UL; // the start state
        foreach (var symbol in symbols)
        {
            var next = 0UL;
            for (var rest = current; rest != 0; rest &= rest - 1)
            {
                var state = TrailingZeroCount(rest);
                if (symbol.Kind == NameSymbolKind.Unknown)
                {
                    next |= _reachableMasks![state];
                    continue;
                }

                foreach (var edge in _edges[state])
                {
                    if (edge.Accepts(symbol))
                    {
                        next |= 1UL << edge.Target;
                    }
                }
            }

            if (next == 0)
            {
                return false;
            }

            current = next;
        }

        return (current & (1UL << _accepting)) != 0;
    }

    private static int TrailingZeroCount(ulong value)
    {
        var count = 0;
        while ((value & 1) == 0)
        {
            value >>= 1;
            count++;
        }

        return count;
    }

    private int AddState()
    {
        _edges.Add(new List<Edge>(2));
        return _edges.Count - 1;
    }

    private void AddEdge(int from, EdgeKind kind, int to, char c = '\0') => _edges[from].Add(new Edge(kind, c, to));

    private int AddChain(int from, string text)
    {
        var current = from;
        foreach (var c in text)
        {
            var next = AddState();
            AddEdge(current, EdgeKind.Exact, next, c);
            current = next;
        }

        return current;
    }

    private int[] Reach(int state)
    {
        var seen = new bool[_edges.Count];
        var stack = new Stack<int>();
        var result = new List<int>();
        seen[state] = true;
        stack.Push(state);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            result.Add(current);
            foreach (var edge in _edges[current])
            {
                if (!seen[edge.Target])
                {
                    seen[edge.Target] = true;
                    stack.Push(edge.Target);
                }
            }
        }

        return result.ToArray();
    }
}
