using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Conventions;

/// <summary>
/// What every analyzer of the package does when the compiler loads it: runs concurrently, skips
/// generated code, resolves the bus API at compilation start and registers nothing without it, and
/// never waits for the end of the compilation.
/// </summary>
public sealed class AnalyzerConventionsTests
{
    private const string DriverSource = """
        using ShutdownAnalyzers.DriverModel;

        public sealed class SomeDriver : PciDriver
        {
            public override string Name => "some";

            public override void Probe(PciDevice device)
            {
            }
        }
        """;

    /// <summary>The bus API as its own project compiles it: every source file of Runtime/.</summary>
    private static readonly Lazy<SyntaxTree[]> RuntimeSources = new(() =>
        Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "Runtime"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                           !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path))
            .ToArray());

    /// <summary>The bus API's own project as a compilation, for a project that references it as a project.</summary>
    private static readonly Lazy<CSharpCompilation> RuntimeCompilation = new(() => CSharpCompilation.Create(
        DriverModelSymbols.AssemblyName,
        RuntimeSources.Value,
        ReferenceAssemblies.Framework,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    public static IEnumerable<object[]> AnalyzerNames => RuleCatalog.Analyzers.Select(analyzer => new object[] { analyzer.GetType().Name });

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Runs_concurrently_and_skips_generated_code(string analyzerName)
    {
        var context = Initialize(analyzerName);

        Assert.True(context.ConcurrentExecutionEnabled, $"{analyzerName} does not call EnableConcurrentExecution.");
        Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCodeAnalysis);
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Starts_from_compilation_start_only(string analyzerName)
    {
        var context = Initialize(analyzerName);

        Assert.NotEmpty(context.CompilationStartActions);
        Assert.Empty(context.OtherActions);
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Registers_nothing_in_a_compilation_without_the_bus_API(string analyzerName)
    {
        var compilation = CSharpCompilation.Create(
            "NoBusApi",
            new[] { CSharpSyntaxTree.ParseText("public sealed class Driver { public void Remove() { } public void Shutdown() { } }") },
            ReferenceAssemblies.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Empty(Initialize(analyzerName).RunCompilationStart(compilation));
    }

    /// <summary>
    /// The "no bus API here" exit looks at assembly names before any symbol lookup: look-alike types in
    /// an assembly that is not ShutdownAnalyzers.Runtime (and does not reference it) are not the bus API.
    /// </summary>
    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Registers_nothing_for_look_alike_types_outside_the_bus_API_assembly(string analyzerName)
    {
        const string LookAlike = """
            namespace ShutdownAnalyzers.DriverModel
            {
                public abstract class Device { }

                public abstract class Driver<TDevice> where TDevice : Device
                {
                    public virtual void Remove(TDevice device) { }

                    public virtual void Shutdown(TDevice device) { }
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "LookAlike",
            new[] { CSharpSyntaxTree.ParseText(LookAlike) },
            ReferenceAssemblies.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.NotNull(compilation.GetTypeByMetadataName("ShutdownAnalyzers.DriverModel.Driver`1"));
        Assert.Empty(Initialize(analyzerName).RunCompilationStart(compilation));
    }

    /// <summary>The runtime's own project declares the bus API in source rather than referencing it: still analysed.</summary>
    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Registers_per_symbol_work_in_the_bus_API_assembly_itself(string analyzerName)
    {
        var compilation = CSharpCompilation.Create(
            DriverModelSymbols.AssemblyName,
            RuntimeSources.Value.Append(CSharpSyntaxTree.ParseText(DriverSource)),
            ReferenceAssemblies.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.NotEmpty(Initialize(analyzerName).RunCompilationStart(compilation));
    }

    /// <summary>
    /// The gate reads file names and referenced compilations' names; the bus API referenced as a project
    /// (as an IDE holds it) or as an image with no file behind it is still found.
    /// </summary>
    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Registers_per_symbol_work_with_the_bus_API_as_a_project_reference_or_an_in_memory_image(string analyzerName)
    {
        var image = MetadataReference.CreateFromImage(File.ReadAllBytes(typeof(ShutdownAnalyzers.DriverModel.Device).Assembly.Location));
        foreach (var busApi in new MetadataReference[] { RuntimeCompilation.Value.ToMetadataReference(), image })
        {
            var compilation = CSharpCompilation.Create(
                "Drivers",
                new[] { CSharpSyntaxTree.ParseText(DriverSource) },
                ReferenceAssemblies.Framework.Add(busApi),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            Assert.NotEmpty(Initialize(analyzerName).RunCompilationStart(compilation));
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Registers_per_symbol_work_and_no_compilation_end_action_with_the_bus_API(string analyzerName)
    {
        var compilation = CSharpCompilation.Create(
            "WithBusApi",
            new[] { CSharpSyntaxTree.ParseText(DriverSource) },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var registered = Initialize(analyzerName).RunCompilationStart(compilation);

        Assert.NotEmpty(registered);
        Assert.DoesNotContain("CompilationEnd", registered);
    }

    private static RecordingAnalysisContext Initialize(string analyzerName)
    {
        var context = new RecordingAnalysisContext();
        RuleCatalog.Analyzers.Single(analyzer => analyzer.GetType().Name == analyzerName).Initialize(context);
        return context;
    }
}
