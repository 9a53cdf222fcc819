using System;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class KexecTests
{
    private const string Adapter = "0000:01:00.0";

    [Fact]
    public void A_driver_with_remove_but_no_shutdown_leaves_the_firmware_configured_and_the_next_probe_fails()
    {
        var report = Simulator.Run(FirmwareAdapter<RemoveOnlyDriver>(), Scenario.Kexec, KexecPolicy.Shutdown);

        var adapter = report[Adapter]!;
        Assert.Equal(Outcome.ProbeFailed, adapter.Outcome);
        Assert.Equal("next kernel", adapter.Evidence.Kernel);
        Assert.Equal("Probe", adapter.Evidence.Callback);
        Assert.Contains("mbxCmd x88 CONFIG_PORT", adapter.Evidence.Text);
        Assert.Empty(adapter.OtherFindings);
    }

    [Fact]
    public void When_the_adapter_ignores_clear_master_its_dma_corrupts_the_next_kernel_and_the_failed_probe_is_kept_as_evidence()
    {
        var report = Simulator.Run(FirmwareAdapter<RemoveOnlyDriver>(honorsBusMasterDisable: false), Scenario.Kexec);

        var adapter = report[Adapter]!;
        Assert.Equal(Outcome.DmaCorruption, adapter.Outcome);
        Assert.StartsWith("page ", adapter.Evidence.Location);
        Assert.Contains("ignores the bus-master bit", adapter.Evidence.Text);
        Assert.Equal("next kernel", adapter.Evidence.Kernel);
        var probe = Assert.Single(adapter.OtherFindings);
        Assert.Equal(Outcome.ProbeFailed, probe.Outcome);
        Assert.True(adapter.Evidence.AtMs < probe.AtMs, "the DMA corrupts memory during early boot, before the probe runs");
        Assert.Contains("also ProbeFailed", adapter.EvidenceText);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Shutdown_mapped_to_remove_leaves_the_adapter_ready_for_the_next_kernel(bool honorsBusMasterDisable)
    {
        var report = Simulator.Run(FirmwareAdapter<ShutdownIsRemoveDriver>(honorsBusMasterDisable), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Adapter]!.Outcome);
    }

    [Theory]
    [InlineData(KexecPolicy.Remove)]
    [InlineData(KexecPolicy.ShutdownElseRemove)]
    public void Policies_that_call_remove_make_the_remove_only_driver_healthy(KexecPolicy policy)
    {
        var report = Simulator.Run(FirmwareAdapter<RemoveOnlyDriver>(honorsBusMasterDisable: false), Scenario.Kexec, policy);

        Assert.Equal(Outcome.Healthy, report[Adapter]!.Outcome);
        Assert.Contains(report[Adapter]!.Timeline, e => e.What == $"remove-only Remove({Adapter}) called");
    }

    [Fact]
    public void A_shutdown_that_puts_the_function_in_D3cold_leaves_it_unreachable_for_the_next_kernel()
    {
        var report = Simulator.Run(PowerOffInShutdown(), Scenario.Kexec);

        var adapter = report[Adapter]!;
        Assert.Equal(Outcome.Unreachable, adapter.Outcome);
        Assert.Contains($"SetPowerState(D3Cold) in d3cold Shutdown({Adapter}) cut its power, and its slot has no power control", adapter.Evidence.Text);
    }

    [Fact]
    public void A_slot_with_power_control_lets_the_next_kernel_power_a_D3cold_function_back_on()
    {
        var report = Simulator.Run(PowerOffInShutdown(new HotplugSlot(hasPowerControl: true)), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Adapter]!.Outcome);
    }

    [Fact]
    public void The_pci_core_clears_bus_mastering_after_shutdown_so_compliant_hardware_stops_its_dma()
    {
        var report = Simulator.Run(DmaDevice<StartsDmaOnlyDriver>(), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Adapter]!.Outcome);
        Assert.Contains(report[Adapter]!.Timeline, e => e.What.StartsWith("pci_device_shutdown cleared bus mastering", StringComparison.Ordinal) && !e.BusMaster);
    }

    [Fact]
    public void Under_the_remove_policy_the_core_does_not_clear_master_for_a_function_remove_left_in_an_unknown_state()
    {
        // pci_device_remove marks a function left in D0 as PCI_UNKNOWN; pci_device_shutdown leaves those alone.
        var report = Simulator.Run(DmaDevice<StartsDmaOnlyDriver>(), Scenario.Kexec, KexecPolicy.Remove);

        Assert.Equal(Outcome.DmaCorruption, report[Adapter]!.Outcome);
        Assert.Contains("nothing stopped the engine", report[Adapter]!.Evidence.Text);
    }

    [Fact]
    public void A_platform_device_has_no_bus_master_bit_so_only_its_driver_can_stop_its_dma()
    {
        var flawed = Simulator.Run(PlatformDma(stopsInShutdown: false), Scenario.Kexec);
        var fixedForm = Simulator.Run(PlatformDma(stopsInShutdown: true), Scenario.Kexec);

        Assert.Equal(Outcome.DmaCorruption, flawed["dma@10000000"]!.Outcome);
        Assert.Contains("platform bus has no bus-master bit", flawed["dma@10000000"]!.Evidence.Text);
        Assert.Equal(Outcome.Healthy, fixedForm["dma@10000000"]!.Outcome);
    }

    [Fact]
    public void A_level_interrupt_left_enabled_and_asserted_storms_in_the_next_kernel()
    {
        var flawed = Simulator.Run(LevelInterruptDevice(masksInShutdown: false), Scenario.Kexec);
        var fixedForm = Simulator.Run(LevelInterruptDevice(masksInShutdown: true), Scenario.Kexec);

        var storm = flawed[Adapter]!;
        Assert.Equal(Outcome.InterruptStorm, storm.Outcome);
        Assert.Equal("irq 16", storm.Evidence.Location);
        Assert.Equal("next kernel", storm.Evidence.Kernel);
        Assert.Contains("no handler is registered", storm.Evidence.Text);
        Assert.Equal(Outcome.Healthy, fixedForm[Adapter]!.Outcome);
    }

    [Fact]
    public void An_msi_nobody_handles_in_the_next_kernel_is_dropped_as_spurious()
    {
        var report = Simulator.Run(LevelInterruptDevice(masksInShutdown: false, InterruptMode.Msi), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Adapter]!.Outcome);
        Assert.Contains(report[Adapter]!.Timeline, e => e.Kernel == "next kernel" && e.What.StartsWith("spurious MSI on vector 64", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interrupt_controller_that_cannot_be_disabled_corrupts_the_next_kernel_unless_its_tables_are_reserved()
    {
        var flawed = Simulator.Run(Its(reserves: false), Scenario.Kexec);
        var fixedForm = Simulator.Run(Its(reserves: true), Scenario.Kexec);

        Assert.Equal(Outcome.DmaCorruption, flawed["its@8080000"]!.Outcome);
        Assert.Contains("cannot be stopped", flawed["its@8080000"]!.Evidence.Text);
        Assert.Equal(Outcome.Healthy, fixedForm["its@8080000"]!.Outcome);
    }

    [Fact]
    public void Drivers_see_the_restart_state_during_kexec_shutdown()
    {
        var states = new System.Collections.Generic.List<SystemState>();
        var model = new TestMachineModel("state", m => m
            .AddPciFunction(Adapter, new PciFunction(0x1af4, 0x1000))
            .AddDriver(() => new StateRecordingDriver(states)));

        Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(new[] { SystemState.Restart }, states);
    }

    [Fact]
    public void The_next_kernel_reuses_the_old_kernels_memory_with_new_generations()
    {
        var report = Simulator.Run(FirmwareAdapter<RemoveOnlyDriver>(honorsBusMasterDisable: false), Scenario.Kexec);

        // The rings were mapped at generation 1 in the old kernel; the next kernel's hand-over made them 2.
        Assert.Matches("wrote page [0-9]+, mapped at generation 1, now at generation [23] ", report[Adapter]!.Evidence.Text);
    }

    [Theory]
    [InlineData(WriteCacheKind.Volatile, false, Outcome.DataLost)]
    [InlineData(WriteCacheKind.Volatile, true, Outcome.Healthy)]
    [InlineData(WriteCacheKind.NonVolatile, false, Outcome.Healthy)]
    public void Kexec_owes_nothing_to_writes_left_in_a_volatile_cache(WriteCacheKind kind, bool flushes, Outcome expected)
    {
        var report = Simulator.Run(RebootTests.RaidAdapter(kind, flushes), Scenario.Kexec);

        var raid = Assert.Single(report.Devices);
        Assert.Equal(expected, raid.Outcome);
        Assert.True(raid.Evidence.FlushCostMs > 0);
        if (expected == Outcome.DataLost)
        {
            Assert.Contains("when kexec jumped to the next kernel", raid.Evidence.Text);
            Assert.Equal("old kernel", raid.Evidence.Kernel);
        }
    }

    internal static MachineModel FirmwareAdapter<TDriver>(bool honorsBusMasterDisable = true)
        where TDriver : IDriver, new() =>
        new TestMachineModel("firmware-adapter", m => m
            .AddPciFunction(Adapter, LightPulseAdapter.Create(honorsBusMasterDisable: honorsBusMasterDisable))
            .AddDriver<TDriver>());

    private static MachineModel PowerOffInShutdown(HotplugSlot? slot = null) =>
        new TestMachineModel("d3cold", m => m
            .AddPciFunction(Adapter, new PciFunction(0x8086, 0x1572) { Slot = slot })
            .AddDriver(() => new D3ColdDriver()));

    private static MachineModel DmaDevice<TDriver>()
        where TDriver : IDriver, new() =>
        new TestMachineModel("dma", m => m.AddPciFunction(Adapter, new PciFunction(0x8086, 0x1572)).AddDriver<TDriver>());

    private static MachineModel PlatformDma(bool stopsInShutdown) =>
        new TestMachineModel("platform-dma", m => m
            .AddPlatformDevice("dma@10000000", new PlatformHardware("vendor,dma"))
            .AddDriver(() => new PlatformDmaDriver(stopsInShutdown)));

    private static MachineModel LevelInterruptDevice(bool masksInShutdown, InterruptMode mode = InterruptMode.Intx) =>
        new TestMachineModel("intx", m => m
            .AddPciFunction(Adapter, new PciFunction(0x1002, 0x4380, mode) { InterruptEveryMs = 5, HonorsBusMasterDisable = false })
            .AddDriver(() => new InterruptDriver(masksInShutdown)));

    private static MachineModel Its(bool reserves) =>
        new TestMachineModel("its", m => m
            .AddPlatformDevice("its@8080000", new PlatformHardware("arm,gic-v3-its") { CannotBeDisabled = true })
            .AddDriver(() => new ItsDriver(reserves)));

    public sealed class RemoveOnlyDriver : PciDriver
    {
        public override string Name => "remove-only";

        public override void Probe(PciDevice device) => FirmwareAdapterCode.Start(device);

        public override void Remove(PciDevice device) => FirmwareAdapterCode.Stop(device);
    }

    public sealed class ShutdownIsRemoveDriver : PciDriver
    {
        public override string Name => "shutdown-is-remove";

        public override void Probe(PciDevice device) => FirmwareAdapterCode.Start(device);

        public override void Remove(PciDevice device) => FirmwareAdapterCode.Stop(device);

        public override void Shutdown(PciDevice device) => Remove(device);
    }

    public sealed class StartsDmaOnlyDriver : PciDriver
    {
        public override string Name => "dma-only";

        public override void Probe(PciDevice device)
        {
            device.EnableDevice();
            device.SetMaster();
            device.StartDma(device.MapDma(2));
        }

        public override void Remove(PciDevice device)
        {
            // Relies on someone else stopping the engine.
            device.UnmapDma(device.DmaBuffers[0]);
        }
    }

    private sealed class D3ColdDriver : PciDriver
    {
        public override string Name => "d3cold";

        public override void Probe(PciDevice device) => device.EnableDevice();

        public override void Shutdown(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
    }

    private sealed class PlatformDmaDriver(bool stopsInShutdown) : PlatformDriver
    {
        public override string Name => "vendor,dma";

        public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));

        public override void Shutdown(PlatformDevice device)
        {
            if (stopsInShutdown)
            {
                device.StopDma();
            }
        }
    }

    private sealed class InterruptDriver(bool masksInShutdown) : PciDriver
    {
        public override string Name => "intx";

        public override void Probe(PciDevice device)
        {
            device.EnableDevice();
            device.SetMaster();
            device.RequestIrq(static d => ((PciDevice)d).ReadRegister(0) == MemoryMappedDevice.AllOnes ? IrqReturn.None : IrqReturn.Handled);
        }

        public override void Shutdown(PciDevice device)
        {
            if (masksInShutdown)
            {
                device.MaskInterrupts();
            }
        }
    }

    private sealed class ItsDriver(bool reserves) : PlatformDriver
    {
        public override string Name => "arm,gic-v3-its";

        public override void Probe(PlatformDevice device)
        {
            if (device.Hardware.Dma.Running)
            {
                return; // Enabled by the previous kernel and cannot be reprogrammed: live with its tables.
            }

            var pendingTables = device.MapDma(2);
            if (reserves)
            {
                device.ReserveAcrossKexec(pendingTables);
            }

            device.StartDma(pendingTables);
        }
    }

    private sealed class StateRecordingDriver(System.Collections.Generic.List<SystemState> states) : PciDriver
    {
        public override string Name => "state";

        public override void Probe(PciDevice device) => device.EnableDevice();

        public override void Shutdown(PciDevice device) => states.Add(device.Kernel.SystemState);
    }
}

/// <summary>An lpfc-like adapter's bring-up and take-down, for the test drivers.</summary>
internal static class FirmwareAdapterCode
{
    public static void Start(PciDevice device)
    {
        device.EnableDevice();
        if (device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.FromSeconds(1)) != MailboxStatus.Success)
        {
            device.DisableDevice();
            throw new InvalidOperationException($"Adapter failed to init, {LightPulseAdapter.ConfigPort}");
        }

        device.SetMaster();
        device.StartDma(device.MapDma(4));
    }

    public static void Stop(PciDevice device)
    {
        device.StopDma();
        device.ClearMaster();
        device.RestartFirmware();
        device.UnmapDma(device.DmaBuffers.Single());
        device.DisableDevice();
    }
}
