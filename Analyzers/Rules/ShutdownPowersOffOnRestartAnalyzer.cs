using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD002: a driver's Shutdown, or anything it calls in the same compilation, powers the hardware off
/// (a <c>[PowersOff]</c> call, <c>SetPowerState</c> with D3Hot or D3Cold) on a path taken while the
/// system restarts. kexec shows as a restart, and the next kernel cannot take over a device in D3 or a
/// disk spun down. Reported on each call in Shutdown's body that leads there, naming the path.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class ShutdownPowersOffOnRestartAnalyzer : DriverTypeAnalyzer
{
    /// <summary>Diagnostic property: "true" when Shutdown can be mapped to the driver's Remove, which does not power off on restart.</summary>
    internal const string CanMapToRemoveProperty = ShutdownToRemoveMapping.CanMapToRemoveProperty;

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ShutdownPowersOffOnRestart,
        title: "Shutdown powers the hardware off on the restart path",
        messageFormat: "Shutdown of {0} powers the hardware off when the system restarts (kexec): {1}; the next kernel cannot take the device over",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "kexec runs Shutdown and then jumps into the next kernel with no firmware reset in between. A Shutdown that " +
                     "puts the device in D3 or spins a disk down leaves hardware the next kernel cannot take over. Power off only " +
                     "when the system really powers off (device.Kernel.SystemState == SystemState.PowerOff), or map Shutdown to Remove.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ShutdownPowersOffOnRestart));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        if (RestartPathAnalysis.Create(symbols) is not { Effects.PowersOff: { } powersOff } analysis)
        {
            return null;
        }

        return symbolContext =>
        {
            var driverType = (INamedTypeSymbol)symbolContext.Symbol;
            if (symbols.GetDriverBase(driverType) is not { } driverBase ||
                DriverModelSymbols.FindDeclaredCallback(driverType, driverBase, DriverModelSymbols.Shutdown) is not { } shutdown ||
                !analysis.HasBody(shutdown))
            {
                return;
            }

            new ShutdownChecker(analysis, powersOff, driverType, driverBase).Analyze(symbolContext, shutdown);
        };
    }

    /// <summary>Checks the Shutdown declared in one driver type (abstract bases included): reported where the body is.</summary>
    private sealed class ShutdownChecker
    {
        private readonly RestartPathAnalysis analysis;
        private readonly Effect powersOff;
        private readonly INamedTypeSymbol driverType;
        private readonly INamedTypeSymbol driverBase;

        public ShutdownChecker(RestartPathAnalysis analysis, Effect powersOff, INamedTypeSymbol driverType, INamedTypeSymbol driverBase)
        {
            this.analysis = analysis;
            this.powersOff = powersOff;
            this.driverType = driverType;
            this.driverBase = driverBase;
        }

        public void Analyze(SymbolAnalysisContext context, IMethodSymbol shutdown)
        {
            var calls = analysis.FindEffectCalls(shutdown, driverType, powersOff, context.CancellationToken);
            if (calls.IsEmpty)
            {
                return;
            }

            var canMap = ShutdownToRemoveMapping.CanMapToRemove(analysis, driverType, driverBase, required: null, context.CancellationToken);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(CanMapToRemoveProperty, canMap ? "true" : "false");
            foreach (var call in calls)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, call.Call.Syntax.GetLocation(), properties, driverType.Name, call.Path.ToString()));
            }
        }
    }
}
