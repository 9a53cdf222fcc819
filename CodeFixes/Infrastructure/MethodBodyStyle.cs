using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>Whether a method a fix writes gets an expression body or a block, chosen like the code around it.</summary>
internal static class MethodBodyStyle
{
    private const string ExpressionBodiedMethodsOption = "csharp_style_expression_bodied_methods";

    /// <summary>
    /// True for <c>=&gt; call;</c>. In order: the style of <paramref name="model"/> (the method the new
    /// one mirrors) when given; else the style most methods of <paramref name="type"/> use; else
    /// <c>csharp_style_expression_bodied_methods</c> from .editorconfig; else an expression body.
    /// </summary>
    public static bool PrefersExpressionBody(Document document, TypeDeclarationSyntax type, MethodDeclarationSyntax? model)
    {
        if (model is not null && (model.ExpressionBody is not null || model.Body is not null))
        {
            return model.ExpressionBody is not null;
        }

        var methods = type.Members.OfType<MethodDeclarationSyntax>().ToList();
        var expressionBodied = methods.Count(method => method.ExpressionBody is not null);
        var blockBodied = methods.Count(method => method.Body is not null);
        if (expressionBodied != blockBodied)
        {
            return expressionBodied > blockBodied;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(type.SyntaxTree);
        if (options.TryGetValue(ExpressionBodiedMethodsOption, out var value))
        {
            return !value.Split(':')[0].Trim().Equals("false", System.StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }

    /// <summary>A method body that is the single <paramref name="call"/>, in the chosen style.</summary>
    public static MethodDeclarationSyntax WithCallBody(MethodDeclarationSyntax method, ExpressionSyntax call, bool expressionBody) =>
        expressionBody
            ? method
                .WithBody(null)
                .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(call))
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            : method
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(call)));
}
