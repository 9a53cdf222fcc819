using System;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class DriverFaultTests
{
    [Fact]
    public void A_shutdown_that_throws_is_reported_and_the_other_devices_are_still_shut_down()
    {
        var model = new TestMachineModel("fault", m => m
            .AddPciFunction("0000:01:00.0", new PciFunction(0x1af4, 0x1000))
            .AddPciFunction("0000:02:00.0", LightPulseAdapter.Create())
            .AddDriver(() => new CallbackDriver(probe: d => d.SetMaster(), shutdown: _ => throw new InvalidOperationException("oops"), name: "broken", id: new(0x1af4, 0x1000)))
            .AddDriver<KexecTests.ShutdownIsRemoveDriver>());

        var report = Simulator.Run(model, Scenario.Kexec);

        var broken = report["0000:01:00.0"]!;
        Assert.Equal(Outcome.DriverFault, broken.Outcome);
        Assert.Equal("Shutdown", broken.Evidence.Callback);
        Assert.Equal("broken", broken.Evidence.Driver);
        Assert.Contains("InvalidOperationException: oops", broken.Evidence.Text);
        Assert.Equal(Outcome.Healthy, report["0000:02:00.0"]!.Outcome);
    }

    [Fact]
    public void The_same_machine_with_a_shutdown_that_does_not_throw_is_healthy()
    {
        var model = new TestMachineModel("no-fault", m => m
            .AddPciFunction("0000:01:00.0", new PciFunction(0x1af4, 0x1000))
            .AddDriver(() => new CallbackDriver(probe: d => d.SetMaster(), shutdown: d => d.ClearMaster(), name: "fixed")));

        Assert.True(Simulator.Run(model, Scenario.Kexec).AllHealthy);
    }

    [Fact]
    public void A_remove_that_throws_under_the_remove_policy_is_contained_too()
    {
        var model = new TestMachineModel("fault", m => m
            .AddPciFunction("0000:01:00.0", new PciFunction(0x1af4, 0x1000))
            .AddDriver(() => new CallbackDriver(remove: _ => throw new NotSupportedException("no remove"))));

        var report = Simulator.Run(model, Scenario.Kexec, KexecPolicy.Remove);

        Assert.Equal(Outcome.DriverFault, report.Devices.Single().Outcome);
        Assert.Equal("Remove", report.Devices.Single().Evidence.Callback);
    }

    [Fact]
    public void An_interrupt_handler_that_throws_is_a_driver_fault()
    {
        var model = new TestMachineModel("isr", m => m
            .AddPciFunction("0000:01:00.0", new PciFunction(0x1af4, 0x1000, InterruptMode.Msi) { InterruptEveryMs = 2 })
            .AddDriver(() => new CallbackDriver(probe: d =>
            {
                d.SetMaster();
                d.RequestIrq(static _ => throw new InvalidOperationException("bad isr"));
            })));

        var report = Simulator.Run(model, Scenario.SuspendResume);

        var device = report.Devices.Single();
        Assert.Equal(Outcome.DriverFault, device.Outcome);
        Assert.Equal("interrupt handler", device.Evidence.Callback);
        Assert.Equal("old kernel", device.Evidence.Kernel);
    }
}
