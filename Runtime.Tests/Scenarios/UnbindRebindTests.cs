using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class UnbindRebindTests
{
    private const string Nic = "0000:02:00.0";

    [Fact]
    public void A_remove_that_keeps_an_exclusive_resource_leaks_it_and_the_rebind_fails()
    {
        var report = Simulator.Run(Nic_(releasesRegions: false), Scenario.UnbindRebind);

        var nic = report[Nic]!;
        Assert.Equal(Outcome.ResourceLeak, nic.Outcome);
        Assert.Contains("still holding the I/O regions", nic.Evidence.Text);
        var rebind = Assert.Single(nic.OtherFindings);
        Assert.Equal(Outcome.ProbeFailed, rebind.Outcome);
        Assert.Contains("busy", rebind.Text);
    }

    [Fact]
    public void A_remove_that_gives_everything_back_can_be_bound_again()
    {
        var report = Simulator.Run(Nic_(releasesRegions: true), Scenario.UnbindRebind);

        Assert.Equal(Outcome.Healthy, report[Nic]!.Outcome);
        Assert.Contains("nic is bound in the old kernel", report[Nic]!.Evidence.Text);
    }

    [Fact]
    public void An_interrupt_handler_left_registered_runs_after_remove_and_touches_the_unbound_device()
    {
        var flawed = Simulator.Run(Interrupting(freesIrq: false), Scenario.UnbindRebind);
        var fixedForm = Simulator.Run(Interrupting(freesIrq: true), Scenario.UnbindRebind);

        var nic = flawed[Nic]!;
        Assert.Equal(Outcome.UseAfterRemove, nic.Outcome);
        Assert.Equal("interrupt handler", nic.Evidence.Callback);
        Assert.Equal("ReadRegister", nic.Evidence.Location);
        Assert.Contains(nic.OtherFindings, f => f.Outcome == Outcome.ResourceLeak);
        Assert.Equal(Outcome.Healthy, fixedForm[Nic]!.Outcome);
    }

    [Fact]
    public void Both_lpfc_samples_survive_unbind_and_rebind_because_their_remove_is_complete()
    {
        Assert.True(Simulator.Run(new FlawedLpfcMachine(), Scenario.UnbindRebind).AllHealthy);
        Assert.True(Simulator.Run(new FixedLpfcMachine(), Scenario.UnbindRebind).AllHealthy);
    }

    private static MachineModel Nic_(bool releasesRegions) =>
        new TestMachineModel("nic", m => m
            .AddPciFunction(Nic, new PciFunction(0x8086, 0x1572))
            .AddDriver(() => new CallbackDriver(
                probe: d => d.RequestRegions(),
                remove: d =>
                {
                    if (releasesRegions)
                    {
                        d.ReleaseRegions();
                    }
                },
                name: "nic")));

    private static MachineModel Interrupting(bool freesIrq) =>
        new TestMachineModel("irq", m => m
            .AddPciFunction(Nic, new PciFunction(0x8086, 0x1572, InterruptMode.Intx) { InterruptEveryMs = 3 })
            .AddDriver(() => new CallbackDriver(
                probe: d => d.RequestIrq(static device => ((PciDevice)device).ReadRegister(0x10) == 0 ? IrqReturn.Handled : IrqReturn.None),
                remove: d =>
                {
                    if (freesIrq)
                    {
                        d.FreeIrq();
                    }
                },
                name: "nic")));
}
