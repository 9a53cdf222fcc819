using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// "Map Shutdown to Remove", the accepted lpfc fix (<c>.shutdown = lpfc_pci_remove_one</c>), written
/// into a driver: a Shutdown that is <c>Remove(device)</c>. SHD001 adds one, SHD002 replaces a body,
/// SHD003 and SHD004 do either.
/// </summary>
internal static class ShutdownToRemove
{
    /// <summary>
    /// Where a new <c>Shutdown(TDevice device) =&gt; Remove(device)</c> goes (right after the driver's own
    /// Remove), or null when it would not compile or the call would not reach the Remove override (a
    /// <c>new</c> Remove in the driver would take it).
    /// </summary>
    public static CallbackOverride? TryAdd(INamedTypeSymbol driver, TypeDeclarationSyntax reported, DriverModelSymbols symbols)
    {
        if (symbols.GetDriverBase(driver) is not { } driverBase ||
            DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Remove) is not { } apiRemove ||
            DriverModelSymbols.FindOverride(driver, apiRemove) is null ||
            HidesRemove(driver, driverBase.TypeArguments[0]))
        {
            return null;
        }

        return CallbackOverride.TryCreate(driver, reported, symbols, DriverModelSymbols.Shutdown, sibling: DriverModelSymbols.Remove);
    }

    /// <summary><c>Remove(device)</c>, with the device parameter's name.</summary>
    public static InvocationExpressionSyntax CallRemove(SyntaxToken parameterName) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.IdentifierName(DriverModelSymbols.Remove),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.IdentifierName(parameterName.WithoutTrivia())))));

    /// <summary>The same Shutdown with its body replaced by <c>Remove(device)</c>, keeping the body's style.</summary>
    public static MethodDeclarationSyntax ReplaceBody(MethodDeclarationSyntax shutdown)
    {
        var call = CallRemove(shutdown.ParameterList.Parameters[0].Identifier);
        if (shutdown.ExpressionBody is { } arrow)
        {
            return shutdown.WithExpressionBody(arrow.WithExpression(call.WithTriviaFrom(arrow.Expression)));
        }

        var body = shutdown.Body!;
        return shutdown.WithBody(
            SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(call))
                .WithTriviaFrom(body)
                .WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>A <c>new</c> Remove in the driver would capture the <c>Remove(device)</c> call instead of the override.</summary>
    private static bool HidesRemove(INamedTypeSymbol driver, ITypeSymbol deviceType) =>
        driver.GetMembers(DriverModelSymbols.Remove).Any(member =>
            member is IMethodSymbol { IsOverride: false } method && CallbackOverride.IsCallbackSignature(method, deviceType));
}
