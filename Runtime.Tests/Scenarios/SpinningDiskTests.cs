using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

/// <summary>Shutdown spinning a disk down and parking its heads (seed 000): fine for power-off, not for kexec.</summary>
public class SpinningDiskTests
{
    private const string Disk = "2:0:0:0";

    [Fact]
    public void A_disk_stopped_in_shutdown_is_not_ready_for_the_next_kernels_probe()
    {
        var report = Simulator.Run(DiskMachine(stopsOnRestart: true), Scenario.Kexec);

        var disk = report[Disk]!;
        Assert.Equal(Outcome.ProbeFailed, disk.Outcome);
        Assert.Contains("Logical unit not ready", disk.Evidence.Text);
        Assert.Contains(disk.Timeline, e => e.What.StartsWith("stopped: spindle down, heads parked", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Stopping_the_disk_only_when_the_system_does_not_restart_passes_kexec_and_power_off()
    {
        Assert.Equal(Outcome.Healthy, Simulator.Run(DiskMachine(stopsOnRestart: false), Scenario.Kexec)[Disk]!.Outcome);
        Assert.Equal(Outcome.Healthy, Simulator.Run(DiskMachine(stopsOnRestart: false), Scenario.PowerOff)[Disk]!.Outcome);
    }

    [Fact]
    public void After_power_off_the_disk_spins_up_again_so_stopping_it_there_is_harmless()
    {
        Assert.Equal(Outcome.Healthy, Simulator.Run(DiskMachine(stopsOnRestart: true), Scenario.PowerOff)[Disk]!.Outcome);
    }

    private static MachineModel DiskMachine(bool stopsOnRestart) =>
        new TestMachineModel("sd", m => m
            .AddPciFunction("0000:02:00.0", new PciFunction(0x1014, 0x034a))
            .AddScsiDisk(Disk, "0000:02:00.0", new ScsiDisk())
            .AddDriver(() => new CallbackDriver(name: "ipr"))
            .AddDriver(() => new Sd(stopsOnRestart)));

    private sealed class Sd(bool stopsOnRestart) : ScsiDriver
    {
        public override string Name => "sd";

        public override void Probe(ScsiDevice device) => device.Read(0);

        public override void Shutdown(ScsiDevice device)
        {
            if (stopsOnRestart || device.Kernel.SystemState != SystemState.Restart)
            {
                device.StopUnit();
            }
        }
    }
}
