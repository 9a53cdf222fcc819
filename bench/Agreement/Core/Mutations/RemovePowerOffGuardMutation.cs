using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Mutations;

/// <summary>
/// SHD002: a system-state guard in a driver (<c>if (device.Kernel.SystemState == SystemState.PowerOff)</c>)
/// that guards a power-off is dropped and what it guarded runs always — igb's and sd's power-off
/// made unconditional.
/// </summary>
public sealed class RemovePowerOffGuardMutation : Mutation
{
    public override string RuleId => "SHD002";

    public override string Name => "remove-guard";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var guards = DriverSyntax.DriverClasses(root, model)
            .SelectMany(type => type.DescendantNodes().OfType<IfStatementSyntax>())
            .Where(statement => statement.Else is null && statement.Parent is BlockSyntax
                && TestsSystemState(statement.Condition, model) && PowerOffCalls.Reach(statement.Statement, model))
            .ToHashSet();
        return guards.Count == 0 ? null : new Unwrapper(guards).Visit(root);
    }

    private static bool TestsSystemState(ExpressionSyntax condition, SemanticModel model) =>
        condition.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e =>
            model.GetTypeInfo(e).Type is { Name: "SystemState", TypeKind: TypeKind.Enum } type
            && type.ContainingNamespace.ToDisplayString() == "ShutdownAnalyzers.DriverModel");

    /// <summary>Replaces each guard with the statements it guarded.</summary>
    private sealed class Unwrapper(HashSet<IfStatementSyntax> guards) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var statements = new List<StatementSyntax>();
            foreach (var statement in node.Statements)
            {
                if (statement is IfStatementSyntax guard && guards.Contains(guard))
                {
                    var guarded = guard.Statement is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { guard.Statement };
                    statements.AddRange(guarded.Select(s => (StatementSyntax)Visit(s)!));
                }
                else
                {
                    statements.Add((StatementSyntax)Visit(statement)!);
                }
            }

            return node.WithStatements(SyntaxFactory.List(statements));
        }
    }
}
