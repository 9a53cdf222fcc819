using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>An analyzer test of one C# analyzer.</summary>
public class CSharpAnalyzerTest<TAnalyzer> : AnalyzerTest
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { new TAnalyzer() };
}
