using System;
using System.Collections.Generic;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// What PCI functions and platform devices have in common: registers, one interrupt and a DMA
/// engine. Each member carries the attribute that says what it does to the hardware.
/// </summary>
public abstract class MemoryMappedDevice : Device
{
    private readonly List<DmaBuffer> dmaBuffers = new();

    protected MemoryMappedDevice(Kernel kernel, string name, DeviceHardware hardware, Device? parent)
        : base(kernel, name, parent)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        Hardware = hardware;
    }

    /// <summary>The physical device behind this kernel object.</summary>
    public DeviceHardware Hardware { get; }

    /// <summary>The handler registered with <see cref="RequestIrq"/>, or null.</summary>
    public InterruptHandler? IrqHandler { get; private set; }

    /// <summary>True between <see cref="DisableIrq"/> and <see cref="EnableIrq"/>.</summary>
    public bool IrqDisabled { get; private set; }

    public IReadOnlyList<DmaBuffer> DmaBuffers => dmaBuffers;

    /// <summary>Installs the interrupt handler (<c>request_irq</c>). The line is exclusive.</summary>
    [Acquires(DeviceResource.Interrupt)]
    public void RequestIrq(InterruptHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Kernel.Resources.Acquire(this, DeviceResource.Interrupt, this);
        IrqHandler = handler;
        IrqDisabled = false;
    }

    /// <summary>Removes the handler (<c>free_irq</c>); a level interrupt still asserted then has no one to service it.</summary>
    [Releases(DeviceResource.Interrupt)]
    public void FreeIrq()
    {
        Kernel.Resources.Release(this, DeviceResource.Interrupt, this);
        IrqHandler = null;
    }

    /// <summary>Stops delivering the interrupt at the controller (<c>disable_irq</c>).</summary>
    [MasksInterrupt]
    public void DisableIrq() => IrqDisabled = true;

    public void EnableIrq() => IrqDisabled = false;

    /// <summary>Masks the interrupt at the device itself (its interrupt-disable bit): survives kexec.</summary>
    [MasksInterrupt]
    public void MaskInterrupts() => Hardware.Interrupt.MaskedAtDevice = true;

    public void UnmaskInterrupts() => Hardware.Interrupt.MaskedAtDevice = false;

    /// <summary>Maps <paramref name="pages"/> pages of memory for the device to DMA into.</summary>
    [Acquires(DeviceResource.DmaBuffer)]
    public DmaBuffer MapDma(int pages)
    {
        var buffer = new DmaBuffer(Kernel.Memory.Allocate(this, pages));
        dmaBuffers.Add(buffer);
        Kernel.Resources.Acquire(this, DeviceResource.DmaBuffer, buffer);
        return buffer;
    }

    [Releases(DeviceResource.DmaBuffer)]
    public void UnmapDma(DmaBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!dmaBuffers.Remove(buffer))
        {
            throw new InvalidOperationException($"{Name}: the DMA buffer is not mapped for this device.");
        }

        Kernel.Resources.Release(this, DeviceResource.DmaBuffer, buffer);
        buffer.IsMapped = false;
        Kernel.Memory.Free(buffer.Pages);
    }

    /// <summary>Points the DMA engine at <paramref name="buffer"/> and starts it.</summary>
    [EnablesDma]
    public void StartDma(DmaBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!buffer.IsMapped)
        {
            throw new InvalidOperationException($"{Name}: DMA started on an unmapped buffer.");
        }

        var pages = new List<long>(buffer.Pages.Count);
        foreach (var page in buffer.Pages)
        {
            pages.Add(page.Number);
        }

        Hardware.Dma.Load(pages);
        Hardware.Dma.Running = true;
    }

    /// <summary>Stops the DMA engine.</summary>
    [QuiescesDma]
    public void StopDma() => Hardware.Dma.Stop();

    /// <summary>Maps the registers of BAR <paramref name="bar"/> (<c>pci_iomap</c>/<c>ioremap</c>).</summary>
    [Acquires(DeviceResource.RegisterMapping)]
    public RegisterMapping MapRegisters(int bar = 0)
    {
        var mapping = new RegisterMapping(bar);
        Kernel.Resources.Acquire(this, DeviceResource.RegisterMapping, mapping);
        return mapping;
    }

    [Releases(DeviceResource.RegisterMapping)]
    public void UnmapRegisters(RegisterMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Kernel.Resources.Release(this, DeviceResource.RegisterMapping, mapping);
        mapping.IsMapped = false;
    }
}
