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
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD005 fix "Flush the write cache first": Shutdown starts with
/// <c>device.WriteCache?.Flush(TimeSpan.FromSeconds(30));</c>, so every path flushes whatever the system
/// does; a later flush on the power-off path then finds nothing left to write. An expression-bodied
/// Shutdown becomes a block.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FlushWriteCacheFirstCodeFixProvider))]
[Shared]
public sealed class FlushWriteCacheFirstCodeFixProvider : CodeFixProvider
{
    public const string Title = "Flush the write cache first, whatever the system does";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "SHD005.FlushFirst";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ShutdownSkipsCacheFlushOnRestart);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await FlushFirstAsync(document, diagnostics.Select(d => d.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindShutdown(root, diagnostic.Location.SourceSpan) is not null)
            {
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => FlushFirstAsync(context.Document, new[] { span }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FlushFirstAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var shutdowns = spans.Select(span => FindShutdown(root, span)).OfType<MethodDeclarationSyntax>().Distinct().ToList();
        if (shutdowns.Count == 0)
        {
            return document;
        }

        root = root.ReplaceNodes(shutdowns, (original, _) => WithFlushFirst(original));
        return await EditCleanup.CleanUpAsync(document.WithSyntaxRoot(root), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shutdown with the flush as its first statement.</summary>
    private static MethodDeclarationSyntax WithFlushFirst(MethodDeclarationSyntax shutdown)
    {
        var device = shutdown.ParameterList.Parameters[0].Identifier.ValueText;
        var flush = SyntaxFactory.ExpressionStatement(
            SyntaxFactory.ConditionalAccessExpression(
                SyntaxFactory.ParseExpression(device + ".WriteCache"),
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("Flush")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(HardwareWaitTimeout.AsTimeSpan()))))))
            .WithAdditionalAnnotations(Formatter.Annotation);

        if (shutdown.Body is { } body)
        {
            return shutdown.WithBody(body.WithStatements(body.Statements.Insert(0, flush)));
        }

        var arrow = shutdown.ExpressionBody!;
        StatementSyntax rest = arrow.Expression is ThrowExpressionSyntax thrown
            ? SyntaxFactory.ThrowStatement(thrown.Expression.WithoutTrivia())
            : SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia());
        return shutdown
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithParameterList(shutdown.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
            .WithBody(SyntaxFactory.Block(flush, rest))
            .WithTrailingTrivia(shutdown.SemicolonToken.TrailingTrivia)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The reported Shutdown: the method whose name the diagnostic is on, with one parameter and a body.</summary>
    private static MethodDeclarationSyntax? FindShutdown(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        return root.FindToken(span.Start).Parent is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } shutdown &&
               (shutdown.Body is not null || shutdown.ExpressionBody is not null)
            ? shutdown
            : null;
    }
}
