using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Rules;

/// <summary>
/// SHD007: Probe, or what it calls, requests an interrupt (<c>[Acquires(DeviceResource.Interrupt)]</c>)
/// before anything resets the device or masks its interrupt, or enables DMA (<c>[EnablesDma]</c>: bus
/// mastering, an engine) before anything resets it or stops its DMA. After a panic the crash kernel
/// (kexec on panic) runs no shutdown of the old kernel's drivers: its probes meet hardware that is still
/// running, whose pending level interrupt storms as soon as the line is enabled, and whose firmware
/// rejects a fresh initialisation (seed 002). A suggestion: the probe is fine after a cold boot.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = DriverTypeAnalyzer.ShippedByHost)]
public sealed class ProbeStartsDeviceBeforeResetAnalyzer : DriverTypeAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ProbeStartsDeviceBeforeReset,
        title: "Probe starts the device before resetting it",
        messageFormat: "Probe of {0} {1} before any reset or quiesce of the device: {2}; a crash kernel (kexec on panic runs no shutdown) meets the device still running, so its interrupt storms or the probe fails",
        RuleCategories.Lifecycle,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "kexec on panic (kdump) jumps into the crash kernel without calling any driver's Shutdown: the crashed kernel " +
                     "cannot be trusted to. The crash kernel's probes find the hardware as the old kernel left it, DMA and interrupts " +
                     "running and firmware initialised. A probe that requests its interrupt or enables bus mastering before resetting " +
                     "the function (or at least masking its interrupt and stopping its DMA) takes a pending level interrupt it cannot " +
                     "service yet, or sends firmware commands a running adapter rejects. Reset the function at the top of Probe.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ProbeStartsDeviceBeforeReset));

    private const string RequestsInterrupt = "requests an interrupt";
    private const string EnablesDma = "enables DMA";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    internal override Action<SymbolAnalysisContext>? CreateDriverCheck(DriverModelSymbols symbols)
    {
        if (RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState.WithHardwareRunning()) is not { } analysis ||
            analysis.Effects.Resets is not { } resets)
        {
            return null;
        }

        // Each way of starting the device, with what must come before it.
        var questions = ImmutableArray.CreateBuilder<StartQuestion>();
        if (analysis.Effects.Acquires("Interrupt") is { } requestsInterrupt && analysis.Effects.MasksInterrupt is { } masks)
        {
            questions.Add(new StartQuestion(requestsInterrupt, Effect.AnyOf("resets or masks the interrupt", resets, masks), RequestsInterrupt));
        }

        if (analysis.Effects.EnablesDma is { } enablesDma && analysis.Effects.QuiescesDma is { } quiesces)
        {
            questions.Add(new StartQuestion(enablesDma, Effect.AnyOf("resets or quiesces DMA", resets, quiesces), EnablesDma));
        }

        if (questions.Count == 0)
        {
            return null;
        }

        var checker = new ProbeChecker(analysis, questions.ToImmutable());
        return symbolContext =>
        {
            var driverType = (INamedTypeSymbol)symbolContext.Symbol;
            if (symbols.GetDriverBase(driverType) is { } driverBase &&
                DriverModelSymbols.FindDeclaredCallback(driverType, driverBase, DriverModelSymbols.Probe) is { } probe &&
                analysis.HasBody(probe))
            {
                checker.Analyze(symbolContext, driverType, probe);
            }
        };
    }

    /// <summary>A way of starting the device (<see cref="Target"/>) and what must run before it (<see cref="Before"/>).</summary>
    private sealed class StartQuestion
    {
        public StartQuestion(Effect target, Effect before, string description)
        {
            Target = target;
            Before = before;
            Description = description;
        }

        public Effect Target { get; }

        public Effect Before { get; }

        public string Description { get; }
    }

    /// <summary>Checks the Probe declared in one driver type (abstract bases included): reported where its body is.</summary>
    private sealed class ProbeChecker
    {
        private readonly RestartPathAnalysis analysis;
        private readonly ImmutableArray<StartQuestion> questions;

        public ProbeChecker(RestartPathAnalysis analysis, ImmutableArray<StartQuestion> questions)
        {
            this.analysis = analysis;
            this.questions = questions;
        }

        public void Analyze(SymbolAnalysisContext context, INamedTypeSymbol driverType, IMethodSymbol probe)
        {
            // One diagnostic per Probe, on the first call of its body that starts the device too early:
            // one reset at the top of Probe covers them all.
            (EffectCall Call, StartQuestion Question)? first = null;
            foreach (var question in questions)
            {
                var calls = analysis.FindEffectCallsAvoiding(probe, driverType, question.Target, question.Before, context.CancellationToken);
                if (calls.FirstOrDefault() is { } call &&
                    (first is null || call.Call.Syntax.SpanStart < first.Value.Call.Call.Syntax.SpanStart))
                {
                    first = (call, question);
                }
            }

            if (first is { } found)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, found.Call.Call.Syntax.GetLocation(), driverType.Name, found.Question.Description, found.Call.Path.ToString()));
            }
        }
    }
}
