using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Gives a FixAll provider the fixable diagnostics of a document or project, from the same analysis the
/// rest of the test uses. Each project is analysed once per FixAll operation.
/// </summary>
internal sealed class FixAllDiagnosticProvider : FixAllContext.DiagnosticProvider
{
    private readonly DiagnosticCollector collector;
    private readonly ImmutableHashSet<string> fixableIds;
    private readonly ConcurrentDictionary<ProjectId, Lazy<Task<ImmutableArray<Diagnostic>>>> byProject = new();

    public FixAllDiagnosticProvider(DiagnosticCollector collector, IEnumerable<string> fixableIds)
    {
        this.collector = collector;
        this.fixableIds = fixableIds.ToImmutableHashSet(StringComparer.Ordinal);
    }

    public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = await GetFixableAsync(document.Project, cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => d.Location.SourceTree == tree);
    }

    public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var diagnostics = await GetFixableAsync(project, cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => !d.Location.IsInSource);
    }

    public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        return await GetFixableAsync(project, cancellationToken).ConfigureAwait(false);
    }

    private Task<ImmutableArray<Diagnostic>> GetFixableAsync(Project project, CancellationToken cancellationToken)
    {
        var lazy = byProject.GetOrAdd(project.Id, _ => new Lazy<Task<ImmutableArray<Diagnostic>>>(async () =>
        {
            var result = await collector.AnalyzeAsync(project, cancellationToken).ConfigureAwait(false);
            return result.All.Where(d => fixableIds.Contains(d.Id) && !d.IsSuppressed).ToImmutableArray();
        }));
        return lazy.Value;
    }
}
