using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// Puts a blank line before a member a fix adds when the type's members are separated by blank
/// lines. The formatter alone adds one only between some kinds of members, so one-line members
/// would end up glued together in a file that spaces them out.
/// </summary>
internal static class MemberSpacing
{
    public static TMember SpacedLike<TMember>(TMember member, TypeDeclarationSyntax type, string newLine)
        where TMember : MemberDeclarationSyntax =>
        UsesBlankLines(type)
            ? member.WithLeadingTrivia(member.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine)))
            : member;

    /// <summary>True when most members after the first start with an empty line.</summary>
    private static bool UsesBlankLines(TypeDeclarationSyntax type)
    {
        var following = type.Members.Skip(1).ToList();
        return following.Count(StartsWithBlankLine) * 2 > following.Count;
    }

    private static bool StartsWithBlankLine(MemberDeclarationSyntax member) =>
        member.GetLeadingTrivia().SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia);
}
