using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Simulation;

/// <summary>One machine through one scenario under one kexec policy and seed: one <see cref="ScenarioReport"/>.</summary>
internal sealed record SimulationRun(MachineModel Machine, Scenario Scenario, KexecPolicy Policy, int Seed)
{
    /// <summary>"lpfc-flawed kexec shutdown": how progress and errors name the run.</summary>
    public string Title => $"{Machine.Name} {ScenarioNames.Format(Scenario)} {ScenarioNames.Format(Policy)}";
}
