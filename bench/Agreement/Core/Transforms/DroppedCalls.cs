using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Agreement.Transforms;

/// <summary>
/// Takes calls out of a file: a call statement in a block goes, one that is the body of an <c>if</c>
/// becomes <c>{ }</c>, and a method whose expression body is the call gets an empty block body.
/// </summary>
public static class DroppedCalls
{
    /// <summary>The file without those of <paramref name="calls"/> that are in it, or null when none is.</summary>
    public static SyntaxNode? Drop(SyntaxNode root, IEnumerable<InvocationExpressionSyntax> calls)
    {
        var here = calls.Where(call => call.SyntaxTree == root.SyntaxTree).ToHashSet();
        return here.Count == 0 ? null : new Dropper(here).Visit(root);
    }

    private sealed class Dropper(HashSet<InvocationExpressionSyntax> calls) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var kept = node.Statements.Where(statement => !IsDropped(statement)).Select(statement => (StatementSyntax)Visit(statement)!);
            return node.WithStatements(SyntaxFactory.List(kept));
        }

        public override SyntaxNode? VisitExpressionStatement(ExpressionStatementSyntax node) =>
            IsDropped(node) ? SyntaxFactory.Block().WithTriviaFrom(node) : base.VisitExpressionStatement(node);

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            node.ExpressionBody?.Expression is InvocationExpressionSyntax call && calls.Contains(call)
                ? DriverSyntax.WithBlock(node, SyntaxFactory.Block())
                : base.VisitMethodDeclaration(node);

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
            node.ExpressionBody?.Expression is InvocationExpressionSyntax call && calls.Contains(call)
                ? node.WithExpressionBody(null).WithSemicolonToken(default).WithBody(SyntaxFactory.Block())
                : base.VisitLocalFunctionStatement(node);

        private bool IsDropped(StatementSyntax statement) =>
            statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } && calls.Contains(call);
    }
}
