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
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD002 fix "Map Shutdown to Remove": replaces the body of a Shutdown that powers off with a call to
/// the driver's Remove (<c>=&gt; Remove(device);</c> or <c>{ Remove(device); }</c>, as the Shutdown was
/// written), the accepted lpfc fix. Offered only when the analyzer found that Remove neither powers
/// off on the restart path nor calls Shutdown back (diagnostic property
/// <see cref="ShutdownPowersOffOnRestartAnalyzer.CanMapToRemoveProperty"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceShutdownWithRemoveCodeFixProvider))]
[Shared]
public sealed class ReplaceShutdownWithRemoveCodeFixProvider : CodeFixProvider
{
    public const string Title = "Map Shutdown to Remove";

    /// <summary>Distinct from SHD001's fix of the same title, which adds a missing Shutdown.</summary>
    public const string EquivalenceKey = "SHD002.MapShutdownToRemove";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ShutdownPowersOffOnRestart);

    /// <summary>Every reported Shutdown of a document once, however many of its calls were reported.</summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await MapToRemoveAsync(document, diagnostics.Where(CanMapToRemove).Select(d => d.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (CanMapToRemove(diagnostic) && FindShutdown(root, diagnostic.Location.SourceSpan) is not null)
            {
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => MapToRemoveAsync(context.Document, new[] { span }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static bool CanMapToRemove(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(ShutdownPowersOffOnRestartAnalyzer.CanMapToRemoveProperty, out var value) && value == "true";

    private static async Task<Document> MapToRemoveAsync(Document document, IEnumerable<Microsoft.CodeAnalysis.Text.TextSpan> spans, CancellationToken cancellationToken)
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

        root = root.ReplaceNodes(shutdowns, (original, _) => ShutdownToRemove.ReplaceBody(original));
        return await Formatter.FormatAsync(document.WithSyntaxRoot(root), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static MethodDeclarationSyntax? FindShutdown(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        var shutdown = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        return shutdown is { ParameterList.Parameters.Count: 1 } && (shutdown.Body is not null || shutdown.ExpressionBody is not null)
            ? shutdown
            : null;
    }
}
