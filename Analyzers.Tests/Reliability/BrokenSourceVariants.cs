using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ShutdownAnalyzers.Tests.Reliability;

/// <summary>
/// Broken variants of a source file, as an editor sees them while someone types: every prefix
/// (truncated at each token), seeded random token deletions, each brace missing in turn, and types
/// swapped for wrong ones. The same file and seed always give the same variants.
/// </summary>
internal static class BrokenSourceVariants
{
    /// <summary>Types a driver file mentions, and what each is swapped for: a related bus type, a value type, a missing one.</summary>
    private static readonly (string Type, string[] Wrong)[] TypeSwaps =
    {
        ("PciDevice", new[] { "PlatformDevice", "int", "Missing" }),
        ("PciDriver", new[] { "PlatformDriver", "object", "Driver<int>" }),
        ("PciPowerState", new[] { "SystemState", "string" }),
        ("SystemState", new[] { "PciPowerState", "bool" }),
        ("IReadOnlyList<PciDeviceId>", new[] { "IReadOnlyList<string>", "PciDeviceId" }),
        ("void", new[] { "int", "PciDevice" }),
    };

    /// <param name="prefixEvery">1 for every prefix; n for the prefix at every n-th token.</param>
    public static IEnumerable<(string Kind, string Text)> Of(string source, int seed, int randomDeletions, int prefixEvery = 1)
    {
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        for (var i = 0; i < tokens.Count; i += prefixEvery)
        {
            yield return ("prefix", source[..tokens[i].Span.End]);
        }

        var random = new Random(seed);
        for (var i = 0; i < randomDeletions; i++)
        {
            var count = 1 + random.Next(3);
            var deleted = Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Count)]).DistinctBy(t => t.SpanStart).OrderByDescending(t => t.SpanStart);
            var text = source;
            foreach (var token in deleted)
            {
                text = text.Remove(token.SpanStart, token.Span.Length);
            }

            yield return ("token deletion", text);
        }

        foreach (var brace in tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)))
        {
            yield return ("missing brace", source.Remove(brace.SpanStart, 1));
        }

        foreach (var (type, wrongs) in TypeSwaps)
        {
            for (var at = source.IndexOf(type, StringComparison.Ordinal); at >= 0; at = source.IndexOf(type, at + 1, StringComparison.Ordinal))
            {
                foreach (var wrong in wrongs)
                {
                    yield return ("wrong type", source[..at] + wrong + source[(at + type.Length)..]);
                }
            }
        }
    }
}
