using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Rewrites;

/// <summary>
/// A guard that ends a void method turns into an early return:
/// <c>if (c) { X; }</c> becomes <c>if (!(c)) { return; } X;</c>.
/// </summary>
public sealed class EarlyReturnRewrite : Rewrite
{
    public override string Name => "early-return";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var bodies = DriverSyntax.DriverClasses(root, model)
            .SelectMany(type => type.Members.OfType<MethodDeclarationSyntax>())
            .Where(method => method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                && method.Body is { Statements: { Count: > 0 } statements } && statements.Last() is IfStatementSyntax { Else: null })
            .Select(method => method.Body!)
            .ToList();
        return bodies.Count == 0 ? null : root.ReplaceNodes(bodies, (original, _) => Inverted(original));
    }

    private static BlockSyntax Inverted(BlockSyntax body)
    {
        var guard = (IfStatementSyntax)body.Statements.Last();
        var negated = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(guard.Condition.WithoutTrivia()));
        var earlyReturn = SyntaxFactory.IfStatement(negated, SyntaxFactory.Block(SyntaxFactory.ReturnStatement()));
        var guarded = guard.Statement is BlockSyntax block ? block.Statements : SyntaxFactory.SingletonList(guard.Statement);
        return body.WithStatements(body.Statements.RemoveAt(body.Statements.Count - 1).Add(earlyReturn).AddRange(guarded));
    }
}
