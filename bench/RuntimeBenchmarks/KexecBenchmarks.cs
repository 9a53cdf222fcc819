using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Bench.Runtime;

/// <summary>
/// Boot plus kexec (policy Shutdown) of machines with 100, 1,000 and 10,000 devices: the whole
/// <see cref="Simulator.Run"/>, from declaring the machine to the report. Target: 10,000 NICs under
/// 100 ms, and cost linear in devices.
/// </summary>
[Config(typeof(GcModesConfig))]
public class KexecBenchmarks
{
    [ParamsSource(nameof(Machines))]
    public ScaledMachineCase Machine { get; set; } = null!;

    public static IEnumerable<ScaledMachineCase> Machines() => ScaledMachineCase.All;

    [Benchmark]
    public ScenarioReport BootAndKexec() => Simulator.Run(Machine.Model, Scenario.Kexec);
}

/// <summary>A machine size and mix, named for the benchmark table.</summary>
public sealed class ScaledMachineCase
{
    /// <summary>The sizes measured; NICs with HBAs stop at 1,000 (see <see cref="DeviceMix.NicsAndHbas"/>).</summary>
    public static readonly IReadOnlyList<ScaledMachineCase> All = new[]
    {
        new ScaledMachineCase(100, DeviceMix.Nics),
        new ScaledMachineCase(1_000, DeviceMix.Nics),
        new ScaledMachineCase(10_000, DeviceMix.Nics),
        new ScaledMachineCase(100, DeviceMix.NicsAndHbas),
        new ScaledMachineCase(1_000, DeviceMix.NicsAndHbas),
    };

    public ScaledMachineCase(int devices, DeviceMix mix) => Model = new ScaledMachine(devices, mix);

    public ScaledMachine Model { get; }

    public override string ToString() => Model.Name;
}
