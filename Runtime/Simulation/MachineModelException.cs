using System;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// A machine model could not be used: its <see cref="MachineModel.Build"/> or one of its driver
/// factories threw. The message is one line naming the machine and the cause; the model's own
/// exception is the inner exception.
/// </summary>
public sealed class MachineModelException : Exception
{
    public MachineModelException(string machine, string message, Exception inner)
        : base($"Machine '{machine}': {message}: {inner.Message}", inner)
    {
        Machine = machine;
    }

    public string Machine { get; }
}
