using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// A declared machine, powered on: its hardware, the kernel running now, the shared clock, memory
/// and interrupt controller, and everything seen so far, per device (evidence and timeline).
/// </summary>
internal sealed class Machine : IKernelObserver, IHardwareEvents
{
    /// <summary>Early boot of a kernel before it scans its buses; the hardware runs on meanwhile.</summary>
    public const long EarlyBootMs = 20;

    /// <summary>How long each scenario watches the last kernel after it finished probing.</summary>
    public const long SettleMs = 50;

    private readonly List<DeclaredDevice> declared;
    private readonly List<Func<IDriverBinding>> driverFactories;
    private readonly Dictionary<string, List<Evidence>> findings = new();
    private readonly Dictionary<string, List<TimelineEvent>> timelines = new();
    private readonly Dictionary<string, string> driversAtStart = new();
    private readonly HashSet<string> dmaRunningAtStart = new();

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
        driverFactories = builder.DriverFactories.ToList();
        Memory = new PhysicalMemory(builder.MemoryPages);
        PrimaryMemory = new PageRange(0, builder.MemoryPages - builder.CrashKernelPages);
        CrashKernelMemory = new PageRange(PrimaryMemory.End, builder.MemoryPages);
        Context = new KernelContext(Memory, Clock, Interrupts, this);
        foreach (var device in declared)
        {
            device.Unit.Events = this;
            findings[device.Name] = new List<Evidence>();
            timelines[device.Name] = new List<TimelineEvent>();
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

    /// <summary>The kernel running now.</summary>
    public Kernel Kernel { get; private set; } = null!;

    /// <summary>When the scenario's first step began.</summary>
    public long ScenarioStartMs { get; private set; }

    /// <summary>When the scenario's last step ended (before the quiet period watched afterwards).</summary>
    public long ScenarioEndMs { get; private set; }

    /// <summary>The device the running kernel has for <paramref name="name"/>, if it found one.</summary>
    public Device? Find(string name) => Kernel.Devices.FirstOrDefault(d => d.Name == name);

    /// <summary>The driver bound to <paramref name="name"/> when the scenario began, or "".</summary>
    public string DriverAtStart(string name) => driversAtStart.TryGetValue(name, out var driver) ? driver : "";

    public void RunFor(long milliseconds) => Clock.Advance(milliseconds);

    /// <summary>
    /// Boots a kernel in <paramref name="memory"/>: early boot, a scan of the buses for the hardware
    /// that answers, then every driver registered in declaration order, each probing what it matches.
    /// </summary>
    public Kernel Boot(string label, PageRange memory)
    {
        var kernel = new Kernel(Context, label, memory);
        Kernel = kernel;
        kernel.DeviceProbed = ScanHost;
        NoteAll($"{label} starts booting");
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
                driversAtStart[device.Name] = driver.Name;
            }

            if (device.Unit is DeviceHardware { Dma.Running: true, CanMasterBus: true })
            {
                dmaRunningAtStart.Add(device.Name);
            }
        }
    }

    /// <summary>The device's DMA engine was running when the scenario began.</summary>
    public bool WasDoingDmaAtStart(string device) => dmaRunningAtStart.Contains(device);

    public void MarkScenarioEnd() => ScenarioEndMs = Clock.NowMs;

    public IReadOnlyList<Evidence> FindingsFor(string device) => findings[device];

    public IReadOnlyList<TimelineEvent> TimelineFor(string device) => timelines[device];

    /// <summary>Adds a moment to every device's timeline.</summary>
    public void NoteAll(string what)
    {
        foreach (var device in declared)
        {
            AddTimeline(device.Name, device.Unit, what);
        }
    }

    public void Note(string device, string what)
    {
        if (declared.Find(d => d.Name == device) is { } found)
        {
            AddTimeline(found.Name, found.Unit, what);
        }
    }

    void IKernelObserver.Found(Evidence evidence)
    {
        if (!findings.TryGetValue(evidence.Device, out var list))
        {
            return;
        }

        // The first evidence of each outcome is kept; repeats add nothing a reader needs.
        if (!list.Exists(e => e.Outcome == evidence.Outcome))
        {
            list.Add(evidence);
            Note(evidence.Device, $"{evidence.Outcome}: {evidence.Text}");
        }
    }

    void IKernelObserver.Note(Device device, string what)
    {
        var frame = Context.CurrentFrame;
        Note(device.Name, frame is null || ReferenceEquals(frame.Device, device) && what.Contains(frame.Callback, StringComparison.Ordinal) ? what : $"{what} ({frame})");
    }

    void IKernelObserver.CallbackStarted(CallbackFrame frame)
    {
        if (frame.Callback != CallbackFrame.InterruptHandler)
        {
            Note(frame.Device.Name, $"{frame} called");
        }
    }

    void IKernelObserver.CallbackFinished(CallbackFrame frame, Exception? error)
    {
        if (error is null)
        {
            if (frame.Callback != CallbackFrame.InterruptHandler)
            {
                Note(frame.Device.Name, $"{frame} returned");
            }

            return;
        }

        Note(frame.Device.Name, $"{frame} threw {error.GetType().Name}: {error.Message}");
        if (error is HardwareHangException || frame.Callback == nameof(DriverCallback.Probe))
        {
            // A hang is reported where it was detected; a failed probe by the kernel that saw it fail.
            return;
        }

        Context.Report(
            Outcome.DriverFault,
            frame.Device,
            $"{frame} threw {error.GetType().Name}: {error.Message}; the kernel carried on with the other devices",
            location: frame.Callback,
            frame: frame);
    }

    void IHardwareEvents.WritesLost(HardwareUnit unit, IReadOnlyList<AcknowledgedWrite> lost, long flushCostMs, string cause)
    {
        var blocks = lost.Count == 1 ? $"block {lost[0].Block}" : $"blocks {lost[0].Block}-{lost[^1].Block}";
        Context.Report(
            Outcome.DataLost,
            unit.Name,
            Kernel?.Label ?? "",
            $"{unit.Name}: {lost.Count} acknowledged writes ({blocks}) were still in its volatile write cache and were lost to {cause}; flushing them first would have cost {flushCostMs} ms",
            location: "write cache",
            flushCostMs: flushCostMs,
            frame: Context.CurrentFrame);
    }

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

    public ScenarioReport BuildReport(Scenario scenario, KexecPolicy policy, int seed, Func<DeclaredDevice, string> healthy)
    {
        var devices = new List<DeviceReport>();
        foreach (var device in declared)
        {
            var ranked = findings[device.Name].OrderBy(e => OutcomeSeverity.Rank(e.Outcome)).ThenBy(e => e.AtMs).ToList();
            var evidence = ranked.Count > 0 ? ranked[0] : HealthyEvidence(device, healthy(device));
            devices.Add(new DeviceReport(device.Name, DriverAtStart(device.Name), evidence, ranked.Skip(1).ToList(), timelines[device.Name].ToList()));
        }

        return new ScenarioReport(Name, scenario, policy, seed, ScenarioEndMs - ScenarioStartMs, devices);
    }

    private Evidence HealthyEvidence(DeclaredDevice device, string summary)
    {
        if (device.Unit.WriteCache is not { } cache)
        {
            return new Evidence { Outcome = Outcome.Healthy, Device = device.Name, Text = summary, AtMs = Clock.NowMs, Kernel = Kernel.Label };
        }

        if (cache.FlushesDone > 0)
        {
            return new Evidence
            {
                Outcome = Outcome.Healthy,
                Device = device.Name,
                Text = $"{summary}; its write cache was flushed, which cost {cache.FlushTimeSpentMs} ms",
                AtMs = cache.LastFlushAtMs ?? Clock.NowMs,
                Kernel = Kernel.Label,
                Location = "write cache",
                FlushCostMs = cache.FlushTimeSpentMs,
            };
        }

        var pending = cache.Unflushed.Count;
        var text = cache.IsNonVolatile && pending > 0
            ? $"{summary}; its non-volatile write cache kept {pending} acknowledged writes unflushed, which saved the {cache.FlushCostMs} ms a flush would have cost"
            : $"{summary}; its write cache held nothing that needed flushing";
        return new Evidence
        {
            Outcome = Outcome.Healthy,
            Device = device.Name,
            Text = text,
            AtMs = Clock.NowMs,
            Kernel = Kernel.Label,
            Location = "write cache",
            FlushCostMs = cache.FlushCostMs,
            FlushSkipped = pending > 0,
        };
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

        if (device.Unit is PciFunction { PowerState: PciPowerState.D3Cold })
        {
            var who = timelines[device.Name].LastOrDefault(e => e.What.Contains("power state D3Cold", StringComparison.Ordinal))?.What;
            return $"it was left in D3cold{(who is null ? "" : $" ({who})")} and its slot has no power control, so config space reads all ones";
        }

        return "it does not answer";
    }

    private void Enumerate(Kernel kernel, DeclaredDevice device)
    {
        Device? parent = null;
        if (device.Parent is { } parentName && (parent = kernel.Devices.FirstOrDefault(d => d.Name == parentName)) is null)
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
        foreach (var disk in declared.Where(d => d.Kind == DeviceKind.Scsi && d.Parent == host.Name && d.Unit.IsPresent))
        {
            if (kernel.Devices.FirstOrDefault(d => d.Name == disk.Name) is { } known)
            {
                kernel.Attach(known);
            }
            else
            {
                kernel.AddDevice(new ScsiDevice(kernel, disk.Name, (ScsiDisk)disk.Unit, host));
            }
        }
    }

    private void Tick()
    {
        if (Kernel is null)
        {
            return;
        }

        foreach (var device in declared)
        {
            if (device.Unit is DeviceHardware hardware)
            {
                InterruptDelivery.RaisePeriodic(Context, hardware);
                DmaTraffic.Tick(Context, Kernel.Label, hardware);
            }
        }

        foreach (var device in declared)
        {
            if (device.Unit is DeviceHardware hardware)
            {
                InterruptDelivery.Tick(Context, Kernel, hardware);
            }
        }
    }

    private void AddTimeline(string name, HardwareUnit unit, string what)
    {
        var function = unit as PciFunction;
        var hardware = unit as DeviceHardware;
        var timeline = timelines[name];
        if (timeline.Count > 0 && timeline[^1].What == what && timeline[^1].Kernel == (Kernel?.Label ?? ""))
        {
            return;
        }

        timeline.Add(new TimelineEvent(
            Clock.NowMs,
            Kernel?.Label ?? "",
            what,
            function?.PowerState,
            function?.BusMasterEnabled ?? false,
            hardware?.Dma.Running ?? false,
            hardware?.Interrupt.Asserted ?? false));
    }
}
