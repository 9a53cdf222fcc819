using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace ShutdownAnalyzers.Simulation;

/// <summary>The command-line names of scenarios and kexec policies (<c>kexec</c>, <c>shutdown-else-remove</c>, …).</summary>
public static class ScenarioNames
{
    private static readonly (Scenario Scenario, string Name, string Description)[] Scenarios =
    {
        (Scenario.Kexec, "kexec", "device_shutdown (or the policy's callbacks), then the next kernel probes the same hardware"),
        (Scenario.Reboot, "reboot", "device_shutdown, a firmware reset of every device, then a fresh boot"),
        (Scenario.PowerOff, "power-off", "device_shutdown with the system powering off, then a cold boot"),
        (Scenario.KexecOnPanic, "kexec-on-panic", "no callbacks; a crash kernel in reserved memory probes running hardware"),
        (Scenario.HotUnplug, "hot-unplug", "each PCI endpoint is pulled out, then removed"),
        (Scenario.UnbindRebind, "unbind-rebind", "each driver is unbound and bound again"),
        (Scenario.SuspendResume, "suspend-resume", "suspend to RAM and resume"),
        (Scenario.Hibernate, "hibernate", "freeze, image, power off, restore the image into memory, resume"),
        (Scenario.ErrorRecovery, "error-recovery", "each PCI link freezes and is recovered, then again with a concurrent removal"),
    };

    private static readonly (KexecPolicy Policy, string Name, string Description)[] Policies =
    {
        (KexecPolicy.Shutdown, "shutdown", "each driver's Shutdown, as Linux does"),
        (KexecPolicy.ShutdownElseRemove, "shutdown-else-remove", "Shutdown where a driver has one, Remove where it has only that"),
        (KexecPolicy.Remove, "remove", "unbind every driver first, then device_shutdown"),
    };

    public static IReadOnlyList<Scenario> AllScenarios => Scenarios.Select(s => s.Scenario).ToList();

    public static IReadOnlyList<KexecPolicy> AllPolicies => Policies.Select(p => p.Policy).ToList();

    public static string Format(Scenario scenario) => Find(Scenarios, s => s.Scenario == scenario, scenario).Name;

    public static string Format(KexecPolicy policy) => Find(Policies, p => p.Policy == policy, policy).Name;

    public static string Describe(Scenario scenario) => Find(Scenarios, s => s.Scenario == scenario, scenario).Description;

    public static string Describe(KexecPolicy policy) => Find(Policies, p => p.Policy == policy, policy).Description;

    /// <summary>True when the scenario's callbacks depend on the <see cref="KexecPolicy"/>; the others run the same under every policy.</summary>
    public static bool UsesPolicy(Scenario scenario) => scenario == Scenario.Kexec;

    public static bool TryParseScenario(string? name, out Scenario scenario)
    {
        foreach (var entry in Scenarios)
        {
            if (string.Equals(entry.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                scenario = entry.Scenario;
                return true;
            }
        }

        scenario = default;
        return false;
    }

    public static bool TryParsePolicy(string? name, out KexecPolicy policy)
    {
        foreach (var entry in Policies)
        {
            if (string.Equals(entry.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                policy = entry.Policy;
                return true;
            }
        }

        policy = default;
        return false;
    }

    /// <summary>Parses a scenario name; the exception's one-line message lists the valid names.</summary>
    public static Scenario ParseScenario(string name) =>
        TryParseScenario(name, out var scenario)
            ? scenario
            : throw new FormatException($"Unknown scenario '{name}'; expected one of: {string.Join(", ", Scenarios.Select(s => s.Name))}.");

    /// <summary>Parses a kexec policy name; the exception's one-line message lists the valid names.</summary>
    public static KexecPolicy ParsePolicy(string name) =>
        TryParsePolicy(name, out var policy)
            ? policy
            : throw new FormatException($"Unknown policy '{name}'; expected one of: {string.Join(", ", Policies.Select(p => p.Name))}.");

    private static T Find<T, TKey>(T[] table, Func<T, bool> match, TKey key)
        where TKey : struct, Enum
    {
        foreach (var entry in table)
        {
            if (match(entry))
            {
                return entry;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, $"Not a {typeof(TKey).Name}.");
    }
}
