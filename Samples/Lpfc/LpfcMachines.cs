using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Lpfc;

/// <summary>A Power server that boots through kexec, with one LPe12000 driven by lpfc before the 2017 fix.</summary>
public sealed class FlawedLpfcMachine : MachineModel
{
    public override string Name => "lpfc-flawed";

    public override string Description => "LPe12000 with lpfc before the fix: Remove but no Shutdown";

    public override void Build(MachineBuilder machine) => LpfcMachines.AddFlawed(machine);
}

/// <summary>The same server with the accepted fix: <c>.shutdown = lpfc_pci_remove_one</c>.</summary>
public sealed class FixedLpfcMachine : MachineModel
{
    public override string Name => "lpfc-fixed";

    public override string Description => "LPe12000 with lpfc after the fix: Shutdown mapped to Remove";

    public override void Build(MachineBuilder machine) => LpfcMachines.AddFixed(machine);
}

/// <summary>The lpfc sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class LpfcMachines
{
    /// <summary>The adapter's address in the seed's log ("lpfc 0003:12:00.0: 6:0442 Adapter failed to init").</summary>
    public const string AdapterAddress = "0003:12:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(AdapterAddress, LightPulseAdapter.Create()).AddDriver(() => new Flawed.LpfcDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(AdapterAddress, LightPulseAdapter.Create()).AddDriver(() => new Fixed.LpfcDriver());
}
