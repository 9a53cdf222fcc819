using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Threading.Tasks;

namespace ShutdownAnalyzers.Bench;

/// <summary>
/// The benchmarks' command lines: <c>--help</c> prints the options, and a word or value the command
/// does not take is one <c>error:</c> line per mistake and exit code 2, before any work starts (a
/// benchmark that runs for minutes on a mistyped option, or ends in a stack trace, wastes the run).
/// </summary>
internal static class BenchCommandLine
{
    public const int BadInput = 2;

    /// <summary>Runs <paramref name="run"/> on the parsed options, or <c>--help</c> / <c>--version</c>, or reports the mistakes.</summary>
    public static async Task<int> RunAsync(RootCommand command, string[] args, Func<ParseResult, Task<int>> run)
    {
        command.SetAction((parse, _) => run(parse));
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run with --help for the options.");
            return BadInput;
        }

        return await parse.InvokeAsync();
    }

    /// <summary>A whole number of at least 1, <paramref name="fallback"/> when not given.</summary>
    public static Option<int> Count(string name, int fallback, string description) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result => ParseCount(result, name) ?? fallback,
        };

    /// <summary>The option's one value as a whole number of at least 1; null, with the error added, when it is not one.</summary>
    public static int? ParseCount(ArgumentResult result, string name)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens);
        if (IsCount(token, out var count))
        {
            return count;
        }

        result.AddError($"{name} takes a whole number of at least 1, not '{token}'.");
        return null;
    }

    /// <summary>True when <paramref name="text"/> is a whole number of at least 1, digits only.</summary>
    public static bool IsCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1;
}
