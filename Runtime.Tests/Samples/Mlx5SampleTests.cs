using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Mlx5;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

/// <summary>SHD003's run-time twin: the flawed mlx5 corrupts the next kernel's memory after kexec, the fixed one does not.</summary>
public class Mlx5SampleTests
{
    [Fact]
    public void The_flawed_mlx5_keeps_writing_into_the_next_kernels_memory_after_kexec()
    {
        var report = Simulator.Run(new FlawedMlx5Machine(), Scenario.Kexec);

        var hca = Assert.Single(report.Devices);
        Assert.Equal(Mlx5Machines.HcaAddress, hca.Device);
        Assert.Equal("mlx5_core", hca.Driver);
        Assert.Equal(Outcome.DmaCorruption, hca.Outcome);
        Assert.Equal("next kernel", hca.Evidence.Kernel);
        Assert.StartsWith("page ", hca.Evidence.Location, StringComparison.Ordinal);
        Assert.Contains("bus mastering was cleared, but this device ignores the bus-master bit", hca.Evidence.Text);
    }

    [Fact]
    public void The_pci_cores_clear_master_ran_and_did_not_save_the_flawed_driver()
    {
        var report = Simulator.Run(new FlawedMlx5Machine(), Scenario.Kexec);

        var hca = report[Mlx5Machines.HcaAddress]!;
        var cleared = Assert.Single(hca.Timeline, e => e.What.StartsWith("pci_device_shutdown cleared bus mastering", StringComparison.Ordinal));
        Assert.False(cleared.BusMaster);
        Assert.True(cleared.DmaRunning);
    }

    [Fact]
    public void The_fixed_mlx5_comes_through_kexec()
    {
        var report = Simulator.Run(new FixedMlx5Machine(), Scenario.Kexec);

        var hca = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, hca.Outcome);
        Assert.Contains("mlx5_core is bound in the next kernel", hca.Evidence.Text);
    }

    [Fact]
    public void Under_the_remove_policy_the_flawed_driver_is_healthy_because_its_Remove_tears_the_HCA_down()
    {
        var report = Simulator.Run(new FlawedMlx5Machine(), Scenario.Kexec, KexecPolicy.Remove);

        Assert.Equal(Outcome.Healthy, report[Mlx5Machines.HcaAddress]!.Outcome);
    }

    [Fact]
    public void The_fixed_sample_is_healthy_in_every_scenario_and_policy_and_the_flawed_one_fails_only_in_kexec_that_calls_its_Shutdown()
    {
        foreach (var scenario in ScenarioNames.AllScenarios)
        {
            foreach (var policy in ScenarioNames.AllPolicies)
            {
                var fixedReport = Simulator.Run(new FixedMlx5Machine(), scenario, policy);
                var flawedReport = Simulator.Run(new FlawedMlx5Machine(), scenario, policy);

                Assert.True(fixedReport.AllHealthy, $"{ScenarioNames.Format(scenario)}/{ScenarioNames.Format(policy)}: {fixedReport.Devices[0].EvidenceText}");
                var shutdownRuns = scenario == Scenario.Kexec && policy != KexecPolicy.Remove;
                Assert.True(flawedReport.AllHealthy != shutdownRuns, $"{ScenarioNames.Format(scenario)}/{ScenarioNames.Format(policy)}: {flawedReport.Devices[0].EvidenceText}");
            }
        }
    }

    public static IEnumerable<object[]> WhatTheCodeFixesWrite() => new[]
    {
        new object[] { "Map Shutdown to Remove", (Action<PciDevice>)Mlx5Core.RemoveOne },
        new object[]
        {
            "Stop DMA in Shutdown",
            (Action<PciDevice>)(device =>
            {
                Mlx5Core.DrainHealthWq(device);
                Mlx5Core.FreeEqIrqs(device);
                device.StopDma();
                device.ClearMaster();
            }),
        },
    };

    [Theory]
    [MemberData(nameof(WhatTheCodeFixesWrite))]
    public void What_each_code_fix_writes_into_the_flawed_driver_comes_through_kexec(string fix, Action<PciDevice> shutdown)
    {
        var model = new TestMachineModel("mlx5-" + fix, m => m
            .AddPciFunction(Mlx5Machines.HcaAddress, Mlx5Machines.ConnectX4())
            .AddDriver(() => new CallbackDriver(probe: Mlx5Core.InitOne, shutdown: shutdown, remove: Mlx5Core.RemoveOne, name: "mlx5_core")));

        var report = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(Outcome.Healthy, report[Mlx5Machines.HcaAddress]!.Outcome);
    }
}
