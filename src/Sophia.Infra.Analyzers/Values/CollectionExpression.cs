using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>
/// The elements of a C# 12 collection expression (<c>["0.0.0.0/0", "::/0"]</c>), read through its syntax: Roslyn 4.8, which
/// the analyzers target, has no operation for it yet. Only plain elements count; a spread (<c>..other</c>) makes the list unknown.
/// </summary>
internal static class CollectionExpression
{
    public static bool TryGetElements(IOperation operation, out List<IOperation> elements)
    {
        elements = null!;
        if (operation.Syntax is not CollectionExpressionSyntax collection || operation.SemanticModel is not { } model)
        {
            return false;
        }

        elements = new List<IOperation>(collection.Elements.Count);
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax { Expression: { } expression } || model.GetOperation(expression) is not { } value)
            {
                return false;
            }

            elements.Add(value);
        }

        return true;
    }
}
