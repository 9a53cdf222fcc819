using System;
using System.IO;

namespace ShutdownAnalyzers.Tests.Documentation;

/// <summary>Files of the repository the tests check, found from the test assembly's folder.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFileName = "ShutdownAnalyzers.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding ShutdownAnalyzers.sln, walking up from the test assembly.</summary>
    public static string Root => LazyRoot.Value;

    public static string RulesDocsFolder => Path.Combine(Root, "docs", "rules");

    public static string Readme => Path.Combine(Root, "README.md");

    public static string ShippedReleases => Path.Combine(Root, "Analyzers", "AnalyzerReleases.Shipped.md");

    public static string UnshippedReleases => Path.Combine(Root, "Analyzers", "AnalyzerReleases.Unshipped.md");

    public static string EditorConfig => Path.Combine(Root, ".editorconfig");

    public static string BuildProps => Path.Combine(Root, "Directory.Build.props");

    /// <summary>The bundled global config for a <c>ShutdownAnalysisMode</c> that overrides the defaults.</summary>
    public static string AnalysisModeConfig(string mode) =>
        Path.Combine(Root, "Package", "build", "config", $"ShutdownAnalysisMode.{mode}.globalconfig");

    public static string RuleDoc(string id) => Path.Combine(RulesDocsFolder, id + ".md");

    /// <summary>The repository-relative path (forward slashes) of the one file named <paramref name="fileName"/> under <paramref name="folder"/>, or null.</summary>
    public static string? FindSource(string folder, string fileName)
    {
        var matches = Directory.GetFiles(Path.Combine(Root, folder), fileName, SearchOption.AllDirectories);
        return matches.Length == 1 ? Path.GetRelativePath(Root, matches[0]).Replace('\\', '/') : null;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}: run the tests from a build inside the repository.");
    }
}
