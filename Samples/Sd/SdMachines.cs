using System;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Sd;

/// <summary>A server that boots through kexec, with one disk behind a SAS adapter, driven by sd stopping it on every shutdown.</summary>
public sealed class FlawedSdMachine : MachineModel
{
    public override string Name => "sd-flawed";

    public override string Description => "SAS disk with sd spinning it down and parking its heads on every shutdown";

    public override void Build(MachineBuilder machine) => SdMachines.AddFlawed(machine);
}

/// <summary>The same server with sd as it is: cache synchronized always, disk stopped only on power-off.</summary>
public sealed class FixedSdMachine : MachineModel
{
    public override string Name => "sd-fixed";

    public override string Description => "SAS disk with sd flushing always and stopping the disk only on power-off";

    public override void Build(MachineBuilder machine) => SdMachines.AddFixed(machine);
}

/// <summary>The sd sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class SdMachines
{
    public const string HostAddress = "0000:05:00.0";

    /// <summary>host:channel:target:lun of the disk behind the adapter.</summary>
    public const string DiskAddress = "5:0:0:0";

    /// <summary>Writing one cached block to the platters.</summary>
    public static readonly TimeSpan FlushTimePerWrite = TimeSpan.FromMilliseconds(2);

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        AddHardware(machine).AddDriver(() => new Mpt3SasDriver()).AddDriver(() => new Flawed.SdDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        AddHardware(machine).AddDriver(() => new Mpt3SasDriver()).AddDriver(() => new Fixed.SdDriver());

    /// <summary>The adapter and, behind it, a disk with a volatile write cache (WCE set, as sd finds most disks).</summary>
    private static MachineBuilder AddHardware(MachineBuilder machine) =>
        machine
            .AddPciFunction(HostAddress, new PciFunction(Mpt3SasDriver.LsiVendorId, Mpt3SasDriver.Sas3008DeviceId))
            .AddScsiDisk(DiskAddress, HostAddress, new ScsiDisk { WriteCache = new WriteCache(WriteCacheKind.Volatile, FlushTimePerWrite) });
}
