using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.CodeFixes.Infrastructure;

namespace Sophia.Infra.CodeFixes.Rules.Encryption;

/// <summary>
/// The edits of the SIA3002 and SIA3101 fixes, driven by the properties the analyzer puts on each finding
/// (<see cref="EncryptionFix"/>): replace a wrong value, add missing members to the resource's args (nested blocks and list
/// elements included), or make an HTTP listener's default action a redirect to HTTPS. All findings of a document are
/// applied in one editor pass, so that several fixes in one initializer compose.
/// </summary>
internal static class EncryptionEdits
{
    /// <summary>True when <paramref name="diagnostic"/> carries an edit these fixes can make.</summary>
    public static bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(EncryptionFix.Edit, out var edit)
        && edit is EncryptionFix.Replace or EncryptionFix.Add or EncryptionFix.Redirect or EncryptionFix.AddVersioning;

    private static void WriteVersioning(System.Text.StringBuilder text, Func<int, string, string> line) => text
        .Append(line(1, "VersioningConfiguration = new global::Pulumi.Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs"))
        .Append(line(1, "{"))
        .Append(line(2, "Status = \"Enabled\","))
        .Append(line(1, "},"));

    public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var services = AnalysisServices.For(model.Compilation);
        if (services is null)
        {
            return document;
        }

        var root = editor.OriginalRoot;
        HashSet<string>? newLocals = null;
        ResourceNames? versioningNames = null;
        foreach (var diagnostic in diagnostics.OrderBy(static d => d.Location.SourceSpan.Start))
        {
            if (!diagnostic.Properties.TryGetValue(EncryptionFix.Edit, out var edit) || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (edit)
            {
                case EncryptionFix.Replace:
                    Replace(editor, node, diagnostic, cancellationToken);
                    break;
                case EncryptionFix.Add:
                    AddMembers(editor, node, diagnostic.Properties.TryGetValue(EncryptionFix.Members, out var members) ? members : null, services, cancellationToken);
                    break;
                case EncryptionFix.Redirect:
                    Redirect(editor, node, services, cancellationToken);
                    break;
                case EncryptionFix.AddVersioning when services.Symbols.Get(PulumiType.S3BucketVersioning) is { } versioningType:
                    versioningNames ??= await ResourceNames.OfTypeAsync(document, versioningType, null, cancellationToken).ConfigureAwait(false);
                    BucketCompanionEdits.Insert(
                        editor,
                        node,
                        services,
                        versioningType,
                        new OptionReader(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree), diagnostic.Id),
                        versioningNames,
                        newLocals ??= new HashSet<string>(StringComparer.Ordinal),
                        WriteVersioning,
                        cancellationToken);
                    break;
            }
        }

        return editor.GetChangedDocument();
    }

    // ------------------------------------------------------------------ replace a wrong value

    /// <summary>Replaces the value at <paramref name="node"/> with the finding's <see cref="EncryptionFix.Value"/> (and adds its companion members).</summary>
    internal static void Replace(DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(EncryptionFix.Value, out var text) || text is null || ExpressionAt(node) is not { } value)
        {
            return;
        }

        const string Placeholder = "__sophia_stack__";
        var replacement = SyntaxFactory.ParseExpression(text.Replace(EncryptionFix.StackName, Placeholder));
        var placeholders = replacement.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(static n => n.Identifier.ValueText == Placeholder).ToList();
        if (placeholders.Count > 0)
        {
            var stack = SyntaxEdits.StackNameExpression(editor.SemanticModel, node.SpanStart, cancellationToken);
            replacement = replacement.ReplaceNodes(placeholders, (_, _) => stack);
        }

        editor.ReplaceNode(value, (current, _) => replacement.WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));

        // Companion members (a KMS key with "KMS") go into the initializer that holds the value.
        if (diagnostic.Properties.TryGetValue(EncryptionFix.Members, out var members) && members is not null
            && value.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax owner } }
            && editor.SemanticModel.GetTypeInfo(owner, cancellationToken).Type is { } ownerType)
        {
            editor.ReplaceNode(owner, (current, _) => AddMembers((BaseObjectCreationExpressionSyntax)current, ownerType, members));
        }
    }

    private static ExpressionSyntax? ExpressionAt(SyntaxNode node) => node switch
    {
        ArgumentSyntax argument => argument.Expression,
        ExpressionSyntax expression => expression,
        _ => null,
    };

    // ------------------------------------------------------------------ add missing members

    private static void AddMembers(DocumentEditor editor, SyntaxNode node, string? members, AnalysisServices services, CancellationToken cancellationToken)
    {
        if (members is null || !TryFindArgs(editor.SemanticModel, node, services, cancellationToken, out var resource, out var args, out var argsType))
        {
            return;
        }

        if (args is not null)
        {
            editor.ReplaceNode(args, (current, _) => AddMembers((BaseObjectCreationExpressionSyntax)current, argsType, members));
            return;
        }

        // No args yet (or null): write them.
        var created = AddMembers(NewObject(argsType), argsType, members);
        var existing = ArgsArgument(editor.SemanticModel, resource, services, cancellationToken);
        if (existing is not null)
        {
            editor.ReplaceNode(existing.Expression, created.WithTriviaFrom(existing.Expression));
            return;
        }

        editor.ReplaceNode(resource, (current, _) =>
        {
            var creation = (BaseObjectCreationExpressionSyntax)current;
            var needsName = creation.ArgumentList is { Arguments.Count: > 1 };
            return SyntaxEdits.AddArgument(creation, "args", created, needsName);
        });
    }

    /// <summary>Adds every <c>path=expression</c> line of <paramref name="members"/> where it is not set.</summary>
    private static BaseObjectCreationExpressionSyntax AddMembers(BaseObjectCreationExpressionSyntax creation, ITypeSymbol type, string members)
    {
        foreach (var line in members.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var segments = line.Substring(0, equals).Split('.');
            creation = AddAlongPath(creation, type, segments, 0, line.Substring(equals + 1));
        }

        return creation;
    }

    private static BaseObjectCreationExpressionSyntax AddAlongPath(BaseObjectCreationExpressionSyntax creation, ITypeSymbol type, string[] segments, int index, string value)
    {
        var segment = segments[index];
        var isList = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isList ? segment.Substring(0, segment.Length - 2) : segment;
        var existing = FindMember(creation, name);
        if (index == segments.Length - 1)
        {
            return existing is null ? SetMember(creation, name, SyntaxFactory.ParseExpression(value)) : creation;
        }

        var memberType = MemberType(type, name);
        if (memberType is null)
        {
            return creation;
        }

        if (isList)
        {
            // Every element written in place that lacks the member gets it; an absent list has no element.
            var elements = existing is null ? null : ListElements(existing.Right);
            if (elements is null)
            {
                return creation;
            }

            var items = new List<BaseObjectCreationExpressionSyntax>();
            foreach (var element in elements)
            {
                if (element is BaseObjectCreationExpressionSyntax item)
                {
                    items.Add(item);
                }
            }

            var updated = existing!.Right.ReplaceNodes(items, (_, rewritten) => AddAlongPath(rewritten, memberType, segments, index + 1, value));
            return creation.ReplaceNode(existing, existing.WithRight(updated));
        }

        if (existing is null)
        {
            var nested = AddAlongPath(NewObject(memberType), memberType, segments, index + 1, value);
            return SetMember(creation, name, nested);
        }

        return existing.Right is BaseObjectCreationExpressionSyntax block
            ? creation.ReplaceNode(block, AddAlongPath(block, memberType, segments, index + 1, value))
            : creation;
    }

    /// <summary>
    /// <see cref="SyntaxEdits.SetInitializerMember"/>, keeping a one-line initializer's spacing: the blank before the closing
    /// brace moves from the last member to the brace, so that <c>{ A = 1 }</c> becomes <c>{ A = 1, B = 2 }</c>.
    /// </summary>
    private static BaseObjectCreationExpressionSyntax SetMember(BaseObjectCreationExpressionSyntax creation, string name, ExpressionSyntax value)
    {
        if (creation.Initializer is { } initializer
            && initializer.Expressions.Count > 0
            && initializer.Expressions.SeparatorCount < initializer.Expressions.Count
            && initializer.Expressions.Last() is { } last
            && last.HasTrailingTrivia
            && !last.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia))
        {
            var moved = initializer
                .ReplaceNode(last, last.WithoutTrailingTrivia())
                .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(last.GetTrailingTrivia().AddRange(initializer.CloseBraceToken.LeadingTrivia)));
            creation = creation.WithInitializer(moved);
        }

        return SyntaxEdits.SetInitializerMember(creation, name, value);
    }

    /// <summary>The element expressions of a list written in place (<c>{ a, b }</c>, <c>new[] { ... }</c>, <c>new List&lt;T&gt; { ... }</c>), tracked for editing.</summary>
    private static IReadOnlyList<ExpressionSyntax>? ListElements(ExpressionSyntax list) => list switch
    {
        InitializerExpressionSyntax initializer => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        BaseObjectCreationExpressionSyntax { Initializer: { } initializer, ArgumentList: null or { Arguments.Count: 0 } }
            when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) => initializer.Expressions,
        _ => null,
    };

    private static AssignmentExpressionSyntax? FindMember(BaseObjectCreationExpressionSyntax creation, string name)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var expression in creation.Initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax identifier } assignment && identifier.Identifier.ValueText == name)
            {
                return assignment;
            }
        }

        return null;
    }

    /// <summary>The type a member takes, without its <c>Input&lt;T&gt;</c> / <c>InputList&lt;T&gt;</c> wrapper: what <c>new T { ... }</c> writes.</summary>
    internal static ITypeSymbol? MemberType(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return Unwrap(property.Type);
                }
            }
        }

        return null;
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace is { Name: "Pulumi", ContainingNamespace.IsGlobalNamespace: true }
            && named.Name is "Input" or "InputList")
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    /// <summary><c>new global::Full.Type { }</c>, simplified where it is written.</summary>
    internal static BaseObjectCreationExpressionSyntax NewObject(ITypeSymbol type) =>
        SyntaxFactory.ObjectCreationExpression(TypeSyntaxOf(type))
            .WithArgumentList(null)
            .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression))
            .WithAdditionalAnnotations(Formatter.Annotation);

    internal static TypeSyntax TypeSyntaxOf(ITypeSymbol type) =>
        SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);

    // ------------------------------------------------------------------ HTTP listener: redirect to HTTPS

    private static void Redirect(DocumentEditor editor, SyntaxNode node, AnalysisServices services, CancellationToken cancellationToken)
    {
        if (!TryFindArgs(editor.SemanticModel, node, services, cancellationToken, out _, out var args, out var argsType) || args is null)
        {
            return;
        }

        var actionType = MemberType(argsType, "DefaultActions");
        var redirectType = actionType is null ? null : MemberType(actionType, "Redirect");
        if (actionType is null || redirectType is null)
        {
            return;
        }

        var existing = FindMember(args, "DefaultActions");
        if (existing is not null && ListElements(existing.Right) is null)
        {
            return; // actions built elsewhere: no single edit
        }

        var target = SetMember(SetMember(SetMember(NewObject(redirectType), "Protocol", Literal("HTTPS")), "Port", Literal("443")), "StatusCode", Literal("HTTP_301"));
        var redirect = SetMember(SetMember(NewObject(actionType), "Type", Literal("redirect")), "Redirect", target);
        editor.ReplaceNode(args, (current, _) =>
        {
            var creation = (BaseObjectCreationExpressionSyntax)current;
            var member = FindMember(creation, "DefaultActions");
            if (member is null)
            {
                var actions = SyntaxFactory.InitializerExpression(SyntaxKind.CollectionInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(redirect));
                return SetMember(creation, "DefaultActions", actions);
            }

            // The list written in place keeps its braces and layout; its elements become the one redirect.
            var list = member.Right.DescendantNodesAndSelf().OfType<InitializerExpressionSyntax>().FirstOrDefault();
            if (list is null)
            {
                return creation;
            }

            var elements = list.Expressions.SeparatorCount == list.Expressions.Count && list.Expressions.Count > 0
                ? SyntaxFactory.SeparatedList<ExpressionSyntax>(new SyntaxNodeOrToken[] { redirect, list.Expressions.GetSeparator(list.Expressions.Count - 1) })
                : SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(redirect);
            var first = list.Expressions.Count > 0 ? list.Expressions[0] : null;
            if (first is not null)
            {
                elements = SyntaxFactory.SeparatedList(elements.Select(e => e.WithLeadingTrivia(first.GetLeadingTrivia())), elements.GetSeparators());
            }

            return creation.ReplaceNode(list, list.WithExpressions(elements).WithAdditionalAnnotations(Formatter.Annotation));
        });
    }

    private static LiteralExpressionSyntax Literal(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    // ------------------------------------------------------------------ finding the args

    /// <summary>
    /// The resource creation at or around <paramref name="node"/> and its args creation (followed through a local of the same
    /// file); <paramref name="args"/> is null when the resource has no args (or <c>null</c>). False when the args are elsewhere.
    /// </summary>
    private static bool TryFindArgs(
        SemanticModel model,
        SyntaxNode node,
        AnalysisServices services,
        CancellationToken cancellationToken,
        out BaseObjectCreationExpressionSyntax resource,
        out BaseObjectCreationExpressionSyntax? args,
        out ITypeSymbol argsType)
    {
        resource = null!;
        args = null;
        argsType = null!;
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is not BaseObjectCreationExpressionSyntax candidate
                || model.GetOperation(candidate, cancellationToken) is not IObjectCreationOperation operation)
            {
                continue;
            }

            if (ResourceCreation.TryCreate(operation, services.Symbols, out var creation))
            {
                var parameter = ArgsParameter(operation, services.Symbols);
                if (parameter is null)
                {
                    return false;
                }

                resource = candidate;
                argsType = parameter.Type;
                if (creation.ArgsArgument is null || services.Values.Follow(creation.ArgsArgument.Value, cancellationToken) is { ConstantValue: { HasValue: true, Value: null } })
                {
                    return true;
                }

                args = creation.GetArgsCreation(services.Values, cancellationToken)?.Syntax as BaseObjectCreationExpressionSyntax;
                if (args is null || args.SyntaxTree != model.SyntaxTree)
                {
                    return false;
                }

                argsType = model.GetTypeInfo(args, cancellationToken).Type ?? argsType;
                return true;
            }

            if (services.Symbols.IsOrDerivesFrom(operation.Type, PulumiType.ResourceArgs) && operation.Type is not null)
            {
                // A value inside args written apart from the resource (a local): these args are the ones to edit.
                resource = candidate;
                args = candidate;
                argsType = operation.Type;
                return true;
            }
        }

        return false;
    }

    private static IParameterSymbol? ArgsParameter(IObjectCreationOperation operation, PulumiSymbols symbols)
    {
        if (operation.Constructor is null)
        {
            return null;
        }

        foreach (var parameter in operation.Constructor.Parameters)
        {
            if (symbols.IsOrDerivesFrom(parameter.Type, PulumiType.ResourceArgs))
            {
                return parameter;
            }
        }

        return null;
    }

    private static ArgumentSyntax? ArgsArgument(SemanticModel model, BaseObjectCreationExpressionSyntax resource, AnalysisServices services, CancellationToken cancellationToken)
    {
        if (model.GetOperation(resource, cancellationToken) is IObjectCreationOperation operation
            && ResourceCreation.TryCreate(operation, services.Symbols, out var creation)
            && creation.ArgsArgument?.Syntax is ArgumentSyntax argument)
        {
            return argument;
        }

        return null;
    }
}
