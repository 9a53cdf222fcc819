using System.Threading;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// Whether "Map Shutdown to Remove" (<c>Shutdown(device) =&gt; Remove(device)</c>, the accepted lpfc fix)
/// is a fix for a driver: the rules that offer it put the answer in their diagnostic's properties.
/// </summary>
internal static class ShutdownToRemoveMapping
{
    /// <summary>Diagnostic property: "true" when Shutdown can be mapped to the driver's Remove.</summary>
    public const string CanMapToRemoveProperty = "CanMapToRemove";

    /// <summary>
    /// True when the driver overrides Remove in source and that Remove, on the restart path, neither
    /// powers off nor calls Shutdown back (which would recurse for ever), and reaches
    /// <paramref name="required"/> when one is given (the stop the driver's Shutdown is missing).
    /// </summary>
    public static bool CanMapToRemove(
        RestartPathAnalysis analysis, INamedTypeSymbol driverType, INamedTypeSymbol driverBase, Effect? required, CancellationToken cancellationToken)
    {
        if (DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Remove) is not { } apiRemove ||
            DriverModelSymbols.FindOverride(driverType, apiRemove) is not { DeclaringSyntaxReferences.IsEmpty: false } remove ||
            DriverModelSymbols.GetCallback(driverBase, DriverModelSymbols.Shutdown) is not { } apiShutdown)
        {
            return false;
        }

        return (analysis.Effects.PowersOff is not { } powersOff || analysis.FindEffectPath(remove, driverType, powersOff, cancellationToken) is null) &&
               analysis.FindEffectPath(remove, driverType, new CallsMethodEffect(apiShutdown), cancellationToken) is null &&
               (required is null || analysis.FindEffectPath(remove, driverType, required, cancellationToken) is not null);
    }
}
