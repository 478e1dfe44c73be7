using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;

namespace Sophia.Infra.Analyzers.Rules.Configuration;

/// <summary>
/// SIA0002: a suppression of an SIA rule without a reason. A <c>#pragma warning disable</c> that names SIA IDs, or no IDs at
/// all (it then turns off every rule), needs a non-empty comment on its own line: one finding per pragma, however many IDs
/// it names. A <c>[SuppressMessage]</c> / <c>[UnconditionalSuppressMessage]</c> (on any target, <c>assembly:</c> and
/// <c>module:</c> included) whose check ID is an SIA rule (<c>"SIA1001"</c>, <c>"SIA1001:Title"</c>, or
/// <c>CheckId = "SIA1001"</c>) needs a <c>Justification</c> of at least 10 characters. Values that are not constants are
/// unknown and silent. <c>.editorconfig</c> severities are out of reach: the compiler does not hand config comments to analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SuppressionAnalyzer : SophiaAnalyzerBase
{
    /// <summary>The shortest justification that counts as a reason.</summary>
    internal const int MinimumJustificationLength = 10;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnexplainedSuppression);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        RegisterSyntaxTreeAction(context, services, static treeContext => CheckPragmas(treeContext));
        RegisterSyntaxNodeAction(context, services, static nodeContext => CheckAttribute(nodeContext), SyntaxKind.Attribute);
    }

    // ------------------------------------------------------------------ #pragma warning disable

    private static void CheckPragmas(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        if (!root.ContainsDirectives)
        {
            return;
        }

        SourceText? text = null;
        foreach (var trivia in root.DescendantTrivia(static node => node.ContainsDirectives, descendIntoTrivia: true))
        {
            if (!trivia.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia)
                || trivia.GetStructure() is not PragmaWarningDirectiveTriviaSyntax pragma
                || !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
            {
                continue;
            }

            var codes = pragma.ErrorCodes;
            var namesSia = false;
            foreach (var code in codes)
            {
                if (IsSiaId(CodeText(code)))
                {
                    namesSia = true;
                    break;
                }
            }

            if (codes.Count > 0 && !namesSia)
            {
                continue;
            }

            text ??= context.Tree.GetText(context.CancellationToken);
            var end = codes.Count > 0 ? codes[codes.Count - 1].Span.End : pragma.DisableOrRestoreKeyword.Span.End;
            if (HasCommentReason(text, end))
            {
                continue;
            }

            var written = text.ToString(TextSpan.FromBounds(pragma.SpanStart, end));
            var message = codes.Count == 0
                ? $"'{written}' turns off every rule, the SIA rules included, without a reason: name the rule and say why on the same line ('#pragma warning disable SIAnnnn // why this exception is acceptable')"
                : $"'{written}' suppresses an SIA rule without a reason: say why on the same line ('{written} // why this exception is acceptable')";
            context.Report(Diagnostic.Create(
                Descriptors.UnexplainedSuppression,
                Location.Create(context.Tree, TextSpan.FromBounds(pragma.SpanStart, end)),
                message));
        }
    }

    private static string CodeText(ExpressionSyntax code) => code switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        _ => code.ToString(),
    };

    /// <summary>True when the rest of the line after <paramref name="position"/> holds a comment with some text.</summary>
    private static bool HasCommentReason(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var rest = text.ToString(TextSpan.FromBounds(position, line.End));
        var lineComment = rest.IndexOf("//", StringComparison.Ordinal);
        var blockComment = rest.IndexOf("/*", StringComparison.Ordinal);
        string comment;
        if (lineComment >= 0 && (blockComment < 0 || lineComment < blockComment))
        {
            comment = rest.Substring(lineComment + 2);
        }
        else if (blockComment >= 0)
        {
            comment = rest.Substring(blockComment + 2);
            var close = comment.IndexOf("*/", StringComparison.Ordinal);
            if (close >= 0)
            {
                comment = comment.Substring(0, close);
            }
        }
        else
        {
            return false;
        }

        // "//", "// ", "///" and "/* */" say nothing.
        return comment.Trim().Trim('/', '*').Trim().Length > 0;
    }

    // ------------------------------------------------------------------ [SuppressMessage]

    private static void CheckAttribute(SyntaxNodeAnalysisContext context)
    {
        var attribute = (AttributeSyntax)context.Node;
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        // Cheap syntactic filter first: SuppressMessage(Attribute), UnconditionalSuppressMessage(Attribute).
        if (name.IndexOf("SuppressMessage", StringComparison.Ordinal) < 0 || attribute.ArgumentList is null)
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType: { } type }
            || (type.Name != "SuppressMessageAttribute" && type.Name != "UnconditionalSuppressMessageAttribute")
            || type.ContainingNamespace?.ToDisplayString() != "System.Diagnostics.CodeAnalysis")
        {
            return;
        }

        string? checkId = null;
        var checkIdKnown = false;
        string? justification = null;
        var hasJustification = false;
        var justificationKnown = true;
        var position = 0;
        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            var argumentName = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
            var value = context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken);
            var isCheckId = argumentName is null ? position == 1 : string.Equals(argumentName, "CheckId", StringComparison.OrdinalIgnoreCase);
            if (argumentName is null)
            {
                position++;
            }

            if (isCheckId)
            {
                checkIdKnown = value.HasValue && value.Value is string;
                checkId = value.Value as string;
            }
            else if (argumentName == "Justification")
            {
                hasJustification = true;
                justificationKnown = value.HasValue;
                justification = value.Value as string;
            }
        }

        if (!checkIdKnown || !IsSiaId(RuleIdOf(checkId!)) || !justificationKnown)
        {
            return;
        }

        var trimmed = justification?.Trim() ?? string.Empty;
        if (trimmed.Length >= MinimumJustificationLength)
        {
            return;
        }

        var rule = RuleIdOf(checkId!);
        var message = hasJustification
            ? $"The suppression of {rule} has a Justification of {trimmed.Length} characters ('{trimmed}'): say why this exception is acceptable in at least {MinimumJustificationLength} characters"
            : $"The suppression of {rule} has no Justification: add Justification = \"why this exception is acceptable\" (at least {MinimumJustificationLength} characters)";
        context.Report(Diagnostic.Create(Descriptors.UnexplainedSuppression, attribute.GetLocation(), message));
    }

    /// <summary>The rule ID of a check ID: <c>"SIA1001:Title"</c> → <c>SIA1001</c>.</summary>
    private static string RuleIdOf(string checkId)
    {
        var colon = checkId.IndexOf(':');
        return (colon < 0 ? checkId : checkId.Substring(0, colon)).Trim();
    }

    /// <summary>True for <c>SIA</c> followed by four digits (any case, as the compiler matches IDs).</summary>
    private static bool IsSiaId(string id) =>
        id.Length == 7
        && id.StartsWith("SIA", StringComparison.OrdinalIgnoreCase)
        && char.IsDigit(id[3]) && char.IsDigit(id[4]) && char.IsDigit(id[5]) && char.IsDigit(id[6]);
}
