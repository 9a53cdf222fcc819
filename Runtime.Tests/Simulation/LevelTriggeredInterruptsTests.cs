using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

/// <summary>
/// <see cref="MachineBuilder.WithLevelTriggeredInterrupts"/>: the same machine with every device on a
/// level-triggered line raised by status events (seed 002), where an interrupt left enabled storms.
/// </summary>
public class LevelTriggeredInterruptsTests
{
    private const string Address = "0000:03:00.0";

    [Fact]
    public void An_msi_left_enabled_by_shutdown_is_harmless()
    {
        var report = Simulator.Run(Machine("msi", level: false, shutdown: static _ => { }), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Address]!.Outcome);
    }

    [Fact]
    public void The_same_interrupt_on_a_level_triggered_line_storms_the_next_kernel()
    {
        var report = Simulator.Run(Machine("level", level: true, shutdown: static _ => { }), Scenario.Kexec);

        Assert.Equal(Outcome.InterruptStorm, report[Address]!.Outcome);
        Assert.Contains("level-triggered", report[Address]!.Evidence.Text);
    }

    [Fact]
    public void A_shutdown_that_frees_the_interrupt_comes_through_on_level_triggered_lines()
    {
        var report = Simulator.Run(Machine("level-freed", level: true, shutdown: static device => device.FreeIrq()), Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Address]!.Outcome);
    }

    [Fact]
    public void Devices_declared_before_the_call_are_rewired_too()
    {
        var function = new PciFunction(0x8086, 0x1533);
        var model = new TestMachineModel("declared-first", machine =>
        {
            machine.AddPciFunction(Address, function);
            machine.WithLevelTriggeredInterrupts(eventEveryMs: 3);
        });

        Simulator.Run(model, Scenario.Reboot);

        Assert.True(function.Interrupt.IsLevelTriggered);
        Assert.InRange(function.Interrupt.Irq, MachineBuilder.FirstIntxLine, MachineBuilder.FirstMsiVector - 1);
        Assert.Equal(3, function.InterruptEveryMs);
    }

    /// <summary>A NIC on MSI whose probe requests its interrupt and whose Shutdown runs <paramref name="shutdown"/>.</summary>
    private static TestMachineModel Machine(string name, bool level, System.Action<PciDevice> shutdown) => new(name, machine =>
    {
        if (level)
        {
            machine.WithLevelTriggeredInterrupts();
        }

        machine.AddPciFunction(Address, new PciFunction(0x8086, 0x1533, InterruptMode.Msi))
            .AddDriver(() => new CallbackDriver(probe: static device => device.RequestIrq(static _ => IrqReturn.Handled), shutdown: shutdown));
    });
}
