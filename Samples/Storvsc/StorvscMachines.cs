using System;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Storvsc;

/// <summary>A Hyper-V guest whose storvsc talks to the host through VMBus with no device link.</summary>
public sealed class FlawedStorvscMachine : MachineModel
{
    public override string Name => "storvsc-flawed";

    public override string Description => "Hyper-V guest: storvsc closes its channel through VMBus in Suspend, unordered";

    public override void Build(MachineBuilder machine) => StorvscMachines.AddFlawed(machine);
}

/// <summary>The same guest, storvsc linked to the VMBus device in Probe.</summary>
public sealed class FixedStorvscMachine : MachineModel
{
    public override string Name => "storvsc-fixed";

    public override string Description => "Hyper-V guest: storvsc linked to VMBus in Probe, so it suspends first";

    public override void Build(MachineBuilder machine) => StorvscMachines.AddFixed(machine);
}

/// <summary>The storvsc sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class StorvscMachines
{
    /// <summary>The ACPI device of the VMBus connection.</summary>
    public const string VmbusAddress = "VMBUS:00";

    /// <summary>The synthetic SCSI controller, one VMBus channel.</summary>
    public const string ControllerAddress = "storvsc0";

    /// <summary>The virtual disk behind the controller (host:channel:target:lun).</summary>
    public const string DiskAddress = "0:0:0:0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) => Declare(machine, () => new Flawed.StorvscDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) => Declare(machine, () => new Fixed.StorvscDriver());

    /// <summary>
    /// Declares the guest. The storage drivers register before hv_vmbus, so the VMBus device probes
    /// last and sits at the end of the device list: nothing but a link puts storvsc after it.
    /// </summary>
    private static MachineBuilder Declare(MachineBuilder machine, Func<Driver<PlatformDevice>> storvsc) =>
        machine
            .AddPlatformDevice(VmbusAddress, new PlatformHardware(Vmbus.Compatible, InterruptMode.Msi))
            .AddPlatformDevice(ControllerAddress, new PlatformHardware(StorvscChannel.Compatible, InterruptMode.Msi))
            .AddScsiDisk(DiskAddress, ControllerAddress, new ScsiDisk { WriteCache = new WriteCache(WriteCacheKind.Volatile, TimeSpan.FromMilliseconds(2)) })
            .AddDriver(storvsc)
            .AddDriver<SdDriver>()
            .AddDriver<VmbusDriver>();
}
