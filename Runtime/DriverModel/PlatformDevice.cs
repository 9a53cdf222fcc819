using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>A device on the platform bus (<c>struct platform_device</c>), described by firmware.</summary>
public class PlatformDevice : MemoryMappedDevice
{
    public PlatformDevice(Kernel kernel, string name, PlatformHardware hardware, Device? parent = null)
        : base(kernel, name, hardware, parent)
    {
        Platform = hardware;
    }

    public PlatformHardware Platform { get; }

    public string Compatible => Platform.Compatible;
}
