using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>A source file with its markup removed, at its full path in the test solution.</summary>
internal sealed record ResolvedDocument(string Path, string Text)
{
    public string FileName => Path.Substring(Path.LastIndexOf('/') + 1);

    // Computed, not stored: a record copy made with 'with { Text = ... }' would keep a stale one.
    public SourceText SourceText => SourceText.From(Text);
}

internal sealed record ResolvedProject(
    string Name,
    ImmutableArray<ResolvedDocument> Documents,
    ImmutableArray<MetadataReference> AdditionalReferences,
    ImmutableArray<string> ProjectReferences);

/// <summary>
/// A <see cref="SolutionState"/> after inheritance and markup processing: plain texts at full paths and
/// expected diagnostics whose locations are all concrete.
/// </summary>
/// <param name="Name">What the state is called in failure messages, e.g. "TestState".</param>
internal sealed record ResolvedState(
    string Name,
    ImmutableArray<ResolvedProject> Projects,
    ImmutableArray<(string Path, string Content)> AnalyzerConfigFiles,
    OutputKind OutputKind,
    ImmutableArray<DiagnosticResult> ExpectedDiagnostics)
{
    public ImmutableArray<ResolvedDocument> AllDocuments => Projects.SelectMany(p => p.Documents).ToImmutableArray();

    public ResolvedDocument? FindDocument(string path) => AllDocuments.FirstOrDefault(d => d.Path == path);

    /// <summary>The same solution with every source starting with <paramref name="header"/>.</summary>
    public ResolvedState WithHeaderOnEverySource(string header)
    {
        var projects = Projects
            .Select(p => p with { Documents = p.Documents.Select(d => d with { Text = header + d.Text }).ToImmutableArray() })
            .ToImmutableArray();
        return this with { Projects = projects };
    }
}
