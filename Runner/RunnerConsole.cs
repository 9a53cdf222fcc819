using System;
using System.IO;
using Spectre.Console;

namespace ShutdownAnalyzers.Runner;

/// <summary>
/// Where the runner writes: reports and listings to <see cref="Output"/>, errors to
/// <see cref="Error"/>. Colour and live progress are used only when <see cref="OutputIsTerminal"/>,
/// so redirected output and CI logs stay plain.
/// </summary>
public sealed class RunnerConsole
{
    /// <summary>The width tables are laid out in when the output is not a terminal (files, pipes, CI logs).</summary>
    public const int PlainWidth = 120;

    public RunnerConsole(TextWriter output, TextWriter error, bool outputIsTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Output = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool OutputIsTerminal { get; }

    /// <summary>The process's console: a terminal unless stdout is redirected or <c>CI</c> is set.</summary>
    public static RunnerConsole ForProcess() =>
        new(Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected && !RunsInCi());

    /// <summary>A Spectre console on <see cref="Output"/>: coloured and interactive on a terminal, plain otherwise.</summary>
    internal IAnsiConsole CreateOutputConsole() =>
        OutputIsTerminal ? CreateTerminal(Output) : CreatePlain(Output);

    /// <summary>A console that writes no escape codes, at <see cref="PlainWidth"/> columns, the same bytes every time.</summary>
    internal static IAnsiConsole CreatePlain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    private static IAnsiConsole CreateTerminal(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });

    // GitHub Actions, GitLab CI, Azure Pipelines and most others set CI=true.
    private static bool RunsInCi() =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase)
        && ci != "0";
}
