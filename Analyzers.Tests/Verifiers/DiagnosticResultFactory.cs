using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>Expected diagnostics of an analyzer's own descriptors, as the verifiers' <c>Diagnostic(...)</c> make them.</summary>
internal static class DiagnosticResultFactory
{
    /// <summary>The analyzer's single (or first) descriptor, as <c>[|...|]</c> markup uses it.</summary>
    public static DiagnosticResult Default<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var supported = new TAnalyzer().SupportedDiagnostics;
        return supported.IsEmpty
            ? throw new InvalidOperationException($"{typeof(TAnalyzer).Name} supports no diagnostics.")
            : new DiagnosticResult(supported[0]);
    }

    /// <summary>The analyzer's descriptor with this ID, so the expected severity and message format are its.</summary>
    public static DiagnosticResult ForId<TAnalyzer>(string diagnosticId)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var supported = new TAnalyzer().SupportedDiagnostics;
        var descriptor = supported.FirstOrDefault(d => d.Id == diagnosticId)
            ?? throw new ArgumentException(
                $"{typeof(TAnalyzer).Name} does not support '{diagnosticId}'; it supports {string.Join(", ", supported.Select(d => d.Id))}.",
                nameof(diagnosticId));
        return new DiagnosticResult(descriptor);
    }

    public static DiagnosticResult ForDescriptor(DiagnosticDescriptor descriptor) => new(descriptor);
}
