using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Tests.Agreement;

/// <summary>
/// A rule and the run-time failure it predicts: the flawed machine of <paramref name="Sample"/> shows
/// <paramref name="Outcome"/> in <paramref name="Scenario"/>, and the rule reports its flawed driver;
/// the fixed machine is healthy, and the rule is silent on its fixed driver.
/// </summary>
/// <param name="RuleId">The diagnostic id, e.g. SHD001.</param>
/// <param name="Sample">The folder under <c>Samples/</c>; its <c>Flawed/</c> and <c>Fixed/</c> subfolders hold the two drivers.</param>
/// <param name="Flawed">The <see cref="MachineModel.Name"/> of the machine with the flawed driver.</param>
/// <param name="Fixed">The <see cref="MachineModel.Name"/> of the machine with the fixed driver.</param>
public sealed record RuleTwin(
    string RuleId,
    string Sample,
    string Flawed,
    string Fixed,
    Scenario Scenario,
    KexecPolicy Policy,
    Outcome Outcome)
{
    public override string ToString() => $"{RuleId}: {Sample} {ScenarioNames.Format(Scenario)} → {Outcome}";
}
