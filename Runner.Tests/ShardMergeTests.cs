using System.IO;
using System.Linq;
using System.Text.Json;

namespace ShutdownAnalyzers.Runner.Tests;

/// <summary>
/// A sweep split across a CI matrix with <c>--shard i/n</c> and put back together with <c>merge</c>
/// gives the unsharded run's report, byte for byte, in every format, and its exit code.
/// </summary>
public class ShardMergeTests
{
    private static readonly string[] Sweep = { "run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--seed", "5" };

    [Theory]
    [InlineData("table", 4)]
    [InlineData("json", 4)]
    [InlineData("junit", 5)]
    [InlineData("html", 3)]
    public void Merged_shards_equal_the_unsharded_run_byte_for_byte(string format, int shards)
    {
        using var folder = new TemporaryFolder();
        var unsharded = ShutdownSim.Run(Sweep.Concat(new[] { "--format", format, "--output", folder.File("whole") }).ToArray());

        var files = WriteShards(folder, shards, Sweep);
        var merged = ShutdownSim.Run(new[] { "merge" }.Concat(files.Reverse()).Concat(new[] { "--format", format, "--output", folder.File("merged") }).ToArray());

        merged.AssertExit(ExitCodes.SomeUnhealthy);
        Assert.Equal(unsharded.ExitCode, merged.ExitCode);
        Assert.Equal(File.ReadAllBytes(folder.File("whole")), File.ReadAllBytes(folder.File("merged")));
        Assert.Equal(unsharded.Output.Replace("whole", "merged"), merged.Output);
    }

    [Fact]
    public void Shards_deal_out_the_runs_in_turn_with_none_left_out_or_run_twice()
    {
        using var folder = new TemporaryFolder();
        var whole = ShutdownSim.Run(Sweep.Concat(new[] { "--format", "json" }).ToArray());
        var expected = Runs(JsonDocument.Parse(whole.Output).RootElement);

        var files = WriteShards(folder, 4, Sweep);

        var dealt = files.Select(f => Runs(JsonDocument.Parse(File.ReadAllText(f)).RootElement)).ToList();
        Assert.Equal(new[] { 9, 8, 8, 8 }, dealt.Select(d => d.Length));
        Assert.Equal(expected.Where((_, i) => i % 4 == 1), dealt[1]);
        Assert.Equal(expected.OrderBy(r => r), dealt.SelectMany(d => d).OrderBy(r => r));
    }

    [Fact]
    public void A_shard_with_no_runs_left_for_it_still_merges()
    {
        using var folder = new TemporaryFolder();
        string[] oneRun = { "run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--machine", "flawed" };
        var whole = ShutdownSim.Run(oneRun.Concat(new[] { "--format", "junit" }).ToArray());

        var files = WriteShards(folder, 3, oneRun);
        var merged = ShutdownSim.Run("merge", files[0], files[1], files[2], "--format", "junit");

        Assert.Equal(whole.Output, merged.Output);
        Assert.Equal(ExitCodes.SomeUnhealthy, merged.ExitCode);
    }

    [Fact]
    public void Merge_names_a_missing_shard()
    {
        using var folder = new TemporaryFolder();
        var files = WriteShards(folder, 3, Sweep);

        var line = ShutdownSim.Run("merge", files[0], files[2]).AssertBadInput();

        Assert.Contains("shard 2/3 missing", line);
    }

    [Fact]
    public void Merge_refuses_a_shard_given_twice()
    {
        using var folder = new TemporaryFolder();
        var files = WriteShards(folder, 2, Sweep);

        var line = ShutdownSim.Run("merge", files[0], files[1], files[0]).AssertBadInput();

        Assert.Contains("shard 1/2 is given twice", line);
    }

    [Fact]
    public void Merge_refuses_shards_of_different_sweeps()
    {
        using var folder = new TemporaryFolder();
        var seedFive = WriteShards(folder, 2, Sweep);
        var seedSix = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "all", "--policy", "all", "--seed", "6", "--shard", "2/2", "--format", "json", "--output", folder.File("seed6.json"));
        Assert.Equal(ExitCodes.SomeUnhealthy, seedSix.ExitCode);

        var line = ShutdownSim.Run("merge", seedFive[0], folder.File("seed6.json")).AssertBadInput();

        Assert.Contains("merge the shards of one sweep", line);
    }

    [Fact]
    public void Merge_refuses_a_report_that_is_not_a_shard()
    {
        using var folder = new TemporaryFolder();
        ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--format", "json", "--output", folder.File("plain.json"));
        File.WriteAllText(folder.File("broken.json"), "{ \"shard\": ");

        Assert.Contains("is not a shard report: it has no \"shard\"", ShutdownSim.Run("merge", folder.File("plain.json")).AssertBadInput());
        Assert.Contains("is not a shard report", ShutdownSim.Run("merge", folder.File("broken.json")).AssertBadInput());
        Assert.Contains("cannot read", ShutdownSim.Run("merge", folder.File("absent.json")).AssertBadInput());
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void A_bad_shard_is_bad_input(string shard)
    {
        var line = ShutdownSim.Run("run", ShutdownSim.ModelsAssembly, "--scenario", "kexec", "--shard", shard).AssertBadInput();

        Assert.Equal($"shutdown-sim: error: bad shard '{shard}': expected <i>/<n> with 1 <= i <= n, such as 2/4", line);
    }

    private static string[] WriteShards(TemporaryFolder folder, int count, string[] sweep)
    {
        var files = Enumerable.Range(1, count).Select(i => folder.File($"shard-{i}-of-{count}.json")).ToArray();
        for (var i = 1; i <= count; i++)
        {
            var shard = ShutdownSim.Run(sweep.Concat(new[] { "--shard", $"{i}/{count}", "--format", "json", "--output", files[i - 1] }).ToArray());
            Assert.True(shard.ExitCode is ExitCodes.AllHealthy or ExitCodes.SomeUnhealthy, shard.ToString());
            Assert.Equal("", shard.Error);
        }

        return files;
    }

    /// <summary>"machine/scenario/policy" of each run of a plain or shard JSON report.</summary>
    private static string[] Runs(JsonElement root)
    {
        var runs = root.TryGetProperty("runs", out var list) ? list.EnumerateArray().ToList() : new() { root };
        return runs.Select(r => $"{r.GetProperty("machine").GetString()}/{r.GetProperty("scenario").GetString()}/{r.GetProperty("policy").GetString()}").ToArray();
    }
}
