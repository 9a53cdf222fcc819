using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace ShutdownAnalyzers.Tests.Benchmarks;

/// <summary>
/// The benchmarks that run for minutes check their command line first: a mistyped option or value is
/// one clear error and exit code 2 before any work (nothing generated, no stack trace), and
/// <c>--help</c> lists the options. Each benchmark runs as its own process, as from the README.
/// </summary>
public sealed class BenchCommandLineTests
{
    private const string IdePath = "ShutdownAnalyzers.Bench.IdePath.dll";
    private const string AnalyzerOverhead = "ShutdownAnalyzers.Bench.AnalyzerOverhead.dll";

    [Theory]
    [InlineData(IdePath, "--drivers abc", "--drivers takes a whole number of at least 1, not 'abc'")]
    [InlineData(IdePath, "--rounds 0", "--rounds takes a whole number of at least 1, not '0'")]
    [InlineData(IdePath, "--plain -5", "--plain takes a whole number of at least 1, not '-5'")]
    [InlineData(IdePath, "--fixes some", "Argument 'some' not recognized. Must be one of")]
    [InlineData(IdePath, "--only SHD003,SHD999", "--only: no rule 'SHD999'; the rules are SHD001, SHD002")]
    [InlineData(IdePath, "--drivers 10 --bogus", "Unrecognized command or argument '--bogus'")]
    [InlineData(IdePath, "--floor --type-floor", "--floor and --type-floor: run one floor at a time.")]
    [InlineData(AnalyzerOverhead, "--sizes 100,x", "--sizes takes whole numbers of at least 1, separated by commas; 'x' is not one")]
    [InlineData(AnalyzerOverhead, "--repeat many", "--repeat takes a whole number of at least 1, not 'many'")]
    [InlineData(AnalyzerOverhead, "--sizes 100 --size 1000", "Unrecognized command or argument '--size'")]
    [InlineData(AnalyzerOverhead, "--baseline /no/such/ShutdownAnalyzers.dll", "--baseline: no file '/no/such/ShutdownAnalyzers.dll'; give the path of another version's ShutdownAnalyzers.dll.")]
    public void A_bad_option_is_one_error_and_exit_code_2_before_any_work(string benchmark, string arguments, string expected)
    {
        var work = Path.Combine(Path.GetTempPath(), "shd-bench-args-" + Guid.NewGuid().ToString("N"));
        var run = Run(benchmark, arguments + (benchmark == AnalyzerOverhead ? $" --work {work}" : ""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(work), "the benchmark generated projects before rejecting its options");
    }

    [Theory]
    [InlineData(IdePath, "--drivers")]
    [InlineData(AnalyzerOverhead, "--sizes")]
    public void Help_lists_the_options_and_does_no_work(string benchmark, string option)
    {
        var run = Run(benchmark, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    private static (int ExitCode, string Output, string Error) Run(string benchmark, string arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, benchmark));
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{benchmark} {arguments} did not stop within a minute: it started work instead of checking its options.");
        }

        return (process.ExitCode, output.Result, error);
    }
}
