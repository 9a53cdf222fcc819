using System.Collections.Immutable;
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
/// be shutdown in the kexec'ing kernel"). Also reported when the driver has no such callback at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DmaNotStoppedOnRestartAnalyzer : DiagnosticAnalyzer
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

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!DriverModelSymbols.TryCreate(start.Compilation, out var symbols) ||
                QuiesceOnRestartCheck.Create(
                    symbols,
                    starts: effects => effects.EnablesDma,
                    stops: effects => Effect.AnyOf("stops DMA", effects.QuiescesDma, effects.Resets)) is not { } check)
            {
                return;
            }

            start.RegisterSymbolAction(context => check.AnalyzeType(context, Rule), SymbolKind.NamedType);
        });
    }
}
