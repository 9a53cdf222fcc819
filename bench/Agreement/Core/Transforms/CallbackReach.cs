using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Compilation;

namespace ShutdownAnalyzers.Agreement.Transforms;

/// <summary>
/// What a callback of the sample's fixed drivers runs: the callback and every method of the sample it
/// calls, directly or through others (helpers, the sample's adapter class, <c>Remove</c> called from
/// <c>Shutdown</c>), in the order they are first reached. Drivers under Flawed/ are not roots.
/// </summary>
public static class CallbackReach
{
    /// <summary>The bodies reached from <paramref name="callback"/> of every driver outside Flawed/, callbacks first.</summary>
    public static IReadOnlyList<SyntaxNode> Methods(Microsoft.CodeAnalysis.Compilation compilation, string callback)
    {
        var reached = new List<SyntaxNode>();
        var seen = new HashSet<SyntaxNode>();
        var queue = new Queue<SyntaxNode>();
        foreach (var tree in compilation.SyntaxTrees.Where(tree => !IsFlawed(tree)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var root in DriverSyntax.DriverClasses(tree.GetRoot(), model).Select(type => DriverSyntax.Callback(type, callback)).OfType<MethodDeclarationSyntax>())
            {
                if (seen.Add(root))
                {
                    queue.Enqueue(root);
                }
            }
        }

        while (queue.Count > 0)
        {
            var method = queue.Dequeue();
            reached.Add(method);
            var model = compilation.GetSemanticModel(method.SyntaxTree);
            foreach (var call in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol target)
                {
                    continue;
                }

                foreach (var reference in target.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    if (compilation.ContainsSyntaxTree(reference.SyntaxTree) && !IsFlawed(reference.SyntaxTree)
                        && reference.GetSyntax() is MethodDeclarationSyntax or LocalFunctionStatementSyntax
                        && seen.Add(reference.GetSyntax()))
                    {
                        queue.Enqueue(reference.GetSyntax());
                    }
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// The calls of a bus-API member (one declared in <c>ShutdownAnalyzers.DriverModel</c>) matching
    /// <paramref name="matches"/> that make a whole statement or expression body of a reached method, in reach order.
    /// </summary>
    public static IReadOnlyList<InvocationExpressionSyntax> BusApiCalls(Microsoft.CodeAnalysis.Compilation compilation, string callback, Func<IMethodSymbol, bool> matches) =>
        Methods(compilation, callback)
            .SelectMany(method => OwnCalls(method).Where(call => IsBusApiCall(call, compilation.GetSemanticModel(call.SyntaxTree), matches)))
            .Distinct()
            .ToList();

    /// <summary>True when the bus-API member carries the effect attribute <paramref name="name"/> (e.g. <c>QuiescesDma</c>).</summary>
    public static bool Has(IMethodSymbol method, string name) =>
        method.GetAttributes().Any(a => a.AttributeClass?.Name == name + "Attribute");

    /// <summary>The calls of a method, outside nested local functions and lambdas, that are a statement or the expression body.</summary>
    private static IEnumerable<InvocationExpressionSyntax> OwnCalls(SyntaxNode method) =>
        method.DescendantNodes(node => node == method || node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<InvocationExpressionSyntax>()
            .Where(call => call.Parent is ExpressionStatementSyntax || (call.Parent is ArrowExpressionClauseSyntax arrow && arrow.Parent == method));

    private static bool IsBusApiCall(InvocationExpressionSyntax call, SemanticModel model, Func<IMethodSymbol, bool> matches) =>
        model.GetSymbolInfo(call).Symbol is IMethodSymbol target
        && target.ContainingNamespace.ToDisplayString() == "ShutdownAnalyzers.DriverModel"
        && matches(target);

    private static bool IsFlawed(SyntaxTree tree) =>
        tree.FilePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains(SampleSources.FlawedFolder, StringComparer.Ordinal);
}
