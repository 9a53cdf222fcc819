using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Zpci;

/// <summary>An s390 LPAR with one ConnectX-5 function on a zPCI slot, recovered by a driver that tests the bound driver.</summary>
public sealed class FlawedZpciMachine : MachineModel
{
    public override string Name => "zpci-flawed";

    public override string Description => "zPCI NIC whose SlotReset tests the bound driver instead of IsAdded";

    public override void Build(MachineBuilder machine) => ZpciMachines.AddFlawed(machine);
}

/// <summary>The same LPAR, its driver testing IsAdded (<c>pci_dev_is_added</c>) after the slot reset.</summary>
public sealed class FixedZpciMachine : MachineModel
{
    public override string Name => "zpci-fixed";

    public override string Description => "zPCI NIC whose SlotReset tests IsAdded";

    public override void Build(MachineBuilder machine) => ZpciMachines.AddFixed(machine);
}

/// <summary>The zpci sample's hardware and drivers, for its own machines and for bigger ones.</summary>
public static class ZpciMachines
{
    /// <summary>On s390 each function gets its own PCI domain, numbered by its UID.</summary>
    public const string FunctionAddress = "0001:00:00.0";

    public static MachineBuilder AddFlawed(MachineBuilder machine) =>
        AddFunction(machine).AddDriver(() => new Flawed.ZpciNicDriver());

    public static MachineBuilder AddFixed(MachineBuilder machine) =>
        AddFunction(machine).AddDriver(() => new Fixed.ZpciNicDriver());

    private static MachineBuilder AddFunction(MachineBuilder machine) =>
        machine.AddPciFunction(FunctionAddress, new PciFunction(ZpciFunction.MellanoxVendorId, ZpciFunction.ConnectX5VfDeviceId, InterruptMode.Msi));
}
