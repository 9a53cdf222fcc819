using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD004: a driver's Probe, or what it calls, requests an interrupt (<c>[Acquires(Interrupt)]</c>), and
/// the callback kexec runs — Shutdown, or Remove under the <c>remove</c> policy — neither frees, disables
/// nor masks it (<c>[Releases(Interrupt)]</c>, <c>[MasksInterrupt]</c>, <c>[Resets]</c>) on the restart
/// path. A level-triggered line left enabled and asserted fires in the next kernel before anyone handles
/// it, and the CPU never leaves the interrupt (seed 002). Also reported when the driver has no such
/// callback at all.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class InterruptLeftEnabledOnRestartAnalyzer : DriverTypeAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.InterruptLeftEnabledOnRestart,
        title: "Interrupt requested in Probe is left enabled on the restart path",
        messageFormat: "Driver '{0}' requests an interrupt in Probe ({1}), but {2} neither frees, disables nor masks it when the system restarts: a level-triggered interrupt left asserted storms the next kernel after kexec",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "kexec jumps into the next kernel without a firmware reset, and the interrupt controller's enable bits survive it. " +
                     "A level-triggered interrupt the old kernel left enabled stays asserted until its device is serviced, and the next " +
                     "kernel has no handler for it yet: the CPU keeps re-entering the interrupt instead of booting. MSI edges are mostly " +
                     "harmless, and clearing bus mastering silences them, but not INTx. Free, disable or mask the interrupt in Shutdown, " +
                     "or map Shutdown to a Remove that does.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InterruptLeftEnabledOnRestart));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols) =>
        QuiesceOnRestartCheck.Create(
                symbols,
                starts: effects => effects.Acquires("Interrupt"),
                stops: effects => Effect.AnyOf("frees, disables or masks the interrupt", effects.Releases("Interrupt"), effects.MasksInterrupt, effects.Resets)) is { } check
            ? context => check.AnalyzeType(context, Rule)
            : null;
}
