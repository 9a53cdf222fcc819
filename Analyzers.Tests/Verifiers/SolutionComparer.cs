using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>Compares the sources of a fixed solution with the expected fixed state, file by file.</summary>
internal static class SolutionComparer
{
    /// <param name="what">How the solution was produced, e.g. "FixAll in Project scope".</param>
    /// <param name="hint">Extra context for a failure, such as the code actions that were offered.</param>
    public static async Task AssertSourcesMatchAsync(Solution actual, ResolvedState expected, string what, string hint, CancellationToken cancellationToken)
    {
        var nl = Environment.NewLine;
        var problems = new StringBuilder();
        foreach (var expectedProject in expected.Projects)
        {
            var project = actual.Projects.FirstOrDefault(p => p.Name == expectedProject.Name);
            if (project is null)
            {
                problems.Append($"Project '{expectedProject.Name}' is gone.{nl}");
                continue;
            }

            foreach (var expectedDocument in expectedProject.Documents)
            {
                var document = project.Documents.FirstOrDefault(d => d.FilePath == expectedDocument.Path);
                if (document is null)
                {
                    problems.Append($"{expectedDocument.Path} is missing.{nl}");
                    continue;
                }

                var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                if (TextDiff.NormalizeLineEndings(text) != TextDiff.NormalizeLineEndings(expectedDocument.Text))
                {
                    problems.Append(TextDiff.Unified(expectedDocument.Text, text, $"{expectedDocument.Path} (expected, {expected.Name})", $"{expectedDocument.Path} (actual)"));
                }
            }

            foreach (var added in project.Documents.Where(d => expectedProject.Documents.All(e => e.Path != d.FilePath)))
            {
                problems.Append($"{added.FilePath ?? added.Name} was added, but {expected.Name} does not have it.{nl}");
            }
        }

        if (problems.Length > 0)
        {
            throw TestFailure.Create($"{what} does not produce {expected.Name}:{nl}{problems}{nl}{hint}");
        }
    }
}
