using System;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Ipr;

/// <summary>A Power server with one ipr SAS RAID adapter whose write cache is volatile, driven by ipr with its fast reboot.</summary>
public sealed class FlawedIprMachine : MachineModel
{
    public override string Name => "ipr-flawed";

    public override string Description => "ipr RAID adapter, volatile write cache; fast reboot skips the flush on restart";

    public override void Build(MachineBuilder machine) => IprMachines.AddFlawed(machine);
}

/// <summary>The same server with the fast reboot guarded by the cache's non-volatility: the volatile cache is flushed.</summary>
public sealed class FixedIprMachine : MachineModel
{
    public override string Name => "ipr-fixed";

    public override string Description => "ipr RAID adapter, volatile write cache; the flush is skipped only for a non-volatile cache";

    public override void Build(MachineBuilder machine) => IprMachines.AddFixed(machine);
}

/// <summary>The fixed driver on an adapter whose cache is battery-backed: the flush is skipped on restart, and the time saved shows.</summary>
public sealed class FixedNonVolatileIprMachine : MachineModel
{
    public override string Name => "ipr-fixed-nonvolatile";

    public override string Description => "ipr RAID adapter, non-volatile write cache; the fast reboot skips its flush safely";

    public override void Build(MachineBuilder machine) => IprMachines.AddFixed(machine, WriteCacheKind.NonVolatile);
}

/// <summary>The ipr sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class IprMachines
{
    public const string AdapterAddress = "0001:08:00.0";

    /// <summary>Writing one cached write to the disks behind the adapter.</summary>
    public static readonly TimeSpan FlushTimePerWrite = TimeSpan.FromMilliseconds(25);

    /// <summary>The adapter with a volatile cache, and ipr with its fast reboot.</summary>
    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(AdapterAddress, Adapter(WriteCacheKind.Volatile)).AddDriver(() => new Flawed.IprDriver());

    /// <summary>The adapter with a volatile cache, and ipr skipping the flush only for a non-volatile one.</summary>
    public static MachineBuilder AddFixed(MachineBuilder machine) => AddFixed(machine, WriteCacheKind.Volatile);

    /// <summary>The adapter with a cache of <paramref name="cache"/>'s kind, and the fixed ipr.</summary>
    public static MachineBuilder AddFixed(MachineBuilder machine, WriteCacheKind cache) =>
        machine.AddPciFunction(AdapterAddress, Adapter(cache)).AddDriver(() => new Fixed.IprDriver());

    /// <summary>A CROCODILE adapter with a write cache of the given kind.</summary>
    public static PciFunction Adapter(WriteCacheKind cache) =>
        new(IprAdapter.IbmVendorId, IprAdapter.CrocodileDeviceId, InterruptMode.Msi)
        {
            WriteCache = new WriteCache(cache, FlushTimePerWrite),
        };
}
