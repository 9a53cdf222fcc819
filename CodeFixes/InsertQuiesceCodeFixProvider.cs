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
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD003 and SHD004 fix: writes the missing stop into the callback kexec runs (Shutdown, or Remove under
/// the <c>remove</c> policy) — for DMA <c>device.StopDma(); device.ClearMaster();</c> on a PCI device
/// (the engine first: some hardware ignores the bus-master bit) or <c>device.StopDma();</c> on another
/// memory-mapped device; for an interrupt <c>device.FreeIrq();</c>. The calls go at the end of the
/// driver's own callback (before a final <c>return;</c>), or at its start when it can return earlier;
/// a driver without one gets an override, which
/// first calls the base's when a base overrides it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertQuiesceCodeFixProvider))]
[Shared]
public sealed class InsertQuiesceCodeFixProvider : CodeFixProvider
{
    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by them.</summary>
    public const string StopDmaEquivalenceKey = "StopDmaOnRestart";

    public const string FreeInterruptEquivalenceKey = "FreeInterruptOnRestart";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.DmaNotStoppedOnRestart, RuleIdentifiers.InterruptLeftEnabledOnRestart);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The lightbulb's title: "Stop DMA in Shutdown", "Free the interrupt in Remove".</summary>
    public static string Title(string diagnosticId, string callback) =>
        diagnosticId == RuleIdentifiers.DmaNotStoppedOnRestart ? $"Stop DMA in {callback}" : $"Free the interrupt in {callback}";

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MissingQuiesce.CallbackProperty, out var callback) || callback is null ||
                root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not { } reported ||
                reported.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration ||
                semanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } driver ||
                symbols.GetDriverBase(driver) is not { } driverBase)
            {
                continue;
            }

            var stops = Stops(diagnostic.Id, driverBase.TypeArguments[0], symbols);
            if (stops.IsEmpty)
            {
                continue;
            }

            var title = Title(diagnostic.Id, callback);
            var key = diagnostic.Id == RuleIdentifiers.DmaNotStoppedOnRestart ? StopDmaEquivalenceKey : FreeInterruptEquivalenceKey;
            if (reported is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } declared && declared.Identifier.ValueText == callback &&
                (declared.Body is not null || declared.ExpressionBody is not null))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => AppendAsync(document, declared, stops, cancellationToken), key),
                    diagnostic);
            }
            else if (reported is ClassDeclarationSyntax &&
                     CallbackOverride.TryCreate(driver, declaration, symbols, callback, Sibling(callback)) is { } added)
            {
                var calls = new List<ExpressionSyntax>();
                if (added.Inherited is { IsAbstract: false })
                {
                    calls.Add(CallBase(callback, added.ParameterName));
                }

                calls.AddRange(stops.Select(stop => Call(added.ParameterName, stop)));
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => added.AddAsync(document.Project.Solution, calls, cancellationToken), key),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The bus-API methods to call on the device, in order, for the rule's missing stop; empty when the
    /// device type has none (a SCSI or custom device: there is no generic stop to write).
    /// </summary>
    private static ImmutableArray<string> Stops(string diagnosticId, ITypeSymbol deviceType, DriverModelSymbols symbols)
    {
        var wanted = diagnosticId == RuleIdentifiers.DmaNotStoppedOnRestart
            ? new[] { ("StopDma", symbols.QuiescesDmaAttribute), ("ClearMaster", symbols.QuiescesDmaAttribute) }
            : new[] { ("FreeIrq", symbols.ReleasesAttribute) };
        return wanted
            .Where(stop => stop.Item2 is not null && HasParameterlessMethod(deviceType, stop.Item1, stop.Item2))
            .Select(stop => stop.Item1)
            .ToImmutableArray();
    }

    /// <summary>The new callback goes after the callback that comes before it in a driver: Shutdown after Remove, Remove after Probe.</summary>
    private static string Sibling(string callback) =>
        callback == DriverModelSymbols.Shutdown ? DriverModelSymbols.Remove : DriverModelSymbols.Probe;

    private static async Task<Document> AppendAsync(Document document, MethodDeclarationSyntax callback, ImmutableArray<string> stops, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var parameter = callback.ParameterList.Parameters[0].Identifier;
        var added = stops.Select(stop => (StatementSyntax)SyntaxFactory.ExpressionStatement(Call(parameter, stop)).WithAdditionalAnnotations(Formatter.Annotation));
        MethodDeclarationSyntax changed;
        if (callback.ExpressionBody is { } arrow)
        {
            var body = SyntaxFactory.Block(new[] { SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia()) }.Concat(added));
            changed = callback
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(callback.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithBody(body)
                .WithTrailingTrivia(callback.SemicolonToken.TrailingTrivia)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
        else
        {
            var statements = callback.Body!.Statements;
            var finalReturn = statements.LastOrDefault() as ReturnStatementSyntax;
            var earlyReturn = callback.Body.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>()
                .Any(ret => ret != finalReturn);

            // A callback that can return early (on the restart path, say) would skip stops added at its
            // end: they go first then, where every path runs them.
            var index = earlyReturn ? 0 : finalReturn is { Expression: null } ? statements.Count - 1 : statements.Count;
            changed = callback.WithBody(callback.Body.WithStatements(statements.InsertRange(index, added)));
        }

        var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        if (LineEndings.Detect(root) is { } newLine)
        {
            options = options.WithChangedOption(FormattingOptions.NewLine, newLine);
        }

        return await Formatter.FormatAsync(document.WithSyntaxRoot(root.ReplaceNode(callback, changed)), Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax Call(SyntaxToken device, string method) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(device.WithoutTrivia()),
                SyntaxFactory.IdentifierName(method)));

    private static InvocationExpressionSyntax CallBase(string callback, SyntaxToken device) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.BaseExpression(), SyntaxFactory.IdentifierName(callback)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(device.WithoutTrivia())))));

    /// <summary>
    /// The device type (or, for a type parameter, one of its constraints) has a public parameterless
    /// instance method <paramref name="name"/> carrying <paramref name="attribute"/>.
    /// </summary>
    private static bool HasParameterlessMethod(ITypeSymbol deviceType, string name, INamedTypeSymbol attribute) =>
        SelfAndBases(deviceType).Any(type => type.GetMembers(name).OfType<IMethodSymbol>().Any(method =>
            method is { IsStatic: false, Parameters.Length: 0, DeclaredAccessibility: Accessibility.Public } &&
            method.GetAttributes().Any(data => SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))));

    private static IEnumerable<ITypeSymbol> SelfAndBases(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            foreach (var constraint in parameter.ConstraintTypes.SelectMany(SelfAndBases))
            {
                yield return constraint;
            }

            yield break;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
