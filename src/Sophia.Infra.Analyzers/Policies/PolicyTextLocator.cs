using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Policies;

/// <summary>
/// Maps positions in the text of a <see cref="ResolvedString"/> back to the source: into the literal where each piece is
/// written (escapes, verbatim quotes, raw-string indentation and interpolation braces accounted for), also through a constant,
/// a field, a property or a helper declared in another file (the parts then carry that file's syntax). Where a piece cannot be mapped character by character (a hole, a <c>string.Format</c>
/// segment), the whole expression of the piece is the location.
/// </summary>
public sealed class PolicyTextLocator : IPolicyTextLocator
{
    private readonly ResolvedString _text;
    private readonly CancellationToken _cancellationToken;
    private readonly TextSpan[]?[] _maps;
    private readonly SyntaxNode?[] _literals;
    private readonly bool[] _computed;

    public PolicyTextLocator(ResolvedString text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
        _maps = new TextSpan[]?[text.Parts.Length];
        _literals = new SyntaxNode?[text.Parts.Length];
        _computed = new bool[text.Parts.Length];
    }

    public Location? Locate(int startPart, int startOffset, int lastPart, int lastOffset)
    {
        var start = Span(startPart, startOffset, out var startTree);
        var last = Span(lastPart, lastOffset, out var lastTree);
        if (startTree is null)
        {
            return null;
        }

        if (startTree == lastTree && start.Start <= last.End)
        {
            return Location.Create(startTree, TextSpan.FromBounds(start.Start, last.End));
        }

        return Location.Create(startTree, start);
    }

    private TextSpan Span(int part, int offset, out SyntaxTree? tree)
    {
        tree = null;
        if (part < 0 || part >= _text.Parts.Length)
        {
            return default;
        }

        Compute(part);
        var map = _maps[part];
        if (map is not null && offset >= 0 && offset < map.Length)
        {
            tree = _literals[part]!.SyntaxTree;
            return map[offset];
        }

        var syntax = _text.Parts[part].Syntax;
        if (syntax is null)
        {
            return default;
        }

        tree = syntax.SyntaxTree;
        return syntax.Span;
    }

    private void Compute(int index)
    {
        if (_computed[index])
        {
            return;
        }

        _computed[index] = true;
        var part = _text.Parts[index];
        if (part.Kind != StringPartKind.Text || part.Syntax is null)
        {
            return;
        }

        var literal = LiteralOf(part);
        if (literal is not null)
        {
            _maps[index] = LiteralPositions.Map(literal, part.Text);
            _literals[index] = literal;
        }
    }

    /// <summary>The literal where the text of <paramref name="part"/> is written: the part itself, or the initializer of a constant that is the whole document, in any file.</summary>
    private SyntaxNode? LiteralOf(StringPart part)
    {
        if (part.Syntax is LiteralExpressionSyntax or InterpolatedStringTextSyntax)
        {
            return part.Syntax;
        }

        if (_text.Parts.Length != 1)
        {
            return null; // a constant interpolated into the JSON points at its use
        }

        ISymbol? symbol = part.Operation switch
        {
            IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
            ILocalReferenceOperation { Local.IsConst: true } local => local.Local,
            _ => null,
        };
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        // In whichever file the constant is declared: positions inside JSON text point where the text is written.
        var declaration = symbol.DeclaringSyntaxReferences[0];
        return declaration.GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax value }
            && value.IsKind(SyntaxKind.StringLiteralExpression)
            ? value
            : null;
    }
}
