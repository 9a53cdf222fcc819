using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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
