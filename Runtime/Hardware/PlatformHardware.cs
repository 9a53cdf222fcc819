namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// A memory-mapped device described by firmware, found by its compatible string. The platform bus
/// has no bus-master bit and no shutdown step of its own: only the driver can stop its DMA.
/// </summary>
public class PlatformHardware : DeviceHardware
{
    public PlatformHardware(string compatible, InterruptMode interruptMode = InterruptMode.Intx)
        : base(interruptMode)
    {
        Compatible = compatible;
    }

    public string Compatible { get; }
}
