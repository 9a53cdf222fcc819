using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>What analysing a solution produced, kept apart by who reported it.</summary>
internal sealed record AnalysisResult(ImmutableArray<Diagnostic> AnalyzerDiagnostics, ImmutableArray<Diagnostic> CompilerDiagnostics)
{
    public ImmutableArray<Diagnostic> All => DiagnosticOrder.Sort(AnalyzerDiagnostics.AddRange(CompilerDiagnostics));

    /// <summary>The diagnostics a test compares with its expectations: the analyzers' and the compiler's at <paramref name="level"/>.</summary>
    public ImmutableArray<Diagnostic> ForComparison(CompilerDiagnostics level)
    {
        return DiagnosticOrder.Sort(AnalyzerDiagnostics.AddRange(CompilerDiagnostics.Where(d => IsIncluded(d.Severity, level))));
    }

    private static bool IsIncluded(DiagnosticSeverity severity, CompilerDiagnostics level) => level switch
    {
        Verifiers.CompilerDiagnostics.None => false,
        Verifiers.CompilerDiagnostics.Errors => severity == DiagnosticSeverity.Error,
        Verifiers.CompilerDiagnostics.Warnings => severity >= DiagnosticSeverity.Warning,
        Verifiers.CompilerDiagnostics.Suggestions => severity >= DiagnosticSeverity.Info,
        _ => true,
    };
}

/// <summary>The order diagnostics are listed and fixed in: by file, position, then ID.</summary>
internal static class DiagnosticOrder
{
    public static ImmutableArray<Diagnostic> Sort(ImmutableArray<Diagnostic> diagnostics)
    {
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
