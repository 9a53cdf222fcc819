namespace ShutdownAnalyzers.DriverModel;

/// <summary>One entry of a PCI driver's ID table (<c>struct pci_device_id</c>).</summary>
public readonly record struct PciDeviceId(ushort VendorId, ushort DeviceId)
{
    /// <summary>The wildcard, as <c>PCI_ANY_ID</c>.</summary>
    public const ushort AnyId = 0xffff;

    /// <summary>Matches every function.</summary>
    public static PciDeviceId Any => new(AnyId, AnyId);

    public bool Matches(PciDevice device) =>
        (VendorId == AnyId || VendorId == device.VendorId)
        && (DeviceId == AnyId || DeviceId == device.DeviceId);

    public override string ToString() => $"{VendorId:x4}:{DeviceId:x4}";
}
