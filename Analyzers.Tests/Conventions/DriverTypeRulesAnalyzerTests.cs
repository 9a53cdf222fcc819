using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Agreement.Compilation;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Documentation;

namespace ShutdownAnalyzers.Tests.Conventions;

/// <summary>
/// The package ships the rules that read driver bodies inside one analyzer, <see cref="DriverTypeRulesAnalyzer"/>;
/// the rule tests run each rule's own class. These tests hold the two together: every rule ships once,
/// and the host reports what its rules report alone.
/// </summary>
public sealed class DriverTypeRulesAnalyzerTests
{
    public static IEnumerable<object[]> SampleNames => Directory.GetDirectories(Path.Combine(RepositoryLayout.Root, "Samples"))
        .Select(Path.GetFileName)
        .Where(name => name is not ("bin" or "obj"))
        .OrderBy(name => name, StringComparer.Ordinal)
        .Select(name => new object[] { name! });

    [Fact]
    public void Ships_every_rule_once()
    {
        var shipped = RuleCatalog.Shipped.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).ToList();

        Assert.Equal(shipped.Distinct(StringComparer.Ordinal).Count(), shipped.Count);
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id).OrderBy(id => id, StringComparer.Ordinal), shipped.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Hosts_every_driver_type_rule_and_only_the_host_is_loaded()
    {
        var ruleTypes = RuleCatalog.Analyzers.OfType<DriverTypeAnalyzer>().Select(rule => rule.GetType()).OrderBy(type => type.Name, StringComparer.Ordinal);
        var hosted = DriverTypeRulesAnalyzer.Rules.Select(rule => rule.GetType()).OrderBy(type => type.Name, StringComparer.Ordinal);

        Assert.Equal(ruleTypes, hosted);
        Assert.DoesNotContain(RuleCatalog.Shipped, analyzer => analyzer is DriverTypeAnalyzer);
        Assert.Contains(RuleCatalog.Shipped, analyzer => analyzer is DriverTypeRulesAnalyzer);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Reports_on_each_sample_what_its_rules_report_alone(string sample)
    {
        var compilation = Compile(sample);
        var alone = DriverTypeRulesAnalyzer.Rules.CastArray<DiagnosticAnalyzer>();

        var fromHost = Describe(Analyze(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new DriverTypeRulesAnalyzer())));
        var fromRules = Describe(Analyze(compilation, alone));

        Assert.Equal(fromRules, fromHost);
    }

    [Fact]
    public void The_samples_give_the_comparison_something_to_compare()
    {
        var reported = SampleNames
            .SelectMany(name => Analyze(Compile((string)name[0]), ImmutableArray.Create<DiagnosticAnalyzer>(new DriverTypeRulesAnalyzer())))
            .Select(diagnostic => diagnostic.Id)
            .Distinct(StringComparer.Ordinal)
            .Count();

        Assert.True(reported >= 5, $"The samples show only {reported} of the hosted rules; the comparison above would prove little.");
    }

    private static Compilation Compile(string sample) =>
        SampleCompilation.Create(SampleSources.Load(Path.Combine(RepositoryLayout.Root, "Samples"), sample)).Compilation;

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics;
    }

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}")
        .OrderBy(line => line, StringComparer.Ordinal)
        .ToList();
}
