using System;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>
/// Thrown out of a wait on hardware that will never answer, once the hung-task detector would have
/// fired: it unwinds the stuck callback so the scenario goes on instead of hanging the process.
/// </summary>
public sealed class HardwareHangException : Exception
{
    public HardwareHangException(string message)
        : base(message)
    {
    }
}
