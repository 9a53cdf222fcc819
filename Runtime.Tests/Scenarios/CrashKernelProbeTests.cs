using System;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

/// <summary>
/// Probes in the crash kernel meet hardware still running (seed 002): a level interrupt already
/// asserted reaches a handler that cannot service it yet, unless the probe resets the device first.
/// </summary>
public class CrashKernelProbeTests
{
    private const string Adapter = "0000:05:00.0";

    private static readonly FirmwareCommand Start = new(0x01, "START");

    [Theory]
    [InlineData(false, Outcome.InterruptStorm)]
    [InlineData(true, Outcome.Healthy)]
    public void A_probe_that_takes_its_level_interrupt_before_a_reset_storms_in_the_crash_kernel(bool resetsFirst, Outcome outcome)
    {
        var report = Simulator.Run(Adapter_(resetsFirst), Scenario.KexecOnPanic);

        Assert.Equal(outcome, report[Adapter]!.Outcome);
    }

    [Fact]
    public void Every_other_hand_over_idles_the_adapter_first_so_the_same_probe_is_fine()
    {
        Assert.True(Simulator.Run(Adapter_(resetsFirst: false), Scenario.Kexec).AllHealthy);
    }

    [Fact]
    public void An_interrupt_tied_to_a_firmware_state_is_not_raised_in_any_other()
    {
        var raised = 0;
        var model = new TestMachineModel("quiet", m => m
            .AddPciFunction(Adapter, Hardware())
            .AddDriver(() => new CallbackDriver(probe: d => d.RequestIrq(_ =>
            {
                raised++;
                return IrqReturn.Handled;
            }))));

        var report = Simulator.Run(model, Scenario.Reboot);

        // Nobody sent START: the firmware never left its reset state, so the adapter never interrupted.
        Assert.Equal(0, raised);
        Assert.True(report.AllHealthy);
    }

    private static PciFunction Hardware() =>
        new(0x1014, 0x0001, InterruptMode.Intx)
        {
            Firmware = new FirmwareStateMachine("reset", TimeSpan.FromMilliseconds(5), new[] { new FirmwareTransition(Start, "reset", "running") }),
            InterruptEveryMs = 1,
            InterruptsInFirmwareState = "running",
        };

    private static MachineModel Adapter_(bool resetsFirst) =>
        new TestMachineModel("adapter", m => m
            .AddPciFunction(Adapter, Hardware())
            .AddDriver(() => new CallbackDriver(
                probe: d =>
                {
                    if (resetsFirst)
                    {
                        d.FunctionReset();
                        d.EnableDevice();
                    }

                    // Services the adapter only once START is done, as a driver whose state is not set up yet.
                    d.RequestIrq(static device => device.DriverData is true ? IrqReturn.Handled : IrqReturn.None);
                    if (d.IssueMailboxCommand(Start, TimeSpan.FromSeconds(1)) != MailboxStatus.Success)
                    {
                        throw new InvalidOperationException("START rejected");
                    }

                    d.DriverData = true;
                    d.UnmaskInterrupts();
                },
                shutdown: d =>
                {
                    d.MaskInterrupts();
                    d.RestartFirmware();
                })));
}
