using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Entry points for analyzer tests, as Microsoft.CodeAnalysis.Testing's <c>CSharpAnalyzerVerifier</c>:
/// <c>using VerifyCS = CSharpAnalyzerVerifier&lt;MyAnalyzer&gt;;</c> then <c>VerifyCS.VerifyAnalyzerAsync(...)</c>.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The analyzer's only (or first) diagnostic.</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResultFactory.Default<TAnalyzer>();

    public static DiagnosticResult Diagnostic(string diagnosticId) => DiagnosticResultFactory.ForId<TAnalyzer>(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => DiagnosticResultFactory.ForDescriptor(descriptor);

    /// <summary>Checks that analyzing <paramref name="source"/> reports its markup's and <paramref name="expected"/> diagnostics, no others.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public class Test : CSharpAnalyzerTest<TAnalyzer>
    {
    }
}
