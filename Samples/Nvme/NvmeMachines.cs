using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Nvme;

/// <summary>A server with one NVMe SSD whose driver waits for the controller's shutdown with no timeout.</summary>
public sealed class FlawedNvmeMachine : MachineModel
{
    public override string Name => "nvme-flawed";

    public override string Description => "Intel P3700; nvme waits for CSTS.SHST for ever";

    public override void Build(MachineBuilder machine) => NvmeMachines.AddFlawed(machine);
}

/// <summary>The same server with nvme's wait bounded by its shutdown timeout.</summary>
public sealed class FixedNvmeMachine : MachineModel
{
    public override string Name => "nvme-fixed";

    public override string Description => "Intel P3700; nvme waits for CSTS.SHST at most shutdown_timeout";

    public override void Build(MachineBuilder machine) => NvmeMachines.AddFixed(machine);
}

/// <summary>The nvme sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class NvmeMachines
{
    public const string ControllerAddress = "0000:5e:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        machine.AddPciFunction(ControllerAddress, new NvmeController()).AddDriver(() => new Flawed.NvmeDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        machine.AddPciFunction(ControllerAddress, new NvmeController()).AddDriver(() => new Fixed.NvmeDriver());
}
