using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Rewrites;

/// <summary>Expression-bodied methods of a driver (<c>Shutdown(d) =&gt; Remove(d);</c>) get block bodies.</summary>
public sealed class BlockBodyRewrite : Rewrite
{
    public override string Name => "block-body";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var methods = DriverSyntax.DriverClasses(root, model)
            .SelectMany(type => type.Members.OfType<MethodDeclarationSyntax>())
            .Where(method => method.ExpressionBody is not null)
            .ToList();
        return methods.Count == 0 ? null : root.ReplaceNodes(methods, (original, _) => DriverSyntax.WithBlock(original, DriverSyntax.BodyAsBlock(original)));
    }
}
