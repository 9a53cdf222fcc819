using System;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.IprKdump;

/// <summary>A Power server taking a kdump, with one SAS RAID adapter driven by ipr without its kdump care.</summary>
public sealed class FlawedIprKdumpMachine : MachineModel
{
    public override string Name => "ipr-kdump-flawed";

    public override string Description => "SAS RAID adapter with ipr requesting its interrupt before any reset";

    public override void Build(MachineBuilder machine) => IprKdumpMachines.AddFlawed(machine);
}

/// <summary>The same server with ipr resetting the adapter at the start of Probe.</summary>
public sealed class FixedIprKdumpMachine : MachineModel
{
    public override string Name => "ipr-kdump-fixed";

    public override string Description => "SAS RAID adapter with ipr resetting it at the start of Probe";

    public override void Build(MachineBuilder machine) => IprKdumpMachines.AddFixed(machine);
}

/// <summary>The ipr sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class IprKdumpMachines
{
    public const string AdapterAddress = "0002:01:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(AdapterAddress, CreateAdapter()).AddDriver(() => new Flawed.IprDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(AdapterAddress, CreateAdapter()).AddDriver(() => new Fixed.IprDriver());

    /// <summary>The IOA's firmware fresh from a reset, waiting for the host to identify its response queue.</summary>
    public const string ResetState = "reset";

    /// <summary>Operational: the adapter posts completions to the host response queue, with an interrupt each.</summary>
    public const string OperationalState = "operational";

    /// <summary>
    /// The adapter: a level-triggered (LSI) interrupt, raised every millisecond while the firmware is
    /// operational — completions of the I/O in flight, posted whether or not anyone services them — and
    /// firmware that takes IDENTIFY_HOST_RRQ only after a reset.
    /// </summary>
    public static PciFunction CreateAdapter() =>
        new(IprAdapter.IbmVendorId, IprAdapter.CrocodileDeviceId, InterruptMode.Intx)
        {
            Firmware = new FirmwareStateMachine(
                ResetState,
                TimeSpan.FromMilliseconds(5),
                new[] { new FirmwareTransition(IprAdapter.IdentifyHostRrq, ResetState, OperationalState) }),
            InterruptEveryMs = 1,
            InterruptsInFirmwareState = OperationalState,
        };
}
