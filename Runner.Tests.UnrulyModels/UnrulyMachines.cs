using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runner.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Tests.UnrulyModels;

/// <summary>The adapter of the test models, driven by a driver whose Shutdown misbehaves as <see cref="Misbehave"/> says.</summary>
public abstract class UnrulyMachine : MachineModel
{
    public const string AdapterAddress = "0000:07:00.0";

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(AdapterAddress, LightPulseAdapter.Create(Adapter.FirstDeviceId))
            .AddDriver(() => new UnrulyDriver(Misbehave));

    /// <summary>What Shutdown does instead of stopping the adapter.</summary>
    protected abstract void Misbehave(PciDevice device);
}

public sealed class StackOverflowMachine : UnrulyMachine
{
    public const string MachineName = "stack-overflow";

    public override string Name => MachineName;

    protected override void Misbehave(PciDevice device) => Recurse(0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth) => Recurse(depth + 1) + 1;
}

public sealed class FailFastMachine : UnrulyMachine
{
    public const string MachineName = "fail-fast";

    public const string Message = "adapter firmware assertion";

    public override string Name => MachineName;

    protected override void Misbehave(PciDevice device) => Environment.FailFast(Message);
}

public sealed class SpinningMachine : UnrulyMachine
{
    public const string MachineName = "spinning";

    public override string Name => MachineName;

    /// <summary>What the spin waits for; nothing in the child process ever sets it.</summary>
    public static bool Released;

    /// <summary>Polls a flag without calling the bus API, so simulated time stands still.</summary>
    protected override void Misbehave(PciDevice device)
    {
        while (!Volatile.Read(ref Released))
        {
        }
    }
}

public sealed class ThrowingMachine : UnrulyMachine
{
    public const string MachineName = "throwing";

    public override string Name => MachineName;

    protected override void Misbehave(PciDevice device) => throw new InvalidOperationException("adapter state unknown");
}

/// <summary>A machine whose declaration fails: bad input, whichever process finds it.</summary>
public sealed class BrokenDeclarationMachine : MachineModel
{
    public const string MachineName = "broken-declaration";

    public override string Name => MachineName;

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(UnrulyMachine.AdapterAddress, LightPulseAdapter.Create(Adapter.FirstDeviceId))
            .AddPciFunction(UnrulyMachine.AdapterAddress, LightPulseAdapter.Create(Adapter.FirstDeviceId));
}

/// <summary>A well-behaved machine in the same sweep: it must come through whatever the others do.</summary>
public sealed class CalmMachine : MachineModel
{
    public const string MachineName = "calm";

    public override string Name => MachineName;

    public override void Build(MachineBuilder machine) =>
        machine
            .AddPciFunction(HealthyMachine.AdapterAddress, LightPulseAdapter.Create(Adapter.FirstDeviceId))
            .AddDriver(() => new CarefulDriver());
}

/// <summary>Probes and removes like the careful driver; its Shutdown misbehaves.</summary>
public sealed class UnrulyDriver(Action<PciDevice> shutdown) : PciDriver
{
    public const string DriverName = "unruly";

    public override string Name => DriverName;

    public override IReadOnlyList<PciDeviceId> IdTable => Adapter.Ids(Adapter.FirstDeviceId);

    public override void Probe(PciDevice device) => Adapter.Start(device);

    public override void Remove(PciDevice device) => Adapter.Stop(device);

    public override void Shutdown(PciDevice device) => shutdown(device);
}
