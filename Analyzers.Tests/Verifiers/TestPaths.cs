using System;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Where the documents of the test solution live. Every path is rooted at <c>/</c> so that an analyzer
/// config file at <c>/.editorconfig</c> applies to all of them: the primary project's files are under
/// <c>/0/</c> (as Microsoft.CodeAnalysis.Testing does), another project's under <c>/{name}/</c>.
/// </summary>
internal static class TestPaths
{
    public const string PrimaryProjectFolder = "/0/";

    public static string ForDocument(string projectName, bool isPrimary, string fileName)
    {
        if (fileName.StartsWith('/'))
        {
            return fileName;
        }

        return (isPrimary ? PrimaryProjectFolder : "/" + projectName + "/") + fileName;
    }

    /// <summary>
    /// The full path an expected diagnostic means: empty is the default file; a bare file name is in the
    /// primary project ("Test1.cs" is "/0/Test1.cs"); "Other/Test0.cs" is "/Other/Test0.cs".
    /// </summary>
    public static string ForExpectation(string path, string defaultPath)
    {
        if (string.IsNullOrEmpty(path))
        {
            return defaultPath;
        }

        if (path.StartsWith('/'))
        {
            return path;
        }

        return path.Contains('/', StringComparison.Ordinal) ? "/" + path : PrimaryProjectFolder + path;
    }

    public static string ForAnalyzerConfig(string path) => path.StartsWith('/') ? path : "/" + path;
}
