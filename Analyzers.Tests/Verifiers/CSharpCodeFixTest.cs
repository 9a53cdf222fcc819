using System.Collections.Generic;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>A code-fix test of one C# analyzer and one code fix provider.</summary>
public class CSharpCodeFixTest<TAnalyzer, TCodeFix> : CodeFixTest
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { new TAnalyzer() };

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { new TCodeFix() };
}
