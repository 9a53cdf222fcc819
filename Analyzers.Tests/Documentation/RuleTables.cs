using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>The Markdown the docs must hold, generated from the descriptors.</summary>
internal static class RuleTables
{
    public const string ReadmeBegin = "<!-- rules:begin -->";
    public const string ReadmeEnd = "<!-- rules:end -->";
    public const string DocBegin = "<!-- rule:begin -->";
    public const string DocEnd = "<!-- rule:end -->";

    /// <summary>The first line of a rule's page.</summary>
    public static string TitleLine(RuleCatalog.Rule rule) => $"# {rule.Id}: {rule.Title}";

    /// <summary>The README table: one row per rule, ID linked to its page.</summary>
    public static IReadOnlyList<string> ReadmeTable() =>
        new[] { "| Id | Category | Severity | Title |", "|----|----------|----------|-------|" }
            .Concat(RuleCatalog.Rules.Select(rule =>
                $"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.Category} | {rule.Severity} | {rule.Title} |"))
            .ToList();

    /// <summary>The property table at the top of a rule's page.</summary>
    public static IReadOnlyList<string> PropertyTable(RuleCatalog.Rule rule)
    {
        var analyzers = string.Join(", ", rule.Analyzers.Select(analyzer => SourceLink(analyzer.GetType(), "Analyzers")));
        var fixes = rule.Fixes.IsEmpty ? "none" : string.Join(", ", rule.Fixes.Select(fix => SourceLink(fix.GetType(), "CodeFixes")));
        return new[]
        {
            "| Property | Value |",
            "|----------|-------|",
            $"| Id | {rule.Id} |",
            $"| Category | {rule.Category} |",
            $"| Default severity | {rule.Severity} |",
            $"| Enabled by default | {(rule.Descriptor.IsEnabledByDefault ? "Yes" : "No")} |",
            $"| Analyzer | {analyzers} |",
            $"| Code fix | {fixes} |",
        };
    }

    /// <summary>The lines strictly between <paramref name="begin"/> and <paramref name="end"/>, or null when a marker is missing.</summary>
    public static IReadOnlyList<string>? Between(string file, string begin, string end)
    {
        var lines = File.ReadAllLines(file);
        var first = Array.IndexOf(lines, begin);
        var last = Array.IndexOf(lines, end);
        return first < 0 || last < first ? null : lines.Skip(first + 1).Take(last - first - 1).ToList();
    }

    public static string Show(IEnumerable<string> lines) => string.Join(Environment.NewLine, lines);

    private static string SourceLink(Type type, string folder)
    {
        var path = RepositoryLayout.FindSource(folder, type.Name + ".cs")
            ?? throw new InvalidOperationException($"Expected exactly one {type.Name}.cs under {folder}/: a type lives in the file named after it.");
        return $"[{type.Name}](../../{path})";
    }
}
