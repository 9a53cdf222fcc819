using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD008: a PCI error handler's IsAdded test becomes the stand-in proposed for it in the s390 thread
/// (seed 001): <c>!device.IsAdded</c> → <c>device.Driver is null</c>, <c>device.IsAdded</c> →
/// <c>device.Driver is not null</c>.
/// </summary>
public sealed class ProxyForIsAddedMutation : Mutation
{
    private static readonly HashSet<string> ErrorHandlers = new() { "ErrorDetected", "SlotReset", "ResumeAfterError" };

    public override string RuleId => "SHD008";

    public override string Name => "proxy-for-is-added";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var tests = DriverSyntax.DriverClasses(root, model)
            .SelectMany(type => type.Members.OfType<MethodDeclarationSyntax>())
            .Where(method => ErrorHandlers.Contains(method.Identifier.ValueText) && method.Modifiers.Any(SyntaxKind.OverrideKeyword))
            .SelectMany(method => method.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            .Where(access => access.Name.Identifier.ValueText == "IsAdded" && IsDeviceIsAdded(access, model))
            .Select(access => access.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not ? (ExpressionSyntax)not : access)
            .ToList();
        return tests.Count == 0 ? null : root.ReplaceNodes(tests, (original, _) => Proxy(original));
    }

    private static bool IsDeviceIsAdded(MemberAccessExpressionSyntax access, SemanticModel model) =>
        model.GetSymbolInfo(access).Symbol is IPropertySymbol { ContainingType.Name: "Device" } property &&
        property.ContainingNamespace.ToDisplayString() == "ShutdownAnalyzers.DriverModel";

    /// <summary>The bound-driver test that stands in for <paramref name="test"/>.</summary>
    private static ExpressionSyntax Proxy(ExpressionSyntax test)
    {
        var (access, negated) = test is PrefixUnaryExpressionSyntax not
            ? ((MemberAccessExpressionSyntax)not.Operand, true)
            : ((MemberAccessExpressionSyntax)test, false);
        var pattern = negated ? "null" : "not null";
        return SyntaxFactory.ParseExpression($"({access.Expression.WithoutTrivia()}.Driver is {pattern})").WithTriviaFrom(test);
    }
}
