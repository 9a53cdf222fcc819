namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// A dependency beyond the device tree (<c>struct device_link</c>): the consumer is suspended and
/// shut down before the supplier, and resumed after it.
/// </summary>
public sealed class DeviceLink
{
    internal DeviceLink(Device consumer, Device supplier)
    {
        Consumer = consumer;
        Supplier = supplier;
    }

    public Device Consumer { get; }

    public Device Supplier { get; }

    public override string ToString() => $"{Consumer.Name} -> {Supplier.Name}";
}
