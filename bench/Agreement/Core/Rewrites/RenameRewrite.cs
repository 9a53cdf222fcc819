using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Rewrites;

/// <summary>
/// Renames what a driver declares for itself — method parameters (<c>device</c> → <c>theDevice</c>),
/// locals (<c>tables</c> → <c>myTables</c>), private methods (<c>PrepareForPowerOff</c> →
/// <c>PrepareForPowerOffNow</c>) — at every reference, by symbol.
/// </summary>
public sealed class RenameRewrite : Rewrite
{
    public override string Name => "rename";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var names = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        foreach (var method in DriverSyntax.DriverClasses(root, model).SelectMany(type => type.Members.OfType<MethodDeclarationSyntax>()))
        {
            if (model.GetDeclaredSymbol(method) is { DeclaredAccessibility: Accessibility.Private, IsOverride: false } helper)
            {
                names[helper] = method.Identifier.ValueText + "Now";
            }

            foreach (var parameter in method.ParameterList.Parameters)
            {
                if (model.GetDeclaredSymbol(parameter) is { } symbol)
                {
                    names[symbol] = "the" + Capitalized(parameter.Identifier.ValueText);
                }
            }

            foreach (var local in method.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (model.GetDeclaredSymbol(local) is ILocalSymbol symbol)
                {
                    names[symbol] = "my" + Capitalized(local.Identifier.ValueText);
                }
            }
        }

        return names.Count == 0 ? null : new Renamer(model, names).Visit(root);
    }

    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

    private sealed class Renamer(SemanticModel model, Dictionary<ISymbol, string> names) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node) =>
            model.GetSymbolInfo(node).Symbol is { } symbol && names.TryGetValue(symbol.OriginalDefinition, out var name)
                ? node.WithIdentifier(Renamed(node.Identifier, name))
                : base.VisitIdentifierName(node);

        public override SyntaxNode? VisitParameter(ParameterSyntax node)
        {
            var visited = (ParameterSyntax)base.VisitParameter(node)!;
            return model.GetDeclaredSymbol(node) is { } symbol && names.TryGetValue(symbol, out var name)
                ? visited.WithIdentifier(Renamed(node.Identifier, name))
                : visited;
        }

        public override SyntaxNode? VisitVariableDeclarator(VariableDeclaratorSyntax node)
        {
            var visited = (VariableDeclaratorSyntax)base.VisitVariableDeclarator(node)!;
            return model.GetDeclaredSymbol(node) is { } symbol && names.TryGetValue(symbol, out var name)
                ? visited.WithIdentifier(Renamed(node.Identifier, name))
                : visited;
        }

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
            return model.GetDeclaredSymbol(node) is { } symbol && names.TryGetValue(symbol, out var name)
                ? visited.WithIdentifier(Renamed(node.Identifier, name))
                : visited;
        }

        private static SyntaxToken Renamed(SyntaxToken token, string name) => SyntaxFactory.Identifier(token.LeadingTrivia, name, token.TrailingTrivia);
    }
}
