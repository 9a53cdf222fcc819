using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>Adds a member to a type the way its code is laid out.</summary>
internal static class MemberInsertion
{
    /// <summary>
    /// Puts a blank line before <paramref name="member"/> when the members of <paramref name="type"/>
    /// are separated by blank lines. The formatter alone adds one only between some kinds of members,
    /// so one-line members would end up glued together in a file that spaces them out.
    /// </summary>
    public static TMember SpacedLike<TMember>(TMember member, TypeDeclarationSyntax type, string newLine)
        where TMember : MemberDeclarationSyntax =>
        UsesBlankLines(type)
            ? member.WithLeadingTrivia(member.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine)))
            : member;

    /// <summary>
    /// <paramref name="type"/> with <paramref name="member"/> as its last member. A type without a body
    /// (<c>class C : B;</c>) gets braces, and braces on one line (<c>class C : B { }</c>) are laid out
    /// again, both marked with <paramref name="annotation"/> as well as for the formatter.
    /// </summary>
    public static TypeDeclarationSyntax Append(TypeDeclarationSyntax type, MemberDeclarationSyntax member, SyntaxAnnotation annotation)
    {
        if (type.OpenBraceToken.IsKind(SyntaxKind.None) || type.OpenBraceToken.IsMissing)
        {
            type = type
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(type.SemicolonToken.TrailingTrivia));
        }
        else if (type.Members.Count > 0)
        {
            return type.AddMembers(member);
        }

        return type
            .WithOpenBraceToken(type.OpenBraceToken.WithAdditionalAnnotations(Formatter.Annotation, annotation))
            .WithCloseBraceToken(type.CloseBraceToken.WithAdditionalAnnotations(Formatter.Annotation, annotation))
            .AddMembers(member);
    }

    /// <summary>True when most members after the first start with an empty line.</summary>
    private static bool UsesBlankLines(TypeDeclarationSyntax type)
    {
        var following = type.Members.Skip(1).ToList();
        return following.Count(StartsWithBlankLine) * 2 > following.Count;
    }

    private static bool StartsWithBlankLine(MemberDeclarationSyntax member) =>
        member.GetLeadingTrivia().SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia);
}
