namespace ShutdownAnalyzers.Runner;

/// <summary>What <c>shutdown-sim</c> returns, so scripts and CI can tell a finding from a mistake.</summary>
public static class ExitCodes
{
    /// <summary>Every device of every run came through healthy (and <c>list</c> or help succeeded).</summary>
    public const int AllHealthy = 0;

    /// <summary>At least one device of one run got an outcome other than Healthy.</summary>
    public const int SomeUnhealthy = 1;

    /// <summary>
    /// The runner could not do what was asked: a missing file, not a .NET assembly, a failed build, no
    /// machines, an unknown scenario, policy, machine or format, a bad seed, an unwritable output.
    /// </summary>
    public const int BadInput = 2;
}
