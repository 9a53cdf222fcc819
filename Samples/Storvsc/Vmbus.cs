using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Storvsc;

/// <summary>
/// The VMBus connection to the Hyper-V host (<c>drivers/hv/vmbus_drv.c</c>, the ACPI device VMBUS:00):
/// every channel message a guest driver posts — open a channel, close it — goes to the host through it.
/// </summary>
public static class Vmbus
{
    public const string Compatible = "microsoft,vmbus";

    /// <summary>The register the model posts channel messages through (the hypercall page, in the kernel).</summary>
    public const int MessagePort = 0x00;

    /// <summary>Channel message types, as <c>enum vmbus_channel_message_type</c> numbers them.</summary>
    public const uint OpenChannel = 5;

    public const uint CloseChannel = 7;

    public const uint InitiateContact = 14;

    public const uint Unload = 16;

    /// <summary>The VMBus device of the kernel a driver runs in.</summary>
    public static PlatformDevice Find(Kernel kernel) =>
        kernel.Devices.OfType<PlatformDevice>().Single(device => device.Compatible == Compatible);
}

/// <summary>hv_vmbus: connects to the host at probe and resume, unloads the connection at suspend and remove.</summary>
public sealed class VmbusDriver : PlatformDriver
{
    public override string Name => "hv_vmbus";

    public override IReadOnlyList<string> CompatibleIds => new[] { Vmbus.Compatible };

    public override void Probe(PlatformDevice device) => device.WriteRegister(Vmbus.MessagePort, Vmbus.InitiateContact);

    public override void Remove(PlatformDevice device) => device.WriteRegister(Vmbus.MessagePort, Vmbus.Unload);

    public override void Shutdown(PlatformDevice device) => Remove(device);

    public override void Suspend(PlatformDevice device) => device.WriteRegister(Vmbus.MessagePort, Vmbus.Unload);

    public override void Resume(PlatformDevice device) => device.WriteRegister(Vmbus.MessagePort, Vmbus.InitiateContact);
}
