using System.Linq;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>SHD001: a driver that quiesces its hardware in Remove loses its Shutdown, as lpfc had none before 2017.</summary>
public sealed class DropShutdownMutation : Mutation
{
    public override string RuleId => "SHD001";

    public override string Name => "drop-shutdown";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var dropped = DriverSyntax.DriverClasses(root, model)
            .Where(type => DriverSyntax.Callback(type, DriverSyntax.Remove) is not null)
            .Select(type => DriverSyntax.Callback(type, DriverSyntax.Shutdown))
            .OfType<SyntaxNode>()
            .ToList();
        return dropped.Count == 0 ? null : root.RemoveNodes(dropped, SyntaxRemoveOptions.KeepNoTrivia);
    }
}
