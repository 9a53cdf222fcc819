using System;
using System.Collections.Generic;
using System.Linq;

namespace ShutdownAnalyzers.Hardware;

/// <summary>One descriptor: a physical page, and the page's generation when the driver mapped it.</summary>
public readonly record struct DmaDescriptor(long Page, int Generation);

/// <summary>
/// A device's DMA engine: descriptors point at pages of physical memory, and on every clock tick
/// that it runs and may master the bus it writes to each of them. Only the device can stop it.
/// </summary>
public sealed class DmaEngine
{
    /// <summary>
    /// The descriptors loaded, as the buffer that was loaded holds them: a buffer's descriptors never
    /// change, so the engine points at them, as hardware points at a ring, rather than copy them.
    /// </summary>
    private IReadOnlyList<DmaDescriptor> descriptors = Array.Empty<DmaDescriptor>();

    /// <summary>The engine is going: on each tick it may write to its descriptors' pages.</summary>
    [DriverModel.IndicatesRunning]
    public bool Running { get; internal set; }

    /// <summary>
    /// Neither the driver nor a reset of the device stops it; only a platform reset or power loss
    /// does (GICv3 ITS pending tables, seed 002: "cannot be disabled").
    /// </summary>
    public bool CannotBeStopped { get; internal set; }

    /// <summary>
    /// A running engine keeps its descriptors until it is stopped or reset: pointing it at new memory
    /// while it runs fails, as an NVMe controller's admin queue cannot change while CC.EN is set and a
    /// NIC's ring base cannot while the queue is enabled. False by default: the engine takes new
    /// descriptors at any time.
    /// </summary>
    public bool LockedWhileRunning { get; internal set; }

    /// <summary>Physical page numbers the descriptors point at.</summary>
    public IReadOnlyList<long> DescriptorPages => descriptors.Select(d => d.Page).ToList();

    public IReadOnlyList<DmaDescriptor> Descriptors => descriptors;

    /// <summary>Writes that landed in memory the descriptors no longer own.</summary>
    public long CorruptWrites { get; internal set; }

    /// <summary>Changes whenever the descriptors do, so a check of them against memory can be reused until then.</summary>
    internal long DescriptorsVersion { get; private set; }

    /// <summary>The last check of the descriptors against memory (see <c>DmaTraffic</c>), valid while neither changed.</summary>
    internal DmaCheck? LastCheck { get; set; }

    internal void Load(IReadOnlyList<DmaDescriptor> loaded)
    {
        descriptors = loaded;
        DescriptorsVersion++;
    }

    internal void Stop()
    {
        if (!CannotBeStopped)
        {
            Running = false;
        }
    }

    internal void Reset()
    {
        if (!CannotBeStopped)
        {
            PowerOff();
        }
    }

    /// <summary>Power is gone: nothing keeps running, whatever the hardware's quirks.</summary>
    internal void PowerOff()
    {
        Running = false;
        descriptors = Array.Empty<DmaDescriptor>();
        DescriptorsVersion++;
    }
}

/// <summary>
/// One check of a DMA engine's descriptors against memory: at which versions of each, how many of
/// its writes would land in memory that is not its own, and the one the evidence would name, by
/// its place in the descriptors checked (-1: none). A value kept in the engine, so a running
/// engine's tick reads it without following a reference; 24 bytes, where the descriptor itself
/// made it 48.
/// </summary>
internal readonly record struct DmaCheck(long MemoryVersion, long DescriptorsVersion, int CorruptingDescriptors, int Telling);
