using System;
using System.Collections.Generic;
using ShutdownAnalyzers.Samples.GicIts;
using ShutdownAnalyzers.Samples.Igb;
using ShutdownAnalyzers.Samples.Ipr;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Samples.Nvme;
using ShutdownAnalyzers.Samples.Mlx5;
using ShutdownAnalyzers.Samples.Pciehp;
using ShutdownAnalyzers.Samples.Sd;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Samples.Power;

/// <summary>A POWER server whose bootloader (petitboot) is a kernel: every start ends in a kexec. Every sample's flawed driver.</summary>
public sealed class FlawedPowerServer : MachineModel
{
    public override string Name => "power-flawed";

    public override string Description => "POWER server booting through kexec, every sample with its flawed driver";

    public override void Build(MachineBuilder machine) => PowerServer.Build(machine, flawed: true);
}

/// <summary>The same server with every sample's fixed driver.</summary>
public sealed class FixedPowerServer : MachineModel
{
    public override string Name => "power-fixed";

    public override string Description => "POWER server booting through kexec, every sample with its fixed driver";

    public override void Build(MachineBuilder machine) => PowerServer.Build(machine, flawed: false);
}

/// <summary>
/// What the POWER server holds: each sample's hardware with its driver, flawed or fixed. A new
/// sample joins with one line here (its <c>AddFlawed</c> and <c>AddFixed</c>).
/// </summary>
public static class PowerServer
{
    public static readonly IReadOnlyList<Sample> Samples = new Sample[]
    {
        new("lpfc", LpfcMachines.AddFlawed, LpfcMachines.AddFixed),
        new("igb", IgbMachines.AddFlawed, IgbMachines.AddFixed),
        new("sd", SdMachines.AddFlawed, SdMachines.AddFixed),
        new("gic-its", GicItsMachines.AddFlawed, GicItsMachines.AddFixed),
        new("ipr", IprMachines.AddFlawed, IprMachines.AddFixed),
        new("nvme", NvmeMachines.AddFlawed, NvmeMachines.AddFixed),
        new("mlx5", Mlx5Machines.AddFlawed, Mlx5Machines.AddFixed),
        new("pciehp", PciehpMachines.AddFlawed, PciehpMachines.AddFixed),
    };

    public static void Build(MachineBuilder machine, bool flawed)
    {
        foreach (var sample in Samples)
        {
            (flawed ? sample.AddFlawed : sample.AddFixed)(machine);
        }
    }

    /// <summary>A sample folder's hardware and drivers, as its flawed and its fixed machine declare them.</summary>
    public sealed record Sample(string Name, Func<MachineBuilder, MachineBuilder> AddFlawed, Func<MachineBuilder, MachineBuilder> AddFixed);
}
