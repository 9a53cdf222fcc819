using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ShutdownAnalyzers.Runner.Models;

/// <summary>
/// Turns the model argument into the path of a model assembly: a .dll as given, or the output of a
/// project (a .csproj, or a folder holding exactly one) after building it.
/// </summary>
internal static class ModelLocator
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    public static string LocateAssembly(string argument, Func<string, string> buildProject)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Trim().Length == 0)
        {
            throw new BadInputException("no model given: pass a model assembly (.dll), a project (.csproj) or a folder with one project");
        }

        var path = Path.GetFullPath(argument);
        if (Directory.Exists(path))
        {
            return buildProject(SingleProjectIn(argument, path));
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"model '{argument}' not found: no such file or folder");
        }

        if (IsProject(path))
        {
            return buildProject(path);
        }

        EnsureManagedAssembly(argument, path);
        return path;
    }

    private static string SingleProjectIn(string argument, string folder)
    {
        var projects = Directory.EnumerateFiles(folder)
            .Where(IsProject)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new BadInputException($"folder '{argument}' has no project file; pass a model assembly (.dll), a project (.csproj) or a folder with one project"),
            _ => throw new BadInputException($"folder '{argument}' has several projects ({string.Join(", ", projects.Select(Path.GetFileName))}); pass one of them"),
        };
    }

    private static bool IsProject(string path) =>
        ProjectExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static void EnsureManagedAssembly(string argument, string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            throw new BadInputException($"'{argument}' is not a .NET assembly; pass a model assembly (.dll), a project (.csproj) or a folder with one project");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot read '{argument}': {e.Message}");
        }
    }
}
