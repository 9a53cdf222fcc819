using System;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>The implementation of each <see cref="Scenario"/>.</summary>
internal static class ScenarioCatalog
{
    public static LifecycleScenario For(Scenario scenario) => scenario switch
    {
        Scenario.Kexec => new KexecScenario(),
        Scenario.Reboot => new RebootScenario(),
        Scenario.PowerOff => new PowerOffScenario(),
        Scenario.KexecOnPanic => new KexecOnPanicScenario(),
        Scenario.HotUnplug => new HotUnplugScenario(),
        Scenario.UnbindRebind => new UnbindRebindScenario(),
        Scenario.SuspendResume => new SuspendResumeScenario(),
        Scenario.Hibernate => new HibernateScenario(),
        Scenario.ErrorRecovery => new ErrorRecoveryScenario(),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Not a scenario."),
    };
}
