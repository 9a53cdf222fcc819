using System;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Models;

/// <summary>A machine declared inline by a test.</summary>
internal sealed class TestMachineModel(string name, Action<MachineBuilder> build) : MachineModel
{
    public override string Name => name;

    public override void Build(MachineBuilder machine) => build(machine);
}
