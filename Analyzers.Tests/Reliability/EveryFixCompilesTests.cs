using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Agreement.Benchmark;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Tests.Documentation;
using Xunit.Abstractions;

namespace ShutdownAnalyzers.Tests.Reliability;

/// <summary>
/// Over the agreement benchmark's variants of every sample (each rule's mutation, with up to one
/// meaning-preserving rewrite): every fix offered for every diagnostic yields code that compiles and
/// no longer has that diagnostic, and FixAll in solution gives the same code as fixing one at a time.
/// </summary>
public class EveryFixCompilesTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Samples =>
        SampleSources.Discover(Path.Combine(RepositoryLayout.Root, "Samples")).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_fix_compiles_removes_its_diagnostic_and_FixAll_equals_one_by_one(string sample)
    {
        var sources = SampleSources.Load(Path.Combine(RepositoryLayout.Root, "Samples"), sample);
        var failures = new List<string>();
        var fixesApplied = 0;
        var fixAllCompared = 0;
        var variants = VariantGenerator.Generate(sources, VariantGenerator.Mutations, VariantGenerator.Rewrites, maxRewrites: 1).ToList();
        for (var v = 0; v < variants.Count; v++)
        {
            var variant = variants[v];
            var project = Project(variant.Sources);

            // The variants change Fixed/ and, for the mutations that drop calls in shared helpers, those files;
            // the unchanged Flawed/ files are checked with the first.
            var checkedFolders = v == 0 ? new[] { SampleSources.FixedFolder, SampleSources.FlawedFolder } : new[] { SampleSources.FixedFolder };
            var diagnostics = (await AnalyzeAsync(project))
                .Where(d => checkedFolders.Any(folder => variant.Sources.IsIn(d.Location.SourceTree!, folder))
                    || (variant.Sources.ChangedPaths.Contains(d.Location.SourceTree!.FilePath) && !variant.Sources.IsIn(d.Location.SourceTree!, SampleSources.FlawedFolder)))
                .ToImmutableArray();
            foreach (var diagnostic in diagnostics.Where(IsFixable))
            {
                foreach (var (fixer, action) in await ActionsAsync(project, diagnostic))
                {
                    fixesApplied++;
                    var fixedProject = await ApplyAsync(project, action);
                    var errors = (await fixedProject.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        failures.Add($"{variant.Id}: '{action.Title}' on {diagnostic.Id} does not compile: {errors[0]}");
                    }

                    var message = diagnostic.GetMessage();
                    var file = diagnostic.Location.SourceTree!.FilePath;
                    if ((await AnalyzeAsync(fixedProject)).Any(d => d.Id == diagnostic.Id && d.Location.SourceTree?.FilePath == file && d.GetMessage() == message))
                    {
                        failures.Add($"{variant.Id}: '{action.Title}' leaves {diagnostic.Id} ({message})");
                    }
                }
            }

            foreach (var group in diagnostics.Where(IsFixable).GroupBy(d => d.Id))
            {
                foreach (var (fixer, action) in await ActionsAsync(project, group.First()))
                {
                    fixAllCompared++;
                    if (await CompareFixAllAsync(project, fixer, action.EquivalenceKey, group.First(), group.ToImmutableArray()) is { } difference)
                    {
                        failures.Add($"{variant.Id}: FixAll '{action.Title}': {difference}");
                    }
                }
            }
        }

        output.WriteLine($"{sample}: {variants.Count} variants, {fixesApplied} fixes applied, {fixAllCompared} FixAll comparisons");
        Assert.True(failures.Count == 0, $"{failures.Count} failures; first:\n{string.Join("\n", failures.Take(5))}");
    }

    private static bool IsFixable(Diagnostic diagnostic) => RuleCatalog.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(diagnostic.Id));

    private static Project Project(SampleSources sources)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, sources.Name, sources.Name, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: SampleReferences.All));
        var solution = project.Solution;
        foreach (var tree in sources.Trees)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(project.Id), Path.GetFileName(tree.FilePath), SourceText.From(tree.ToString()), filePath: tree.FilePath);
        }

        return solution.GetProject(project.Id)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(RuleCatalog.Shipped).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<IReadOnlyList<(CodeFixProvider Fixer, CodeAction Action)>> ActionsAsync(Project project, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree) ?? project.Documents.Single(d => d.FilePath == diagnostic.Location.SourceTree!.FilePath);
        var actions = new List<(CodeFixProvider, CodeAction)>();
        foreach (var fixer in RuleCatalog.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add((fixer, action)), CancellationToken.None));
        }

        return actions;
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetProject(project.Id)!;
    }

    /// <summary>Null when FixAll in solution and fixing one diagnostic at a time (re-analysing after each) give the same sources.</summary>
    private static async Task<string?> CompareFixAllAsync(Project project, CodeFixProvider fixer, string? equivalenceKey, Diagnostic first, ImmutableArray<Diagnostic> all)
    {
        if (fixer.GetFixAllProvider() is not { } provider)
        {
            return null;
        }

        var document = project.Documents.Single(d => d.FilePath == first.Location.SourceTree!.FilePath);
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, equivalenceKey, new[] { first.Id }, new KnownDiagnostics(all), CancellationToken.None);
        var fixAll = await provider.GetFixAsync(context);
        var byFixAll = fixAll is null ? project : await ApplyAsync(project, fixAll);

        // One by one over the same files FixAll was given.
        var files = all.Select(d => d.Location.SourceTree!.FilePath).ToHashSet(StringComparer.Ordinal);
        var oneByOne = project;
        for (var step = 0; step < 100; step++)
        {
            var next = (await AnalyzeAsync(oneByOne)).Where(d => d.Id == first.Id && files.Contains(d.Location.SourceTree!.FilePath)).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
            var action = next is null ? null : (await ActionsAsync(oneByOne, next)).FirstOrDefault(a => a.Fixer == fixer && a.Action.EquivalenceKey == equivalenceKey).Action;
            if (action is null)
            {
                break;
            }

            oneByOne = await ApplyAsync(oneByOne, action);
        }

        foreach (var fixedDocument in byFixAll.Documents)
        {
            var expected = (await oneByOne.GetDocument(fixedDocument.Id)!.GetTextAsync()).ToString();
            var actual = (await fixedDocument.GetTextAsync()).ToString();
            if (expected != actual)
            {
                return $"{Path.GetFileName(fixedDocument.FilePath)} differs from fixing one by one";
            }
        }

        return null;
    }
}
