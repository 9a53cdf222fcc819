using System;

namespace ShutdownAnalyzers.Runner;

/// <summary>
/// Input the runner cannot work with. <see cref="Exception.Message"/> is the one line shown after
/// <c>shutdown-sim: error:</c>; <see cref="Details"/> is shown before it when there is more to see
/// (the output of a failed build).
/// </summary>
internal sealed class BadInputException : Exception
{
    public BadInputException(string message, string? details = null)
        : base(message)
    {
        Details = details;
    }

    public string? Details { get; }
}
