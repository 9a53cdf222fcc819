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

    /// <summary>Every driver of the scope gets its stops, each document edited and cleaned up once.</summary>
    public override FixAllProvider GetFixAllProvider() => new OnePassFixAllProvider(
        ("Stop DMA on restart", StopDmaEquivalenceKey, RuleIdentifiers.DmaNotStoppedOnRestart, StopAllAsync),
        ("Free the interrupt on restart", FreeInterruptEquivalenceKey, RuleIdentifiers.InterruptLeftEnabledOnRestart, StopAllAsync));

    /// <summary>The lightbulb's title: "Stop DMA in Shutdown", "Free the interrupt in Remove".</summary>
    public static string Title(string diagnosticId, string callback) =>
        diagnosticId == RuleIdentifiers.DmaNotStoppedOnRestart ? $"Stop DMA in {callback}" : $"Free the interrupt in {callback}";

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } stop)
            {
                var key = diagnostic.Id == RuleIdentifiers.DmaNotStoppedOnRestart ? StopDmaEquivalenceKey : FreeInterruptEquivalenceKey;
                context.RegisterCodeFix(
                    CodeAction.Create(Title(diagnostic.Id, stop.Callback), cancellationToken => OnePassEdits.ApplyAsync(solution, new[] { stop.Plan }, cancellationToken), key),
                    diagnostic);
            }
        }
    }

    /// <summary>Every stop planned against the original code, then all written at once, each document edited once.</summary>
    private static Task<Solution> StopAllAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        OnePassEdits.FixAllAsync(solution, diagnostics, async (document, diagnostic, token) => (await PlanAsync(document, diagnostic, token).ConfigureAwait(false))?.Plan, cancellationToken);

    /// <summary>
    /// The callback that gets the stops fixing <paramref name="diagnostic"/>, and the plan that writes them
    /// there (into the driver's own callback, or as the body of a new override); null when the fix is not offered.
    /// </summary>
    private static async Task<(string Callback, PlanEdits Plan)?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan) ||
            !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols) ||
            !diagnostic.Properties.TryGetValue(MissingQuiesce.CallbackProperty, out var callback) || callback is null ||
            root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not { } reported ||
            reported.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration ||
            semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { } driver ||
            symbols.GetDriverBase(driver) is not { } driverBase)
        {
            return null;
        }

        var stops = Stops(diagnostic.Id, driverBase.TypeArguments[0], symbols);
        if (stops.IsEmpty)
        {
            return null;
        }

        if (reported is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } declared && declared.Identifier.ValueText == callback &&
            (declared.Body is not null || declared.ExpressionBody is not null))
        {
            return (callback, (_, edits, _) =>
            {
                edits.TryReplace(declared, rewritten => Append((MethodDeclarationSyntax)rewritten, stops).WithAdditionalAnnotations(edits.Written));
                return Task.CompletedTask;
            });
        }

        if (reported is ClassDeclarationSyntax &&
            CallbackOverride.TryCreate(driver, declaration, symbols, callback, Sibling(callback)) is { } added)
        {
            var calls = new List<ExpressionSyntax>();
            if (added.Inherited is { IsAbstract: false })
            {
                calls.Add(CallBase(callback, added.ParameterName));
            }

            calls.AddRange(stops.Select(stop => Call(added.ParameterName, stop)));
            return (callback, (solution, edits, token) => added.PlanAsync(solution, edits, calls, token));
        }

        return null;
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

    /// <summary>
    /// <paramref name="callback"/> with <paramref name="stops"/> called at its end (before a final
    /// <c>return;</c>), or at its start when it can return earlier; an expression body becomes a block.
    /// </summary>
    private static MethodDeclarationSyntax Append(MethodDeclarationSyntax callback, ImmutableArray<string> stops)
    {
        var parameter = callback.ParameterList.Parameters[0].Identifier;
        var added = stops.Select(stop => (StatementSyntax)SyntaxFactory.ExpressionStatement(Call(parameter, stop)).WithAdditionalAnnotations(Formatter.Annotation));
        if (callback.ExpressionBody is { } arrow)
        {
            var body = SyntaxFactory.Block(new[] { SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia()) }.Concat(added));
            return callback
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(callback.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithBody(body)
                .WithTrailingTrivia(callback.SemicolonToken.TrailingTrivia)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        var statements = callback.Body!.Statements;
        var finalReturn = statements.LastOrDefault() as ReturnStatementSyntax;
        var earlyReturn = callback.Body.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Any(ret => ret != finalReturn);

        // A callback that can return early (on the restart path, say) would skip stops added at its
        // end: they go first then, where every path runs them.
        var index = earlyReturn ? 0 : finalReturn is { Expression: null } ? statements.Count - 1 : statements.Count;
        return callback.WithBody(callback.Body.WithStatements(statements.InsertRange(index, added)));
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
