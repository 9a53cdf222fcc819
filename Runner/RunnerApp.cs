using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using ShutdownAnalyzers.Runner.Commands;

namespace ShutdownAnalyzers.Runner;

/// <summary>
/// The <c>shutdown-sim</c> command line, callable in-process: parses the arguments, runs the
/// command, and turns every failure into one <c>shutdown-sim: error: …</c> line on the error stream
/// and exit code <see cref="ExitCodes.BadInput"/>, never a stack trace.
/// </summary>
public static class RunnerApp
{
    public const string CommandName = "shutdown-sim";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        Run(args, new RunnerConsole(output, error));

    public static int Run(IReadOnlyList<string> args, RunnerConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var parse = CreateRootCommand(console).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            return Fail(console, MostTellingError(parse));
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Output,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (BadInputException bad)
        {
            if (!string.IsNullOrWhiteSpace(bad.Details))
            {
                console.Error.Write(bad.Details.TrimEnd() + "\n");
            }

            return Fail(console, bad.Message);
        }
        catch (Exception unexpected)
        {
            return Fail(console, $"{unexpected.GetType().Name}: {unexpected.Message}");
        }
    }

    /// <summary>
    /// The root is a plain command named <see cref="CommandName"/> rather than a RootCommand, which
    /// names itself after the executable ("ShutdownAnalyzers.Runner" when run as a tool).
    /// </summary>
    public static Command CreateRootCommand(RunnerConsole console) =>
        new(CommandName, "Runs C# driver models through kexec, reboot, power-off, suspend, hibernate, hot-unplug and error recovery on simulated hardware, and reports per device whether it survived, with evidence. Exit code 0: all healthy; 1: some device unhealthy; 2: bad input.")
        {
            new HelpOption(),
            new VersionOption(),
            RunCommand.Create(console),
            MergeCommand.Create(console),
            ListCommand.Create(console),
            RunMachineCommand.Create(console),
        };

    /// <summary>
    /// A word nobody understood explains the rest ("required command was not provided"), so it comes
    /// first; no command at all gets the two there are.
    /// </summary>
    private static string MostTellingError(ParseResult parse)
    {
        if (parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(token => e.Message.Contains($"'{token}'", StringComparison.Ordinal))) is { } unknownWord)
        {
            return unknownWord.Message;
        }

        return parse.CommandResult.Parent is null
            ? $"no command given; use '{CommandName} run <model> --scenario <name>', '{CommandName} merge <shard reports>' or '{CommandName} list [<model>]' (--help for more)"
            : parse.Errors[0].Message;
    }

    /// <summary>Writes the one error line: lower-case start, no line breaks.</summary>
    private static int Fail(RunnerConsole console, string message)
    {
        var line = string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (line.Length > 1 && char.IsUpper(line[0]) && char.IsLower(line[1]))
        {
            line = char.ToLowerInvariant(line[0]) + line[1..];
        }

        console.Error.Write($"{CommandName}: error: {line}\n");
        return ExitCodes.BadInput;
    }
}
