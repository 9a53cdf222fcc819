using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD010: every <c>TimeSpan</c> Remove passes to a call becomes <c>Timeout.InfiniteTimeSpan</c> — the
/// bound of a wait on the hardware dropped, as nvme's controller shutdown without
/// <c>shutdown_timeout</c>. Remove is what hot-unplug runs against hardware that is gone; a Shutdown
/// that waits for ever has no such twin in the simulator, so it is not mutated.
/// </summary>
public sealed class WaitForeverMutation : Mutation
{
    public override string RuleId => "SHD010";

    public override string Name => "wait-forever";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var timeouts = DriverSyntax.DriverClasses(root, model)
            .Select(type => DriverSyntax.Callback(type, DriverSyntax.Remove))
            .OfType<MethodDeclarationSyntax>()
            .SelectMany(remove => remove.DescendantNodes().OfType<ArgumentSyntax>())
            .Where(argument => IsTimeSpan(model.GetTypeInfo(argument.Expression).ConvertedType))
            .Select(argument => argument.Expression)
            .ToList();
        return timeouts.Count == 0
            ? null
            : root.ReplaceNodes(timeouts, (original, _) => SyntaxFactory.ParseExpression("System.Threading.Timeout.InfiniteTimeSpan").WithTriviaFrom(original));
    }

    private static bool IsTimeSpan(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is { Name: "TimeSpan", ContainingNamespace.Name: "System" };
    }
}
