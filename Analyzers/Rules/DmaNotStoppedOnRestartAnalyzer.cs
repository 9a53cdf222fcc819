using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD003: a driver's Probe, or what it calls, starts DMA or enables bus mastering (<c>[EnablesDma]</c>),
/// and the callback kexec runs — Shutdown, or Remove under the <c>remove</c> policy — reaches no DMA
/// stop, bus-master clear or function reset (<c>[QuiescesDma]</c>, <c>[Resets]</c>) on the restart path.
/// The device then keeps writing into memory the next kernel owns (seed 002: "All devices doing DMA must
/// be shutdown in the kexec'ing kernel"). Also reported when the driver has no such callback at all. A
/// start that follows a <c>[ReservesAcrossKexec]</c> call on every path writes only into memory the next
/// kernel never gets, and needs no stop (the GICv3 ITS, whose DMA cannot be stopped).
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class DmaNotStoppedOnRestartAnalyzer : DriverTypeAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.DmaNotStoppedOnRestart,
        title: "DMA started in Probe is not stopped on the restart path",
        messageFormat: "Driver '{0}' enables DMA in Probe ({1}), but {2} reaches no DMA stop, bus-master clear or function reset when the system restarts: after kexec the device keeps writing into memory the next kernel owns",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "kexec jumps into the next kernel without a firmware reset, and the next kernel reuses the old kernel's memory. " +
                     "A device whose DMA Probe started keeps writing into pages the next kernel now owns unless the driver stops it. " +
                     "The PCI core's clear-master on kexec does not excuse the driver: some hardware ignores the bus-master bit, and " +
                     "other buses have no such step. Stop the DMA in Shutdown (StopDma, ClearMaster, a function reset), or map Shutdown " +
                     "to a Remove that does.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DmaNotStoppedOnRestart));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols) =>
        QuiesceOnRestartCheck.Create(
                symbols,
                starts: effects => effects.EnablesDma,
                stops: effects => Effect.AnyOf("stops DMA", effects.QuiescesDma, effects.Resets),
                startsHarmlessAfter: effects => effects.ReservesAcrossKexec) is { } check
            ? context => check.AnalyzeType(context, Rule)
            : null;
}
