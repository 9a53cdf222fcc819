using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// A declared machine, powered on: its hardware, the kernel running now, and the clock, memory and
/// interrupt controller its kernels share; booting, power and platform resets, and the hardware's
/// tick. What the run sees is kept in its <see cref="RunRecord"/>.
/// </summary>
internal sealed class Machine
{
    /// <summary>Early boot of a kernel before it scans its buses; the hardware runs on meanwhile.</summary>
    public const long EarlyBootMs = 20;

    /// <summary>How long each scenario watches the last kernel after it finished probing.</summary>
    public const long SettleMs = 50;

    /// <summary>
    /// The fewest and most pages a kernel takes for itself at boot (its image and early data), at
    /// the start of its memory; the seed picks the size, so which of the old kernel's pages the next
    /// kernel reuses for itself varies with the seed.
    /// </summary>
    public const int MinKernelImagePages = 64;

    public const int MaxKernelImagePages = 96;

    private readonly List<DeclaredDevice> declared;
    private readonly IReadOnlyDictionary<string, DeclaredDevice> declaredByName;
    private readonly List<Func<IDriverBinding>> driverFactories;
    private readonly Dictionary<string, List<DeclaredDevice>> disksByHost;

    /// <summary>The units that act on a clock tick (DMA, interrupts), in declaration order.</summary>
    private readonly DeviceHardware[] tickingHardware;

    /// <summary>The units among them with a periodic interrupt: the only ones a quiet machine waits for.</summary>
    private readonly DeviceHardware[] periodicHardware;

    // What each declared device was doing when the scenario began, by declaration index: the
    // driver bound (null: none) and whether its DMA ran.
    private readonly string?[] driverAtStart;
    private readonly bool[] dmaRunningAtStart;

    public Machine(MachineModel model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        Name = model.Name;
        var builder = new MachineBuilder();
        try
        {
            model.Build(builder);
        }
        catch (Exception error)
        {
            throw new MachineModelException(Name, "declaring the machine failed", error);
        }

        Random = new DeterministicRandom(seed);
        declared = builder.Devices.ToList();
        declaredByName = builder.DevicesByName;
        driverFactories = builder.DriverFactories.ToList();
        tickingHardware = declared.Select(d => d.Unit).OfType<DeviceHardware>().ToArray();
        periodicHardware = tickingHardware.Where(h => h.InterruptEveryMs > 0).ToArray();
        driverAtStart = new string?[declared.Count];
        dmaRunningAtStart = new bool[declared.Count];
        disksByHost = declared.Where(d => d.Kind == DeviceKind.Scsi).GroupBy(d => d.Parent!).ToDictionary(g => g.Key, g => g.ToList());
        Memory = new PhysicalMemory(builder.MemoryPages);
        PrimaryMemory = new PageRange(0, builder.MemoryPages - builder.CrashKernelPages);
        CrashKernelMemory = new PageRange(PrimaryMemory.End, builder.MemoryPages);
        Record = new RunRecord(this);
        Context = new KernelContext(Memory, Clock, Interrupts, Record);
        foreach (var device in declared)
        {
            device.Unit.Events = Record;
        }

        Clock.OnTick = Tick;
    }

    public string Name { get; }

    public DeterministicRandom Random { get; }

    public IReadOnlyList<DeclaredDevice> Declared => declared;

    public SimulatedClock Clock { get; } = new();

    public InterruptController Interrupts { get; } = new();

    public PhysicalMemory Memory { get; }

    /// <summary>The memory every kernel but a crash kernel uses.</summary>
    public PageRange PrimaryMemory { get; }

    /// <summary>Reserved at boot for the crash kernel (<c>crashkernel=</c>).</summary>
    public PageRange CrashKernelMemory { get; }

    public KernelContext Context { get; }

    /// <summary>What the run has seen so far, device by device.</summary>
    public RunRecord Record { get; }

    /// <summary>The kernel running now.</summary>
    public Kernel Kernel { get; private set; } = null!;

    /// <summary>When the scenario's first step began.</summary>
    public long ScenarioStartMs { get; private set; }

    /// <summary>When the scenario's last step ended (before the quiet period watched afterwards).</summary>
    public long ScenarioEndMs { get; private set; }

    /// <summary>The device the running kernel has for <paramref name="name"/>, if it found one.</summary>
    public Device? Find(string name) => Kernel.FindDevice(name);

    /// <summary>The declared device named <paramref name="name"/>, if there is one.</summary>
    public DeclaredDevice? FindDeclared(string name) => declaredByName.TryGetValue(name, out var device) ? device : null;

    /// <summary>The driver bound to <paramref name="device"/> when the scenario began, or "".</summary>
    public string DriverAtStart(DeclaredDevice device) => driverAtStart[device.Index] ?? "";

    public void RunFor(long milliseconds) => Clock.Advance(milliseconds);

    /// <summary>
    /// Boots a kernel in <paramref name="memory"/>: early boot, a scan of the buses for the hardware
    /// that answers, then every driver registered in declaration order, each probing what it matches.
    /// </summary>
    public Kernel Boot(string label, PageRange memory)
    {
        var kernel = new Kernel(Context, label, memory, declared.Count);
        Kernel = kernel;
        kernel.DeviceProbed = ScanHost;
        NoteAll($"{label} starts booting");
        var imagePages = (int)Math.Min(Random.Between(MinKernelImagePages, MaxKernelImagePages), memory.Count / 8);
        Memory.AllocatePages(owner: null, imagePages, memory);
        RunFor(EarlyBootMs);
        foreach (var device in declared.Where(d => d.Kind != DeviceKind.Scsi))
        {
            Enumerate(kernel, device);
        }

        foreach (var factory in driverFactories)
        {
            kernel.RegisterBinding(MakeDriver(factory));
        }

        kernel.EnterState(SystemState.Running);
        return kernel;
    }

    public void MarkScenarioStart()
    {
        ScenarioStartMs = Clock.NowMs;
        foreach (var device in declared)
        {
            if (Find(device.Name)?.Driver is { } driver)
            {
                driverAtStart[device.Index] = driver.Name;
            }

            if (device.Unit is DeviceHardware { Dma.Running: true, CanMasterBus: true })
            {
                dmaRunningAtStart[device.Index] = true;
            }
        }
    }

    /// <summary>The device's DMA engine was running when the scenario began.</summary>
    public bool WasDoingDmaAtStart(DeclaredDevice device) => dmaRunningAtStart[device.Index];

    public void MarkScenarioEnd() => ScenarioEndMs = Clock.NowMs;

    /// <summary>Adds a moment to every device's timeline.</summary>
    public void NoteAll(string what) => Record.NoteAll(what);

    public void Note(string device, string what) => Record.Note(device, what);

    public ScenarioReport BuildReport(Scenario scenario, KexecPolicy policy, int seed, Func<DeclaredDevice, string> healthy) =>
        Record.BuildReport(scenario, policy, seed, ScenarioEndMs - ScenarioStartMs, healthy);

    /// <summary>A firmware reset of everything (reboot): devices reset, power comes back where it was off, memory is the new kernel's.</summary>
    public void ResetPlatform(string cause)
    {
        foreach (var device in declared)
        {
            switch (device.Unit)
            {
                case PciFunction function:
                    if (function.PowerState == PciPowerState.D3Cold)
                    {
                        function.EnterPowerState(PciPowerState.D0, cause);
                    }

                    function.Reset(cause);
                    function.Dma.PowerOff();
                    break;
                case DeviceHardware hardware:
                    hardware.Reset(cause);
                    hardware.Dma.PowerOff();
                    break;
                default:
                    device.Unit.Reset(cause);
                    break;
            }
        }

        Interrupts.MaskAll();
        Memory.ClearAll();
        NoteAll($"platform reset ({cause})");
    }

    /// <summary>Power goes away from every unit (power-off, hibernation): volatile state is gone.</summary>
    public void PowerOffAll(string cause)
    {
        foreach (var device in declared)
        {
            device.Unit.LosePower(cause);
        }

        Interrupts.MaskAll();
        NoteAll($"power off ({cause})");
    }

    /// <summary>Power comes back to every unit still present.</summary>
    public void PowerOnAll()
    {
        foreach (var device in declared.Where(d => d.Unit.IsPresent))
        {
            if (device.Unit is PciFunction function)
            {
                function.EnterPowerState(PciPowerState.D0, "power-on");
            }
            else
            {
                device.Unit.PowerOn();
            }
        }

        NoteAll("power on");
    }

    /// <summary>After a hand-over: every declared device the running kernel did not find is unreachable now.</summary>
    public void ReportDevicesNotFound()
    {
        foreach (var device in declared)
        {
            if (Find(device.Name) is null)
            {
                Context.Report(Outcome.Unreachable, device.Name, Kernel.Label, $"{device.Name} was not found by the {Kernel.Label}: {WhyNotFound(device)}", location: "config space");
            }
        }
    }

    private string WhyNotFound(DeclaredDevice device)
    {
        if (!device.Unit.IsPresent)
        {
            return "it was pulled out";
        }

        if (device.Parent is { } parent && Find(parent) is not { } host)
        {
            return $"its parent {parent} was not found";
        }

        if (device.Kind == DeviceKind.Scsi)
        {
            return $"its host {device.Parent} has no driver bound, so nothing scanned for it";
        }

        if (device.Unit is PciFunction { PowerState: PciPowerState.D3Cold } function)
        {
            var who = function.PoweredOffBy is { } cause ? $"{cause} cut its power" : "it was left in D3cold";
            return $"{who}, and its slot has no power control, so its config space reads all ones";
        }

        return "it does not answer";
    }

    private void Enumerate(Kernel kernel, DeclaredDevice device)
    {
        Device? parent = null;
        if (device.Parent is { } parentName && (parent = kernel.FindDevice(parentName)) is null)
        {
            return;
        }

        switch (device.Unit)
        {
            case PciFunction function:
                if (function is { IsPresent: true, PowerState: PciPowerState.D3Cold, Slot.HasPowerControl: true })
                {
                    // pciehp turns slot power on when it finds the slot occupied.
                    function.EnterPowerState(PciPowerState.D0, "slot power on");
                    Note(device.Name, "slot powered on by pciehp");
                }

                if (function.RespondsToConfig)
                {
                    kernel.AddDevice(new PciDevice(kernel, device.Name, function, parent));
                }

                break;
            case PlatformHardware platform when platform.IsPresent:
                kernel.AddDevice(new PlatformDevice(kernel, device.Name, platform, parent));
                break;
        }
    }

    private IDriverBinding MakeDriver(Func<IDriverBinding> factory)
    {
        try
        {
            return factory();
        }
        catch (Exception error)
        {
            throw new MachineModelException(Name, "a driver factory failed", error);
        }
    }

    /// <summary>A host adapter's driver probed: its SCSI disks are found (<c>scsi_scan_host</c>) or, when known already, bound again.</summary>
    private void ScanHost(Device host)
    {
        var kernel = host.Kernel;
        if (!disksByHost.TryGetValue(host.Name, out var disks))
        {
            return;
        }

        foreach (var disk in disks.Where(d => d.Unit.IsPresent))
        {
            if (kernel.FindDevice(disk.Name) is { } known)
            {
                kernel.Attach(known);
            }
            else
            {
                kernel.AddDevice(new ScsiDevice(kernel, disk.Name, (ScsiDisk)disk.Unit, host));
            }
        }
    }

    /// <summary>
    /// One tick of the hardware: periodic interrupts and DMA, then interrupt delivery, each in
    /// declaration order. Answers the first tick on which the hardware may act again: the next one
    /// if anything acted on this one; else nothing changed, no driver code ran, and nothing will act
    /// until a periodic interrupt falls due.
    /// </summary>
    private long Tick()
    {
        if (Kernel is null)
        {
            return long.MaxValue;
        }

        var acted = false;
        foreach (var hardware in tickingHardware)
        {
            acted |= InterruptDelivery.RaisePeriodic(Context, hardware);
            acted |= DmaTraffic.Tick(Context, Kernel.Label, hardware);
        }

        foreach (var hardware in tickingHardware)
        {
            acted |= InterruptDelivery.Tick(Context, Kernel, hardware);
        }

        return acted ? Clock.NowMs + 1 : NextPeriodicInterruptMs();
    }

    /// <summary>When the next periodic interrupt falls due, of the units that raise one in their present state.</summary>
    private long NextPeriodicInterruptMs()
    {
        var next = long.MaxValue;
        foreach (var hardware in periodicHardware)
        {
            if (hardware.RaisesPeriodicInterrupt)
            {
                next = Math.Min(next, InterruptDelivery.NextPeriodicMs(Clock.NowMs, hardware));
            }
        }

        return next;
    }
}
