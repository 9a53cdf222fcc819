using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Agreement.Transforms;

/// <summary>How the transforms find drivers and their callbacks in a file.</summary>
public static class DriverSyntax
{
    public const string Probe = "Probe";

    public const string Remove = "Remove";

    public const string Shutdown = "Shutdown";

    /// <summary>Classes deriving from the bus API's <c>Driver&lt;TDevice&gt;</c>, outermost first.</summary>
    public static IReadOnlyList<ClassDeclarationSyntax> DriverClasses(SyntaxNode root, SemanticModel model) =>
        root.DescendantNodes()
            .OfType<ClassDeclarationSyntax>()
            .Where(type => model.GetDeclaredSymbol(type) is { } symbol && IsDriver(symbol))
            .ToList();

    /// <summary>The class's override of the bus API callback <paramref name="name"/>, if it declares one.</summary>
    public static MethodDeclarationSyntax? Callback(ClassDeclarationSyntax type, string name) =>
        type.Members.OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(method => method.Identifier.ValueText == name && method.Modifiers.Any(SyntaxKind.OverrideKeyword));

    public static bool IsDriver(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Driver", Arity: 1 } && current.ContainingNamespace.ToDisplayString() == "ShutdownAnalyzers.DriverModel")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The method's body as a block: an expression body becomes its one statement.</summary>
    public static BlockSyntax BodyAsBlock(MethodDeclarationSyntax method)
    {
        if (method.Body is { } body)
        {
            return body;
        }

        var expression = method.ExpressionBody!.Expression;
        StatementSyntax statement = method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            ? SyntaxFactory.ExpressionStatement(expression)
            : SyntaxFactory.ReturnStatement(expression);
        return SyntaxFactory.Block(statement);
    }

    /// <summary>The method with <paramref name="body"/> as its block body (an expression body is dropped).</summary>
    public static MethodDeclarationSyntax WithBlock(MethodDeclarationSyntax method, BlockSyntax body) =>
        method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);

    /// <summary>A name not yet used by any member of <paramref name="type"/>.</summary>
    public static string FreeMemberName(ClassDeclarationSyntax type, string wanted)
    {
        var taken = new HashSet<string>(type.Members.SelectMany(MemberNames));
        var name = wanted;
        for (var i = 2; taken.Contains(name); i++)
        {
            name = wanted + i;
        }

        return name;
    }

    private static IEnumerable<string> MemberNames(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
        PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        BaseTypeDeclarationSyntax type => new[] { type.Identifier.ValueText },
        _ => System.Array.Empty<string>(),
    };
}
