namespace ShutdownAnalyzers.DriverModel;

/// <summary>Whether an interrupt handler serviced its device, as <c>irqreturn_t</c>.</summary>
public enum IrqReturn
{
    None,
    Handled,
}

/// <summary>An interrupt handler registered with <c>RequestIrq</c>; it services (deasserts) the device.</summary>
public delegate IrqReturn InterruptHandler(Device device);
