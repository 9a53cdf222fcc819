namespace ShutdownAnalyzers.DriverModel;

/// <summary>Kernel resources a driver takes in Probe and must give back in Remove.</summary>
public enum DeviceResource
{
    Interrupt,
    DmaBuffer,
    RegisterMapping,
    Region,
    DeviceLink,
}
