using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// Declares a machine: hardware that persists across kernels (the next kernel after kexec finds
/// the same units afresh and makes new devices for them), and driver factories (each kernel gets new
/// driver instances). Device links are not declared here: drivers make them in Probe.
/// </summary>
public sealed class MachineBuilder
{
    /// <summary>Legacy INTx lines start here; MSI vectors at <see cref="FirstMsiVector"/>.</summary>
    public const int FirstIntxLine = 16;

    public const int FirstMsiVector = 64;

    private readonly List<DeclaredDevice> devices = new();
    private readonly Dictionary<string, DeclaredDevice> byName = new(StringComparer.Ordinal);
    private readonly List<Func<IDriverBinding>> drivers = new();

    /// <summary>
    /// This build's number, stamped on each unit it declares: a unit declared twice carries it
    /// already. A set of every unit was one more table of thousands on a big machine.
    /// </summary>
    private readonly int build = Interlocked.Increment(ref lastBuild);
    private int nextIntx = FirstIntxLine;
    private int nextMsi = FirstMsiVector;
    private bool dmaIgnoresBusMaster;
    private int levelEventEveryMs;
    private bool dmaLockedWhileRunning;

    private static int lastBuild;

    internal MachineBuilder()
    {
    }

    /// <summary>Physical memory in pages; the last <see cref="CrashKernelPages"/> are reserved for a crash kernel.</summary>
    public int MemoryPages { get; private set; } = 4096;

    /// <summary>Pages reserved at boot for the crash kernel (<c>crashkernel=</c>); the running kernel never uses them.</summary>
    public int CrashKernelPages { get; private set; } = 512;

    internal IReadOnlyList<DeclaredDevice> Devices => devices;

    /// <summary>The declared devices by name, for the machine to keep: one table of them a run.</summary>
    internal IReadOnlyDictionary<string, DeclaredDevice> DevicesByName => byName;

    internal IReadOnlyList<Func<IDriverBinding>> DriverFactories => drivers;

    public MachineBuilder WithMemory(int pages, int crashKernelPages = 512)
    {
        if (pages <= 0 || crashKernelPages <= 0 || crashKernelPages >= pages)
        {
            throw new ArgumentOutOfRangeException(nameof(pages), "Memory needs pages for the kernel and fewer for the crash kernel.");
        }

        MemoryPages = pages;
        CrashKernelPages = crashKernelPages;
        return this;
    }

    /// <summary>
    /// Every PCI function of the machine, declared before or after this call, ignores the bus-master
    /// bit, so the PCI core's clear-master on kexec stops no DMA — seed 002: "the generic pci dma disable
    /// bit doesn't work uniformly across hardware". Runs a machine on the hardware that doubt is about.
    /// </summary>
    public MachineBuilder WithDmaIgnoringBusMaster()
    {
        dmaIgnoresBusMaster = true;
        foreach (var function in devices.Select(d => d.Unit).OfType<PciFunction>())
        {
            function.IgnoreBusMasterDisable();
        }

        return this;
    }

    /// <summary>
    /// Every device of the machine, declared before or after this call, signals on a level-triggered
    /// line (legacy INTx, as with <c>pci=nomsi</c>) and raises it for a status event — a link change, a
    /// slot event — every <paramref name="eventEveryMs"/> while it is active, as pciehp's port does;
    /// devices that already raise a periodic interrupt keep theirs. Seed 002: "It is the level interrupts
    /// that are more concerning". Runs a machine on the hardware that concern is about.
    /// </summary>
    public MachineBuilder WithLevelTriggeredInterrupts(int eventEveryMs = 5)
    {
        if (eventEveryMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(eventEveryMs), "A status event needs a period of at least 1 ms.");
        }

        levelEventEveryMs = eventEveryMs;
        foreach (var hardware in devices.Select(d => d.Unit).OfType<DeviceHardware>())
        {
            UseLevelTrigger(hardware);
        }

        return this;
    }

    /// <summary>
    /// Every device of the machine, declared before or after this call, has a DMA engine that cannot be
    /// pointed at new memory while it runs (<see cref="DmaEngine.LockedWhileRunning"/>), as NVMe queues
    /// and NIC rings cannot: a probe that meets the engine still running — in a crash kernel — must stop
    /// or reset it before it starts DMA (seed 002). Runs a machine on the hardware that rule is about.
    /// </summary>
    public MachineBuilder WithDmaLockedWhileRunning()
    {
        dmaLockedWhileRunning = true;
        foreach (var hardware in devices.Select(d => d.Unit).OfType<DeviceHardware>())
        {
            hardware.Dma.LockedWhileRunning = true;
        }

        return this;
    }

    /// <summary>A PCI function at <paramref name="address"/>, behind the bridge or port <paramref name="parent"/> if given.</summary>
    public MachineBuilder AddPciFunction(string address, PciFunction function, string? parent = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (parent is not null && Find(parent) is not { Kind: DeviceKind.Pci })
        {
            throw new ArgumentException($"{address}: parent '{parent}' is not a PCI function declared before it.", nameof(parent));
        }

        return Declare(address, function, DeviceKind.Pci, parent);
    }

    /// <summary>A platform device described by firmware (device tree, ACPI), matched by its compatible string.</summary>
    public MachineBuilder AddPlatformDevice(string name, PlatformHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        return Declare(name, hardware, DeviceKind.Platform, parent: null);
    }

    /// <summary>A SCSI disk behind the host adapter <paramref name="host"/>; it is found when the host's driver probes.</summary>
    public MachineBuilder AddScsiDisk(string name, string host, ScsiDisk disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        if (Find(host) is not { Kind: DeviceKind.Pci or DeviceKind.Platform })
        {
            throw new ArgumentException($"{name}: host '{host}' is not a host adapter declared before it.", nameof(host));
        }

        return Declare(name, disk, DeviceKind.Scsi, host);
    }

    /// <summary>A driver every kernel of the machine loads, a new instance per kernel.</summary>
    public MachineBuilder AddDriver<TDevice>(Func<Driver<TDevice>> factory)
        where TDevice : Device
    {
        ArgumentNullException.ThrowIfNull(factory);
        drivers.Add(() => factory() ?? throw new InvalidOperationException("A driver factory returned null."));
        return this;
    }

    /// <summary>A driver every kernel of the machine loads, made with its parameterless constructor.</summary>
    public MachineBuilder AddDriver<TDriver>()
        where TDriver : IDriver, new()
    {
        if (!typeof(IDriverBinding).IsAssignableFrom(typeof(TDriver)))
        {
            throw new ArgumentException($"{typeof(TDriver).Name} does not derive from Driver<TDevice>.", nameof(TDriver));
        }

        drivers.Add(() => (IDriverBinding)new TDriver());
        return this;
    }

    private MachineBuilder Declare(string name, HardwareUnit unit, DeviceKind kind, string? parent)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Find(name) is not null)
        {
            throw new ArgumentException($"A device named '{name}' is already declared.", nameof(name));
        }

        if (unit.DeclaredInBuild == build)
        {
            throw new ArgumentException($"{name}: this hardware object is already declared as another device.", nameof(unit));
        }

        unit.Name = name;
        unit.DeclaredInBuild = build;
        if (dmaIgnoresBusMaster && unit is PciFunction function)
        {
            function.IgnoreBusMasterDisable();
        }

        if (unit is DeviceHardware hardware)
        {
            hardware.Interrupt.Irq = hardware.Interrupt.IsLevelTriggered ? nextIntx++ : nextMsi++;
            if (levelEventEveryMs > 0)
            {
                UseLevelTrigger(hardware);
            }

            hardware.Dma.LockedWhileRunning |= dmaLockedWhileRunning;
        }

        var declared = new DeclaredDevice(name, unit, kind, parent, Index: devices.Count);
        devices.Add(declared);
        byName.Add(name, declared);
        return this;
    }

    private void UseLevelTrigger(DeviceHardware hardware)
    {
        if (!hardware.Interrupt.IsLevelTriggered)
        {
            hardware.Interrupt.UseLevelTrigger();
            hardware.Interrupt.Irq = nextIntx++;
        }

        hardware.RaiseStatusEventsEvery(levelEventEveryMs);
    }

    private DeclaredDevice? Find(string name) => byName.TryGetValue(name, out var device) ? device : null;
}

/// <summary>The buses a declared device can sit on.</summary>
internal enum DeviceKind
{
    Pci,
    Platform,
    Scsi,
}

/// <summary>One declared piece of hardware: its name, the unit, its bus, its parent's name, and its place in declaration order.</summary>
internal sealed record DeclaredDevice(string Name, HardwareUnit Unit, DeviceKind Kind, string? Parent, int Index);
