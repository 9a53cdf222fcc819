using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShutdownAnalyzers.Samples.Power;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Bench.KexecSuccessRate;

/// <summary>
/// Boots the POWER server (every start is a kexec) with flawed and with fixed drivers, under each
/// kexec policy, over many seeds, and prints how often the kexec left every device healthy and how
/// often each device came through.
/// </summary>
public static class Program
{
    private const int DefaultSeeds = 100;

    public static int Main(string[] args)
    {
        if (!TryParseSeeds(args, out var seeds))
        {
            Console.Error.WriteLine($"kexec-success-rate: error: usage: kexec-success-rate [--seeds <n>]  (n a positive integer, default {DefaultSeeds})");
            return 2;
        }

        var machines = new MachineModel[] { new FlawedPowerServer(), new FixedPowerServer() };
        var rows = new List<Row>();
        foreach (var machine in machines)
        {
            foreach (var policy in Enum.GetValues<KexecPolicy>())
            {
                rows.Add(Measure(machine, policy, seeds));
            }
        }

        Print(rows, seeds);
        return 0;
    }

    private static Row Measure(MachineModel machine, KexecPolicy policy, int seeds)
    {
        var healthyRuns = 0;
        var healthyByDevice = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new SortedDictionary<string, SortedSet<Outcome>>(StringComparer.Ordinal);
        List<string>? deviceOrder = null;
        long totalMs = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var report = Simulator.Run(machine, Scenario.Kexec, policy, seed);
            deviceOrder ??= report.Devices.Select(d => $"{d.Driver} {d.Device}").ToList();
            healthyRuns += report.AllHealthy ? 1 : 0;
            totalMs += report.DurationMs;
            foreach (var device in report.Devices)
            {
                var column = $"{device.Driver} {device.Device}";
                healthyByDevice[column] = healthyByDevice.GetValueOrDefault(column) + (device.IsHealthy ? 1 : 0);
                if (!device.IsHealthy)
                {
                    (failures.TryGetValue(column, out var set) ? set : failures[column] = new SortedSet<Outcome>()).Add(device.Outcome);
                }
            }
        }

        var cells = deviceOrder!.Select(d => Cell(healthyByDevice[d], seeds, failures.GetValueOrDefault(d))).ToList();
        var meanMs = ((double)totalMs / seeds).ToString("0.#", CultureInfo.InvariantCulture);
        return new Row(machine.Name, policy, Percent(healthyRuns, seeds), meanMs, deviceOrder!, cells);
    }

    private static string Cell(int healthy, int seeds, SortedSet<Outcome>? failures) =>
        failures is null ? Percent(healthy, seeds) : $"{Percent(healthy, seeds)} ({string.Join(", ", failures)})";

    private static string Percent(int count, int total) =>
        (100.0 * count / total).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static void Print(IReadOnlyList<Row> rows, int seeds)
    {
        var devices = rows[0].Devices;
        var samples = string.Join(", ", PowerServer.Samples.Select(s => s.Name));
        Console.WriteLine($"kexec success rate of the POWER server ({samples}), {seeds} seeds per row");
        Console.WriteLine();
        Console.WriteLine("Each cell: share of kexecs after which the device was healthy in the next kernel, and the outcomes otherwise.");
        Console.WriteLine("The seed varies the workload before kexec (what is in the write caches) and the size of each kernel's image.");
        Console.WriteLine();
        Console.WriteLine($"| machine | policy | every device healthy | mean kexec ms | {string.Join(" | ", devices)} |");
        Console.WriteLine($"|---|---|---|---|{string.Concat(devices.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Machine} | {ScenarioNames.Format(row.Policy)} | {row.AllHealthy} | {row.MeanKexecMs} | {string.Join(" | ", row.Cells)} |");
        }
    }

    private static bool TryParseSeeds(string[] args, out int seeds)
    {
        seeds = DefaultSeeds;
        return args.Length switch
        {
            0 => true,
            2 when args[0] == "--seeds" => int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out seeds) && seeds > 0,
            _ => false,
        };
    }

    private sealed record Row(string Machine, KexecPolicy Policy, string AllHealthy, string MeanKexecMs, IReadOnlyList<string> Devices, IReadOnlyList<string> Cells);
}
