using System;
using System.Collections.Concurrent;
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
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace ShutdownAnalyzers.Tests.Reliability;

/// <summary>
/// Every analyzer and code fix of the package, on thousands of broken variants of every sample's
/// sources (the code an editor analyses on each keystroke): nothing throws. An analyzer exception
/// is an AD0001 warning in the user's build; a code fix exception is a lightbulb that fails.
/// </summary>
public class NoCrashOnBrokenSamplesTests(ITestOutputHelper output)
{
    /// <summary>Seeded token deletions per file; braces and type swaps are all taken.</summary>
    private const int RandomDeletionsPerFile = 25;

    /// <summary>
    /// Drivers (Flawed/, Fixed/), where the rules and fixes act, get every prefix; the hardware and
    /// machine files beside them every fourth, which keeps the test to a couple of minutes as samples grow.
    /// </summary>
    private const int PrefixEveryOutsideDrivers = 4;

    /// <summary>FixAll is the slow part; it runs on every n-th variant that has a fixable diagnostic.</summary>
    private const int FixAllEvery = 7;

    public static IEnumerable<object[]> SampleFiles =>
        Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "Samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => Path.GetRelativePath(Path.Combine(RepositoryLayout.Root, "Samples"), path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new object[] { path });

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task No_analyzer_or_code_fix_throws_on_broken_variants_of(string sampleFile)
    {
        var samples = Path.Combine(RepositoryLayout.Root, "Samples");
        var path = Path.Combine(samples, sampleFile);
        var sampleFolder = Path.Combine(samples, sampleFile.Split(Path.DirectorySeparatorChar)[0]);
        var siblings = Directory.GetFiles(sampleFolder, "*.cs", SearchOption.AllDirectories)
            .Where(p => p != path && !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path: p, Text: File.ReadAllText(p)))
            .ToList();

        var failures = new List<string>();
        var variants = 0;
        var fixableVariants = 0;
        var isDriver = sampleFile.Split(Path.DirectorySeparatorChar).Any(part => part is "Flawed" or "Fixed");
        var prefixEvery = isDriver ? 1 : PrefixEveryOutsideDrivers;
        foreach (var (kind, text) in BrokenSourceVariants.Of(File.ReadAllText(path), seed: sampleFile.Length, RandomDeletionsPerFile, prefixEvery))
        {
            variants++;
            var project = Project(siblings.Append((path, text)));
            var document = project.Documents.Single(d => d.FilePath == path);
            var (diagnostics, analyzerFailures) = await AnalyzeAsync(project);
            failures.AddRange(analyzerFailures.Select(f => $"{kind} variant {variants}: {f}"));

            var fixable = diagnostics.Where(d => d.Location.SourceTree?.FilePath == path && RuleCatalog.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).ToList();
            if (fixable.Count == 0)
            {
                continue;
            }

            fixableVariants++;
            var runFixAll = fixableVariants % FixAllEvery == 0;
            foreach (var failure in await FixAsync(document, fixable, diagnostics, runFixAll))
            {
                failures.Add($"{kind} variant {variants}: {failure}");
            }
        }

        output.WriteLine($"{sampleFile}: {variants} variants, {fixableVariants} with a fixable diagnostic");
        Assert.True(variants > 20, $"only {variants} variants of {sampleFile}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures over {variants} variants of {sampleFile}; first:\n{string.Join("\n", failures.Take(5))}");
    }

    private static Project Project(IEnumerable<(string Path, string Text)> files)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Sample", "Sample", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: ReferenceAssemblies.Default));
        var solution = project.Solution;
        foreach (var (path, text) in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(project.Id), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        return solution.GetProject(project.Id)!;
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Failures)> AnalyzeAsync(Project project)
    {
        var exceptions = new ConcurrentQueue<string>();
        var compilation = (await project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(RuleCatalog.Shipped, options).GetAnalyzerDiagnosticsAsync();
        var failures = exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage())).ToList();
        return (diagnostics, failures);
    }

    private static async Task<IReadOnlyList<string>> FixAsync(Document document, IReadOnlyList<Diagnostic> fixable, ImmutableArray<Diagnostic> all, bool runFixAll)
    {
        var failures = new List<string>();
        foreach (var diagnostic in fixable)
        {
            foreach (var fixer in RuleCatalog.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                try
                {
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                    }

                    if (runFixAll && actions.Count > 0 && fixer.GetFixAllProvider() is { } provider)
                    {
                        var context = new FixAllContext(document, fixer, FixAllScope.Project, actions[0].EquivalenceKey, new[] { diagnostic.Id }, new KnownDiagnostics(all), CancellationToken.None);
                        if (await provider.GetFixAsync(context) is { } fixAll)
                        {
                            await fixAll.GetOperationsAsync(CancellationToken.None);
                        }
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{fixer.GetType().Name} on {diagnostic.Id} threw {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        return failures;
    }
}
