using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Agreement.Transforms;

/// <summary>Whether code calls a <c>[FlushesCache]</c> member, directly or through methods declared anywhere in the sample.</summary>
public static class CacheFlushCalls
{
    private const int MaxDepth = 4;

    public static bool Reach(SyntaxNode code, SemanticModel model) => Reach(code, model, MaxDepth);

    private static bool Reach(SyntaxNode code, SemanticModel model, int depth) =>
        depth > 0 && code.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call =>
            model.GetSymbolInfo(call).Symbol is IMethodSymbol target
            && (target.GetAttributes().Any(a => a.AttributeClass?.Name == "FlushesCacheAttribute")
                || target.DeclaringSyntaxReferences.Any(r =>
                    model.Compilation.ContainsSyntaxTree(r.SyntaxTree)
                    && Reach(r.GetSyntax(), model.Compilation.GetSemanticModel(r.SyntaxTree), depth - 1))));
}
