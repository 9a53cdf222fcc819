using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.GicIts;

/// <summary>A server that boots through kexec, whose GICv3 ITS tables are ordinary memory.</summary>
public sealed class FlawedGicItsMachine : MachineModel
{
    public override string Name => "gic-its-flawed";

    public override string Description => "GICv3 ITS whose LPI tables are not reserved across kexec";

    public override void Build(MachineBuilder machine) => GicItsMachines.AddFlawed(machine);
}

/// <summary>The same server with the ITS tables reserved across kexec.</summary>
public sealed class FixedGicItsMachine : MachineModel
{
    public override string Name => "gic-its-fixed";

    public override string Description => "GICv3 ITS whose LPI tables are reserved across kexec";

    public override void Build(MachineBuilder machine) => GicItsMachines.AddFixed(machine);
}

/// <summary>The gic-its sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class GicItsMachines
{
    /// <summary>The ITS's node in the device tree (its frame on the Arm fixed virtual platform).</summary>
    public const string ItsNode = "its@2f020000";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        AddHardware(machine).AddDriver(() => new Flawed.GicItsDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        AddHardware(machine).AddDriver(() => new Fixed.GicItsDriver());

    /// <summary>An interrupt controller whose table writes nothing but a platform reset or power loss stops.</summary>
    private static MachineBuilder AddHardware(MachineBuilder machine) =>
        machine.AddPlatformDevice(ItsNode, new PlatformHardware(GicItsTables.Compatible) { CannotBeDisabled = true });
}
