using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Bench.CallResolvingFloor;

/// <summary>
/// Resolves the method of every call in the source from its syntax (<c>GetSymbolInfo</c>) and does
/// nothing with it: the least a rule costs that finds the calls a callback makes without building
/// operations or control-flow graphs. Set beside the body-reading floor (<c>ReadsEveryBodyAnalyzer</c>),
/// it says what reading bodies as syntax instead of operations would save.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResolvesEveryCallAnalyzer : FloorAnalyzer
{
    public ResolvesEveryCallAnalyzer()
        : base("FLOOR002", "call-resolving")
    {
    }

    protected override void RegisterWork(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(
            static node => _ = node.SemanticModel.GetSymbolInfo(node.Node, node.CancellationToken),
            SyntaxKind.InvocationExpression);
}
