using System;
using System.IO;
using System.Text;

namespace ShutdownAnalyzers.Runner.Reports;

/// <summary>
/// The <c>--output</c> file. The report is written to a temporary file beside it and moved into
/// place, so a run that fails never leaves a half-written or stale-looking report.
/// </summary>
internal sealed class ReportFile
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private ReportFile(string argument, string path)
    {
        Argument = argument;
        Path = path;
    }

    /// <summary>The path as given on the command line.</summary>
    public string Argument { get; }

    public string Path { get; }

    /// <summary>Checks, before anything runs, that the file can be put where asked.</summary>
    public static ReportFile Prepare(string argument)
    {
        string path;
        try
        {
            path = System.IO.Path.GetFullPath(argument);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"cannot write the report to '{argument}': {e.Message}");
        }

        if (Directory.Exists(path))
        {
            throw new BadInputException($"cannot write the report to '{argument}': it is a folder");
        }

        var folder = System.IO.Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new BadInputException($"cannot write the report to '{argument}': folder '{folder}' does not exist");
        }

        return new ReportFile(argument, path);
    }

    public void Write(string content)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, content, Utf8);
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new BadInputException($"cannot write the report to '{Argument}': {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do; the report itself was never moved into place.
        }
    }
}
