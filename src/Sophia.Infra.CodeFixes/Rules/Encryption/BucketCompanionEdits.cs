using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.CodeFixes.Infrastructure;

namespace Sophia.Infra.CodeFixes.Rules.Encryption;

/// <summary>
/// The insertion shared by the SIA3001 and SIA2002 fixes: after the bucket's statement, a companion resource bound to the
/// bucket (<c>Bucket = bucket.Id</c>), named like the bucket with the companion's resource-type token (<c>bucket-sse</c>,
/// <c>bucket-versioning</c>, or its <c>sophia_infra.resource_type</c> override) in place of the bucket's, made free among the
/// project's resources of that type (<see cref="ResourceNames"/>: <c>-2</c> appended when taken), and protected like the bucket
/// (its options' <c>Protect</c>, <c>Parent</c> and <c>Provider</c>, or the options object itself). A bucket created as a bare
/// statement gets a local first. Types are written fully qualified and simplified.
/// </summary>
public static class BucketCompanionEdits
{
    private static readonly string[] CopiedOptions = { "Protect", "Parent", "Provider" };

    /// <summary>
    /// Whether a companion can be inserted after the bucket: it is created with a name, in a statement of a block
    /// (a local declaration, an assignment, or a bare statement), as <see cref="Insert"/> requires. Elsewhere (a
    /// field initializer, an argument, an expression body) the fix is not offered rather than offered and doing nothing.
    /// </summary>
    public static bool CanInsert(SyntaxNode? root, Diagnostic diagnostic)
    {
        if (root is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { ArgumentList.Arguments.Count: > 0 } creation)
        {
            return false;
        }

        SyntaxNode outermost = creation;
        while (outermost.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            outermost = parenthesized;
        }

        StatementSyntax? statement = outermost.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax local } } => local,
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignmentStatement } assignment
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax => assignmentStatement,
            ExpressionStatementSyntax bare => bare,
            _ => null,
        };
        return statement?.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax;
    }

    /// <summary>
    /// Inserts after the bucket created at <paramref name="node"/> a <paramref name="configurationType"/> resource named and
    /// protected like the bucket, whose args are <c>Bucket = bucket.Id</c> followed by what <paramref name="writeArgs"/> writes
    /// (it gets a line writer: depth below the args' brace, content).
    /// </summary>
    public static void Insert(
        DocumentEditor editor,
        SyntaxNode node,
        AnalysisServices services,
        INamedTypeSymbol configurationType,
        OptionReader options,
        ResourceNames names,
        HashSet<string> newLocals,
        Action<StringBuilder, Func<int, string, string>> writeArgs,
        CancellationToken cancellationToken)
    {
        var model = editor.SemanticModel;
        var creation = node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (creation is null
            || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation
            || !ResourceCreation.TryCreate(operation, services.Symbols, out var bucket)
            || bucket.NameArgument?.Syntax is not ArgumentSyntax nameArgument)
        {
            return;
        }

        // Where the bucket is held: a local, an assigned member, or nothing yet (a bare statement gets a local).
        SyntaxNode outermost = creation;
        while (outermost.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            outermost = parenthesized;
        }

        var holder = outermost.Parent;
        ExpressionSyntax reference;
        StatementSyntax statement;
        string? newLocal = null;
        ExpressionSyntax? held = null;
        switch (holder)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax local:
                reference = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
                statement = local;
                break;
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax discardStatement, Left: IdentifierNameSyntax { Identifier.ValueText: "_" } discard } assignment
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && model.GetSymbolInfo(discard, cancellationToken).Symbol is null or IDiscardSymbol:
                // _ = new Bucket(...): nothing holds the bucket, as in a bare statement.
                newLocal = UniqueLocalName(model, discardStatement.SpanStart, newLocals);
                reference = SyntaxFactory.IdentifierName(newLocal);
                statement = discardStatement;
                held = assignment.Right;
                break;
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax assignmentStatement } assignment
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax:
                reference = assignment.Left.WithoutTrivia();
                statement = assignmentStatement;
                break;
            case ExpressionStatementSyntax bare:
                newLocal = UniqueLocalName(model, bare.SpanStart, newLocals);
                reference = SyntaxFactory.IdentifierName(newLocal);
                statement = bare;
                held = bare.Expression;
                break;
            default:
                return;
        }

        if (statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
        {
            return;
        }

        var endOfLine = EndOfLine(statement);
        var name = ConfigurationName(bucket, nameArgument.Expression, configurationType, services, model, options, names, cancellationToken);
        var resourceOptions = ConfigurationOptions(bucket, model, statement.SpanStart, options, cancellationToken);
        var indentation = Indentation(statement);
        var unit = IndentationUnit(statement, indentation);
        string Line(int depth, string content) => endOfLine + indentation + string.Concat(Enumerable.Repeat(unit, depth)) + content;
        var text = new StringBuilder()
            .Append("new ").Append(Qualified(configurationType)).Append('(').Append(name.ToFullString()).Append(", new ")
            .Append(Qualified(configurationType)).Append("Args")
            .Append(Line(0, "{"))
            .Append(Line(1, "Bucket = " + reference.ToFullString() + ".Id,"));
        writeArgs(text, Line);
        text.Append(Line(0, "}"));
        if (resourceOptions is not null)
        {
            text.Append(", ").Append(resourceOptions.ToFullString());
        }

        text.Append(");");
        // After the bucket's line; when that line ends the file (no line break), the new statement brings its own.
        var endsLine = statement.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia);
        var inserted = SyntaxFactory.ParseStatement(text.ToString())
            .WithLeadingTrivia(endsLine
                ? SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation))
                : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(endOfLine), SyntaxFactory.Whitespace(indentation)))
            .WithTrailingTrivia(endsLine ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(endOfLine)) : SyntaxFactory.TriviaList())
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);

        if (statement.Parent is GlobalStatementSyntax global)
        {
            editor.InsertAfter(global, SyntaxFactory.GlobalStatement(inserted));
        }
        else
        {
            editor.InsertAfter(statement, inserted);
        }

        if (newLocal is not null)
        {
            var declaration = SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(newLocal))
                                .WithInitializer(SyntaxFactory.EqualsValueClause(held!.WithoutTrivia())))))
                .WithTriviaFrom(statement)
                .WithAdditionalAnnotations(Formatter.Annotation);
            editor.ReplaceNode(statement, declaration);
        }
    }

    private static string Qualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static string UniqueLocalName(SemanticModel model, int position, HashSet<string> taken)
    {
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? "bucket" : "bucket" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate) && model.LookupSymbols(position, name: candidate).IsEmpty && !IsDeclaredLater(model, position, candidate))
            {
                taken.Add(candidate);
                return candidate;
            }
        }
    }

    // A local declared further down the same block is not in LookupSymbols at the position, but would clash.
    private static bool IsDeclaredLater(SemanticModel model, int position, string name)
    {
        var token = model.SyntaxTree.GetRoot().FindToken(position);
        var block = token.Parent?.FirstAncestorOrSelf<SyntaxNode>(static n => n is BlockSyntax or CompilationUnitSyntax);
        return block is not null && block.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(d => d.Identifier.ValueText == name)
            || block is not null && block.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Any(d => d.Identifier.ValueText == name);
    }

    private static string EndOfLine(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }

    private static string Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : string.Empty;
    }

    /// <summary>One level of indentation as the file writes it: the statement's indentation beyond its block's brace (four spaces when unclear).</summary>
    private static string IndentationUnit(StatementSyntax statement, string indentation)
    {
        if (statement.Parent is BlockSyntax block)
        {
            var braceLine = block.OpenBraceToken.LeadingTrivia;
            var brace = braceLine.Count > 0 && braceLine[braceLine.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? braceLine[braceLine.Count - 1].ToString() : string.Empty;
            if (indentation.Length > brace.Length && indentation.StartsWith(brace, StringComparison.Ordinal))
            {
                return indentation.Substring(brace.Length);
            }
        }

        return "    ";
    }

    // ------------------------------------------------------------------ the name

    /// <summary>
    /// The bucket's name with the configuration's type token in place of the bucket's (<c>sophia-{stack}-bucket-logs</c> →
    /// <c>sophia-{stack}-bucket-sse-logs</c>; both tokens as configured), made free among the configurations of the project.
    /// </summary>
    private static ExpressionSyntax ConfigurationName(
        ResourceCreation bucket,
        ExpressionSyntax bucketName,
        INamedTypeSymbol configurationType,
        AnalysisServices services,
        SemanticModel model,
        OptionReader options,
        ResourceNames names,
        CancellationToken cancellationToken)
    {
        var from = ResourceNames.TypeToken(bucket.Type, options);
        var to = ResourceNames.TypeToken(configurationType, options);
        var bucketDisplay = services.Values.ResolveString(bucket.NameArgument!.Value, cancellationToken).ToDisplayString();
        var suffix = names.ReserveFree(ReplaceToken(bucketDisplay, from, to, true, true) ?? bucketDisplay + "-" + to);
        return ResourceNames.AppendText(WrittenName(bucketName, model, from, to, cancellationToken), suffix);
    }

    private static ExpressionSyntax WrittenName(ExpressionSyntax bucketName, SemanticModel model, string from, string to, CancellationToken cancellationToken)
    {

        // A name held in a local: its initializer, written again (its parts are in scope after the bucket's statement).
        var written = bucketName;
        if (bucketName is IdentifierNameSyntax && model.GetSymbolInfo(bucketName, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
            && value is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax
            && value.SyntaxTree == model.SyntaxTree)
        {
            written = value;
        }

        switch (written)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(ReplaceToken(literal.Token.ValueText, from, to, true, true) ?? literal.Token.ValueText + "-" + to));
            case InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken):
                return ReplaceInInterpolation(interpolated.WithoutTrivia(), from, to);
            case BinaryExpressionSyntax concatenation when concatenation.IsKind(SyntaxKind.AddExpression)
                && ReplaceInConcatenation(concatenation.WithoutTrivia(), from, to) is { } replaced:
                return replaced;
            default:
                return SyntaxFactory.ParseExpression("$\"{" + bucketName.WithoutTrivia().ToFullString() + "}-" + to + "\"");
        }
    }

    /// <summary>
    /// A concatenation (<c>"sophia-" + stack + "-bucket-logs"</c>) with the token replaced in the first string literal that
    /// holds it as a segment; null when none does.
    /// </summary>
    private static ExpressionSyntax? ReplaceInConcatenation(BinaryExpressionSyntax concatenation, string from, string to)
    {
        var leaves = new List<ExpressionSyntax>();
        CollectLeaves(concatenation, leaves);
        for (var i = 0; i < leaves.Count; i++)
        {
            if (leaves[i] is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && ReplaceToken(literal.Token.ValueText, from, to, atStart: i == 0, atEnd: i == leaves.Count - 1) is { } replaced)
            {
                return concatenation.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replaced)));
            }
        }

        return null;
    }

    private static void CollectLeaves(ExpressionSyntax expression, List<ExpressionSyntax> leaves)
    {
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            CollectLeaves(binary.Left, leaves);
            CollectLeaves(binary.Right, leaves);
        }
        else
        {
            leaves.Add(expression);
        }
    }

    private static ExpressionSyntax ReplaceInInterpolation(InterpolatedStringExpressionSyntax interpolated, string from, string to)
    {
        var contents = interpolated.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is InterpolatedStringTextSyntax text)
            {
                var replaced = ReplaceToken(text.TextToken.ValueText, from, to, atStart: i == 0, atEnd: i == contents.Count - 1);
                if (replaced is not null)
                {
                    return interpolated.ReplaceNode(text, Text(replaced));
                }
            }
        }

        // No bucket token: append the configuration's.
        if (contents.Count > 0 && contents[contents.Count - 1] is InterpolatedStringTextSyntax last)
        {
            return interpolated.ReplaceNode(last, Text(last.TextToken.ValueText + "-" + to));
        }

        return interpolated.AddContents(Text("-" + to));
    }

    private static InterpolatedStringTextSyntax Text(string value) => ResourceNames.InterpolatedText(value);

    /// <summary>
    /// <paramref name="text"/> with its first hyphen-delimited segment <paramref name="from"/> replaced by <paramref name="to"/>;
    /// null when there is none. A text's start or end counts as a delimiter only at the name's start or end.
    /// </summary>
    private static string? ReplaceToken(string text, string from, string to, bool atStart, bool atEnd)
    {
        for (var index = text.IndexOf(from, StringComparison.Ordinal); index >= 0; index = text.IndexOf(from, index + 1, StringComparison.Ordinal))
        {
            var end = index + from.Length;
            var startOk = index == 0 ? atStart : text[index - 1] == '-';
            var endOk = end == text.Length ? atEnd : text[end] == '-';
            if (startOk && endOk)
            {
                return text.Substring(0, index) + to + text.Substring(end);
            }
        }

        return null;
    }

    // ------------------------------------------------------------------ the options

    /// <summary>
    /// The configuration's options: the bucket's options object itself when it is a reference, a copy of its
    /// <c>Protect</c>/<c>Parent</c>/<c>Provider</c> when it is written in place, and <c>Protect = stack == "prod"</c>
    /// when the bucket says nothing of protection.
    /// </summary>
    private static ExpressionSyntax? ConfigurationOptions(ResourceCreation bucket, SemanticModel model, int position, OptionReader options, CancellationToken cancellationToken)
    {
        var written = bucket.OptionsArgument?.Syntax is ArgumentSyntax argument ? argument.Expression : null;
        if (written is not null and not BaseObjectCreationExpressionSyntax)
        {
            return written.WithoutTrivia();
        }

        var kept = new List<ExpressionSyntax>();
        if (written is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && Array.IndexOf(CopiedOptions, name.Identifier.ValueText) >= 0)
                {
                    kept.Add(expression.WithoutTrivia());
                }
            }
        }

        if (!kept.Any(static e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Protect" or "Parent" } }))
        {
            var production = options.Get(SophiaOptions.ProductionStacks);
            var stack = SyntaxEdits.StackNameExpression(model, position, cancellationToken);
            var protect = SyntaxFactory.BinaryExpression(
                SyntaxKind.EqualsExpression,
                stack,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(production.IsDefaultOrEmpty ? "prod" : production[0])));
            kept.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Protect"), protect));
        }

        return SyntaxFactory.ParseExpression(
            "new global::Pulumi.CustomResourceOptions { " + string.Join(", ", kept.Select(static e => e.ToFullString())) + " }");
    }
}
