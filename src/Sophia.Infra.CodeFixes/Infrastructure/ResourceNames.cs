using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Naming;

namespace Sophia.Infra.CodeFixes.Infrastructure;

/// <summary>
/// Choosing a free resource name, the one place every fix that writes a name goes through (the SIA1001/SIA1002 rename, the
/// resources the SIA3001 and SIA2002 fixes insert): the names already given to resources of one type anywhere in the
/// project, in the form <see cref="Analyzers.Values.ResolvedString.ToDisplayString"/> writes them
/// (<c>sophia-{stack}-bucket-logs</c>), and the suffix that makes a wanted name free (<c>""</c>, <c>"-2"</c>, <c>"-3"</c>, ...).
/// Names chosen through one instance are reserved, so a Fix All pass never gives two resources one name.
/// </summary>
public sealed class ResourceNames
{
    private readonly HashSet<string> _taken;

    private ResourceNames(HashSet<string> taken) => _taken = taken;

    /// <summary>
    /// The names of every resource of <paramref name="type"/> created in the project of <paramref name="document"/>, except
    /// the creation at <paramref name="except"/> (the resource being renamed), when given.
    /// </summary>
    public static async Task<ResourceNames> OfTypeAsync(Document document, INamedTypeSymbol type, SyntaxNode? except, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var services = compilation is null ? null : AnalysisServices.For(compilation);
        if (compilation is null || services is null)
        {
            return new ResourceNames(taken);
        }

        // The same type symbol in the project's compilation (the caller's may come from another compilation).
        var wanted = ResourceTypeTokens.FullName(type);
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).DescendantNodes())
            {
                if (node is not BaseObjectCreationExpressionSyntax creation || !MayCreate(creation, type.Name)
                    || (except is not null && except.SyntaxTree.FilePath == tree.FilePath && except.Span == creation.Span))
                {
                    continue;
                }

#pragma warning disable RS1030 // A code fix, not an analyzer: it reads the other files of the project once per fix.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetOperation(creation, cancellationToken) is IObjectCreationOperation operation
                    && operation.Type is INamedTypeSymbol created
                    && ResourceTypeTokens.FullName(created) == wanted
                    && ResourceCreation.TryCreate(operation, services.Symbols, out var resource)
                    && resource.NameArgument is { } name)
                {
                    taken.Add(services.Values.ResolveString(name.Value, cancellationToken).ToDisplayString());
                }
            }
        }

        return new ResourceNames(taken);
    }

    /// <summary>True when a resource of the type already has <paramref name="name"/> (display form).</summary>
    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>
    /// The suffix that makes <paramref name="name"/> (display form) free: empty when it is free, else <c>-2</c>, <c>-3</c>, ...
    /// The resulting name is reserved.
    /// </summary>
    public string ReserveFree(string name)
    {
        var suffix = string.Empty;
        for (var i = 2; _taken.Contains(name + suffix); i++)
        {
            suffix = "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(name + suffix);
        return suffix;
    }

    /// <summary>
    /// The resource-type token of <paramref name="type"/> as the naming rules expect it: the
    /// <c>sophia_infra.resource_type.&lt;type&gt;</c> option of <paramref name="options"/>, else the built-in table.
    /// </summary>
    public static string TypeToken(INamedTypeSymbol type, OptionReader options) =>
        ResourceTypeTokens.For(type, options.GetResourceTypeToken);

    /// <summary><paramref name="name"/> (a string literal or interpolated string) with <paramref name="suffix"/> appended to its text.</summary>
    public static ExpressionSyntax AppendText(ExpressionSyntax name, string suffix)
    {
        if (suffix.Length == 0)
        {
            return name;
        }

        switch (name)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(literal.Token.ValueText + suffix)).WithTriviaFrom(name);
            case InterpolatedStringExpressionSyntax interpolated:
                var contents = interpolated.Contents;
                if (contents.Count > 0 && contents[contents.Count - 1] is InterpolatedStringTextSyntax last)
                {
                    return interpolated.ReplaceNode(last, InterpolatedText(last.TextToken.ValueText + suffix));
                }

                return interpolated.AddContents(InterpolatedText(suffix));
            default:
                return SyntaxFactory.BinaryExpression(
                    SyntaxKind.AddExpression,
                    SyntaxFactory.ParenthesizedExpression(name.WithoutTrivia()),
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suffix))).WithTriviaFrom(name);
        }
    }

    /// <summary>Text of an interpolated string, escaped (braces doubled, quotes and backslashes escaped).</summary>
    public static InterpolatedStringTextSyntax InterpolatedText(string value)
    {
        var escaped = value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
        return SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, escaped, value, default));
    }

    // `new Bucket(...)`, `new Aws.S3.Bucket(...)`, `new global::Pulumi.Aws.S3.Bucket(...)` and `new(...)`: cheap syntactic filter.
    private static bool MayCreate(BaseObjectCreationExpressionSyntax creation, string typeName) => creation switch
    {
        ImplicitObjectCreationExpressionSyntax => true,
        ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type) == typeName,
        _ => false,
    };

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}
