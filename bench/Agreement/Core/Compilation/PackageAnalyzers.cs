using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers.Agreement.Compilation;

/// <summary>Every analyzer the package ships, read from the analyzer assembly itself.</summary>
public static class PackageAnalyzers
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = typeof(RemoveWithoutShutdownAnalyzer).Assembly
        .GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>Every diagnostic id the analyzers report, in order.</summary>
    public static readonly ImmutableArray<string> RuleIds = All
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .Select(descriptor => descriptor.Id)
        .Distinct(StringComparer.Ordinal)
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToImmutableArray();
}
