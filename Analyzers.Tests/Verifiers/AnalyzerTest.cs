using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// An analyzer test: sources (with markup), expected diagnostics and project settings; <see cref="RunAsync"/>
/// checks that the analyzers report exactly the expected diagnostics. Shaped like Microsoft.CodeAnalysis.Testing's
/// <c>AnalyzerTest</c> so tests can move to it later.
/// </summary>
public abstract class AnalyzerTest
{
    /// <summary>Adds a source file (Test0.cs, Test1.cs... in order) to <see cref="TestState"/>.</summary>
    public string TestCode
    {
        set => TestState.Sources.Add(value);
    }

    public SolutionState TestState { get; } = new();

    /// <summary>The diagnostics expected besides those marked in the sources.</summary>
    public List<DiagnosticResult> ExpectedDiagnostics => TestState.ExpectedDiagnostics;

    /// <summary>Analyzer config documents as (path, content), e.g. ("/.editorconfig", "root = true\n[*.cs]\n...").</summary>
    public List<(string Path, string Content)> AnalyzerConfigFiles => TestState.AnalyzerConfigFiles;

    /// <summary>
    /// The text of <c>/.editorconfig</c>, which applies to every source. Lines such as
    /// <c>dotnet_diagnostic.SHD001.severity = error</c> are enough: without a section header they go under <c>[*.cs]</c>.
    /// </summary>
    public string? EditorConfig { get; set; }

    public List<MetadataReference> AdditionalReferences => TestState.AdditionalReferences;

    public OutputKind OutputKind
    {
        get => TestState.OutputKind ?? OutputKind.DynamicallyLinkedLibrary;
        set => TestState.OutputKind = value;
    }

    /// <summary>Which compiler diagnostics must be expected; by default errors, so the input must compile.</summary>
    public CompilerDiagnostics CompilerDiagnostics { get; set; } = CompilerDiagnostics.Errors;

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public TestBehaviors TestBehaviors { get; set; }

    /// <summary>Diagnostic IDs turned off in the compilation options.</summary>
    public List<string> DisabledDiagnostics { get; } = new();

    public virtual async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var run = CreateRun();
        var testState = run.Resolver.Resolve(nameof(TestState), TestState, TestState, TestState.ExpectedDiagnostics);
        await run.VerifyDiagnosticsAsync(testState, cancellationToken).ConfigureAwait(false);
    }

    protected abstract IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers();

    protected virtual CSharpCompilationOptions CreateCompilationOptions(OutputKind outputKind)
    {
        // CS1701/CS1702 (assuming a reference's identity) are silenced by the SDK in every real build too.
        var disabled = DisabledDiagnostics.Concat(new[] { "CS1701", "CS1702" })
            .Distinct(StringComparer.Ordinal)
            .Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress));
        return new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(disabled);
    }

    protected virtual CSharpParseOptions CreateParseOptions() => new(LanguageVersion);

    private protected AnalysisRun CreateRun()
    {
        if (!TestState.Sources.Any() && !TestState.AdditionalProjects.Values.Any(p => p.Sources.Count > 0))
        {
            throw new InvalidOperationException("The test has no sources: set TestCode or add to TestState.Sources.");
        }

        var analyzers = GetDiagnosticAnalyzers().ToImmutableArray();
        var solutions = new SolutionFactory(CreateCompilationOptions, CreateParseOptions());
        return new AnalysisRun(analyzers, solutions, EditorConfig, CompilerDiagnostics, TestBehaviors);
    }
}
