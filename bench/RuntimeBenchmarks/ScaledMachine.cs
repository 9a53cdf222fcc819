using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Samples.Igb;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Bench.Runtime;

/// <summary>What a scaled machine's PCI functions are.</summary>
public enum DeviceMix
{
    /// <summary>82576 NICs driven by the fixed igb: probe maps rings, requests an MSI, starts DMA.</summary>
    Nics,

    /// <summary>
    /// Every other function an LPe12000 driven by the fixed lpfc, whose probe waits 5 ms for the
    /// firmware mailbox: simulated boot time grows with the adapters, and every running device ticks through it.
    /// </summary>
    NicsAndHbas,
}

/// <summary>
/// A server with <see cref="DeviceCount"/> PCI functions of the fixed samples' hardware. Memory grows
/// with the devices so every probe can map its rings.
/// </summary>
public sealed class ScaledMachine : MachineModel
{
    /// <summary>Pages per device: the largest ring (lpfc's 4) with room to spare.</summary>
    private const int PagesPerDevice = 8;

    public ScaledMachine(int deviceCount, DeviceMix mix)
    {
        DeviceCount = deviceCount;
        Mix = mix;
    }

    public int DeviceCount { get; }

    public DeviceMix Mix { get; }

    public override string Name => $"{Mix}-{DeviceCount}";

    public override void Build(MachineBuilder machine)
    {
        machine.WithMemory(4096 + (DeviceCount * PagesPerDevice), crashKernelPages: 512);
        for (var i = 0; i < DeviceCount; i++)
        {
            var address = $"0000:{i / 256:x2}:{i % 256 / 8:x2}.{i % 8}";
            var hba = Mix == DeviceMix.NicsAndHbas && i % 2 == 1;
            machine.AddPciFunction(address, hba ? LightPulseAdapter.Create() : IgbMachines.Nic());
        }

        machine.AddDriver(() => new Samples.Igb.Fixed.IgbDriver());
        machine.AddDriver(() => new Samples.Lpfc.Fixed.LpfcDriver());
    }
}
