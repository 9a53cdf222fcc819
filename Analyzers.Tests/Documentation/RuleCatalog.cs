using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>Every rule the package ships, read from the analyzer and code-fix assemblies themselves.</summary>
internal static class RuleCatalog
{
    /// <summary>Every analyzer class: each rule's own, and the host the driver-type rules ship in.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        Instantiate<DiagnosticAnalyzer>(typeof(RemoveWithoutShutdownAnalyzer));

    /// <summary>
    /// What the compiler and the IDE load from the package: the analyzers marked <c>[DiagnosticAnalyzer]</c>
    /// (the driver-type rules through <see cref="DriverTypeRulesAnalyzer"/>).
    /// </summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Shipped = Analyzers
        .Where(analyzer => analyzer.GetType().IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes =
        Instantiate<CodeFixProvider>(typeof(MapShutdownToRemoveCodeFixProvider));

    /// <summary>Every diagnostic ID the analyzers report, one entry each with the rule's own analyzer, ordered by ID.</summary>
    public static readonly ImmutableArray<Rule> All = Analyzers
        .Where(analyzer => analyzer is not DriverTypeRulesAnalyzer)
        .SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(descriptor => (analyzer, descriptor)))
        .GroupBy(entry => entry.descriptor.Id, StringComparer.Ordinal)
        .OrderBy(group => group.Key, StringComparer.Ordinal)
        .Select(group => new Rule(
            group.First().descriptor,
            group.Select(entry => entry.analyzer).ToImmutableArray(),
            CodeFixes.Where(fix => fix.FixableDiagnosticIds.Contains(group.Key)).ToImmutableArray()))
        .ToImmutableArray();

    /// <summary>The rules about driver code (SHD###), each with its doc page, README row and run-time twin.</summary>
    public static readonly ImmutableArray<Rule> Rules = All.Where(rule => rule.Category != RuleCategories.Configuration).ToImmutableArray();

    /// <summary>The diagnostics about the package's own settings (SHDCFG###), which the README's Configuration section documents.</summary>
    public static readonly ImmutableArray<Rule> ConfigurationDiagnostics = All.Where(rule => rule.Category == RuleCategories.Configuration).ToImmutableArray();

    /// <summary>For <c>[MemberData]</c>: one test case per rule ID.</summary>
    public static IEnumerable<object[]> Ids => Rules.Select(rule => new object[] { rule.Id });

    /// <summary>For <c>[MemberData]</c>: one test case per configuration diagnostic ID.</summary>
    public static IEnumerable<object[]> ConfigurationIds => ConfigurationDiagnostics.Select(rule => new object[] { rule.Id });

    public static Rule Get(string id) => All.Single(rule => rule.Id == id);

    private static ImmutableArray<T> Instantiate<T>(Type anyTypeOfAssembly) => anyTypeOfAssembly.Assembly
        .GetTypes()
        .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (T)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public sealed record Rule(DiagnosticDescriptor Descriptor, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<CodeFixProvider> Fixes)
    {
        public string Id => Descriptor.Id;

        public string Title => Descriptor.Title.ToString();

        public string Category => Descriptor.Category;

        public DiagnosticSeverity Severity => Descriptor.DefaultSeverity;
    }
}
