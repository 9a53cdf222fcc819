using System;
using System.Collections.Generic;
using System.Threading;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// What PCI functions and platform devices have in common: registers, one interrupt and a DMA
/// engine. Each member carries the attribute that says what it does to the hardware.
/// </summary>
public abstract class MemoryMappedDevice : Device
{
    /// <summary>What a read from a device that does not answer returns.</summary>
    public const uint AllOnes = 0xffff_ffff;

    /// <summary>
    /// The buffers mapped now, an array made anew when one is mapped or unmapped: most devices map one
    /// in probe and unmap it in remove, and a list was one more object per device.
    /// </summary>
    private DmaBuffer[] dmaBuffers = Array.Empty<DmaBuffer>();

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

    /// <summary>The buffers mapped now, in the order they were mapped; a later map or unmap does not change a list already read.</summary>
    public IReadOnlyList<DmaBuffer> DmaBuffers => dmaBuffers;

    internal override HardwareUnit Unit => Hardware;

    /// <summary>
    /// The frame the device's interrupt handler runs in, made once per driver: a running device's
    /// handler runs every tick, and hosts that watch the running callback see the same frame each time.
    /// </summary>
    internal CallbackFrame InterruptHandlerFrame
    {
        get
        {
            var driver = Binding ?? LastDriver;
            if (interruptHandlerFrame is not { } frame || !ReferenceEquals(frame.Driver, driver))
            {
                interruptHandlerFrame = frame = new CallbackFrame(this, driver, CallbackFrame.InterruptHandler);
            }

            return frame;
        }
    }

    private CallbackFrame? interruptHandlerFrame;

    internal override bool CanAnswer => Hardware.IsActive;

    private int Irq => Hardware.Interrupt.Irq;

    private KernelContext Context => Kernel.Context;

    /// <summary>Installs the interrupt handler (<c>request_irq</c>) and enables the line. The line is exclusive.</summary>
    [Acquires(DeviceResource.Interrupt)]
    public void RequestIrq(InterruptHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Access(nameof(RequestIrq), BusAccessKind.Control);
        Kernel.Resources.Acquire(this, DeviceResource.Interrupt, this);
        IrqHandler = handler;
        IrqDisabled = false;
        Kernel.SetIrqOwner(Irq, this);
        Context.Interrupts.Enable(Irq);
    }

    /// <summary>
    /// Removes the handler (<c>free_irq</c>) and masks the line at the controller; a level interrupt
    /// still asserted at the device is left for whoever enables the line next.
    /// </summary>
    [Releases(DeviceResource.Interrupt)]
    [MasksInterrupt]
    public void FreeIrq()
    {
        Kernel.Resources.Release(this, DeviceResource.Interrupt, this);
        IrqHandler = null;
        if (ReferenceEquals(Kernel.IrqOwner(Irq), this))
        {
            Kernel.SetIrqOwner(Irq, null);
        }

        Context.Interrupts.Mask(Irq);
    }

    /// <summary>Stops delivering the interrupt at the controller (<c>disable_irq</c>).</summary>
    [MasksInterrupt]
    public void DisableIrq()
    {
        IrqDisabled = true;
        Context.Interrupts.Mask(Irq);
    }

    public void EnableIrq()
    {
        IrqDisabled = false;
        if (IrqHandler is not null)
        {
            Context.Interrupts.Enable(Irq);
        }
    }

    /// <summary>Masks the interrupt at the device itself (its interrupt-disable bit): survives kexec.</summary>
    [MasksInterrupt]
    public void MaskInterrupts()
    {
        Access(nameof(MaskInterrupts), BusAccessKind.Control);
        Hardware.Interrupt.MaskedAtDevice = true;
    }

    public void UnmaskInterrupts()
    {
        Access(nameof(UnmaskInterrupts), BusAccessKind.Control);
        Hardware.Interrupt.MaskedAtDevice = false;
    }

    /// <summary>Maps <paramref name="pages"/> pages of memory for the device to DMA into.</summary>
    [Acquires(DeviceResource.DmaBuffer)]
    public DmaBuffer MapDma(int pages)
    {
        var buffer = new DmaBuffer(Kernel.Memory, Kernel.Memory.AllocatePages(this, pages, Kernel.MemoryRange));
        dmaBuffers = [.. dmaBuffers, buffer];
        Kernel.Resources.Acquire(this, DeviceResource.DmaBuffer, buffer);
        return buffer;
    }

    [Releases(DeviceResource.DmaBuffer)]
    public void UnmapDma(DmaBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var index = Array.IndexOf(dmaBuffers, buffer);
        if (index < 0)
        {
            throw new InvalidOperationException($"{Name}: the DMA buffer is not mapped for this device.");
        }

        dmaBuffers = [.. dmaBuffers.AsSpan(0, index), .. dmaBuffers.AsSpan(index + 1)];
        Kernel.Resources.Release(this, DeviceResource.DmaBuffer, buffer);
        buffer.Unmap(this);
    }

    /// <summary>
    /// Points the DMA engine at <paramref name="buffer"/> and starts it. An engine that cannot be
    /// stopped and is already running cannot be reprogrammed either (seed 002, GICv3 ITS), nor can a
    /// running one that is <see cref="DmaEngine.LockedWhileRunning"/>: a probe that meets it so — a
    /// crash kernel's — must stop or reset it first.
    /// </summary>
    [EnablesDma]
    public void StartDma(DmaBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Access(nameof(StartDma), BusAccessKind.Control);
        if (!buffer.IsMapped)
        {
            throw new InvalidOperationException($"{Name}: DMA started on an unmapped buffer.");
        }

        if (Hardware.Dma is { Running: true } engine && (engine.CannotBeStopped || engine.LockedWhileRunning))
        {
            throw new InvalidOperationException($"{Name}: the DMA engine is already running and cannot be reprogrammed.");
        }

        if (!Hardware.IsPresent)
        {
            return;
        }

        Hardware.Dma.Load(buffer.Descriptors);
        Hardware.Dma.Running = true;
    }

    /// <summary>Stops the DMA engine.</summary>
    [QuiescesDma]
    public void StopDma()
    {
        Access(nameof(StopDma), BusAccessKind.Control);
        Hardware.Dma.Stop();
    }

    /// <summary>
    /// Keeps the buffer's pages out of the next kernel's hands across kexec
    /// (<c>efi_mem_reserve_persistent</c>): the one way to live with DMA that cannot be stopped.
    /// </summary>
    [ReservesAcrossKexec]
    public void ReserveAcrossKexec(DmaBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.ReserveAcrossKexec();
    }

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

    /// <summary>Reads a device register (<c>readl</c>); a device that does not answer reads as all ones.</summary>
    [PerformsIo]
    public uint ReadRegister(int offset)
    {
        Access(nameof(ReadRegister), BusAccessKind.Io);
        return CanAnswer ? Hardware.ReadRegister(offset, Context.Clock.NowMs) : AllOnes;
    }

    /// <summary>Writes a device register (<c>writel</c>); lost on a device that does not answer.</summary>
    [PerformsIo]
    public void WriteRegister(int offset, uint value)
    {
        Access(nameof(WriteRegister), BusAccessKind.Io);
        if (CanAnswer)
        {
            Hardware.WriteRegister(offset, value, Context.Clock.NowMs);
        }
    }

    /// <summary>
    /// Polls a register until its bits <paramref name="mask"/> read <paramref name="expected"/>
    /// (<c>readl_poll_timeout</c>; nvme waiting for CSTS.RDY or CSTS.SHST): true when they did, false
    /// when <paramref name="timeout"/> passed first. A device that is gone or powered off never gets
    /// there, and neither does one that was not asked to; <see cref="Timeout.InfiniteTimeSpan"/> then
    /// waits for ever.
    /// </summary>
    [PerformsIo]
    [WaitsOnHardware(TimeoutParameter = "timeout")]
    public bool WaitForRegister(int offset, uint mask, uint expected, TimeSpan timeout)
    {
        Access(nameof(WaitForRegister), BusAccessKind.Io);
        var now = Context.Clock.NowMs;
        var answersAt = CanAnswer ? Hardware.WhenRegisterMatches(offset, mask, expected, now) : null;
        return Context.WaitForHardware(this, $"register 0x{offset:x2} & 0x{mask:x} == 0x{expected & mask:x}", answersAt, timeout);
    }

    /// <summary>
    /// Sends a command to the device's firmware through its mailbox and waits for the answer
    /// (lpfc's <c>lpfc_sli_issue_mbox</c>). Firmware not in a state that takes the command rejects it.
    /// </summary>
    [PerformsIo]
    [WaitsOnHardware(TimeoutParameter = "timeout")]
    public MailboxStatus IssueMailboxCommand(FirmwareCommand command, TimeSpan timeout)
    {
        Access(nameof(IssueMailboxCommand), BusAccessKind.Io);
        var firmware = Hardware.Firmware ?? throw new InvalidOperationException($"{Name} has no firmware mailbox.");
        long? answersAt = CanAnswer ? Context.Clock.NowMs + (long)firmware.CommandTime.TotalMilliseconds : null;
        if (!Context.WaitForHardware(this, command.ToString(), answersAt, timeout))
        {
            return MailboxStatus.TimedOut;
        }

        if (!Hardware.IsActive)
        {
            return MailboxStatus.TimedOut;
        }

        var accepted = firmware.Execute(command);
        Context.Observer?.Note(this, $"{command} {(accepted ? "accepted" : "rejected")}, firmware {firmware.State}");
        return accepted ? MailboxStatus.Success : MailboxStatus.Rejected;
    }

    /// <summary>
    /// Restarts the device's firmware (lpfc's <c>lpfc_sli_brdrestart</c>): the firmware goes back to
    /// its reset state, DMA stops and interrupts are masked. Volatile cached data is lost.
    /// </summary>
    [Resets]
    [QuiescesDma]
    [MasksInterrupt]
    public void RestartFirmware()
    {
        Access(nameof(RestartFirmware), BusAccessKind.Control);
        if (Hardware.IsPresent)
        {
            // The cause names the callback in the evidence of writes the restart loses; every NIC's
            // probe restarts its firmware with none to lose, and formatting it was two strings a probe.
            Hardware.RestartFirmware(Hardware.HoldsWritesAResetWouldLose ? Actor("RestartFirmware()") : "");
        }
    }
}
