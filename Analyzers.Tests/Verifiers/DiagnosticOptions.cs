using System;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>Relaxations of how an expected diagnostic is compared with a reported one.</summary>
[Flags]
public enum DiagnosticOptions
{
    None = 0,

    /// <summary>Compare only the primary location, whatever additional locations the diagnostic has.</summary>
    IgnoreAdditionalLocations = 1,

    /// <summary>Accept any severity (markup for IDs the analyzer does not declare uses this).</summary>
    IgnoreSeverity = 2,
}
