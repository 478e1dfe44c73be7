using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>What one piece of a resolved string is.</summary>
public enum StringPartKind
{
    /// <summary>Known text (a literal, a constant, a followed value).</summary>
    Text,

    /// <summary>The stack name: <c>Deployment.Instance.StackName</c> or anything that provably holds it.</summary>
    StackName,

    /// <summary>The project name: <c>Deployment.Instance.ProjectName</c> or anything that provably holds it.</summary>
    ProjectName,

    /// <summary>A value the analyzer cannot know at compile time (config, outputs, parameters, loop variables, ...).</summary>
    Unknown,
}

/// <summary>One piece of a <see cref="ResolvedString"/>.</summary>
public readonly struct StringPart
{
    public StringPart(StringPartKind kind, string text, SyntaxNode? syntax, IOperation? operation, ISymbol? symbol, string? path, bool viaReference, bool branching = false)
    {
        IsBranching = branching;
        Kind = kind;
        Text = text;
        Syntax = syntax;
        Operation = operation;
        Symbol = symbol;
        Path = path;
        ViaReference = viaReference;
    }

    public StringPartKind Kind { get; }

    /// <summary>The text of a <see cref="StringPartKind.Text"/> part; for the other kinds, the source text of the expression, for messages.</summary>
    public string Text { get; }

    /// <summary>
    /// Where the part is written: for text, the literal (<c>LiteralExpressionSyntax</c>), the
    /// <c>InterpolatedStringTextSyntax</c>, or the expression of a constant; for the others, the expression.
    /// </summary>
    public SyntaxNode? Syntax { get; }

    /// <summary>The operation of the part when it was resolved semantically (null when followed by syntax across files).</summary>
    public IOperation? Operation { get; }

    /// <summary>For an unknown part that reads a symbol: the root symbol of the reference chain (a local, parameter, field or property).</summary>
    public ISymbol? Symbol { get; }

    /// <summary>For an unknown part that reads a symbol: the member path after <see cref="Symbol"/> (e.g. <c>.Name</c>), empty for the symbol itself.</summary>
    public string? Path { get; }

    /// <summary>True when the text does not stand literally at the use but came through a constant, local, field, property or helper.</summary>
    public bool ViaReference { get; }

    /// <summary>
    /// True for an unknown part that is (or holds, through a followed local, field or property) a conditional or switch
    /// expression, which <see cref="ValueResolver.ResolveBranches"/> takes apart branch by branch.
    /// </summary>
    public bool IsBranching { get; }

    internal StringPart WithViaReference() => new(Kind, Text, Syntax, Operation, Symbol, Path, viaReference: true, IsBranching);

    /// <summary>True when both parts are unknown values read from the same symbol through the same member path.</summary>
    public bool IsSameUnknownAs(StringPart other) =>
        Kind == StringPartKind.Unknown
        && other.Kind == StringPartKind.Unknown
        && Symbol is not null
        && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
        && Path == other.Path;
}

/// <summary>A string value as far as the analyzer can know it: known text interleaved with the stack name, the project name and unknown holes.</summary>
public sealed class ResolvedString
{
    public ResolvedString(ImmutableArray<StringPart> parts)
    {
        Parts = parts;
        var known = true;
        var branches = false;
        foreach (var part in parts)
        {
            known &= part.Kind == StringPartKind.Text;
            branches |= part.IsBranching;
        }

        IsFullyKnown = known;
        HasBranches = branches;
    }

    /// <summary>True when some unknown part is a conditional or switch expression (<see cref="StringPart.IsBranching"/>).</summary>
    public bool HasBranches { get; }

    public ImmutableArray<StringPart> Parts { get; }

    /// <summary>True when every part is known text.</summary>
    public bool IsFullyKnown { get; }

    /// <summary>The value when fully known, else null.</summary>
    public string? Value => IsFullyKnown ? Concatenate() : null;

    /// <summary>
    /// The value for messages: known text as is, the stack as <c>{stack}</c>, the project as <c>{project}</c>,
    /// and unknown parts as <c>{expression}</c>.
    /// </summary>
    public string ToDisplayString()
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            switch (part.Kind)
            {
                case StringPartKind.Text:
                    builder.Append(part.Text);
                    break;
                case StringPartKind.StackName:
                    builder.Append("{stack}");
                    break;
                case StringPartKind.ProjectName:
                    builder.Append("{project}");
                    break;
                default:
                    builder.Append('{').Append(part.Text).Append('}');
                    break;
            }
        }

        return builder.ToString();
    }

    public override string ToString() => ToDisplayString();

    private string Concatenate()
    {
        if (Parts.Length == 1)
        {
            return Parts[0].Text;
        }

        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            builder.Append(part.Text);
        }

        return builder.ToString();
    }
}
