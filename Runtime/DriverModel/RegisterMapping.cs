namespace ShutdownAnalyzers.DriverModel;

/// <summary>A BAR mapped into kernel address space (<c>pci_iomap</c>/<c>ioremap</c>).</summary>
public sealed class RegisterMapping
{
    internal RegisterMapping(int bar) => Bar = bar;

    public int Bar { get; }

    public bool IsMapped { get; internal set; } = true;
}
