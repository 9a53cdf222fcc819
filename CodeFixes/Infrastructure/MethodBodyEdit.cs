using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// Adds a statement at the start or the end of a method's body. An expression-bodied method
/// (<c>=&gt; Start(device);</c>) becomes a block holding its expression as a statement first.
/// </summary>
internal static class MethodBodyEdit
{
    /// <summary><paramref name="method"/> with <paramref name="statement"/> run before everything else.</summary>
    public static MethodDeclarationSyntax InsertFirst(MethodDeclarationSyntax method, StatementSyntax statement)
    {
        var body = AsBlock(method);
        return body.Method.WithBody(body.Block.WithStatements(body.Block.Statements.Insert(0, Annotated(statement))));
    }

    /// <summary><paramref name="method"/> with <paramref name="statement"/> run after everything else.</summary>
    public static MethodDeclarationSyntax Append(MethodDeclarationSyntax method, StatementSyntax statement)
    {
        var body = AsBlock(method);
        return body.Method.WithBody(body.Block.AddStatements(Annotated(statement)));
    }

    /// <summary>
    /// True when a statement added at the end of the body runs on every path that returns normally: the
    /// body has no <c>return</c> of its own (those of lambdas and local functions do not count) and its
    /// end can be reached.
    /// </summary>
    public static bool EndIsEveryExit(MethodDeclarationSyntax method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (method.ExpressionBody is { } arrow)
        {
            return arrow.Expression is not ThrowExpressionSyntax;
        }

        if (method.Body is not { } block)
        {
            return false;
        }

        var ownReturns = block.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>();
        if (ownReturns.Any())
        {
            return false;
        }

        var statements = block.Statements.Where(s => s is not LocalFunctionStatementSyntax).ToList();
        return statements.Count == 0 ||
               semanticModel.AnalyzeControlFlow(statements[0], statements[statements.Count - 1]) is { Succeeded: true, EndPointIsReachable: true };
    }

    /// <summary>The statement on a line of its own once the formatter has run.</summary>
    private static StatementSyntax Annotated(StatementSyntax statement) =>
        statement
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static (MethodDeclarationSyntax Method, BlockSyntax Block) AsBlock(MethodDeclarationSyntax method)
    {
        if (method.Body is { } existing)
        {
            return (method, existing);
        }

        // => call; becomes { call; }, laid out by the formatter.
        var expression = method.ExpressionBody!.Expression.WithoutTrivia();
        var block = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(expression).WithAdditionalAnnotations(Formatter.Annotation))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var asBlock = method
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithParameterList(method.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
            .WithBody(block)
            .WithTrailingTrivia(method.SemicolonToken.TrailingTrivia)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return (asBlock, block);
    }
}
