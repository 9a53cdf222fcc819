using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD009: Probe no longer makes the device link it made (a statement that only calls <c>AddLink</c> or
/// <c>AddAutoRemoveLink</c>), so nothing orders the driver's device before the one it talks to (seed 004).
/// </summary>
public sealed class DropDeviceLinkMutation : Mutation
{
    public override string RuleId => "SHD009";

    public override string Name => "drop-link";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var links = DriverSyntax.DriverClasses(root, model)
            .Select(type => DriverSyntax.Callback(type, DriverSyntax.Probe))
            .OfType<MethodDeclarationSyntax>()
            .SelectMany(probe => probe.DescendantNodes().OfType<ExpressionStatementSyntax>())
            .Where(statement => statement.Parent is BlockSyntax && IsLinkCreation(statement.Expression, model))
            .ToList();
        return links.Count == 0 ? null : root.RemoveNodes(links, SyntaxRemoveOptions.KeepNoTrivia);
    }

    private static bool IsLinkCreation(ExpressionSyntax expression, SemanticModel model) =>
        expression is InvocationExpressionSyntax invocation &&
        model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { ReturnType.Name: "DeviceLink" } method &&
        method.ContainingNamespace.ToDisplayString() == "ShutdownAnalyzers.DriverModel";
}
