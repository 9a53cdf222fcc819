using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Bench;

/// <summary>The one descriptor of a floor analyzer, which reports nothing; linked into each floor's own assembly.</summary>
internal static class NeverReported
{
    /// <summary>
    /// A warning, though it is never reported: a command-line build without /errorlog skips every
    /// analyzer whose diagnostics are all Hidden or Info, so a Hidden floor would cost the build nothing.
    /// </summary>
    public static DiagnosticDescriptor Descriptor(string id, string floor) => new(
        id,
        "Never reported",
        "Never reported",
        "Benchmark",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: $"The {floor} floor of the analyzer overhead benchmarks; it reports nothing.");
}
