using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ShutdownAnalyzers.Agreement.Compilation;

/// <summary>
/// The C# files of one sample folder (<c>Samples/&lt;name&gt;</c>), parsed, with their paths. A sample
/// keeps its drivers in <c>Flawed/</c> and <c>Fixed/</c> and what both share beside them.
/// </summary>
public sealed class SampleSources
{
    public const string FlawedFolder = "Flawed";

    public const string FixedFolder = "Fixed";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private SampleSources(string name, string folder, ImmutableArray<SyntaxTree> trees)
    {
        Name = name;
        Folder = folder;
        Trees = trees;
    }

    /// <summary>The folder's name under <c>Samples/</c>, e.g. <c>Lpfc</c>.</summary>
    public string Name { get; }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>Every file, ordered by path.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The sample folders that have both a Flawed and a Fixed form, by name.</summary>
    public static IReadOnlyList<string> Discover(string samplesFolder) =>
        Directory.GetDirectories(samplesFolder)
            .Where(folder => Directory.Exists(Path.Combine(folder, FlawedFolder)) && Directory.Exists(Path.Combine(folder, FixedFolder)))
            .Select(Path.GetFileName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList()!;

    /// <summary>Reads <c>Samples/<paramref name="sample"/></c>, build output left out.</summary>
    public static SampleSources Load(string samplesFolder, string sample)
    {
        var folder = Path.Combine(samplesFolder, sample);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"No sample folder {folder}.");
        }

        var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(folder, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path))
            .ToImmutableArray();
        return new SampleSources(sample, folder, trees);
    }

    /// <summary>The same sample with some files' trees replaced (matched by path).</summary>
    public SampleSources With(IEnumerable<SyntaxTree> replacements)
    {
        var byPath = replacements.ToDictionary(tree => tree.FilePath, StringComparer.Ordinal);
        return new SampleSources(Name, Folder, Trees.Select(tree => byPath.TryGetValue(tree.FilePath, out var replaced) ? replaced : tree).ToImmutableArray());
    }

    /// <summary>True for a file under the sample's <paramref name="subfolder"/> (Flawed or Fixed).</summary>
    public bool IsIn(SyntaxTree tree, string subfolder) =>
        tree.FilePath.StartsWith(Path.Combine(Folder, subfolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path relative to the repository's <c>Samples/</c>, with forward slashes.</summary>
    public string RelativePath(SyntaxTree tree) =>
        Path.GetRelativePath(Path.GetDirectoryName(Folder)!, tree.FilePath).Replace('\\', '/');

    private static bool IsBuildOutput(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar);
        return relative.Contains("bin") || relative.Contains("obj");
    }
}
