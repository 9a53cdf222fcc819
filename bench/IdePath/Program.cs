using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ShutdownAnalyzers.Bench.BodyReadingFloor;
using ShutdownAnalyzers.Bench.CallResolvingFloor;
using ShutdownAnalyzers.Bench.TypeEndFloor;
using ShutdownAnalyzers.Bench.Generator;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Bench.IdePath;

/// <summary>
/// <c>dotnet run -c Release --project bench/IdePath [-- --drivers 5000 --rounds 3 --fixes none]</c>, or
/// <c>-- --plain 2000</c>: the analyzers alone on a project of that many files that never references the bus API;
/// <c>--per-rule</c> runs each rule's own analyzer class instead of the analyzers the package ships (the
/// driver-type rules ship inside one host, <c>DriverTypeRulesAnalyzer</c>), so each rule gets its own row;
/// <c>--only SHD003,SHD004</c> runs just those rules' own analyzers; <c>--floor</c> runs, instead of the SHD
/// analyzers, one that reads every method body as operations and does nothing (<c>bench/BodyReadingFloor</c>):
/// the pass costs at least that much for any analyzer that looks inside bodies as operations;
/// <c>--call-floor</c> one that resolves every call from its syntax and does nothing, the least for a
/// rule that finds calls without operations; <c>--type-floor</c> one that waits for each driver type's
/// members to be compiled, as the rules that read bodies do, and does nothing (<c>bench/TypeEndFloor</c>).
///
/// Loads a generated driver project into an <see cref="AdhocWorkspace"/>, as an IDE would hold it, and
/// prints: each SHD analyzer's execution time per round (the first round pays for JIT, later ones are
/// the warm host), then for every fixable diagnostic id and every fix offered for it the time to
/// compute the fix for one diagnostic, and FixAll in solution (<c>--fixes none</c> skips them). Each
/// round also times the compiler's own diagnostics pass on a fresh copy of the compilation (binding
/// every method body, as a build does before emit) and the analyzers' pass as a whole, wall clock and
/// CPU time of the process (on a shared machine the CPU time is the steadier of the two).
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        var driversOption = BenchCommandLine.Count("--drivers", 5000, "How many drivers the generated project has.");
        var plainOption = new Option<int?>("--plain")
        {
            Description = "Instead, a project of this many files that never references the bus API (2000 when no number is given).",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => result.Tokens.Count == 0 ? null : BenchCommandLine.ParseCount(result, "--plain"),
        };
        var roundsOption = BenchCommandLine.Count("--rounds", 3, "How many times the analyzers run, each on a new compilation.");
        var fixesOption = new Option<string>("--fixes") { Description = "Time every code fix and FixAll ('all'), or skip them ('none').", DefaultValueFactory = _ => "all" };
        fixesOption.AcceptOnlyFromAmong("all", "none");
        var perRuleOption = new Option<bool>("--per-rule") { Description = "Run each rule's own analyzer class, one row each, instead of the analyzers the package ships." };
        var ruleIds = AnalyzersIn(Assembly.Load("ShutdownAnalyzers"), perRule: true).SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var onlyOption = new Option<string[]>("--only")
        {
            Description = "Run just these rules' own analyzers (comma-separated ids, e.g. SHD003,SHD004).",
            CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        onlyOption.Validators.Add(result =>
        {
            foreach (var id in result.GetValueOrDefault<string[]>() ?? Array.Empty<string>())
            {
                if (!ruleIds.Contains(id))
                {
                    result.AddError($"--only: no rule '{id}'; the rules are {string.Join(", ", ruleIds.Order(StringComparer.Ordinal))}.");
                }
            }
        });
        var floorOption = new Option<bool>("--floor") { Description = "Run, instead of the SHD analyzers, one that reads every method body as operations and does nothing." };
        var callFloorOption = new Option<bool>("--call-floor") { Description = "Run, instead of the SHD analyzers, one that resolves every call from its syntax and does nothing." };
        var typeFloorOption = new Option<bool>("--type-floor") { Description = "Run, instead of the SHD analyzers, one that waits for each driver type's members to be compiled and does nothing." };
        var command = new RootCommand("Times the SHD analyzers in-process on a generated driver project, as an IDE host runs them, and each code fix and FixAll in solution.")
        {
            driversOption, plainOption, roundsOption, fixesOption, perRuleOption, onlyOption, floorOption, callFloorOption, typeFloorOption,
        };
        command.Validators.Add(result =>
        {
            var floors = new[] { floorOption, callFloorOption, typeFloorOption }.Where(option => result.GetValue(option)).ToArray();
            if (floors.Length > 1)
            {
                result.AddError($"{string.Join(" and ", floors.Select(option => option.Name))}: run one floor at a time.");
            }
        });
        return BenchCommandLine.RunAsync(command, args, parse =>
        {
            var plain = parse.GetResult(plainOption) is not null;
            var only = parse.GetValue(onlyOption) ?? Array.Empty<string>();
            return RunAsync(
                plain ? parse.GetValue(plainOption) ?? 2000 : parse.GetValue(driversOption),
                plain,
                parse.GetValue(roundsOption),
                plain ? "none" : parse.GetValue(fixesOption)!,
                only.Length > 0 || parse.GetValue(perRuleOption),
                only,
                Floor(parse.GetValue(floorOption), parse.GetValue(callFloorOption), parse.GetValue(typeFloorOption)));
        });
    }

    /// <summary>The floor analyzer to run instead of the SHD analyzers, or null; the command allows one at most.</summary>
    private static DiagnosticAnalyzer? Floor(bool bodyReading, bool callResolving, bool typeEnd) =>
        bodyReading ? new ReadsEveryBodyAnalyzer()
        : callResolving ? new ResolvesEveryCallAnalyzer()
        : typeEnd ? new WaitsForEveryDriverTypeAnalyzer()
        : null;

    private static async Task<int> RunAsync(int drivers, bool plain, int rounds, string fixes, bool perRule, string[] only, DiagnosticAnalyzer? floor)
    {
        var project = LoadProject(drivers, plain);
        var analyzers = AnalyzersIn(Assembly.Load("ShutdownAnalyzers"), perRule)
            .Where(analyzer => only.Length == 0 || analyzer.SupportedDiagnostics.Any(d => only.Contains(d.Id)))
            .ToImmutableArray();
        if (floor is not null)
        {
            analyzers = ImmutableArray.Create(floor);
            fixes = "none";
        }

        var fixers = FixersIn(Assembly.Load("ShutdownAnalyzers.CodeFixes"));

        Console.WriteLine(plain
            ? $"Analyzers on {drivers:N0} files that never reference the bus API, in-process (ms; round 1 includes JIT)"
            : $"Analyzers on {drivers:N0} drivers, in-process (ms; round 1 includes JIT)");
        Console.WriteLine();
        Console.WriteLine($"| analyzer | {string.Join(" | ", Enumerable.Range(1, rounds).Select(r => $"round {r}"))} |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|", rounds))}");
        var times = new Dictionary<string, List<double>>();
        var compileTimes = new List<double>();
        var passTimes = new List<double>();
        var compileCpu = new List<double>();
        var passCpu = new List<double>();
        var passAllocated = new List<double>();
        var passGcPause = new List<double>();
        ImmutableArray<Diagnostic> diagnostics = default;
        for (var round = 0; round < rounds; round++)
        {
            // A new compilation each round, as after an edit: nothing the analyzers cached carries over.
            var compilation = (await project.WithParseOptions(project.ParseOptions!).GetCompilationAsync())!;
            compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
            var compileWatch = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees).GetDiagnostics();
            compileCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            compileTimes.Add(compileWatch.Elapsed.TotalMilliseconds);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var passWatch = Stopwatch.StartNew();
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            passCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            passAllocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6);
            passGcPause.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            passTimes.Add(passWatch.Elapsed.TotalMilliseconds);
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                var name = $"{analyzer.GetType().Name} ({string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id))})";
                (times.TryGetValue(name, out var list) ? list : times[name] = new List<double>()).Add(telemetry.ExecutionTime.TotalMilliseconds);
            }
        }

        foreach (var (name, list) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"| {name} | {string.Join(" | ", list.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} |");
        }

        Console.WriteLine($"| **sum of the analyzers' times** | {string.Join(" | ", Enumerable.Range(0, rounds).Select(r => times.Values.Sum(list => list[r]).ToString("F1", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| analyzer pass, wall clock | {string.Join(" | ", passTimes.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| analyzer pass, CPU time | {string.Join(" | ", passCpu.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| analyzer pass, allocated (MB) | {string.Join(" | ", passAllocated.Select(mb => mb.ToString("F0", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| analyzer pass, time the GC paused the process | {string.Join(" | ", passGcPause.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| compiler diagnostics (bind all), wall clock | {string.Join(" | ", compileTimes.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| compiler diagnostics (bind all), CPU time | {string.Join(" | ", compileCpu.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine();
        Console.WriteLine($"{diagnostics.Length:N0} diagnostics: {string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count():N0}"))}");
        if (fixes == "none")
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("| fix | diagnostic | one fix (ms) | FixAll in solution (ms) | documents changed |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(group.Key)))
            {
                await TimeFixAsync(project, fixer, group.First(), group.ToImmutableArray());
            }
        }

        return 0;
    }

    private static async Task TimeFixAsync(Project project, CodeFixProvider fixer, Diagnostic diagnostic, ImmutableArray<Diagnostic> all)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        var watch = Stopwatch.StartNew();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        foreach (var action in actions)
        {
            await action.GetOperationsAsync(CancellationToken.None);
        }

        watch.Stop();
        var one = watch.Elapsed.TotalMilliseconds;
        foreach (var action in actions)
        {
            var fixAll = "–";
            var changed = "–";
            if (fixer.GetFixAllProvider() is { } provider && provider.GetSupportedFixAllScopes().Contains(FixAllScope.Solution))
            {
                var fixAllWatch = Stopwatch.StartNew();
                var fixAllContext = new FixAllContext(document, fixer, FixAllScope.Solution, action.EquivalenceKey, new[] { diagnostic.Id }, new KnownDiagnostics(all), CancellationToken.None);
                var fixAllAction = await provider.GetFixAsync(fixAllContext);
                var operations = fixAllAction is null ? ImmutableArray<CodeActionOperation>.Empty : await fixAllAction.GetOperationsAsync(CancellationToken.None);
                fixAllWatch.Stop();
                fixAll = fixAllWatch.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
                var changedSolution = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
                changed = changedSolution is null ? "0" : changedSolution.GetChanges(project.Solution).GetProjectChanges().Sum(p => p.GetChangedDocuments().Count()).ToString("N0", CultureInfo.InvariantCulture);
            }

            Console.WriteLine($"| {fixer.GetType().Name}: {action.Title} | {diagnostic.Id} | {one:F1} | {fixAll} | {changed} |");
        }
    }

    private static Project LoadProject(int drivers, bool plain)
    {
        var workspace = new AdhocWorkspace();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Concat(plain ? Array.Empty<string>() : new[] { typeof(Device).Assembly.Location })
            .Select(p => MetadataReference.CreateFromFile(p));
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, $"drivers-{drivers}", $"drivers-{drivers}", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        var solution = project.Solution;
        for (var i = 0; i < drivers; i++)
        {
            var name = plain ? $"Service{i:D5}.cs" : $"Driver{i:D5}.cs";
            var source = plain ? DriverProjectGenerator.PlainSource(i) : DriverProjectGenerator.DriverSource(i);
            solution = solution.AddDocument(DocumentId.CreateNewId(project.Id), name, SourceText.From(source), filePath: $"/generated/{name}");
        }

        workspace.TryApplyChanges(solution);
        return workspace.CurrentSolution.GetProject(project.Id)!;
    }

    /// <summary>The analyzers the package ships (marked <c>[DiagnosticAnalyzer]</c>), or with <paramref name="perRule"/> each rule's own class.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly, bool perRule) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => perRule ? t != typeof(DriverTypeRulesAnalyzer) : t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static IReadOnlyList<CodeFixProvider> FixersIn(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any())
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

    /// <summary>FixAll's diagnostics: the ones the analysis above found, by document.</summary>
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return all.Where(d => d.Location.SourceTree?.FilePath == tree!.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(all);
    }
}
