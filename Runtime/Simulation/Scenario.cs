namespace ShutdownAnalyzers.Simulation;

/// <summary>A lifecycle transition the simulator can put a booted machine through.</summary>
public enum Scenario
{
    /// <summary>kexec into a next kernel, the callbacks chosen by a <see cref="KexecPolicy"/>.</summary>
    Kexec,

    /// <summary>Shutdown callbacks, then a firmware reset of every device, then a fresh boot.</summary>
    Reboot,

    /// <summary>Shutdown callbacks with the system powering off, then a cold boot.</summary>
    PowerOff,

    /// <summary>A panic: no callbacks at all; a crash kernel in reserved memory probes running hardware.</summary>
    KexecOnPanic,

    /// <summary>Each PCI endpoint is pulled out, then removed: its hardware answers nothing any more.</summary>
    HotUnplug,

    /// <summary>Each driver is unbound and bound again in the same kernel.</summary>
    UnbindRebind,

    /// <summary>Suspend to RAM and resume.</summary>
    SuspendResume,

    /// <summary>Freeze, write an image, power off, restore the image into memory and resume.</summary>
    Hibernate,

    /// <summary>Each PCI device's link freezes and is recovered, then again with a concurrent removal.</summary>
    ErrorRecovery,
}

/// <summary>What kexec calls on each driver before jumping to the next kernel (seed 000, seed 002, seed 003).</summary>
public enum KexecPolicy
{
    /// <summary>What Linux does: <c>device_shutdown</c>, each driver's Shutdown (if any) in reverse probe order.</summary>
    Shutdown,

    /// <summary>Shutdown where the driver has one, Remove where it has only that (the fallback proposed in seed 000).</summary>
    ShutdownElseRemove,

    /// <summary>Unbind (Remove) every driver first, then <c>device_shutdown</c>: "the most reliable way" (seed 002).</summary>
    Remove,
}
