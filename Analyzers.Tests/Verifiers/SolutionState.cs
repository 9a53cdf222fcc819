using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// A solution before (<c>TestState</c>) or after a fix (<c>FixedState</c>, <c>BatchFixedState</c>): the
/// primary project's inputs, further projects, analyzer config files and the diagnostics expected in it.
/// </summary>
/// <remarks>
/// A fixed state only says what the sources become and which diagnostics remain: a project without sources
/// there keeps the test state's (unchanged), and the projects, references, analyzer config files and output
/// kind are always the test state's.
/// </remarks>
public sealed class SolutionState : ProjectState
{
    public const string PrimaryProjectName = "TestProject";

    public SolutionState()
        : base(PrimaryProjectName)
    {
    }

    public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

    /// <summary>
    /// Analyzer config documents as (path, content), e.g. <c>("/.editorconfig", "root = true\n[*.cs]\n...")</c>.
    /// Project folders live under <c>/</c>, so a file at <c>/.editorconfig</c> applies to every source.
    /// </summary>
    public List<(string Path, string Content)> AnalyzerConfigFiles { get; } = new();

    /// <summary>Further projects of the solution, by name; their files live under <c>/{name}/</c>.</summary>
    public ProjectCollection AdditionalProjects { get; } = new();

    public OutputKind? OutputKind { get; set; }
}
