using System;
using System.Collections.Generic;
using System.Linq;
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
    private readonly HashSet<HardwareUnit> units = new(ReferenceEqualityComparer.Instance);
    private readonly List<Func<IDriverBinding>> drivers = new();
    private int nextIntx = FirstIntxLine;
    private int nextMsi = FirstMsiVector;

    internal MachineBuilder()
    {
    }

    /// <summary>Physical memory in pages; the last <see cref="CrashKernelPages"/> are reserved for a crash kernel.</summary>
    public int MemoryPages { get; private set; } = 4096;

    /// <summary>Pages reserved at boot for the crash kernel (<c>crashkernel=</c>); the running kernel never uses them.</summary>
    public int CrashKernelPages { get; private set; } = 512;

    internal IReadOnlyList<DeclaredDevice> Devices => devices;

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

        if (units.Contains(unit))
        {
            throw new ArgumentException($"{name}: this hardware object is already declared as another device.", nameof(unit));
        }

        unit.Name = name;
        if (unit is DeviceHardware hardware)
        {
            hardware.Interrupt.Irq = hardware.Interrupt.IsLevelTriggered ? nextIntx++ : nextMsi++;
        }

        var declared = new DeclaredDevice(name, unit, kind, parent);
        devices.Add(declared);
        byName.Add(name, declared);
        units.Add(unit);
        return this;
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

/// <summary>One declared piece of hardware: its name, the unit, its bus, its parent's name.</summary>
internal sealed record DeclaredDevice(string Name, HardwareUnit Unit, DeviceKind Kind, string? Parent);
