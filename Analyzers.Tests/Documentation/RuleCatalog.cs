using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Rules;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>Every rule the package ships, read from the analyzer and code-fix assemblies themselves.</summary>
internal static class RuleCatalog
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        Instantiate<DiagnosticAnalyzer>(typeof(RemoveWithoutShutdownAnalyzer));

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes =
        Instantiate<CodeFixProvider>(typeof(MapShutdownToRemoveCodeFixProvider));

    /// <summary>One entry per diagnostic ID, ordered by ID.</summary>
    public static readonly ImmutableArray<Rule> Rules = Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(descriptor => (analyzer, descriptor)))
        .GroupBy(entry => entry.descriptor.Id, StringComparer.Ordinal)
        .OrderBy(group => group.Key, StringComparer.Ordinal)
        .Select(group => new Rule(
            group.First().descriptor,
            group.Select(entry => entry.analyzer).ToImmutableArray(),
            CodeFixes.Where(fix => fix.FixableDiagnosticIds.Contains(group.Key)).ToImmutableArray()))
        .ToImmutableArray();

    /// <summary>For <c>[MemberData]</c>: one test case per rule ID.</summary>
    public static IEnumerable<object[]> Ids => Rules.Select(rule => new object[] { rule.Id });

    public static Rule Get(string id) => Rules.Single(rule => rule.Id == id);

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
