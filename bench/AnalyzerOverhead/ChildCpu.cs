using System;
using System.Globalization;
using System.IO;

namespace ShutdownAnalyzers.Bench.AnalyzerOverhead;

/// <summary>
/// The CPU time of this process's finished child processes and theirs (user plus system), from
/// <c>/proc/self/stat</c>: a build and the csc it ran count once both have exited. NaN off Linux.
/// </summary>
public static class ChildCpu
{
    /// <summary>Clock ticks per second in <c>/proc</c> (USER_HZ, 100 on every Linux architecture .NET runs on).</summary>
    private const double TicksPerSecond = 100;

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/stat"))
        {
            return double.NaN;
        }

        // "pid (comm) state ppid ...": the name may hold spaces, so count fields after its ')'.
        // cutime and cstime are fields 16 and 17, the 14th and 15th after the name.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
