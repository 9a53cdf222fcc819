using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Bench;

/// <summary>
/// A floor of the analyzer overhead benchmarks: an analyzer that does one kind of work the SHD rules
/// do and reports nothing. Linked into each floor's own assembly (the build benchmark loads a floor's
/// assembly whole, so each floor needs its own).
/// </summary>
public abstract class FloorAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor never;

    /// <param name="id">The floor's diagnostic ID, FLOOR001 and on.</param>
    /// <param name="floor">Which floor, for the descriptor's description: "body-reading", "per-type".</param>
    protected FloorAnalyzer(string id, string floor) =>
        // A warning, though it is never reported: a command-line build without /errorlog skips every
        // analyzer whose diagnostics are all Hidden or Info, so a Hidden floor would cost the build nothing.
        never = new DiagnosticDescriptor(
            id,
            "Never reported",
            "Never reported",
            "Benchmark",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: $"The {floor} floor of the analyzer overhead benchmarks; it reports nothing.");

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(never);

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RegisterWork(context);
    }

    /// <summary>Registers the work this floor measures, and nothing that reports.</summary>
    protected abstract void RegisterWork(AnalysisContext context);
}
