using System;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Ipr;

/// <summary>A Power server with one ipr SAS RAID adapter whose write cache is volatile, driven by ipr with its fast reboot.</summary>
public sealed class FlawedIprMachine : MachineModel
{
    public override string Name => "ipr-flawed";

    public override string Description => "ipr RAID adapter, volatile write cache; fast reboot skips the flush on restart";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(IprMachines.AdapterAddress, IprMachines.Adapter(WriteCacheKind.Volatile))
            .AddDriver(() => new Flawed.IprDriver());
}

/// <summary>The same server with the fast reboot guarded by the cache's non-volatility: the volatile cache is flushed.</summary>
public sealed class FixedIprMachine : MachineModel
{
    public override string Name => "ipr-fixed";

    public override string Description => "ipr RAID adapter, volatile write cache; the flush is skipped only for a non-volatile cache";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(IprMachines.AdapterAddress, IprMachines.Adapter(WriteCacheKind.Volatile))
            .AddDriver(() => new Fixed.IprDriver());
}

/// <summary>The fixed driver on an adapter whose cache is battery-backed: the flush is skipped on restart, and the time saved shows.</summary>
public sealed class FixedNonVolatileIprMachine : MachineModel
{
    public override string Name => "ipr-fixed-nonvolatile";

    public override string Description => "ipr RAID adapter, non-volatile write cache; the fast reboot skips its flush safely";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(IprMachines.AdapterAddress, IprMachines.Adapter(WriteCacheKind.NonVolatile))
            .AddDriver(() => new Fixed.IprDriver());
}

/// <summary>What the ipr machines share.</summary>
public static class IprMachines
{
    public const string AdapterAddress = "0001:08:00.0";

    /// <summary>Writing one cached write to the disks behind the adapter.</summary>
    public static readonly TimeSpan FlushTimePerWrite = TimeSpan.FromMilliseconds(25);

    /// <summary>A CROCODILE adapter with a write cache of the given kind.</summary>
    public static PciFunction Adapter(WriteCacheKind cache) =>
        new(IprAdapter.IbmVendorId, IprAdapter.CrocodileDeviceId, InterruptMode.Msi)
        {
            WriteCache = new WriteCache(cache, FlushTimePerWrite),
        };
}
