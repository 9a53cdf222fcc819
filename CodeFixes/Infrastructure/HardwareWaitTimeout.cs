using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// The bound a fix gives a wait on hardware it writes or repairs: 30 seconds, lpfc's mailbox timeout
/// (LPFC_MBOX_TMO), well inside the 120 s after which the hung-task detector reports a blocked task.
/// The fix cannot know the hardware; the value is a start the user tunes.
/// </summary>
internal static class HardwareWaitTimeout
{
    public const int Seconds = 30;

    /// <summary><c>TimeSpan.FromSeconds(30)</c>, with <c>using System;</c> added where needed.</summary>
    public static ExpressionSyntax AsTimeSpan() =>
        SyntaxFactory.ParseExpression("global::System.TimeSpan.FromSeconds(" + Seconds + ")")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary><c>30000</c>, for a timeout given in milliseconds.</summary>
    public static ExpressionSyntax AsMilliseconds() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Seconds * 1000));
}
