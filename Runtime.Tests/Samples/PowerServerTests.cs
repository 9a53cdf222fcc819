using System.Linq;
using ShutdownAnalyzers.Samples.Power;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>The POWER server holds every sample; together they fail and pass kexec as each does alone.</summary>
public class PowerServerTests
{
    [Theory]
    [InlineData(KexecPolicy.Shutdown)]
    [InlineData(KexecPolicy.ShutdownElseRemove)]
    [InlineData(KexecPolicy.Remove)]
    public void Every_device_fares_on_the_server_as_in_its_own_samples_machine(KexecPolicy policy)
    {
        foreach (var (server, flawed) in new (MachineModel, bool)[] { (new FlawedPowerServer(), true), (new FixedPowerServer(), false) })
        {
            var together = Simulator.Run(server, Scenario.Kexec, policy);
            var alone = PowerServer.Samples
                .Select(sample => Simulator.Run(new SampleMachine(sample, flawed), Scenario.Kexec, policy))
                .SelectMany(report => report.Devices)
                .ToDictionary(device => device.Device, device => device.Outcome);

            Assert.Equal(alone.Count, together.Devices.Count);
            Assert.All(together.Devices, device => Assert.Equal(alone[device.Device], device.Outcome));
        }
    }

    [Fact]
    public void Only_the_fixed_server_survives_kexec_under_every_policy()
    {
        foreach (var policy in new[] { KexecPolicy.Shutdown, KexecPolicy.ShutdownElseRemove, KexecPolicy.Remove })
        {
            Assert.True(Simulator.Run(new FixedPowerServer(), Scenario.Kexec, policy).AllHealthy);
            Assert.False(Simulator.Run(new FlawedPowerServer(), Scenario.Kexec, policy).AllHealthy);
        }
    }

    private sealed class SampleMachine(PowerServer.Sample sample, bool flawed) : MachineModel
    {
        public override string Name => $"{sample.Name}-{(flawed ? "flawed" : "fixed")}";

        public override void Build(MachineBuilder machine) => (flawed ? sample.AddFlawed : sample.AddFixed)(machine);
    }
}
