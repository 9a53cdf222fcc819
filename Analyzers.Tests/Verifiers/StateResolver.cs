using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Turns a <see cref="SolutionState"/> into a <see cref="ResolvedState"/>: strips the markup of every
/// source, turns marked spans into expected diagnostics and resolves <c>WithLocation(n)</c> and relative
/// paths of the explicitly expected ones.
/// </summary>
internal sealed class StateResolver
{
    private readonly DiagnosticDescriptor? defaultDescriptor;
    private readonly ImmutableDictionary<string, DiagnosticDescriptor> descriptorsById;
    private readonly string? editorConfig;

    public StateResolver(ImmutableArray<DiagnosticDescriptor> supportedDiagnostics, string? editorConfig)
    {
        defaultDescriptor = supportedDiagnostics.IsEmpty ? null : supportedDiagnostics[0];
        descriptorsById = supportedDiagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        this.editorConfig = editorConfig;
    }

    /// <param name="name">The state's name for failure messages.</param>
    /// <param name="settings">The test state: it defines the projects, references and config files.</param>
    /// <param name="sources">The state whose sources are used; a project without sources there keeps the test state's.</param>
    /// <param name="expected">The explicitly expected diagnostics (markup adds to them).</param>
    public ResolvedState Resolve(string name, SolutionState settings, SolutionState sources, IEnumerable<DiagnosticResult> expected)
    {
        foreach (var unknown in sources.AdditionalProjects.Keys.Where(k => !settings.AdditionalProjects.ContainsKey(k)))
        {
            throw new InvalidOperationException($"{name} has a project '{unknown}' that TestState.AdditionalProjects has not.");
        }

        var markupDiagnostics = new List<DiagnosticResult>();
        var markupLocations = new Dictionary<int, DiagnosticLocation>();
        var projects = ImmutableArray.CreateBuilder<ResolvedProject>();

        // Additional projects go by their key in AdditionalProjects, which is what fixed states use too.
        var allProjects = new[] { (Name: SolutionState.PrimaryProjectName, Project: (ProjectState)settings, IsPrimary: true) }
            .Concat(settings.AdditionalProjects.Select(p => (Name: p.Key, Project: p.Value, IsPrimary: false)));
        foreach (var (projectName, project, isPrimary) in allProjects)
        {
            var ownSources = isPrimary ? sources.Sources : sources.AdditionalProjects.GetValueOrDefault(projectName)?.Sources;
            var projectSources = ownSources is { Count: > 0 } ? ownSources : project.Sources;

            var documents = ImmutableArray.CreateBuilder<ResolvedDocument>();
            foreach (var (fileName, content) in projectSources)
            {
                var path = TestPaths.ForDocument(projectName, isPrimary, fileName);
                var parsed = MarkupParser.Parse(content);
                var document = new ResolvedDocument(path, parsed.Text);
                if (documents.Any(d => d.Path == path))
                {
                    throw new InvalidOperationException($"{name} has two sources at '{path}'.");
                }

                documents.Add(document);
                CollectMarkup(name, document, parsed.Spans, markupDiagnostics, markupLocations);
            }

            projects.Add(new ResolvedProject(projectName, documents.ToImmutable(), project.AdditionalReferences.ToImmutableArray(), project.AdditionalProjectReferences.ToImmutableArray()));
        }

        var defaultPath = projects[0].Documents.FirstOrDefault()?.Path ?? TestPaths.PrimaryProjectFolder + SourceFileList.DefaultName(0);
        var expectedDiagnostics = expected
            .Select(d => ResolveLocations(name, d, defaultPath, markupLocations))
            .Concat(markupDiagnostics)
            .ToImmutableArray();

        return new ResolvedState(name, projects.ToImmutable(), AnalyzerConfigFiles(settings), settings.OutputKind ?? OutputKind.DynamicallyLinkedLibrary, expectedDiagnostics);
    }

    private void CollectMarkup(string stateName, ResolvedDocument document, ImmutableArray<MarkupSpan> spans, List<DiagnosticResult> diagnostics, Dictionary<int, DiagnosticLocation> locations)
    {
        var lineSpans = document.SourceText.Lines;
        foreach (var span in spans)
        {
            var location = DiagnosticLocation.FromLineSpan(document.Path, lineSpans.GetLinePositionSpan(span.Span));
            switch (span.Kind)
            {
                case MarkupSpanKind.LocationKey:
                    if (!locations.TryAdd(span.LocationKey, location))
                    {
                        throw new InvalidOperationException($"{stateName} marks location {{|#{span.LocationKey}:...|}} twice.");
                    }

                    break;
                case MarkupSpanKind.DefaultDiagnostic:
                    var descriptor = defaultDescriptor
                        ?? throw new InvalidOperationException("'[|...|]' markup needs an analyzer with at least one supported diagnostic.");
                    diagnostics.Add(FromMarkup(new DiagnosticResult(descriptor), location));
                    break;
                case MarkupSpanKind.DiagnosticId:
                    // An ID the analyzer does not declare is a compiler's (e.g. {|CS0103:x|}), whose severity varies.
                    diagnostics.Add(descriptorsById.TryGetValue(span.Name, out var known)
                        ? FromMarkup(new DiagnosticResult(known), location)
                        : FromMarkup(new DiagnosticResult(span.Name, DiagnosticSeverity.Error).WithOptions(DiagnosticOptions.IgnoreSeverity), location));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown markup kind {span.Kind}.");
            }
        }
    }

    // Markup can mark only one span per diagnostic, so it says nothing about additional locations.
    private static DiagnosticResult FromMarkup(DiagnosticResult result, DiagnosticLocation location)
    {
        return result.WithLocations(ImmutableArray.Create(location)).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    private static DiagnosticResult ResolveLocations(string stateName, DiagnosticResult expected, string defaultPath, Dictionary<int, DiagnosticLocation> markupLocations)
    {
        if (expected.Id is null)
        {
            throw new InvalidOperationException($"{stateName}.ExpectedDiagnostics contains a default(DiagnosticResult).");
        }

        var resolved = expected.Locations.Select(location =>
        {
            if (location.MarkupKey is not { } key)
            {
                return location.WithPath(TestPaths.ForExpectation(location.Path, defaultPath));
            }

            return markupLocations.TryGetValue(key, out var marked)
                ? marked
                : throw new InvalidOperationException($"{stateName}: {expected.Id} expects the location {{|#{key}:...|}}, but no source marks it.");
        });
        return expected.WithLocations(resolved.ToImmutableArray());
    }

    private ImmutableArray<(string Path, string Content)> AnalyzerConfigFiles(SolutionState settings)
    {
        var files = settings.AnalyzerConfigFiles.Select(f => (TestPaths.ForAnalyzerConfig(f.Path), f.Content)).ToImmutableArray();
        return editorConfig is null ? files : files.Add(("/.editorconfig", CompleteEditorConfig(editorConfig)));
    }

    /// <summary>
    /// Lets <c>EditorConfig</c> be just the settings: without a section header (or <c>is_global</c>) the
    /// lines would apply to no file, so they are put under <c>[*.cs]</c>.
    /// </summary>
    private static string CompleteEditorConfig(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim());
        var isComplete = lines.Any(l => l.StartsWith('[') || l.StartsWith("is_global", StringComparison.OrdinalIgnoreCase));
        return isComplete ? text : "root = true\n\n[*.cs]\n" + text;
    }
}
