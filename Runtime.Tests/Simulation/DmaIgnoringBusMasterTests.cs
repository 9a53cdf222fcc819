using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

/// <summary>
/// <see cref="MachineBuilder.WithDmaIgnoringBusMaster"/>: the same machine on hardware whose DMA the PCI
/// core's clear-master does not stop (seed 002), where only the driver's own DMA stop protects the next kernel.
/// </summary>
public class DmaIgnoringBusMasterTests
{
    [Fact]
    public void A_driver_that_leaves_its_dma_to_the_pci_cores_clear_master_is_healthy_on_ordinary_hardware()
    {
        var report = Simulator.Run(Machine("ordinary", ignoreBusMaster: false), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Address]!.Outcome);
    }

    [Fact]
    public void The_same_driver_corrupts_the_next_kernel_when_the_hardware_ignores_the_bus_master_bit()
    {
        var report = Simulator.Run(Machine("ignoring", ignoreBusMaster: true), Scenario.Kexec);

        Assert.Equal(Outcome.DmaCorruption, report[Address]!.Outcome);
        Assert.Contains("ignores the bus-master bit", report[Address]!.Evidence.Text);
    }

    [Fact]
    public void Functions_declared_before_the_call_ignore_the_bit_too()
    {
        var function = new PciFunction(0x8086, 0x1533);
        var model = new TestMachineModel("declared-first", machine =>
        {
            machine.AddPciFunction(Address, function);
            machine.WithDmaIgnoringBusMaster();
        });

        Simulator.Run(model, Scenario.Kexec);

        Assert.False(function.HonorsBusMasterDisable);
    }

    private const string Address = "0000:02:00.0";

    /// <summary>A NIC whose Shutdown frees its interrupt but leaves its running DMA to the PCI core.</summary>
    private static TestMachineModel Machine(string name, bool ignoreBusMaster) => new(name, machine =>
    {
        if (ignoreBusMaster)
        {
            machine.WithDmaIgnoringBusMaster();
        }

        machine.AddPciFunction(Address, new PciFunction(0x8086, 0x1533))
            .AddDriver(() => new CallbackDriver(
                probe: device =>
                {
                    var rings = device.MapDma(pages: 1);
                    device.SetMaster();
                    device.StartDma(rings);
                },
                shutdown: device => device.MaskInterrupts()));
    });
}
