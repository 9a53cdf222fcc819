using System;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>What a running simulation wants to hear from the kernels it runs.</summary>
internal interface IKernelObserver
{
    /// <summary>Something went wrong for a device.</summary>
    void Found(Evidence evidence);

    /// <summary>A moment for the device's timeline.</summary>
    void Note(Device device, string what);

    /// <summary>A moment for the timeline of hardware that may have no device in the running kernel.</summary>
    void Note(string device, string what);

    /// <summary>A callback started; not told of interrupt handlers, which run on every tick of a running device.</summary>
    void CallbackStarted(CallbackFrame frame);

    /// <summary>A callback returned (<paramref name="error"/> null) or threw; of an interrupt handler, only a throw.</summary>
    void CallbackFinished(CallbackFrame frame, Exception? error);
}
