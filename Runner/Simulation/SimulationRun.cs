using System;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Simulation;

/// <summary>One machine through one scenario under one kexec policy and seed: one <see cref="ScenarioReport"/>.</summary>
internal sealed record SimulationRun(MachineModel Machine, Scenario Scenario, KexecPolicy Policy, int Seed)
{
    /// <summary>"lpfc-flawed kexec shutdown": how progress and errors name the run.</summary>
    public string Title => $"{Machine.Name} {ScenarioNames.Format(Scenario)} {ScenarioNames.Format(Policy)}";

    /// <summary>"kexec:shutdown": how a child process is told which run to make.</summary>
    public string ScenarioAndPolicy => $"{ScenarioNames.Format(Scenario)}:{ScenarioNames.Format(Policy)}";

    /// <summary>
    /// Simulates the run here. Driver callbacks are contained by the simulator; a model that cannot
    /// be built (its Build or a driver factory threw) is bad input, in the simulator's one line
    /// naming the machine.
    /// </summary>
    public ScenarioReport Simulate(Action<RunningCallback?>? runningCallbackChanged = null)
    {
        try
        {
            return Simulator.Run(Machine, Scenario, Policy, Seed, runningCallbackChanged);
        }
        catch (MachineModelException unusable)
        {
            throw new BadInputException(unusable.Message);
        }
        catch (Exception e)
        {
            throw new BadInputException($"simulating {Title} failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
