using System;
using System.IO;

namespace ShutdownAnalyzers.Agreement.Compilation;

/// <summary>The repository the running assembly was built in, found by walking up to ShutdownAnalyzers.sln.</summary>
public static class Repository
{
    private const string SolutionFileName = "ShutdownAnalyzers.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string SamplesFolder => Path.Combine(Root, "Samples");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}: run from a build inside the repository.");
    }
}
