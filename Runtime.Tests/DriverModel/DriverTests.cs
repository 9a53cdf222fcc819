using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runtime.Tests.DriverModel;

public class DriverTests
{
    [Fact]
    public void Registering_a_matching_driver_probes_the_device_and_binds_it()
    {
        var (kernel, device) = TestMachine.OnePciFunction();

        kernel.RegisterDriver(new ContractDriver());

        Assert.Equal("contract", device.Driver?.Name);
        Assert.True(device.IsEnabled);
        Assert.True(device.IsBusMaster);
        Assert.Equal(new[] { device }, kernel.ProbeOrder);
    }

    [Fact]
    public void A_driver_whose_id_table_does_not_match_is_not_probed()
    {
        var (kernel, device) = TestMachine.OnePciFunction(vendor: 0x8086, device: 0x10c9);

        kernel.RegisterDriver(new TableDriver(new PciDeviceId(0x10df, 0xe200)));

        Assert.Null(device.Driver);
        Assert.False(device.IsEnabled);
    }

    [Fact]
    public void A_table_entry_with_any_id_matches_every_function()
    {
        var (kernel, device) = TestMachine.OnePciFunction(vendor: 0x8086, device: 0x10c9);

        kernel.RegisterDriver(new TableDriver(new PciDeviceId(0x8086, PciDeviceId.AnyId)));

        Assert.NotNull(device.Driver);
    }

    [Fact]
    public void A_probe_that_throws_leaves_the_device_unbound_and_is_recorded()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        var driver = new FailingDriver();

        kernel.RegisterDriver(driver);

        Assert.Null(device.Driver);
        var failure = Assert.Single(kernel.ProbeFailures);
        Assert.Same(device, failure.Device);
        Assert.Same(driver, failure.Driver);
        Assert.Contains("CONFIG_PORT", failure.Error.Message);
    }

    [Fact]
    public void Unbind_runs_remove_and_keeps_the_device_added()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        kernel.RegisterDriver(new ContractDriver());

        kernel.Unbind(device);

        Assert.Null(device.Driver);
        Assert.True(device.IsAdded);
        Assert.False(device.IsBusMaster);
        Assert.False(device.IsEnabled);
        Assert.Empty(kernel.ProbeOrder);
    }

    [Fact]
    public void Removing_a_device_clears_IsAdded_before_remove_runs()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        var driver = new RecordingDriver();
        kernel.RegisterDriver(driver);

        kernel.RemoveDevice(device);

        Assert.Equal(new[] { "Probe added=True", "Remove added=False" }, driver.Calls);
        Assert.False(device.IsAdded);
        Assert.DoesNotContain(device, kernel.Devices);
    }

    [Fact]
    public void Removing_a_parent_removes_its_children_first()
    {
        var kernel = new Kernel();
        var host = new PciDevice(kernel, "0000:02:00.0", new PciFunction(0x1014, 0x034a));
        kernel.AddDevice(host);
        var disk = new ScsiDevice(kernel, "0:0:0:0", new ScsiDisk(), host);
        kernel.AddDevice(disk);
        var order = new List<string>();
        kernel.RegisterDriver(new RecordingDriver(order));
        kernel.RegisterDriver(new RecordingDiskDriver(order));

        kernel.RemoveDevice(host);

        Assert.Equal(new[] { "probe 0000:02:00.0", "probe 0:0:0:0", "remove 0:0:0:0", "remove 0000:02:00.0" }, order);
        Assert.Empty(kernel.Devices);
    }

    [Fact]
    public void The_base_callbacks_do_nothing_and_count_as_left_out()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        kernel.RegisterDriver(new ProbeOnlyDriver());

        Assert.False(Kernel.Implements(device, DriverCallback.Remove));
        Assert.False(Kernel.Implements(device, DriverCallback.Shutdown));
        Assert.False(Kernel.Implements(device, DriverCallback.Suspend));
        Assert.False(Kernel.Implements(device, DriverCallback.Resume));
        Assert.True(Kernel.Implements(device, DriverCallback.Probe));

        kernel.Unbind(device);

        Assert.True(device.IsBusMaster); // nothing quiesced it: the base Remove is empty
    }

    [Fact]
    public void Overridden_callbacks_count_as_implemented_also_when_inherited()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        kernel.RegisterDriver(new DerivedContractDriver());

        Assert.True(Kernel.Implements(device, DriverCallback.Remove));
        Assert.True(Kernel.Implements(device, DriverCallback.Shutdown));
        Assert.False(Kernel.Implements(device, DriverCallback.Suspend));
    }

    [Fact]
    public void Error_handlers_default_to_not_implemented()
    {
        var (_, device) = TestMachine.OnePciFunction();
        var driver = new ContractDriver();

        Assert.Equal(PciErsResult.None, driver.ErrorDetected(device, PciChannelState.Frozen));
        Assert.Equal(PciErsResult.None, driver.SlotReset(device));
        driver.ResumeAfterError(device);
    }

    [Fact]
    public void Platform_drivers_match_by_compatible_string()
    {
        var kernel = new Kernel();
        var its = new PlatformDevice(kernel, "its@8080000", new PlatformHardware("arm,gic-v3-its"));
        var other = new PlatformDevice(kernel, "uart@9000000", new PlatformHardware("arm,pl011"));
        kernel.AddDevice(its);
        kernel.AddDevice(other);

        kernel.RegisterDriver(new ItsDriver());

        Assert.NotNull(its.Driver);
        Assert.Null(other.Driver);
    }

    [Fact]
    public void A_device_cannot_join_another_kernel_or_be_added_twice()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        var other = new Kernel();

        Assert.Throws<ArgumentException>(() => other.AddDevice(device));
        Assert.Throws<InvalidOperationException>(() => kernel.AddDevice(device));
    }

    private sealed class TableDriver(params PciDeviceId[] ids) : PciDriver
    {
        public override string Name => "table";

        public override IReadOnlyList<PciDeviceId> IdTable => ids;

        public override void Probe(PciDevice device) => device.EnableDevice();
    }

    private sealed class FailingDriver : PciDriver
    {
        public override string Name => "lpfc";

        public override void Probe(PciDevice device) =>
            throw new InvalidOperationException("Adapter failed to init, mbxCmd x88 CONFIG_PORT");
    }

    private sealed class ProbeOnlyDriver : PciDriver
    {
        public override string Name => "probe-only";

        public override void Probe(PciDevice device)
        {
            device.EnableDevice();
            device.SetMaster();
        }
    }

    private class DerivedContractDriver : ContractDriverBase
    {
        public override string Name => "derived";
    }

    private abstract class ContractDriverBase : PciDriver
    {
        public override void Probe(PciDevice device) => device.EnableDevice();

        public override void Remove(PciDevice device) => device.DisableDevice();

        public override void Shutdown(PciDevice device) => Remove(device);
    }

    private sealed class RecordingDriver(List<string>? order = null) : PciDriver
    {
        public List<string> Calls { get; } = new();

        public override string Name => "recording";

        public override void Probe(PciDevice device)
        {
            Calls.Add($"Probe added={device.IsAdded}");
            order?.Add("probe " + device.Name);
        }

        public override void Remove(PciDevice device)
        {
            Calls.Add($"Remove added={device.IsAdded}");
            order?.Add("remove " + device.Name);
        }
    }

    private sealed class RecordingDiskDriver(List<string> order) : ScsiDriver
    {
        public override string Name => "sd";

        public override void Probe(ScsiDevice device) => order.Add("probe " + device.Name);

        public override void Remove(ScsiDevice device) => order.Add("remove " + device.Name);
    }

    private sealed class ItsDriver : PlatformDriver
    {
        public override string Name => "gic-its";

        public override IReadOnlyList<string> CompatibleIds => new[] { "arm,gic-v3-its" };

        public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);
    }
}
