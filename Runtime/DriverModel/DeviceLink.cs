namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// A dependency beyond the device tree (<c>struct device_link</c>): the consumer is suspended and
/// shut down before the supplier, and resumed after it.
/// </summary>
public sealed class DeviceLink
{
    internal DeviceLink(Device consumer, Device supplier, bool autoRemove)
    {
        Consumer = consumer;
        Supplier = supplier;
        AutoRemove = autoRemove;
    }

    public Device Consumer { get; }

    public Device Supplier { get; }

    /// <summary>Made by <see cref="Device.AddAutoRemoveLink"/>: the driver core deletes it when the consumer's driver unbinds.</summary>
    public bool AutoRemove { get; }

    public override string ToString() => $"{Consumer.Name} -> {Supplier.Name}";
}
