using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;

namespace ShutdownAnalyzers.Runtime.Tests.KernelCore;

public class ShutdownOrderTests
{
    [Fact]
    public void Devices_shut_down_in_reverse_probe_order()
    {
        var (kernel, calls) = KernelWith("0000:01:00.0", "0000:02:00.0", "0000:03:00.0");
        kernel.RegisterDriver(new OrderDriver(calls, "0000:03:00.0"));
        kernel.RegisterDriver(new OrderDriver(calls, "0000:01:00.0"));
        kernel.RegisterDriver(new OrderDriver(calls, "0000:02:00.0"));
        calls.Clear();

        DeviceShutdown.Run(kernel);

        Assert.Equal(new[] { "shutdown 0000:02:00.0", "shutdown 0000:01:00.0", "shutdown 0000:03:00.0" }, calls);
    }

    [Fact]
    public void Children_shut_down_before_their_parent_even_when_the_parent_probed_last()
    {
        var kernel = new Kernel();
        var calls = new List<string>();
        var host = new PciDevice(kernel, "0000:04:00.0", new PciFunction(0x1000, 0x0097));
        kernel.AddDevice(host);
        var disk = new ScsiDevice(kernel, "4:0:0:0", new ScsiDisk(), host);
        kernel.AddDevice(disk);
        kernel.RegisterDriver(new DiskDriver(calls));
        kernel.RegisterDriver(new OrderDriver(calls, host.Name));
        calls.Clear();

        DeviceShutdown.Run(kernel);

        Assert.Equal(new[] { "shutdown 4:0:0:0", "shutdown 0000:04:00.0" }, calls);
    }

    [Fact]
    public void A_device_link_shuts_the_consumer_down_before_its_supplier()
    {
        var (kernel, calls) = KernelWith("0000:01:00.0", "0000:02:00.0");
        var consumer = (PciDevice)kernel.Devices[0];
        var supplier = (PciDevice)kernel.Devices[1];
        kernel.RegisterDriver(new OrderDriver(calls, consumer.Name));
        kernel.RegisterDriver(new OrderDriver(calls, supplier.Name));
        consumer.AddLink(supplier);
        calls.Clear();

        DeviceShutdown.Run(kernel);

        Assert.Equal(new[] { "shutdown 0000:01:00.0", "shutdown 0000:02:00.0" }, calls);
    }

    [Fact]
    public void A_supplier_that_probes_again_takes_its_linked_consumer_behind_it()
    {
        var (kernel, calls) = KernelWith("0000:01:00.0", "0000:02:00.0", "0000:03:00.0");
        var consumer = (PciDevice)kernel.Devices[0];
        var supplier = (PciDevice)kernel.Devices[1];
        kernel.RegisterDriver(new OrderDriver(calls, consumer.Name));
        kernel.RegisterDriver(new OrderDriver(calls, supplier.Name));
        kernel.RegisterDriver(new OrderDriver(calls, "0000:03:00.0"));
        consumer.AddLink(supplier);
        kernel.Unbind(supplier);
        kernel.Attach(supplier);
        calls.Clear();

        DeviceShutdown.Run(kernel);

        Assert.Equal(new[] { "shutdown 0000:01:00.0", "shutdown 0000:02:00.0", "shutdown 0000:03:00.0" }, calls);
    }

    [Fact]
    public void The_order_holds_through_hundreds_of_probes_and_rebinds()
    {
        var names = Enumerable.Range(0, 300).Select(i => $"0000:{i / 8:x2}:00.{i % 8}").ToArray();
        var (kernel, calls) = KernelWith(names);
        kernel.RegisterDriver(new EveryDeviceDriver(calls));

        // Every third device rebinds, the last first: each moves to the tail again.
        foreach (var index in Enumerable.Range(0, 100).Select(i => 297 - (3 * i)))
        {
            var device = kernel.Devices[index];
            kernel.Unbind(device);
            kernel.Attach(device);
        }

        calls.Clear();

        DeviceShutdown.Run(kernel);

        var rebound = Enumerable.Range(0, 100).Select(i => 3 * i);
        var stayed = Enumerable.Range(0, 300).Where(i => i % 3 != 0).Reverse();
        Assert.Equal(rebound.Concat(stayed).Select(i => "shutdown " + names[i]), calls);
    }

    [Fact]
    public void The_pci_bus_clears_bus_mastering_after_the_drivers_shutdown_only_during_kexec()
    {
        var (kernel, calls) = KernelWith("0000:01:00.0");
        var device = (PciDevice)kernel.Devices[0];
        kernel.RegisterDriver(new OrderDriver(calls, device.Name, checkMaster: true));

        DeviceShutdown.Run(kernel);
        Assert.True(device.IsBusMaster);

        kernel.Context.KexecInProgress = true;
        DeviceShutdown.Run(kernel);

        Assert.False(device.IsBusMaster);
        Assert.Equal(new[] { "shutdown 0000:01:00.0 master=True", "shutdown 0000:01:00.0 master=True" }, calls.Skip(1));
    }

    [Theory]
    [InlineData(PciPowerState.D3Cold, false)]
    [InlineData(PciPowerState.D3Hot, true)]
    public void The_kexec_clear_master_skips_functions_in_D3cold(PciPowerState state, bool cleared)
    {
        var (kernel, calls) = KernelWith("0000:01:00.0");
        var device = (PciDevice)kernel.Devices[0];
        kernel.RegisterDriver(new OrderDriver(calls, device.Name));
        device.SetPowerState(state);
        device.Function.BusMasterEnabled = true;
        kernel.Context.KexecInProgress = true;

        DeviceShutdown.Run(kernel);

        Assert.Equal(!cleared, device.Function.BusMasterEnabled);
    }

    [Fact]
    public void The_kexec_clear_master_skips_a_function_whose_driver_was_removed_in_D0()
    {
        var (kernel, calls) = KernelWith("0000:01:00.0");
        var device = (PciDevice)kernel.Devices[0];
        kernel.RegisterDriver(new OrderDriver(calls, device.Name));
        kernel.Unbind(device);
        kernel.Context.KexecInProgress = true;

        DeviceShutdown.Run(kernel);

        Assert.False(device.PowerStateKnown);
        Assert.True(device.IsBusMaster);
    }

    private static (Kernel Kernel, List<string> Calls) KernelWith(params string[] names)
    {
        var kernel = new Kernel();
        foreach (var name in names)
        {
            kernel.AddDevice(new PciDevice(kernel, name, new PciFunction(0x8086, 0x1572)));
        }

        return (kernel, new List<string>());
    }

    private sealed class OrderDriver(List<string> calls, string binds, bool checkMaster = false) : PciDriver
    {
        public override string Name => "order " + binds;

        public override bool Matches(PciDevice device) => device.Name == binds;

        public override void Probe(PciDevice device)
        {
            device.EnableDevice();
            device.SetMaster();
            calls.Add("probe " + device.Name);
        }

        public override void Shutdown(PciDevice device) =>
            calls.Add("shutdown " + device.Name + (checkMaster ? $" master={device.IsBusMaster}" : ""));
    }

    private sealed class EveryDeviceDriver(List<string> calls) : PciDriver
    {
        public override string Name => "every";

        public override void Probe(PciDevice device) => calls.Add("probe " + device.Name);

        public override void Shutdown(PciDevice device) => calls.Add("shutdown " + device.Name);
    }

    private sealed class DiskDriver(List<string> calls) : ScsiDriver
    {
        public override string Name => "sd";

        public override void Probe(ScsiDevice device) => calls.Add("probe " + device.Name);

        public override void Shutdown(ScsiDevice device) => calls.Add("shutdown " + device.Name);
    }
}
