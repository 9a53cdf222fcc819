using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// Adds an override of a driver callback the driver does not declare (<c>Shutdown</c>, <c>Remove</c>):
/// right after a sibling callback the driver declares (in whichever partial declaration holds it, with
/// its parameter name and type), else at the end of the reported declaration with a parameter named
/// <c>device</c>; laid out like the code around it. "Map Shutdown to Remove" (SHD001, SHD003, SHD004) and
/// "stop it in Shutdown" (SHD003, SHD004) both add their Shutdown through it.
/// </summary>
internal sealed class CallbackOverride
{
    private const string DefaultParameterName = "device";

    private CallbackOverride(string callback, TypeDeclarationSyntax target, MethodDeclarationSyntax? sibling, ITypeSymbol deviceType, IMethodSymbol? inherited)
    {
        Callback = callback;
        Target = target;
        Sibling = sibling;
        DeviceType = deviceType;
        Inherited = inherited;
    }

    /// <summary>The callback to add: <c>Shutdown</c>, <c>Remove</c>.</summary>
    public string Callback { get; }

    /// <summary>The declaration that receives it: the one holding <see cref="Sibling"/>, else the reported one.</summary>
    public TypeDeclarationSyntax Target { get; }

    /// <summary>The driver's own callback the new one goes right after, and whose parameter it copies.</summary>
    public MethodDeclarationSyntax? Sibling { get; }

    /// <summary>TDevice of the driver's <c>Driver&lt;TDevice&gt;</c>, in the driver's own terms (a type parameter for generic drivers).</summary>
    public ITypeSymbol DeviceType { get; }

    /// <summary>A base's override the new one replaces (not the bus API's empty one): the new body may call it with <c>base.</c>.</summary>
    public IMethodSymbol? Inherited { get; }

    /// <summary>
    /// Where an override of <paramref name="callback"/> goes in <paramref name="driver"/>, after its own
    /// <paramref name="sibling"/> callback if it declares one; null when adding it would not compile
    /// (the driver already declares a member of that name and signature, or a base sealed the callback).
    /// </summary>
    public static CallbackOverride? TryCreate(INamedTypeSymbol driver, TypeDeclarationSyntax reported, DriverModelSymbols symbols, string callback, string? sibling)
    {
        if (symbols.GetDriverBase(driver) is not { } driverBase ||
            DriverModelSymbols.GetCallback(driverBase, callback) is not { } apiCallback)
        {
            return null;
        }

        var deviceType = driverBase.TypeArguments[0];
        var inherited = DriverModelSymbols.FindOverride(driver, apiCallback);
        if (inherited is { IsSealed: true } || HasMemberWithCallbackSignature(driver, callback, deviceType) ||
            (inherited is not null && SymbolEqualityComparer.Default.Equals(inherited.ContainingType.OriginalDefinition, driver.OriginalDefinition)))
        {
            return null;
        }

        if (sibling is not null &&
            DriverModelSymbols.FindDeclaredCallback(driver, driverBase, sibling) is { } siblingOverride &&
            siblingOverride.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax holder } declared &&
            declared.ParameterList.Parameters.Count == 1)
        {
            return new CallbackOverride(callback, holder, declared, deviceType, inherited);
        }

        return new CallbackOverride(callback, reported, sibling: null, deviceType, inherited);
    }

    /// <summary>The parameter name the new callback gets: its sibling's, else <c>device</c>.</summary>
    public SyntaxToken ParameterName =>
        Sibling?.ParameterList.Parameters[0].Identifier.WithoutTrivia() ?? SyntaxFactory.Identifier(DefaultParameterName);

    /// <summary>
    /// Adds <c>public override void Callback(TDevice device)</c> whose body is <paramref name="statements"/>:
    /// one statement gets an expression body or a block as the code around it is written, several a block.
    /// </summary>
    public Task<Solution> AddAsync(Solution solution, IReadOnlyList<ExpressionSyntax> statements, CancellationToken cancellationToken) =>
        AddAllAsync(solution, new[] { new Addition(this, statements) }, cancellationToken);

    /// <summary>
    /// Makes every addition, each document edited once and cleaned up with the others
    /// (<see cref="OnePassEdits"/>), so FixAll builds one compilation, not one per driver. Gives what
    /// adding them one by one gives, as each is computed from the original code.
    /// </summary>
    public static async Task<Solution> AddAllAsync(Solution solution, IEnumerable<Addition> additions, CancellationToken cancellationToken)
    {
        var edits = new OnePassEdits();
        foreach (var addition in additions)
        {
            await addition.Override.PlanAsync(solution, edits, addition.Statements, cancellationToken).ConfigureAwait(false);
        }

        return await edits.ApplyAsync(solution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans adding <c>public override void Callback(TDevice device)</c> with <paramref name="statements"/>
    /// as its body into <paramref name="edits"/>, where other edits of the same documents may be planned;
    /// nothing when the declaration already gets a member from another plan.
    /// </summary>
    public async Task PlanAsync(Solution solution, OnePassEdits edits, IReadOnlyList<ExpressionSyntax> statements, CancellationToken cancellationToken)
    {
        if (solution.GetDocument(Target.SyntaxTree) is not { } document ||
            await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } semanticModel)
        {
            return;
        }

        var newLine = LineEndings.Detect(await Target.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false)) ?? "\n";
        var method = MemberInsertion.SpacedLike(Create(document, semanticModel, statements), Target, newLine).WithAdditionalAnnotations(edits.Written);
        edits.TryReplace(Target, rewritten => Insert(Target, (TypeDeclarationSyntax)rewritten, Sibling, method, edits.Written));
    }

    /// <summary>
    /// <paramref name="rewritten"/> (the target declaration, its nested types already edited) with
    /// <paramref name="method"/> right after <paramref name="sibling"/>, else as its last member.
    /// </summary>
    private static TypeDeclarationSyntax Insert(
        TypeDeclarationSyntax original, TypeDeclarationSyntax rewritten, MethodDeclarationSyntax? sibling, MethodDeclarationSyntax method, SyntaxAnnotation added)
    {
        var siblingIndex = sibling is null ? -1 : original.Members.IndexOf(sibling);
        return siblingIndex >= 0
            ? rewritten.WithMembers(rewritten.Members.Insert(siblingIndex + 1, method))
            : MemberInsertion.Append(rewritten, method, added);
    }

    private MethodDeclarationSyntax Create(Document document, SemanticModel semanticModel, IReadOnlyList<ExpressionSyntax> statements)
    {
        var parameter = Sibling?.ParameterList.Parameters[0];
        var parameterType = parameter?.Type?.WithoutTrivia()
            ?? SyntaxFactory.ParseTypeName(DeviceType.ToMinimalDisplayString(semanticModel, Target.CloseBraceToken.SpanStart));

        var method = SyntaxFactory.MethodDeclaration(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)),
                SyntaxFactory.Identifier(Callback))
            .WithModifiers(SyntaxFactory.TokenList(
                SyntaxFactory.Token(SyntaxKind.PublicKeyword),
                SyntaxFactory.Token(SyntaxKind.OverrideKeyword)))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Parameter(ParameterName).WithType(parameterType))));

        method = statements.Count == 1
            ? MethodBodyStyle.WithCallBody(method, statements[0], MethodBodyStyle.PrefersExpressionBody(document, Target, Sibling))
            : method.WithBody(SyntaxFactory.Block(statements.Select(statement => SyntaxFactory.ExpressionStatement(statement))));
        return method.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }

    /// <summary>
    /// A member of that name the new override would clash with: a <c>new</c> method of the callback's
    /// signature, or anything that is not a method (a property, a nested type).
    /// </summary>
    private static bool HasMemberWithCallbackSignature(INamedTypeSymbol driver, string callback, ITypeSymbol deviceType) =>
        driver.GetMembers(callback).Any(member =>
            member is not IMethodSymbol method || IsCallbackSignature(method, deviceType));

    public static bool IsCallbackSignature(IMethodSymbol method, ITypeSymbol deviceType) =>
        method.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, deviceType);

    /// <summary>One override to add and the statements of its body.</summary>
    public sealed class Addition
    {
        public Addition(CallbackOverride callbackOverride, IReadOnlyList<ExpressionSyntax> statements)
        {
            Override = callbackOverride;
            Statements = statements;
        }

        public CallbackOverride Override { get; }

        public IReadOnlyList<ExpressionSyntax> Statements { get; }
    }
}
