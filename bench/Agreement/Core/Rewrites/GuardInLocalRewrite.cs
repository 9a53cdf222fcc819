using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Rewrites;

/// <summary>
/// <c>if (device.Kernel.SystemState == SystemState.PowerOff) …</c> becomes
/// <c>var guard = device.Kernel.SystemState == SystemState.PowerOff; if (guard) …</c>.
/// </summary>
public sealed class GuardInLocalRewrite : Rewrite
{
    public override string Name => "guard-in-local";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var conditions = DriverSyntax.DriverClasses(root, model)
            .SelectMany(type => type.DescendantNodes().OfType<IfStatementSyntax>())
            .Where(statement => statement.Parent is BlockSyntax && statement.Condition is not IdentifierNameSyntax)
            .ToHashSet();
        if (conditions.Count == 0)
        {
            return null;
        }

        var taken = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet();
        return new Hoister(conditions, taken).Visit(root);
    }

    private sealed class Hoister(HashSet<IfStatementSyntax> targets, HashSet<string> taken) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var statements = new List<StatementSyntax>();
            foreach (var statement in node.Statements)
            {
                var visited = (StatementSyntax)Visit(statement)!;
                if (statement is IfStatementSyntax original && targets.Contains(original) && visited is IfStatementSyntax rewritten)
                {
                    var name = FreeName();
                    statements.Add(SyntaxFactory.ParseStatement($"var {name} = {original.Condition.WithoutTrivia().ToFullString()};"));
                    statements.Add(rewritten.WithCondition(SyntaxFactory.IdentifierName(name)));
                }
                else
                {
                    statements.Add(visited);
                }
            }

            return node.WithStatements(SyntaxFactory.List(statements));
        }

        private string FreeName()
        {
            var name = "guard";
            for (var i = 2; !taken.Add(name); i++)
            {
                name = "guard" + i;
            }

            return name;
        }
    }
}
