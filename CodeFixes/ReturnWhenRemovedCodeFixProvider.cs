using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD008 fix "Return early when the device is no longer added": puts
/// <c>if (!device.IsAdded) { return PciErsResult.Disconnect; }</c> (<c>return;</c> in ResumeAfterError)
/// at the top of the error handler, so nothing after it — the handler's own tests, or a helper's —
/// runs for a device a racing removal has taken off the bus. It works wherever the proxy test is, in
/// the handler or in what it calls; an expression-bodied handler becomes a block. One guard per
/// handler, however many diagnostics it has.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnWhenRemovedCodeFixProvider))]
[Shared]
public sealed class ReturnWhenRemovedCodeFixProvider : CodeFixProvider
{
    public const string Title = "Return early when the device is no longer added";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD008.ReturnWhenRemoved";

    /// <summary>The vote of a handler that gives the device up (<c>PCI_ERS_RESULT_DISCONNECT</c>).</summary>
    private const string Disconnect = "Disconnect";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RecoveryTestsBoundDriver);

    /// <summary>Guards each handler holding a diagnostic once, as fixing them one by one would.</summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var handlers = diagnostics
                .Select(diagnostic => FindHandler(root, diagnostic.Location.SourceSpan))
                .OfType<MethodDeclarationSyntax>()
                .Distinct()
                .ToList();
            return await GuardAsync(document, root, handlers, context.CancellationToken).ConfigureAwait(false);
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindHandler(root, diagnostic.Location.SourceSpan) is { } handler)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => GuardAsync(document, root, new[] { handler }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> GuardAsync(Document document, SyntaxNode root, IReadOnlyCollection<MethodDeclarationSyntax> handlers, CancellationToken cancellationToken)
    {
        var newLine = LineEndings.Detect(root);
        var added = new SyntaxAnnotation();
        var newRoot = root.ReplaceNodes(handlers, (original, _) => Guard(original, added, newLine ?? "\n"));
        var changed = document.WithSyntaxRoot(newRoot);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await LineEndings.MatchAsync(changed, added, newLine, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The handler holding the diagnostic, when it has a body the guard can go into and one device parameter to test.</summary>
    private static MethodDeclarationSyntax? FindHandler(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        var handler = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        return handler is { ParameterList.Parameters.Count: > 0 } && (handler.Body is not null || handler.ExpressionBody is not null)
            ? handler
            : null;
    }

    private static MethodDeclarationSyntax Guard(MethodDeclarationSyntax handler, SyntaxAnnotation added, string newLine)
    {
        var device = handler.ParameterList.Parameters[0].Identifier.ValueText;
        if (handler.Body?.Statements.FirstOrDefault() is IfStatementSyntax first && IsRemovalGuard(first, device))
        {
            return handler; // an earlier fix of this handler put it there
        }

        var returnsVoid = handler.ReturnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword);
        var exit = returnsVoid
            ? SyntaxFactory.ReturnStatement()
            : SyntaxFactory.ReturnStatement(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, handler.ReturnType.WithoutTrivia(), SyntaxFactory.IdentifierName(Disconnect)));
        var guard = SyntaxFactory.IfStatement(
                SyntaxFactory.PrefixUnaryExpression(
                    SyntaxKind.LogicalNotExpression,
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(device), SyntaxFactory.IdentifierName("IsAdded"))),
                SyntaxFactory.Block(exit))
            .WithAdditionalAnnotations(Formatter.Annotation, added);

        if (handler.Body is { } body)
        {
            // A blank line between the guard and what was the first statement.
            var statements = body.Statements.Count > 0
                ? body.Statements.Replace(body.Statements[0], body.Statements[0].WithLeadingTrivia(body.Statements[0].GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine))))
                : body.Statements;
            return handler.WithBody(body.WithStatements(statements.Insert(0, guard)));
        }

        // => expression; becomes { guard; return expression; } (or the expression as a statement when void).
        var expression = handler.ExpressionBody!.Expression.WithoutTrivia();
        StatementSyntax rest = returnsVoid ? SyntaxFactory.ExpressionStatement(expression) : SyntaxFactory.ReturnStatement(expression);
        return handler
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithParameterList(handler.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
            .WithBody(SyntaxFactory.Block(guard, rest.WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine))).WithAdditionalAnnotations(Formatter.Annotation, added))
            .WithTrailingTrivia(handler.SemicolonToken.TrailingTrivia)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary><c>if (!device.IsAdded) ...</c>: the guard this fix writes.</summary>
    private static bool IsRemovalGuard(IfStatementSyntax statement, string device) =>
        statement.Condition.WithoutParentheses() is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not &&
        not.Operand.WithoutParentheses() is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsAdded", Expression: IdentifierNameSyntax receiver } &&
        receiver.Identifier.ValueText == device;
}
