using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Pciehp;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD004's run-time twin: the flawed port driver's level interrupt storms the next kernel after kexec, the fixed one's does not.</summary>
public class PciehpSampleTests
{
    [Fact]
    public void The_flawed_port_drivers_level_interrupt_storms_the_next_kernel_after_kexec()
    {
        var report = Simulator.Run(new FlawedPciehpMachine(), Scenario.Kexec);

        var port = Assert.Single(report.Devices);
        Assert.Equal(PciehpMachines.RootPortAddress, port.Device);
        Assert.Equal("pcieport", port.Driver);
        Assert.Equal(Outcome.InterruptStorm, port.Outcome);
        Assert.Equal("next kernel", port.Evidence.Kernel);
        Assert.Equal($"irq {MachineBuilder.FirstIntxLine}", port.Evidence.Location);
        Assert.Contains("level-triggered", port.Evidence.Text);
        Assert.Contains("no handler is registered for it", port.Evidence.Text);
    }

    [Fact]
    public void The_fixed_port_driver_comes_through_kexec()
    {
        var report = Simulator.Run(new FixedPciehpMachine(), Scenario.Kexec);

        var port = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, port.Outcome);
        Assert.Contains("pcieport is bound in the next kernel", port.Evidence.Text);
    }

    [Fact]
    public void Clearing_bus_mastering_silences_an_msi_port_so_the_level_line_is_the_dangerous_case()
    {
        var model = new TestMachineModel("pciehp-msi", m => m
            .AddPciFunction(
                PciehpMachines.RootPortAddress,
                new PciFunction(HotplugController.IntelVendorId, HotplugController.SunrisePointRootPortId, InterruptMode.Msi) { InterruptEveryMs = PciehpMachines.EventEveryMs })
            .AddDriver(() => new ShutdownAnalyzers.Samples.Pciehp.Flawed.PcieportDriver()));

        var report = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[PciehpMachines.RootPortAddress]!.Outcome);
    }

    [Fact]
    public void The_fixed_sample_is_healthy_in_every_scenario_and_policy_and_the_flawed_one_fails_only_in_kexec_that_calls_its_Shutdown()
    {
        foreach (var scenario in ScenarioNames.AllScenarios)
        {
            foreach (var policy in ScenarioNames.AllPolicies)
            {
                var fixedReport = Simulator.Run(new FixedPciehpMachine(), scenario, policy);
                var flawedReport = Simulator.Run(new FlawedPciehpMachine(), scenario, policy);

                Assert.True(fixedReport.AllHealthy, $"{ScenarioNames.Format(scenario)}/{ScenarioNames.Format(policy)}: {fixedReport.Devices[0].EvidenceText}");
                var shutdownRuns = scenario == Scenario.Kexec && policy != KexecPolicy.Remove;
                Assert.True(flawedReport.AllHealthy != shutdownRuns, $"{ScenarioNames.Format(scenario)}/{ScenarioNames.Format(policy)}: {flawedReport.Devices[0].EvidenceText}");
            }
        }
    }

    public static IEnumerable<object[]> WhatTheCodeFixesWrite() => new[]
    {
        // cc27b735ad3a ("PCI/portdrv: Turn off PCIe services during shutdown"): .shutdown = pcie_portdrv_remove.
        new object[] { "Map Shutdown to Remove", (Action<PciDevice>)HotplugController.Remove },
        new object[]
        {
            "Free the interrupt in Shutdown",
            (Action<PciDevice>)(device =>
            {
                device.DisableDevice();
                device.FreeIrq();
            }),
        },
    };

    [Theory]
    [MemberData(nameof(WhatTheCodeFixesWrite))]
    public void What_each_code_fix_writes_into_the_flawed_driver_comes_through_kexec(string fix, Action<PciDevice> shutdown)
    {
        var model = new TestMachineModel("pciehp-" + fix, m => m
            .AddPciFunction(PciehpMachines.RootPortAddress, PciehpMachines.RootPort())
            .AddDriver(() => new CallbackDriver(
                probe: HotplugController.Init,
                shutdown: shutdown,
                remove: HotplugController.Remove,
                name: "pcieport",
                id: new PciDeviceId(HotplugController.IntelVendorId, HotplugController.SunrisePointRootPortId))));

        var report = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[PciehpMachines.RootPortAddress]!.Outcome);
    }
}
