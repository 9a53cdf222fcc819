using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs the analyzers on every project of a solution and collects analyzer and compiler diagnostics.
/// Fails the test when an analyzer throws or reports a diagnostic it does not declare.
/// </summary>
internal sealed class DiagnosticCollector
{
    private const string AnalyzerExceptionId = "AD0001";

    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableHashSet<string> supportedIds;

    public DiagnosticCollector(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        this.analyzers = analyzers;
        supportedIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public async Task<AnalysisResult> AnalyzeAsync(Solution solution, CancellationToken cancellationToken)
    {
        var analyzerDiagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var compilerDiagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var projectId in solution.ProjectIds)
        {
            var result = await AnalyzeAsync(solution.GetProject(projectId)!, cancellationToken).ConfigureAwait(false);
            analyzerDiagnostics.AddRange(result.AnalyzerDiagnostics);
            compilerDiagnostics.AddRange(result.CompilerDiagnostics);
        }

        return new AnalysisResult(DiagnosticOrder.Sort(analyzerDiagnostics.ToImmutable()), DiagnosticOrder.Sort(compilerDiagnostics.ToImmutable()));
    }

    public async Task<AnalysisResult> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Project '{project.Name}' has no compilation.");

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        var fromAnalyzers = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        var crashes = fromAnalyzers.Where(d => d.Id == AnalyzerExceptionId).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var failures = exceptions.Concat(crashes).Distinct().ToList();
        if (failures.Count > 0)
        {
            throw TestFailure.Create($"The analyzer threw an exception (project '{project.Name}'):{Environment.NewLine}{string.Join(Environment.NewLine + Environment.NewLine, failures)}");
        }

        var undeclared = fromAnalyzers.Where(d => !supportedIds.Contains(d.Id)).ToList();
        if (undeclared.Count > 0)
        {
            throw TestFailure.Create(
                "The analyzer reported diagnostics its SupportedDiagnostics does not declare:" + Environment.NewLine +
                string.Join(Environment.NewLine, undeclared.Select(d => "    " + DiagnosticFormatter.Describe(d))));
        }

        return new AnalysisResult(fromAnalyzers, compilation.GetDiagnostics(cancellationToken));
    }
}
