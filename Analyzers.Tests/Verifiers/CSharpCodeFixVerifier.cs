using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Entry points for code-fix tests, as Microsoft.CodeAnalysis.Testing's <c>CSharpCodeFixVerifier</c>:
/// <c>using VerifyCS = CSharpCodeFixVerifier&lt;MyAnalyzer, MyCodeFix&gt;;</c>.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The analyzer's only (or first) diagnostic.</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResultFactory.Default<TAnalyzer>();

    public static DiagnosticResult Diagnostic(string diagnosticId) => DiagnosticResultFactory.ForId<TAnalyzer>(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => DiagnosticResultFactory.ForDescriptor(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks that fixing <paramref name="source"/> (whose diagnostics are all in its markup) gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource) => VerifyCodeFixAsync(source, System.Array.Empty<DiagnosticResult>(), fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource) => VerifyCodeFixAsync(source, new[] { expected }, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix>
    {
    }
}
