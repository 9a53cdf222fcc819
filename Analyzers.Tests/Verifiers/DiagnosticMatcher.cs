using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Compares reported diagnostics with expected ones, one to one, and fails with a message that lists
/// what is missing and what is extra, each with its file:line:col and source line.
/// </summary>
internal static class DiagnosticMatcher
{
    public static void AssertMatch(ResolvedState state, ImmutableArray<Diagnostic> actual)
    {
        var expected = state.ExpectedDiagnostics;
        var actualForExpected = Match(expected, actual);
        var matchedActual = new HashSet<int>(actualForExpected.Where(i => i >= 0));

        var missing = Enumerable.Range(0, expected.Length).Where(i => actualForExpected[i] < 0).Select(i => expected[i]).ToList();
        var extra = Enumerable.Range(0, actual.Length).Where(i => !matchedActual.Contains(i)).Select(i => actual[i]).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        throw TestFailure.Create(FailureMessage(state, expected, actual, missing, extra));
    }

    /// <summary>
    /// Pairs each expected diagnostic with a distinct actual one (index, or -1). A maximum bipartite matching,
    /// so a loose expectation (say, start position only) cannot take the diagnostic a stricter one needs.
    /// </summary>
    private static int[] Match(ImmutableArray<DiagnosticResult> expected, ImmutableArray<Diagnostic> actual)
    {
        var compatible = expected.Select(e => Enumerable.Range(0, actual.Length).Where(a => Differences(e, actual[a]).Count == 0).ToArray()).ToArray();
        var expectedForActual = Enumerable.Repeat(-1, actual.Length).ToArray();

        for (var e = 0; e < expected.Length; e++)
        {
            TryAssign(e, new bool[actual.Length]);
        }

        var actualForExpected = Enumerable.Repeat(-1, expected.Length).ToArray();
        for (var a = 0; a < actual.Length; a++)
        {
            if (expectedForActual[a] >= 0)
            {
                actualForExpected[expectedForActual[a]] = a;
            }
        }

        return actualForExpected;

        bool TryAssign(int e, bool[] visited)
        {
            foreach (var a in compatible[e])
            {
                if (visited[a])
                {
                    continue;
                }

                visited[a] = true;
                if (expectedForActual[a] < 0 || TryAssign(expectedForActual[a], visited))
                {
                    expectedForActual[a] = e;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>How <paramref name="actual"/> fails to be <paramref name="expected"/>; empty when it is.</summary>
    internal static List<string> Differences(DiagnosticResult expected, Diagnostic actual)
    {
        var differences = new List<string>();
        if (expected.Id != actual.Id)
        {
            differences.Add($"ID is {actual.Id}, not {expected.Id}");
        }

        if (!expected.Options.HasFlag(DiagnosticOptions.IgnoreSeverity) && expected.Severity != actual.Severity)
        {
            differences.Add($"severity is {actual.Severity}, not {expected.Severity}");
        }

        AddLocationDifferences(expected, actual, differences);

        var expectedMessage = expected.ExpectedMessage(actual.Descriptor.MessageFormat);
        var actualMessage = actual.GetMessage(CultureInfo.InvariantCulture);
        if (expectedMessage is not null && expectedMessage != actualMessage)
        {
            differences.Add($"message is \"{actualMessage}\", not \"{expectedMessage}\"");
        }

        if (expected.IsSuppressed is { } suppressed && suppressed != actual.IsSuppressed)
        {
            differences.Add(actual.IsSuppressed ? "it is suppressed" : "it is not suppressed");
        }

        return differences;
    }

    private static void AddLocationDifferences(DiagnosticResult expected, Diagnostic actual, List<string> differences)
    {
        if (!expected.HasLocation)
        {
            if (actual.Location.IsInSource)
            {
                differences.Add($"it is at {DiagnosticFormatter.Describe(actual.Location)}, not without a location");
            }

            return;
        }

        if (!actual.Location.IsInSource)
        {
            differences.Add("it has no source location");
            return;
        }

        AddLocationDifference("location", expected.Locations[0], actual.Location, differences);
        if (expected.Options.HasFlag(DiagnosticOptions.IgnoreAdditionalLocations))
        {
            return;
        }

        var additional = actual.AdditionalLocations;
        if (additional.Count != expected.Locations.Length - 1)
        {
            differences.Add($"it has {additional.Count} additional location(s), not {expected.Locations.Length - 1}");
            return;
        }

        for (var i = 0; i < additional.Count; i++)
        {
            AddLocationDifference($"additional location {i + 1}", expected.Locations[i + 1], additional[i], differences);
        }
    }

    private static void AddLocationDifference(string what, DiagnosticLocation expected, Location actual, List<string> differences)
    {
        var span = actual.GetLineSpan();
        var matches = span.Path == expected.Path
            && span.StartLinePosition == expected.Start
            && (expected.End is not { } end || span.EndLinePosition == end);
        if (!matches)
        {
            differences.Add($"{what} is {DiagnosticFormatter.Describe(actual)}, not {expected}");
        }
    }

    private static string FailureMessage(ResolvedState state, ImmutableArray<DiagnosticResult> expected, ImmutableArray<Diagnostic> actual, List<DiagnosticResult> missing, List<Diagnostic> extra)
    {
        var nl = Environment.NewLine;
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{state.Name}: the reported diagnostics do not match the expected ones.{nl}");

        var compileErrors = extra.Where(d => DiagnosticFormatter.IsCompilerDiagnostic(d) && d.Severity == DiagnosticSeverity.Error).ToList();
        if (compileErrors.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{nl}The source does not compile. Fix it, or expect the errors with DiagnosticResult.CompilerError(...), or set CompilerDiagnostics = CompilerDiagnostics.None:{nl}");
            foreach (var error in compileErrors)
            {
                message.Append("    ").Append(DiagnosticFormatter.Describe(error)).Append(nl);
            }
        }

        if (missing.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{nl}Expected but not reported ({missing.Count}):{nl}");
            foreach (var result in missing)
            {
                message.Append("    ").Append(result).Append(nl);
                if (result.HasLocation)
                {
                    var location = result.Locations[0];
                    message.Append(DiagnosticFormatter.Excerpt(state.FindDocument(location.Path)?.SourceText, location.Start, location.End));
                }

                var closest = Closest(result, extra);
                if (closest is not null)
                {
                    message.Append(CultureInfo.InvariantCulture, $"        nearest reported: {DiagnosticFormatter.Describe(closest)}{nl}");
                    message.Append(CultureInfo.InvariantCulture, $"        which differs: {string.Join("; ", Differences(result, closest))}{nl}");
                }
            }
        }

        if (extra.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{nl}Reported but not expected ({extra.Count}):{nl}");
            foreach (var diagnostic in extra)
            {
                message.Append("    ").Append(DiagnosticFormatter.Describe(diagnostic)).Append(nl);
                message.Append(DiagnosticFormatter.Excerpt(diagnostic));
                message.Append(CultureInfo.InvariantCulture, $"        to expect it: {DiagnosticFormatter.ToExpectationCode(diagnostic)}{nl}");
            }
        }

        message.Append(CultureInfo.InvariantCulture, $"{nl}All expected ({expected.Length}):{nl}");
        message.Append(expected.Length == 0 ? "    (none)" + nl : string.Concat(expected.Select(e => "    " + e + nl)));
        message.Append(CultureInfo.InvariantCulture, $"All reported ({actual.Length}):{nl}");
        message.Append(actual.Length == 0 ? "    (none)" + nl : string.Concat(actual.Select(a => "    " + DiagnosticFormatter.Describe(a) + nl)));
        return message.ToString();
    }

    /// <summary>The unmatched diagnostic with the same ID that differs from <paramref name="expected"/> the least.</summary>
    private static Diagnostic? Closest(DiagnosticResult expected, List<Diagnostic> candidates)
    {
        return candidates
            .Where(d => d.Id == expected.Id)
            .OrderBy(d => Differences(expected, d).Count)
            .ThenBy(d => expected.HasLocation ? Distance(expected.Locations[0].Start, d) : 0)
            .FirstOrDefault();
    }

    private static int Distance(LinePosition position, Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return (Math.Abs(start.Line - position.Line) * 1000) + Math.Abs(start.Character - position.Character);
    }
}
