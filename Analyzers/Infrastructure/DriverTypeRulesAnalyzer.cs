using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// The analyzer the package ships for every rule that reads a driver's bodies (SHD002–SHD010): one
/// symbol-start action on named types, whose end action on each driver type runs each rule's check in
/// turn. The compiler's analyzer driver keeps per-symbol action tables for every symbol-start analyzer
/// and looks them up for every symbol it declares; nine analyzers doing so cost the pass as much as
/// the binding the symbol-end action saves, one costs a ninth of that. A rule set to <c>none</c> for a
/// driver's file is not checked there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DriverTypeRulesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The hosted rules, by ID.</summary>
    internal static readonly ImmutableArray<DriverTypeAnalyzer> Rules = ImmutableArray.Create<DriverTypeAnalyzer>(
        new ShutdownPowersOffOnRestartAnalyzer(),
        new DmaNotStoppedOnRestartAnalyzer(),
        new InterruptLeftEnabledOnRestartAnalyzer(),
        new ShutdownSkipsCacheFlushOnRestartAnalyzer(),
        new RemoveLeaksProbeResourceAnalyzer(),
        new ProbeStartsDeviceBeforeResetAnalyzer(),
        new RecoveryTestsBoundDriverAnalyzer(),
        new UsesUnlinkedDeviceAnalyzer(),
        new WaitsOnHardwareWithoutTimeoutAnalyzer());

    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).ToImmutableArray();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        DriverTypeAnalyzer.RegisterChecks(context, Rules);
    }
}
