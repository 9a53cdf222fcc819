using System;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class RebootTests
{
    private const string Raid = "0000:03:00.0";

    /// <summary>Each cached write takes this long to reach the media.</summary>
    private static readonly TimeSpan FlushTimePerWrite = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void A_volatile_write_cache_not_flushed_before_reboot_loses_acknowledged_writes()
    {
        var report = Simulator.Run(RaidAdapter(WriteCacheKind.Volatile, flushesInShutdown: false), Scenario.Reboot);

        var raid = report[Raid]!;
        Assert.Equal(Outcome.DataLost, raid.Outcome);
        Assert.Equal("write cache", raid.Evidence.Location);
        Assert.Contains("the platform reset at reboot", raid.Evidence.Text);
        Assert.True(raid.Evidence.FlushCostMs > 0);
        Assert.Equal(0, raid.Evidence.FlushCostMs % 40);
        Assert.Contains($"would have cost {raid.Evidence.FlushCostMs} ms", raid.Evidence.Text);
    }

    [Fact]
    public void A_non_volatile_write_cache_keeps_its_writes_and_the_report_shows_the_flush_time_saved()
    {
        var report = Simulator.Run(RaidAdapter(WriteCacheKind.NonVolatile, flushesInShutdown: false), Scenario.Reboot);

        var raid = report[Raid]!;
        Assert.Equal(Outcome.Healthy, raid.Outcome);
        Assert.True(raid.Evidence.FlushSkipped);
        Assert.True(raid.Evidence.FlushCostMs > 0);
        Assert.Contains($"saved the {raid.Evidence.FlushCostMs} ms a flush would have cost", raid.Evidence.Text);
    }

    [Fact]
    public void Flushing_in_shutdown_keeps_the_data_and_the_flush_time_shows_in_the_evidence_and_the_duration()
    {
        var flushed = Simulator.Run(RaidAdapter(WriteCacheKind.Volatile, flushesInShutdown: true), Scenario.Reboot);
        var skipped = Simulator.Run(RaidAdapter(WriteCacheKind.NonVolatile, flushesInShutdown: false), Scenario.Reboot);

        var raid = flushed[Raid]!;
        Assert.Equal(Outcome.Healthy, raid.Outcome);
        Assert.False(raid.Evidence.FlushSkipped);
        Assert.Contains($"which cost {raid.Evidence.FlushCostMs} ms", raid.Evidence.Text);
        Assert.Equal(skipped[Raid]!.Evidence.FlushCostMs, raid.Evidence.FlushCostMs);
        Assert.Equal(skipped.DurationMs + raid.Evidence.FlushCostMs, flushed.DurationMs);
    }

    [Fact]
    public void A_reboot_resets_firmware_so_the_lpfc_without_shutdown_comes_back()
    {
        var report = Simulator.Run(new FlawedLpfcMachine(), Scenario.Reboot);

        Assert.Equal(Outcome.Healthy, report[LpfcMachines.AdapterAddress]!.Outcome);
        Assert.Contains("rebooted kernel", report[LpfcMachines.AdapterAddress]!.Evidence.Text);
    }

    [Fact]
    public void Drivers_see_the_same_restart_state_as_during_kexec()
    {
        SystemState? seen = null;
        var model = new TestMachineModel("state", m => m
            .AddPciFunction(Raid, new PciFunction(0x1014, 0x034a))
            .AddDriver(() => new CallbackDriver(shutdown: d => seen = d.Kernel.SystemState)));

        Simulator.Run(model, Scenario.Reboot);

        Assert.Equal(SystemState.Restart, seen);
    }

    internal static MachineModel RaidAdapter(WriteCacheKind kind, bool flushesInShutdown) =>
        new TestMachineModel("raid", m => m
            .AddPciFunction(Raid, new PciFunction(0x1014, 0x034a) { WriteCache = new WriteCache(kind, FlushTimePerWrite) })
            .AddDriver(() => new CallbackDriver(shutdown: flushesInShutdown ? d => d.WriteCache!.Flush() : null)));
}
