namespace ShutdownAnalyzers.Hardware;

/// <summary>A memory-mapped device described by firmware, found by its compatible string.</summary>
public class PlatformHardware : DeviceHardware
{
    public PlatformHardware(string compatible, InterruptMode interruptMode = InterruptMode.Intx)
        : base(interruptMode)
    {
        Compatible = compatible;
    }

    public string Compatible { get; }
}
