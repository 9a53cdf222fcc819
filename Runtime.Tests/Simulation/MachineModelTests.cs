using System;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

public class MachineModelTests
{
    [Fact]
    public void Discovery_finds_every_concrete_model_with_a_public_parameterless_constructor_sorted_by_name()
    {
        var models = MachineModel.DiscoverIn(typeof(FlawedLpfcMachine).Assembly);

        // The samples compiled into this assembly declare public machines; the test models are internal.
        var names = models.Select(m => m.Name).ToList();
        Assert.Equal(names.OrderBy(name => name, System.StringComparer.Ordinal), names);
        Assert.Contains("lpfc-fixed", names);
        Assert.Contains("lpfc-flawed", names);
        Assert.Contains("mlx5-flawed", names);
        Assert.Contains("pciehp-flawed", names);
        Assert.Contains("nvme-rebind-flawed", names);
        Assert.Contains("ipr-kdump-fixed", names);
        Assert.DoesNotContain(models, m => m is TestMachineModel);
    }

    [Fact]
    public void Each_run_builds_the_machine_afresh_so_runs_do_not_share_hardware()
    {
        var builds = 0;
        var model = new TestMachineModel("count", m =>
        {
            builds++;
            m.AddPciFunction("0000:01:00.0", LightPulseAdapter.Create()).AddDriver<ShutdownAnalyzers.Samples.Lpfc.Fixed.LpfcDriver>();
        });

        var first = Simulator.Run(model, Scenario.Kexec);
        var second = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(2, builds);
        Assert.Equal(first.ToJson(), second.ToJson());
    }

    [Fact]
    public void Each_kernel_gets_new_driver_instances()
    {
        var made = 0;
        var model = new TestMachineModel("factory", m => m
            .AddPciFunction("0000:01:00.0", new PciFunction(1, 1))
            .AddDriver(() =>
            {
                made++;
                return new CallbackDriver();
            }));

        Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(2, made);
    }

    [Fact]
    public void The_builder_rejects_duplicate_names_unknown_parents_and_reused_hardware()
    {
        var function = new PciFunction(1, 1);
        Assert.IsType<ArgumentException>(BuildError(m => m.AddPciFunction("a", new PciFunction(1, 1)).AddPciFunction("a", new PciFunction(1, 2))).InnerException);
        Assert.IsType<ArgumentException>(BuildError(m => m.AddPciFunction("a", new PciFunction(1, 1), parent: "bridge")).InnerException);
        Assert.IsType<ArgumentException>(BuildError(m => m.AddScsiDisk("0:0:0:0", "host", new ScsiDisk())).InnerException);
        Assert.IsType<ArgumentException>(BuildError(m => m.AddPciFunction("a", function).AddPciFunction("b", function)).InnerException);
        Assert.IsType<ArgumentOutOfRangeException>(BuildError(m => m.WithMemory(pages: 64, crashKernelPages: 64)).InnerException);
    }

    [Fact]
    public void A_model_that_keeps_its_hardware_objects_declares_them_again_in_the_next_run()
    {
        var function = new PciFunction(1, 1);
        var model = new TestMachineModel("kept", m => m.AddPciFunction("a", function));

        Simulator.Run(model, Scenario.Kexec);
        var again = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal("a", Assert.Single(again.Devices).Device);
    }

    [Fact]
    public void A_model_that_cannot_be_built_fails_with_one_line_naming_the_machine()
    {
        var error = BuildError(m => m.AddPciFunction("a", new PciFunction(1, 1), parent: "bridge"));

        Assert.Equal("bad", error.Machine);
        Assert.StartsWith("Machine 'bad': declaring the machine failed: a: parent 'bridge'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_driver_factory_that_throws_fails_the_run_with_the_machine_named()
    {
        var error = BuildError(m => m
            .AddPciFunction("a", new PciFunction(1, 1))
            .AddDriver<PciDevice>(() => throw new InvalidOperationException("no such driver")));

        Assert.Equal("Machine 'bad': a driver factory failed: no such driver", error.Message);
    }

    [Fact]
    public void Level_interrupts_get_legacy_lines_and_msis_get_vectors()
    {
        var intx = new PciFunction(1, 1, InterruptMode.Intx);
        var msi = new PciFunction(1, 2, InterruptMode.Msi);
        var platform = new PlatformHardware("x");

        Simulator.Run(new TestMachineModel("irqs", m => m.AddPciFunction("a", intx).AddPciFunction("b", msi).AddPlatformDevice("c", platform)), Scenario.Kexec);

        Assert.Equal(MachineBuilder.FirstIntxLine, intx.Interrupt.Irq);
        Assert.Equal(MachineBuilder.FirstMsiVector, msi.Interrupt.Irq);
        Assert.Equal(MachineBuilder.FirstIntxLine + 1, platform.Interrupt.Irq);
    }

    [Fact]
    public void A_scsi_disk_is_found_once_its_host_probes_and_unreachable_when_the_host_fails()
    {
        var model = new TestMachineModel("fc", m => m
            .AddPciFunction("0003:12:00.0", LightPulseAdapter.Create())
            .AddScsiDisk("0:0:0:0", "0003:12:00.0", new ScsiDisk())
            .AddDriver<ShutdownAnalyzers.Samples.Lpfc.Flawed.LpfcDriver>()
            .AddDriver(() => new Sd()));

        var report = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal("sd", report["0:0:0:0"]!.Driver);
        Assert.Equal(Outcome.Unreachable, report["0:0:0:0"]!.Outcome);
        Assert.Contains("its host 0003:12:00.0 has no driver bound", report["0:0:0:0"]!.Evidence.Text);
    }

    [Fact]
    public void A_driver_type_that_is_not_a_bus_driver_is_rejected()
    {
        Assert.IsType<ArgumentException>(BuildError(m => m.AddDriver<NotABusDriver>()).InnerException);
    }

    private static MachineModelException BuildError(Action<MachineBuilder> build) =>
        Assert.Throws<MachineModelException>(() => Simulator.Run(new TestMachineModel("bad", build), Scenario.Kexec));

    private sealed class Sd : ScsiDriver
    {
        public override string Name => "sd";

        public override void Probe(ScsiDevice device) => device.Read(0);
    }

    private sealed class NotABusDriver : IDriver
    {
        public string Name => "nothing";
    }
}
