using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Rewrites;

/// <summary>
/// The bodies of Shutdown and Remove move into private helpers (<c>ShutdownSteps</c>,
/// <c>RemoveSteps</c>) that the callbacks call.
/// </summary>
public sealed class ExtractHelperRewrite : Rewrite
{
    private static readonly string[] Callbacks = { DriverSyntax.Shutdown, DriverSyntax.Remove };

    public override string Name => "extract-helper";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var replacements = new Dictionary<ClassDeclarationSyntax, ClassDeclarationSyntax>();
        foreach (var type in DriverSyntax.DriverClasses(root, model))
        {
            var rewritten = type;
            foreach (var name in Callbacks)
            {
                if (DriverSyntax.Callback(rewritten, name) is { } callback && (callback.Body is not null || callback.ExpressionBody is not null))
                {
                    rewritten = Extract(rewritten, callback);
                }
            }

            if (rewritten != type)
            {
                replacements[type] = rewritten;
            }
        }

        return replacements.Count == 0 ? null : root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    private static ClassDeclarationSyntax Extract(ClassDeclarationSyntax type, MethodDeclarationSyntax callback)
    {
        var helperName = DriverSyntax.FreeMemberName(type, callback.Identifier.ValueText + "Steps");
        var helper = SyntaxFactory.MethodDeclaration(callback.ReturnType.WithoutTrivia(), helperName)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)))
            .WithParameterList(callback.ParameterList.WithoutTrivia())
            .WithBody(DriverSyntax.BodyAsBlock(callback));
        var arguments = string.Join(", ", callback.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
        var delegating = callback
            .WithBody(null)
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression($"{helperName}({arguments})")))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
        var index = type.Members.IndexOf(callback);
        return type.WithMembers(type.Members.RemoveAt(index).Insert(index, delegating).Insert(index + 1, helper));
    }
}
