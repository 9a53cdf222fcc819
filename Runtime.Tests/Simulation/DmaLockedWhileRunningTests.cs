using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

/// <summary>
/// <see cref="MachineBuilder.WithDmaLockedWhileRunning"/>: the same machine with DMA engines that cannot
/// be pointed at new memory while they run, where a crash kernel's probe must stop or reset them first.
/// </summary>
public class DmaLockedWhileRunningTests
{
    private const string Address = "0000:04:00.0";

    [Fact]
    public void A_crash_kernel_probe_may_reprogram_a_running_engine_by_default()
    {
        var report = Simulator.Run(Machine("default", locked: false, resetFirst: false), Scenario.KexecOnPanic);

        Assert.Equal(Outcome.Healthy, report[Address]!.Outcome);
    }

    [Fact]
    public void On_locked_engines_the_same_probe_fails_in_the_crash_kernel()
    {
        var report = Simulator.Run(Machine("locked", locked: true, resetFirst: false), Scenario.KexecOnPanic);

        Assert.Equal(Outcome.ProbeFailed, report[Address]!.Outcome);
        Assert.Contains("cannot be reprogrammed", report[Address]!.Evidence.Text);
    }

    [Fact]
    public void A_probe_that_resets_first_comes_through_on_locked_engines()
    {
        var report = Simulator.Run(Machine("locked-reset", locked: true, resetFirst: true), Scenario.KexecOnPanic);

        Assert.Equal(Outcome.Healthy, report[Address]!.Outcome);
    }

    [Fact]
    public void A_cold_boot_and_a_kexec_after_a_shutdown_that_stops_the_engine_are_unaffected()
    {
        Assert.True(Simulator.Run(Machine("locked-kexec", locked: true, resetFirst: false), Scenario.Kexec).AllHealthy);
    }

    /// <summary>A NIC whose probe starts DMA, after a function reset when <paramref name="resetFirst"/>; Shutdown stops it.</summary>
    private static TestMachineModel Machine(string name, bool locked, bool resetFirst) => new(name, machine =>
    {
        if (locked)
        {
            machine.WithDmaLockedWhileRunning();
        }

        machine.AddPciFunction(Address, new PciFunction(0x8086, 0x1533))
            .AddDriver(() => new CallbackDriver(
                probe: device =>
                {
                    if (resetFirst)
                    {
                        device.FunctionReset();
                        device.EnableDevice();
                    }

                    device.SetMaster();
                    device.StartDma(device.MapDma(pages: 1));
                },
                shutdown: static device => device.StopDma()));
    });
}
