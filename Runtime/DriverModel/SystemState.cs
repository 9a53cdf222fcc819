namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// What the kernel is doing, as the kernel's <c>system_state</c>. Drivers read it as
/// <c>device.Kernel.SystemState</c>. kexec and reboot both show <see cref="Restart"/>:
/// a driver cannot tell them apart, and should not try.
/// </summary>
public enum SystemState
{
    Booting,
    Running,
    Halt,
    PowerOff,
    Restart,
    Suspend,
}
