using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Agreement.Transforms;

/// <summary>Whether code calls a <c>[PowersOff]</c> member of the bus API, directly or through methods declared in the same file.</summary>
public static class PowerOffCalls
{
    private const int MaxDepth = 4;

    public static bool Reach(SyntaxNode code, SemanticModel model) => Reach(code, model, MaxDepth);

    private static bool Reach(SyntaxNode code, SemanticModel model, int depth) =>
        depth > 0 && code.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call =>
            model.GetSymbolInfo(call).Symbol is IMethodSymbol target
            && (target.GetAttributes().Any(a => a.AttributeClass?.Name == "PowersOffAttribute")
                || target.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == code.SyntaxTree && Reach(r.GetSyntax(), model, depth - 1))));
}
