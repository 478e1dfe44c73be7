using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Sophia.Infra.Analyzers.Values;

/// <summary>
/// Every call of a helper method of the compilation, found on demand (for the rare value that is a helper's parameter, so
/// that nothing is gathered on the common path): the trees whose text names the method are bound where they name it, and
/// each use must be a direct call (<c>Helper(x)</c>, <c>Type.Helper(x)</c>, <c>x.Helper()</c> for an extension method).
/// When a use is anything else (a method group handed on as a delegate, <c>nameof</c>, code that does not bind) or the
/// method can be called without naming it (virtual, abstract, an override, an interface member), the calls are not all
/// known and the answer is null: the caller then treats the parameter as unknown.
/// </summary>
public static class CallSites
{
    /// <summary>
    /// The calls of <paramref name="method"/> in <paramref name="compilation"/> (an empty list when it is never called), or
    /// null when they cannot all be known. <paramref name="anchor"/> is any semantic model of the compilation (the other
    /// trees' models come from <see cref="ValueResolver.ModelOf"/>).
    /// </summary>
    public static List<IInvocationOperation>? Find(IMethodSymbol method, Compilation compilation, ValueResolver values, SemanticModel anchor, CancellationToken cancellationToken)
    {
        method = Definition(method);
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.DeclaringSyntaxReferences.Length == 0
            || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
            || !method.ExplicitInterfaceImplementations.IsEmpty
            || ImplementsAnInterfaceMember(method))
        {
            return null;
        }

        var name = method.Name;
        var calls = new List<IInvocationOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IdentifierText.Occurs(tree.GetText(cancellationToken).ToString(), name))
            {
                continue;
            }

            var model = values.ModelOf(tree, anchor);
            if (model is null)
            {
                return null;
            }

            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not SimpleNameSyntax simple || simple.Identifier.ValueText != name || !RefersTo(model.GetSymbolInfo(simple, cancellationToken), method, out var certain))
                {
                    continue;
                }

                if (!certain
                    || InvocationOf(simple) is not { } invocation
                    || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                    || !SymbolEqualityComparer.Default.Equals(Definition(operation.TargetMethod), method))
                {
                    return null;
                }

                calls.Add(operation);
            }
        }

        return calls;
    }

    /// <summary>The argument a call passes for <paramref name="parameter"/> (a parameter of the called method's definition); null when there is none.</summary>
    public static IArgumentOperation? ArgumentFor(IInvocationOperation call, IParameterSymbol parameter)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } bound && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, parameter.OriginalDefinition))
            {
                return argument;
            }
        }

        return null;
    }

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>True when the name binds to <paramref name="method"/>; <paramref name="certain"/> is false when it only may (a candidate).</summary>
    private static bool RefersTo(SymbolInfo info, IMethodSymbol method, out bool certain)
    {
        certain = true;
        if (info.Symbol is IMethodSymbol symbol)
        {
            return SymbolEqualityComparer.Default.Equals(Definition(symbol), method);
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is IMethodSymbol candidateMethod && SymbolEqualityComparer.Default.Equals(Definition(candidateMethod), method))
            {
                certain = false;
                return true;
            }
        }

        return false;
    }

    /// <summary>The invocation whose callee is <paramref name="name"/> (<c>M(...)</c>, <c>x.M(...)</c>, <c>x?.M(...)</c>); null for any other use.</summary>
    private static InvocationExpressionSyntax? InvocationOf(SimpleNameSyntax name)
    {
        ExpressionSyntax callee = name.Parent switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
            MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
            _ => name,
        };

        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
    }

    private static bool ImplementsAnInterfaceMember(IMethodSymbol method)
    {
        if (method.IsStatic || method.MethodKind == MethodKind.LocalFunction || method.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
