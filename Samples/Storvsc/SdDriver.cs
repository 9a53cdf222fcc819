using System;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Samples.Storvsc;

/// <summary>
/// sd on the virtual disk: flushes its write cache before suspend, shutdown and removal. The disk is a
/// child of the storvsc controller, so the device tree alone makes it suspend before the controller.
/// </summary>
public sealed class SdDriver : ScsiDriver
{
    /// <summary>How long sd waits for SYNCHRONIZE CACHE (SD_TIMEOUT, 30 s).</summary>
    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    public override string Name => "sd";

    public override void Probe(ScsiDevice device) => device.Read(0);

    public override void Suspend(ScsiDevice device) => device.WriteCache?.Flush(FlushTimeout);

    public override void Resume(ScsiDevice device) => device.Read(0);

    public override void Remove(ScsiDevice device) => device.WriteCache?.Flush(FlushTimeout);

    public override void Shutdown(ScsiDevice device) => Remove(device);
}
