using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Lpfc;

/// <summary>A Power server that boots through kexec, with one LPe12000 driven by lpfc before the 2017 fix.</summary>
public sealed class FlawedLpfcMachine : MachineModel
{
    public override string Name => "lpfc-flawed";

    public override string Description => "LPe12000 with lpfc before the fix: Remove but no Shutdown";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(LpfcMachines.AdapterAddress, LightPulseAdapter.Create())
            .AddDriver(() => new Flawed.LpfcDriver());
}

/// <summary>The same server with the accepted fix: <c>.shutdown = lpfc_pci_remove_one</c>.</summary>
public sealed class FixedLpfcMachine : MachineModel
{
    public override string Name => "lpfc-fixed";

    public override string Description => "LPe12000 with lpfc after the fix: Shutdown mapped to Remove";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(LpfcMachines.AdapterAddress, LightPulseAdapter.Create())
            .AddDriver(() => new Fixed.LpfcDriver());
}

/// <summary>What the lpfc machines share.</summary>
public static class LpfcMachines
{
    /// <summary>The adapter's address in the seed's log ("lpfc 0003:12:00.0: 6:0442 Adapter failed to init").</summary>
    public const string AdapterAddress = "0003:12:00.0";
}
