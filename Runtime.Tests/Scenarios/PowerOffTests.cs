using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class PowerOffTests
{
    private const string Nic = "0000:05:00.0";

    [Fact]
    public void A_shutdown_that_puts_the_function_in_D3cold_is_right_when_powering_off()
    {
        var report = Simulator.Run(D3ColdInShutdown(), Scenario.PowerOff);

        Assert.Equal(Outcome.Healthy, report[Nic]!.Outcome);
        Assert.Contains("kernel after power-on", report[Nic]!.Evidence.Text);
    }

    [Fact]
    public void Drivers_see_the_power_off_state()
    {
        SystemState? seen = null;
        var model = new TestMachineModel("state", m => m
            .AddPciFunction(Nic, new PciFunction(0x8086, 0x1572))
            .AddDriver(() => new CallbackDriver(shutdown: d => seen = d.Kernel.SystemState)));

        Simulator.Run(model, Scenario.PowerOff);

        Assert.Equal(SystemState.PowerOff, seen);
    }

    [Fact]
    public void Power_off_loses_a_volatile_cache_nobody_flushed()
    {
        var report = Simulator.Run(RebootTests.RaidAdapter(WriteCacheKind.Volatile, flushesInShutdown: false), Scenario.PowerOff);

        var raid = Assert.Single(report.Devices);
        Assert.Equal(Outcome.DataLost, raid.Outcome);
        Assert.Contains("lost to power-off", raid.Evidence.Text);
    }

    [Fact]
    public void A_shutdown_that_powers_off_only_when_the_system_powers_off_passes_both_kexec_and_power_off()
    {
        var model = new TestMachineModel("guarded", m => m
            .AddPciFunction(Nic, new PciFunction(0x8086, 0x1572))
            .AddDriver(() => new CallbackDriver(shutdown: d =>
            {
                if (d.Kernel.SystemState == SystemState.PowerOff)
                {
                    d.SetPowerState(PciPowerState.D3Cold);
                }
            })));

        Assert.Equal(Outcome.Healthy, Simulator.Run(model, Scenario.PowerOff)[Nic]!.Outcome);
        Assert.Equal(Outcome.Healthy, Simulator.Run(model, Scenario.Kexec)[Nic]!.Outcome);
    }

    private static MachineModel D3ColdInShutdown() =>
        new TestMachineModel("d3cold", m => m
            .AddPciFunction(Nic, new PciFunction(0x8086, 0x1572))
            .AddDriver(() => new CallbackDriver(shutdown: d => d.SetPowerState(PciPowerState.D3Cold))));
}
