using System.Collections.Generic;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// The running system's I/O before a scenario: for a seeded while, each bound device with a write
/// cache acknowledges a seeded number of writes, spread over that while. The seed decides how much
/// is in the caches, and so what a flush costs.
/// </summary>
internal static class Workload
{
    public static void Run(Machine machine)
    {
        var duration = machine.Random.Between(20, 40);
        var writers = new List<(WriteCache Cache, HardwareUnit Unit, int Count, long FirstBlock)>();
        for (var i = 0; i < machine.Declared.Count; i++)
        {
            var device = machine.Declared[i];
            if (device.Unit.WriteCache is { } cache && machine.Find(device.Name)?.Driver is not null)
            {
                writers.Add((cache, device.Unit, machine.Random.Between(8, 16), 1000L * (i + 1)));
            }
        }

        var written = new int[writers.Count];
        for (var tick = 1; tick <= duration; tick++)
        {
            machine.RunFor(1);
            for (var w = 0; w < writers.Count; w++)
            {
                var (cache, unit, count, firstBlock) = writers[w];
                while (written[w] < count * tick / duration && CanAcceptWrites(unit))
                {
                    cache.Acknowledge(firstBlock + written[w], machine.Clock.NowMs);
                    written[w]++;
                }
            }
        }
    }

    private static bool CanAcceptWrites(HardwareUnit unit) => unit switch
    {
        DeviceHardware hardware => hardware.IsActive,
        ScsiDisk disk => disk.IsPresent && disk.Spinning,
        _ => unit.IsPresent,
    };
}
