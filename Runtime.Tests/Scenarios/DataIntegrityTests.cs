using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

/// <summary>
/// Acknowledged writes over many seeded random workloads: machines of one to three host adapters with
/// one to four disks each, volatile or non-volatile caches of varying flush cost, and the workload's
/// own seed. A disk driver that flushes before every hand-over never loses a write; one that skips
/// the flush in Shutdown ("the next kernel will do it", seed 000) is caught wherever it had writes
/// in a volatile cache.
/// </summary>
public class DataIntegrityTests
{
    private const int Workloads = 60;

    /// <summary>
    /// The scenarios where the kernel gives drivers the chance to flush. Not kexec-on-panic: a crash
    /// calls no driver at all, so what a volatile cache held is lost whatever the driver does.
    /// </summary>
    public static readonly IReadOnlyList<(Scenario Scenario, KexecPolicy Policy)> FlushingScenarios =
        ScenarioNames.AllScenarios
            .Where(s => s != Scenario.KexecOnPanic)
            .SelectMany(s => (ScenarioNames.UsesPolicy(s) ? ScenarioNames.AllPolicies : ScenarioNames.AllPolicies.Take(1)).Select(p => (s, p)))
            .ToList();

    [Fact]
    public void A_driver_that_flushes_never_loses_an_acknowledged_write_in_any_scenario()
    {
        var losses = new List<string>();
        for (var seed = 0; seed < Workloads; seed++)
        {
            foreach (var (scenario, policy) in FlushingScenarios)
            {
                var report = Simulator.Run(RandomMachine(seed, skipsFlushInShutdown: false), scenario, policy, seed);
                losses.AddRange(report.Devices
                    .Where(d => d.Outcome == Outcome.DataLost || d.OtherFindings.Any(e => e.Outcome == Outcome.DataLost))
                    .Select(d => $"seed {seed}, {ScenarioNames.Format(scenario)}/{ScenarioNames.Format(policy)}: {d.Device}: {d.Evidence.Text}"));
            }
        }

        Assert.True(losses.Count == 0, $"{losses.Count} losses; first: {string.Join("\n", losses.Take(3))}");
    }

    [Fact]
    public void Every_flush_skipping_driver_with_writes_in_a_volatile_cache_is_caught_by_kexec()
    {
        var missed = new List<string>();
        var caught = 0;
        for (var seed = 0; seed < Workloads; seed++)
        {
            var machine = RandomMachine(seed, skipsFlushInShutdown: true);
            var report = Simulator.Run(machine, Scenario.Kexec, KexecPolicy.Shutdown, seed);
            foreach (var disk in machine.Disks.Where(d => !d.NonVolatile))
            {
                if (report[disk.Name]!.Outcome == Outcome.DataLost)
                {
                    caught++;
                }
                else
                {
                    missed.Add($"seed {seed}: {disk.Name}: {report[disk.Name]!.Outcome}: {report[disk.Name]!.Evidence.Text}");
                }
            }

            foreach (var disk in machine.Disks.Where(d => d.NonVolatile))
            {
                // Skipping the flush of a non-volatile cache is the right call, and is not reported.
                Assert.Equal(Outcome.Healthy, report[disk.Name]!.Outcome);
            }
        }

        Assert.True(missed.Count == 0, $"{missed.Count} missed; first: {string.Join("\n", missed.Take(3))}");
        Assert.True(caught >= Workloads, $"only {caught} volatile disks over {Workloads} workloads");
    }

    /// <summary>A machine drawn from <paramref name="seed"/>: hosts, disks, cache kinds and flush costs.</summary>
    private static RandomDiskMachine RandomMachine(int seed, bool skipsFlushInShutdown)
    {
        var random = new Random(seed);
        var disks = new List<(string Name, string Host, bool NonVolatile, int FlushMs)>();
        var hosts = 1 + random.Next(3);
        for (var h = 0; h < hosts; h++)
        {
            var diskCount = 1 + random.Next(4);
            for (var d = 0; d < diskCount; d++)
            {
                // At least one volatile disk per machine, so every workload can catch a skipped flush.
                var nonVolatile = (h, d) != (0, 0) && random.Next(3) == 0;
                disks.Add(($"{h}:0:{d}:0", $"0000:0{h + 1}:00.0", nonVolatile, 1 + random.Next(3)));
            }
        }

        return new RandomDiskMachine($"disks-{seed}", hosts, disks, skipsFlushInShutdown);
    }

    private sealed class RandomDiskMachine(string name, int hosts, IReadOnlyList<(string Name, string Host, bool NonVolatile, int FlushMs)> disks, bool skipsFlushInShutdown)
        : MachineModel
    {
        public override string Name => name;

        public IReadOnlyList<(string Name, string Host, bool NonVolatile, int FlushMs)> Disks => disks;

        public override void Build(MachineBuilder machine)
        {
            for (var h = 0; h < hosts; h++)
            {
                machine.AddPciFunction($"0000:0{h + 1}:00.0", new PciFunction(0x1000, 0x0097));
            }

            foreach (var disk in disks)
            {
                var kind = disk.NonVolatile ? WriteCacheKind.NonVolatile : WriteCacheKind.Volatile;
                machine.AddScsiDisk(disk.Name, disk.Host, new ScsiDisk { WriteCache = new WriteCache(kind, TimeSpan.FromMilliseconds(disk.FlushMs)) });
            }

            machine.AddDriver(() => new CallbackDriver(name: "host"));
            machine.AddDriver(() => new DiskDriver(skipsFlushInShutdown));
        }
    }

    /// <summary>sd with or without the flush in Shutdown; it flushes in Remove and Suspend either way.</summary>
    private sealed class DiskDriver(bool skipsFlushInShutdown) : ScsiDriver
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        public override string Name => skipsFlushInShutdown ? "sd-noflush" : "sd";

        public override void Probe(ScsiDevice device) => device.Read(0);

        public override void Remove(ScsiDevice device) => device.WriteCache?.Flush(Timeout);

        public override void Suspend(ScsiDevice device) => device.WriteCache?.Flush(Timeout);

        public override void Shutdown(ScsiDevice device)
        {
            if (!skipsFlushInShutdown)
            {
                device.WriteCache?.Flush(Timeout);
            }
        }
    }
}
