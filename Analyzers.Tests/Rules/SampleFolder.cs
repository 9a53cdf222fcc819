using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Tests.Documentation;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>The C# sources of one folder under Samples/, named by their path in it with dots ("Flawed.NvmeDriver.cs").</summary>
internal sealed class SampleFolder
{
    private SampleFolder(IReadOnlyList<(string Name, string Content)> sources) => Sources = sources;

    public IReadOnlyList<(string Name, string Content)> Sources { get; }

    public static SampleFolder Load(string folder)
    {
        var root = Path.Combine(RepositoryLayout.Root, "Samples", folder);
        var sources = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Where(relative => !relative.StartsWith("bin", StringComparison.Ordinal) && !relative.StartsWith("obj", StringComparison.Ordinal))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .Select(relative => (relative.Replace(Path.DirectorySeparatorChar, '.'), File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
        return new SampleFolder(sources);
    }

    /// <summary>The 1-based line and column of <paramref name="marker"/> in the source named <paramref name="name"/>, moved on by <paramref name="offset"/>.</summary>
    public (string Name, int Line, int Column) Find(string name, string marker, int offset = 0)
    {
        var (line, column) = SourcePosition.Of(Sources.Single(source => source.Name == name).Content, marker, offset);
        return (name, line, column);
    }
}
