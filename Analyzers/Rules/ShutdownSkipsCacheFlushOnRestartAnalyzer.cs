using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD005: a driver's Shutdown flushes the device's write cache on every path when the system powers
/// off, but not on every path when it restarts: "the next kernel will take care of it" (the ipr fast
/// reboot, seed 000). A volatile cache then loses acknowledged writes to the reset after reboot, or to
/// the next kernel's probe after kexec. A skip that only a non-volatile cache takes
/// (<c>[IndicatesNonVolatileCache]</c>, <c>cache.IsNonVolatile</c>) is fine. Reported on Shutdown.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class ShutdownSkipsCacheFlushOnRestartAnalyzer : DriverTypeAnalyzer
{
    /// <summary>Diagnostic property, with the condition as the additional location: "And" or "Or", how the non-volatile test joins it.</summary>
    internal const string SkipConditionProperty = "SkipCondition";

    internal const string JoinWithAnd = "And";

    internal const string JoinWithOr = "Or";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ShutdownSkipsCacheFlushOnRestart,
        title: "Shutdown skips the write-cache flush on the restart path",
        messageFormat: "Shutdown of {0} flushes the write cache when the system powers off ({1}) but can skip it when the system restarts (kexec, reboot): a volatile cache loses acknowledged writes to the reset that follows; skip the flush only when the cache is non-volatile",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "kexec does not guarantee what comes after it: a reboot resets the device, and the next kernel's probe may reset it too. " +
                     "Skipping the flush of a write cache because the system restarts and \"the next kernel will take care of it\" loses " +
                     "acknowledged writes if the cache is volatile. Skipping it because the cache is non-volatile (cache.IsNonVolatile) is " +
                     "fine and saves the flush time. Flush unconditionally, or skip the flush only when the cache is non-volatile.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ShutdownSkipsCacheFlushOnRestart));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        if (RestartPathAnalysis.Create(symbols, Assumptions.Restart) is not { Effects.FlushesCache: not null } restart ||
            RestartPathAnalysis.Create(symbols, Assumptions.PowerOff) is not { Effects.FlushesCache: not null } powerOff)
        {
            return null;
        }

        return symbolContext =>
        {
            var driverType = (INamedTypeSymbol)symbolContext.Symbol;
            if (symbols.GetDriverBase(driverType) is not { } driverBase ||
                DriverModelSymbols.FindDeclaredCallback(driverType, driverBase, DriverModelSymbols.Shutdown) is not { } shutdown ||
                !restart.HasBody(shutdown))
            {
                return;
            }

            new ShutdownChecker(symbols, restart, powerOff, driverType).Analyze(symbolContext, shutdown);
        };
    }

    /// <summary>The two worlds compared: the device has a volatile write cache, and the system restarts or powers off.</summary>
    private static class Assumptions
    {
        public static readonly PathAssumptions Restart = PathAssumptions.Restart.WithVolatileWriteCache();

        public static readonly PathAssumptions PowerOff = Restart.InSystemState("PowerOff");
    }

    /// <summary>Checks the Shutdown declared in one driver type (abstract bases included): reported where the body is.</summary>
    private sealed class ShutdownChecker
    {
        private readonly DriverModelSymbols symbols;
        private readonly RestartPathAnalysis restart;
        private readonly RestartPathAnalysis powerOff;
        private readonly INamedTypeSymbol driverType;

        public ShutdownChecker(DriverModelSymbols symbols, RestartPathAnalysis restart, RestartPathAnalysis powerOff, INamedTypeSymbol driverType)
        {
            this.symbols = symbols;
            this.restart = restart;
            this.powerOff = powerOff;
            this.driverType = driverType;
        }

        public void Analyze(SymbolAnalysisContext context, IMethodSymbol shutdown)
        {
            var cancellationToken = context.CancellationToken;
            if (!powerOff.AlwaysReaches(shutdown, driverType, powerOff.Effects.FlushesCache!, cancellationToken) ||
                restart.AlwaysReaches(shutdown, driverType, restart.Effects.FlushesCache!, cancellationToken))
            {
                return;
            }

            var flushPath = powerOff.FindEffectPath(shutdown, driverType, powerOff.Effects.FlushesCache!, cancellationToken);
            var location = shutdown.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
            var properties = ImmutableDictionary<string, string?>.Empty;
            var additional = Enumerable.Empty<Location>();
            if (restart.GetControlFlowGraph(shutdown, cancellationToken)?.OriginalOperation is { } body &&
                FindSkipCondition(shutdown, body, cancellationToken) is var (condition, join))
            {
                properties = properties.Add(SkipConditionProperty, join);
                additional = new[] { condition.Syntax.GetLocation() };
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rule, location, additional, properties, driverType.Name, flushPath?.ToString() ?? "Shutdown"));
        }

        /// <summary>
        /// The condition in Shutdown's own body that decides the skip: it reads the system state, and had it
        /// seen a power-off, every restart path would flush and no power-off would become reachable on one.
        /// It gets the non-volatile test with <c>&amp;&amp;</c> when it is false on power-off (true means skip),
        /// with <c>||</c> when it is true on power-off (false means skip). Null when there is none such.
        /// </summary>
        private (IOperation Condition, string Join)? FindSkipCondition(
            IMethodSymbol shutdown, IOperation body, CancellationToken cancellationToken)
        {
            var restartPowersOff = restart.Effects.PowersOff is { } powersOff &&
                                   restart.FindEffectPath(shutdown, driverType, powersOff, cancellationToken) is not null;
            foreach (var conditional in body.DescendantsAndSelf().OfType<IConditionalOperation>())
            {
                var condition = conditional.Condition;
                if (IsInNestedFunction(conditional) || !condition.DescendantsAndSelf().Any(restart.ReadsSystemState) ||
                    powerOff.Evaluate(condition).AsBoolean is not { } onPowerOff)
                {
                    continue;
                }

                var seenAsPowerOff = RestartPathAnalysis.Create(symbols, Assumptions.Restart.WithSystemStateWithin(condition.Syntax, "PowerOff"));
                if (seenAsPowerOff is null ||
                    !seenAsPowerOff.AlwaysReaches(shutdown, driverType, seenAsPowerOff.Effects.FlushesCache!, cancellationToken) ||
                    (!restartPowersOff && seenAsPowerOff.Effects.PowersOff is { } newlyPowersOff &&
                     seenAsPowerOff.FindEffectPath(shutdown, driverType, newlyPowersOff, cancellationToken) is not null))
                {
                    continue;
                }

                return (condition, onPowerOff ? JoinWithOr : JoinWithAnd);
            }

            return null;
        }

        private static bool IsInNestedFunction(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
