using System;

namespace ShutdownAnalyzers.Hardware;

/// <summary>
/// An NVMe controller (<c>drivers/nvme/host/pci.c</c>): MSI interrupts, DMA queues, and the controller
/// registers a driver enables and shuts it down through. Setting CC.EN makes the controller report
/// CSTS.RDY after <see cref="ReadyTime"/>; setting CC.SHN starts a shutdown that reports CSTS.SHST
/// "complete" after <see cref="ShutdownTime"/>. A controller that was pulled out reports nothing ever.
/// </summary>
public sealed class NvmeController : PciFunction
{
    public const ushort IntelVendorId = 0x8086;

    /// <summary>Intel DC P3700.</summary>
    public const ushort P3700DeviceId = 0x0953;

    /// <summary>Controller Configuration.</summary>
    public const int Cc = 0x14;

    /// <summary>Controller Status.</summary>
    public const int Csts = 0x1c;

    /// <summary>CC.EN: the controller is enabled.</summary>
    public const uint CcEnable = 1u << 0;

    /// <summary>CC.SHN = 01b: normal shutdown notification.</summary>
    public const uint CcShutdownNormal = 1u << 14;

    /// <summary>CC.SHN, both bits.</summary>
    public const uint CcShutdownMask = 3u << 14;

    /// <summary>CSTS.RDY: the controller is ready to process commands.</summary>
    public const uint CstsReady = 1u << 0;

    /// <summary>CSTS.SHST = 01b: shutdown processing occurring.</summary>
    public const uint CstsShutdownOccurring = 1u << 2;

    /// <summary>CSTS.SHST = 10b: shutdown processing complete.</summary>
    public const uint CstsShutdownComplete = 2u << 2;

    /// <summary>CSTS.SHST, both bits.</summary>
    public const uint CstsShutdownMask = 3u << 2;

    public NvmeController(ushort vendorId = IntelVendorId, ushort deviceId = P3700DeviceId)
        : base(vendorId, deviceId, InterruptMode.Msi)
    {
    }

    /// <summary>From CC.EN set to CSTS.RDY set (bounded by CAP.TO on real controllers).</summary>
    public TimeSpan ReadyTime { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>From CC.SHN set to CSTS.SHST complete (the controller's RTD3 entry latency).</summary>
    public TimeSpan ShutdownTime { get; init; } = TimeSpan.FromMilliseconds(20);

    protected override void OnRegisterWritten(int offset, uint previous, uint value, long nowMs)
    {
        if (offset != Cc)
        {
            return;
        }

        var enabled = (value & CcEnable) != 0;
        if (enabled != ((previous & CcEnable) != 0))
        {
            ScheduleRegisterChange(Csts, CstsReady, enabled ? CstsReady : 0, nowMs + (long)ReadyTime.TotalMilliseconds);
        }

        var shutdown = value & CcShutdownMask;
        if (shutdown == (previous & CcShutdownMask))
        {
            return;
        }

        if (shutdown == 0)
        {
            ScheduleRegisterChange(Csts, CstsShutdownMask, 0, nowMs);
            return;
        }

        ScheduleRegisterChange(Csts, CstsShutdownMask, CstsShutdownOccurring, nowMs);
        ScheduleRegisterChange(Csts, CstsShutdownMask, CstsShutdownComplete, nowMs + (long)ShutdownTime.TotalMilliseconds);
    }
}
