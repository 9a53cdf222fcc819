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
using Microsoft.CodeAnalysis.Simplification;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers;

/// <summary>
/// SHD001 fix: adds <c>public override void Shutdown(TDevice device) =&gt; Remove(device);</c> to the
/// driver, as the accepted lpfc patch did (<c>.shutdown = lpfc_pci_remove_one</c>). It goes right
/// after the driver's own Remove (in whichever partial declaration holds it), else at the end of the
/// reported declaration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MapShutdownToRemoveCodeFixProvider))]
[Shared]
public sealed class MapShutdownToRemoveCodeFixProvider : CodeFixProvider
{
    public const string Title = "Map Shutdown to Remove";

    /// <summary>Stable across versions: FixAll and <c>dotnet format</c> group the fixes by it.</summary>
    public const string EquivalenceKey = "MapShutdownToRemove";

    private const string DefaultParameterName = "device";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RemoveWithoutShutdown);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null
            || !DriverModelSymbols.TryCreate(semanticModel.Compilation, out var symbols))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is ClassDeclarationSyntax declaration
                && semanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } driver
                && ShutdownMapping.TryCreate(driver, declaration, symbols) is { } mapping)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => AddShutdownAsync(document.Project.Solution, mapping, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Solution> AddShutdownAsync(Solution solution, ShutdownMapping mapping, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(mapping.Target.SyntaxTree);
        if (document is null)
        {
            return solution;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return solution;
        }

        var added = new SyntaxAnnotation();
        var newLine = LineEndings.Detect(root);
        var shutdown = MemberInsertion.SpacedLike(CreateShutdown(document, semanticModel, mapping), mapping.Target, newLine ?? "\n")
            .WithAdditionalAnnotations(added);
        var newRoot = mapping.Remove is { } remove
            ? root.InsertNodesAfter(remove, new[] { shutdown })
            : root.ReplaceNode(mapping.Target, MemberInsertion.Append(mapping.Target, shutdown, added));
        var changed = document.WithSyntaxRoot(newRoot);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await LineEndings.MatchAsync(changed, added, newLine, cancellationToken).ConfigureAwait(false);
        return changed.Project.Solution;
    }

    /// <summary><c>public override void Shutdown(TDevice device) =&gt; Remove(device);</c>, written as the driver's Remove is.</summary>
    private static MethodDeclarationSyntax CreateShutdown(Document document, SemanticModel semanticModel, ShutdownMapping mapping)
    {
        var remove = mapping.Remove;
        var parameter = remove?.ParameterList.Parameters[0];
        var parameterName = parameter?.Identifier.WithoutTrivia() ?? SyntaxFactory.Identifier(DefaultParameterName);
        var parameterType = parameter?.Type?.WithoutTrivia()
            ?? SyntaxFactory.ParseTypeName(mapping.DeviceType.ToMinimalDisplayString(semanticModel, mapping.Target.CloseBraceToken.SpanStart));

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.IdentifierName(DriverModelSymbols.Remove),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.IdentifierName(parameterName)))));

        var method = SyntaxFactory.MethodDeclaration(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)),
                SyntaxFactory.Identifier(DriverModelSymbols.Shutdown))
            .WithModifiers(SyntaxFactory.TokenList(
                SyntaxFactory.Token(SyntaxKind.PublicKeyword),
                SyntaxFactory.Token(SyntaxKind.OverrideKeyword)))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Parameter(parameterName).WithType(parameterType))));

        var expressionBody = MethodBodyStyle.PrefersExpressionBody(document, mapping.Target, remove);
        return MethodBodyStyle.WithCallBody(method, call, expressionBody)
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }

    /// <summary>Where the new Shutdown goes and what it maps to; null when adding it would not compile or not call the override.</summary>
    private sealed class ShutdownMapping
    {
        private ShutdownMapping(TypeDeclarationSyntax target, MethodDeclarationSyntax? remove, ITypeSymbol deviceType)
        {
            Target = target;
            Remove = remove;
            DeviceType = deviceType;
        }

        /// <summary>The declaration that receives Shutdown: the one holding the driver's Remove, else the reported one.</summary>
        public TypeDeclarationSyntax Target { get; }

        /// <summary>The driver's own Remove, when it declares one; Shutdown goes right after it and copies its parameter.</summary>
        public MethodDeclarationSyntax? Remove { get; }

        /// <summary>TDevice of the driver's <c>Driver&lt;TDevice&gt;</c>, in the driver's own terms (a type parameter for generic drivers).</summary>
        public ITypeSymbol DeviceType { get; }

        public static ShutdownMapping? TryCreate(INamedTypeSymbol driver, ClassDeclarationSyntax reported, DriverModelSymbols symbols)
        {
            if (symbols.GetDriverBase(driver) is not { } driverBase
                || DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Remove) is not { } apiRemove
                || DriverModelSymbols.FindOverride(driver, apiRemove) is not { } removeOverride)
            {
                return null;
            }

            var deviceType = driverBase.TypeArguments[0];
            if (HasConflictingShutdown(driver, deviceType) || HidesRemove(driver, deviceType))
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(removeOverride.ContainingType, driver)
                && removeOverride.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax holder } remove
                && remove.ParameterList.Parameters.Count == 1)
            {
                return new ShutdownMapping(holder, remove, deviceType);
            }

            return new ShutdownMapping(reported, remove: null, deviceType);
        }

        /// <summary>A member already named Shutdown that an override of the same signature would clash with (a <c>new</c> Shutdown, a property).</summary>
        private static bool HasConflictingShutdown(INamedTypeSymbol driver, ITypeSymbol deviceType) =>
            driver.GetMembers(DriverModelSymbols.Shutdown).Any(member =>
                member is not IMethodSymbol method || IsCallbackSignature(method, deviceType));

        /// <summary>A <c>new</c> Remove in the driver would capture the <c>Remove(device)</c> call instead of the override.</summary>
        private static bool HidesRemove(INamedTypeSymbol driver, ITypeSymbol deviceType) =>
            driver.GetMembers(DriverModelSymbols.Remove).Any(member =>
                member is IMethodSymbol { IsOverride: false } method && IsCallbackSignature(method, deviceType));

        private static bool IsCallbackSignature(IMethodSymbol method, ITypeSymbol deviceType) =>
            method.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, deviceType);
    }
}
