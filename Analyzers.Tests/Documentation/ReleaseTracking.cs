using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>
/// What AnalyzerReleases.Shipped.md and Unshipped.md say the rules are now: their New Rules and
/// Changed Rules rows (<c>Rule ID | Category | Severity | …</c>) read in release order, Removed Rules
/// dropping a rule again.
/// </summary>
internal static class ReleaseTracking
{
    public sealed record Entry(string File, string Id, string Category, string Severity);

    public static IReadOnlyDictionary<string, Entry> CurrentRules(params string[] filesInReleaseOrder)
    {
        var rules = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var file in filesInReleaseOrder)
        {
            var section = string.Empty;
            foreach (var line in File.ReadAllLines(file))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    section = line.Substring(4).Trim();
                    continue;
                }

                var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                if (cells.Length < 3 || !cells[0].StartsWith("SHD", StringComparison.Ordinal))
                {
                    continue;
                }

                if (section == "Removed Rules")
                {
                    rules.Remove(cells[0]);
                }
                else
                {
                    rules[cells[0]] = new Entry(Path.GetFileName(file), cells[0], cells[1], cells[2]);
                }
            }
        }

        return rules;
    }
}
