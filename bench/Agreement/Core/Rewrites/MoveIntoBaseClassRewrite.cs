using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShutdownAnalyzers.Agreement.Transforms;

namespace ShutdownAnalyzers.Agreement.Rewrites;

/// <summary>
/// A driver's behaviour moves into an abstract base class of its own (<c>LpfcDriverBase : PciDriver</c>),
/// and the driver keeps only what identifies it (Name, IdTable, CompatibleIds).
/// </summary>
public sealed class MoveIntoBaseClassRewrite : Rewrite
{
    private static readonly HashSet<string> IdentityMembers = new() { "Name", "IdTable", "CompatibleIds" };

    public override string Name => "base-class";

    public override SyntaxNode? Apply(SyntaxNode root, SemanticModel model)
    {
        var drivers = DriverSyntax.DriverClasses(root, model)
            .Where(type => type.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax
                && type.BaseList is { Types.Count: 1 }
                && !type.Modifiers.Any(SyntaxKind.AbstractKeyword)
                && !type.Members.OfType<ConstructorDeclarationSyntax>().Any()
                && type.Members.Any(member => !IsIdentity(member)))
            .ToList();
        if (drivers.Count == 0)
        {
            return null;
        }

        // Each driver is found again by name in the tree being rewritten, and replaced by its base and itself.
        var rewritten = root;
        foreach (var name in drivers.Select(driver => driver.Identifier.ValueText).Distinct())
        {
            var driver = rewritten.DescendantNodes().OfType<ClassDeclarationSyntax>().First(type => type.Identifier.ValueText == name);
            var baseName = name + "Base";
            rewritten = rewritten.ReplaceNode(driver, new SyntaxNode[] { BaseFor(driver, baseName), DerivedFrom(driver, baseName) });
        }

        return rewritten;
    }

    private static bool IsIdentity(MemberDeclarationSyntax member) =>
        member is PropertyDeclarationSyntax property && IdentityMembers.Contains(property.Identifier.ValueText);

    /// <summary>The abstract base that takes <paramref name="driver"/>'s behaviour.</summary>
    private static ClassDeclarationSyntax BaseFor(ClassDeclarationSyntax driver, string baseName) =>
        SyntaxFactory.ClassDeclaration(baseName)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword), SyntaxFactory.Token(SyntaxKind.AbstractKeyword)))
            .WithBaseList(driver.BaseList!.WithoutTrivia())
            .WithMembers(SyntaxFactory.List(driver.Members.Where(member => !IsIdentity(member))));

    private static ClassDeclarationSyntax DerivedFrom(ClassDeclarationSyntax driver, string baseName) =>
        driver
            .WithBaseList(SyntaxFactory.BaseList(SyntaxFactory.SingletonSeparatedList<BaseTypeSyntax>(SyntaxFactory.SimpleBaseType(SyntaxFactory.IdentifierName(baseName)))))
            .WithMembers(SyntaxFactory.List(driver.Members.Where(IsIdentity)));
}
