using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using BenchmarkDotNet.Running;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Bench.Runtime;

/// <summary>
/// <c>dotnet run -c Release --project bench/RuntimeBenchmarks -- --filter '*'</c>: BenchmarkDotNet.
/// <c>-- --quick</c>: one warm run per machine, a table in seconds rather than minutes, under the
/// non-concurrent GC the project sets; <c>DOTNET_gcConcurrent=1</c> in the environment runs it under
/// the default background GC.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            Quick();
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void Quick()
    {
        Console.WriteLine(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent GC (the runner's)\n" : "background GC (the default)\n");
        Console.WriteLine("| machine | devices | boot + kexec (ms) | per device (µs) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var machine in ScaledMachineCase.All.Select(c => c.Model))
        {
            Simulator.Run(machine, Scenario.Kexec); // warm-up: JIT, and the first allocations
            var watch = Stopwatch.StartNew();
            var report = Simulator.Run(machine, Scenario.Kexec);
            watch.Stop();
            if (report.Devices.Any(d => d.Outcome != Outcome.Healthy))
            {
                throw new InvalidOperationException($"{machine.Name}: a fixed driver did not come through kexec healthy.");
            }

            var ms = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"| {machine.Mix} | {machine.DeviceCount:N0} | {ms:F1} | {ms * 1000 / machine.DeviceCount:F1} |");
        }

        var sweep = new SweepBenchmarks();
        sweep.AllSamplesScenariosPolicies();
        var sweepWatch = Stopwatch.StartNew();
        sweep.AllSamplesScenariosPolicies();
        Console.WriteLine($"\nsweep: {SweepBenchmarks.RunCount} runs (samples × scenarios × policies) in {sweepWatch.Elapsed.TotalMilliseconds:F1} ms");
    }
}
