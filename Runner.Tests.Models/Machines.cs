using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Tests.Models;

/// <summary>One adapter whose driver has a Shutdown: every device healthy after kexec.</summary>
public sealed class HealthyMachine : MachineModel
{
    public const string MachineName = "healthy";

    public const string AdapterAddress = "0000:01:00.0";

    public override string Name => MachineName;

    public override string Description => "one adapter, driver with Shutdown";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(AdapterAddress, LightPulseAdapter.Create(Adapter.FirstDeviceId))
            .AddDriver(() => new CarefulDriver());
}

/// <summary>One adapter whose driver has Remove but no Shutdown: ProbeFailed after kexec, healthy under policy remove.</summary>
public sealed class FlawedMachine : MachineModel
{
    public const string MachineName = "flawed";

    public const string AdapterAddress = "0000:02:00.0";

    public override string Name => MachineName;

    public override string Description => "one adapter, driver with Remove but no Shutdown";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(AdapterAddress, LightPulseAdapter.Create(Adapter.SecondDeviceId))
            .AddDriver(() => new CarelessDriver());
}

/// <summary>Both adapters on one machine: one device healthy, one not, after kexec.</summary>
public sealed class MixedMachine : MachineModel
{
    public const string MachineName = "mixed";

    public const string CarefulAddress = "0000:03:00.0";

    public const string CarelessAddress = "0000:04:00.0";

    public override string Name => MachineName;

    public override string Description => "one adapter of each kind";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(CarefulAddress, LightPulseAdapter.Create(Adapter.FirstDeviceId))
            .AddPciFunction(CarelessAddress, LightPulseAdapter.Create(Adapter.SecondDeviceId))
            .AddDriver(() => new CarefulDriver())
            .AddDriver(() => new CarelessDriver());
}

/// <summary>A base for machines: abstract, so not a machine itself.</summary>
public abstract class AdapterMachineBase : MachineModel
{
    public override string Description => "never listed";
}

/// <summary>Internal: a helper of this assembly, not a machine tools offer.</summary>
internal sealed class InternalMachine : MachineModel
{
    public override string Name => "internal";

    public override void Build(MachineBuilder machine) =>
        machine.AddPciFunction("0000:05:00.0", LightPulseAdapter.Create());
}

/// <summary>No parameterless constructor: tools cannot make it, so it is not offered.</summary>
public sealed class ParameterizedMachine(string name) : MachineModel
{
    public override string Name => name;

    public override void Build(MachineBuilder machine) =>
        machine.AddPciFunction("0000:06:00.0", LightPulseAdapter.Create());
}
