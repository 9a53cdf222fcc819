using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShutdownAnalyzers.Tests.VerifierTests;

/// <summary>
/// Fixes TST001 by renaming the class <c>Bad</c>: to <c>Good</c> (first action) or to <c>Fine</c> (second),
/// each with its own equivalence key. FixAll is Roslyn's batch fixer.
/// </summary>
public class RenameBadCodeFix : CodeFixProvider
{
    public const string RenameToGoodKey = "RenameToGood";
    public const string RenameToFineKey = "RenameToFine";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(BadClassAnalyzer.BadId);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(CodeAction.Create("Rename to Good", ct => RenameAsync(context.Document, diagnostic, "Good", ct), RenameToGoodKey), diagnostic);
            context.RegisterCodeFix(CodeAction.Create("Rename to Fine", ct => RenameAsync(context.Document, diagnostic, "Fine", ct), RenameToFineKey), diagnostic);
        }

        return Task.CompletedTask;
    }

    internal static async Task<Document> RenameAsync(Document document, Diagnostic diagnostic, string newName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var declaration = root!.FindToken(diagnostic.Location.SourceSpan.Start).Parent!.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().First();
        var renamed = declaration.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(declaration.Identifier));
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, renamed));
    }
}

/// <summary>A FixAll that only fixes the document it starts from, whatever the scope: the verifier must notice.</summary>
public sealed class DocumentOnlyFixAllCodeFix : RenameBadCodeFix
{
    public override FixAllProvider? GetFixAllProvider() => new DocumentOnlyFixAllProvider();

    private sealed class DocumentOnlyFixAllProvider : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var document = fixAllContext.Document!;
            return Task.FromResult<CodeAction?>(CodeAction.Create(
                "Rename every Bad in this document",
                async ct =>
                {
                    var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var solution = document.Project.Solution;
                    foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
                    {
                        var current = solution.GetDocument(document.Id)!;
                        solution = (await RenameAsync(current, diagnostic, "Good", ct).ConfigureAwait(false)).Project.Solution;
                    }

                    return solution;
                },
                fixAllContext.CodeActionEquivalenceKey));
        }
    }
}

/// <summary>Offers a fix that changes nothing, so the diagnostic never goes away.</summary>
public sealed class NoOpCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(BadClassAnalyzer.BadId);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        context.RegisterCodeFix(CodeAction.Create("Do nothing", _ => Task.FromResult(context.Document), "DoNothing"), context.Diagnostics);
        return Task.CompletedTask;
    }
}

/// <summary>Throws while registering its fixes.</summary>
public sealed class ThrowingCodeFix : CodeFixProvider
{
    public const string ExceptionMessage = "Boom: the code fix fell over";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(BadClassAnalyzer.BadId);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException(ExceptionMessage);
}
