using System;
using System.Reflection;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;

namespace ShutdownAnalyzers.Runtime.Tests.DriverModel;

public class DeviceTests
{
    [Fact]
    public void A_device_knows_its_name_parent_and_kernel_and_is_added_only_once_registered()
    {
        var kernel = new Kernel();
        var host = new PciDevice(kernel, "0000:02:00.0", new PciFunction(0x1014, 0x034a));
        var disk = new ScsiDevice(kernel, "0:0:0:0", new ScsiDisk(), host);

        Assert.False(host.IsAdded);
        Assert.Throws<InvalidOperationException>(() => kernel.AddDevice(disk));
        kernel.AddDevice(host);
        kernel.AddDevice(disk);

        Assert.Equal("0:0:0:0", disk.Name);
        Assert.Same(host, disk.Parent);
        Assert.Same(kernel, disk.Kernel);
        Assert.True(disk.IsAdded);
        Assert.True(disk.IsDescendantOf(host));
        Assert.False(host.IsDescendantOf(disk));
        Assert.Equal(new Device[] { host, disk }, kernel.Devices);
    }

    [Fact]
    public void A_device_needs_a_name_and_a_parent_from_the_same_kernel()
    {
        var kernel = new Kernel();
        var foreignParent = new PciDevice(new Kernel(), "0000:03:00.0", new PciFunction(1, 1));

        Assert.Throws<ArgumentException>(() => new PciDevice(kernel, "", new PciFunction(1, 1)));
        Assert.Throws<ArgumentException>(() => new PciDevice(kernel, "0000:04:00.0", new PciFunction(1, 1), foreignParent));
    }

    [Fact]
    public void A_new_kernel_is_booting_and_its_state_is_what_drivers_read()
    {
        var (kernel, device) = TestMachine.OnePciFunction();
        Assert.Equal(SystemState.Booting, device.Kernel.SystemState);

        kernel.EnterState(SystemState.Restart);

        Assert.Equal(SystemState.Restart, device.Kernel.SystemState);
    }

    [Fact]
    public void Device_links_are_held_until_removed()
    {
        var kernel = new Kernel();
        var consumer = new PciDevice(kernel, "0000:05:00.0", new PciFunction(1, 1));
        var supplier = new PciDevice(kernel, "0000:06:00.0", new PciFunction(1, 2));
        kernel.AddDevice(consumer);
        kernel.AddDevice(supplier);

        var link = consumer.AddLink(supplier);

        Assert.Same(consumer, link.Consumer);
        Assert.Same(supplier, link.Supplier);
        Assert.Equal(new[] { link }, consumer.Links);
        Assert.True(kernel.Resources.Holds(consumer, DeviceResource.DeviceLink));
        Assert.Throws<ArgumentException>(() => consumer.AddLink(consumer));

        consumer.RemoveLink(link);

        Assert.Empty(consumer.Links);
        Assert.False(kernel.Resources.Holds(consumer, DeviceResource.DeviceLink));
        Assert.Throws<InvalidOperationException>(() => consumer.RemoveLink(link));
    }

    [Fact]
    public void An_auto_remove_link_is_dropped_by_the_driver_core_when_the_consumers_driver_unbinds()
    {
        var kernel = new Kernel();
        var supplier = new PlatformDevice(kernel, "vmbus", new PlatformHardware("test,bus"));
        var consumer = new PlatformDevice(kernel, "storvsc", new PlatformHardware("test,client"));
        kernel.AddDevice(supplier);
        kernel.AddDevice(consumer);
        kernel.RegisterDriver(new LinkingDriver("test,client", supplier));

        var link = Assert.Single(consumer.Links);
        Assert.True(link.AutoRemove);
        Assert.Same(supplier, link.Supplier);
        Assert.False(kernel.Resources.Holds(consumer, DeviceResource.DeviceLink));
        Assert.Throws<InvalidOperationException>(() => consumer.RemoveLink(link));
        Assert.Throws<ArgumentException>(() => consumer.AddAutoRemoveLink(consumer));

        kernel.Unbind(consumer);

        Assert.Empty(consumer.Links);

        // Nothing for Remove to give back: the analyzers must not ask for a RemoveLink.
        Assert.False(typeof(Device).GetMethod(nameof(Device.AddAutoRemoveLink))!.IsDefined(typeof(AcquiresAttribute)));
    }

    [Fact]
    public void An_auto_remove_link_made_by_a_probe_that_fails_is_dropped_with_it()
    {
        var kernel = new Kernel();
        var supplier = new PlatformDevice(kernel, "vmbus", new PlatformHardware("test,bus"));
        var consumer = new PlatformDevice(kernel, "storvsc", new PlatformHardware("test,client"));
        kernel.AddDevice(supplier);
        kernel.AddDevice(consumer);

        kernel.RegisterDriver(new LinkingDriver("test,client", supplier, failProbe: true));

        Assert.Same(consumer, Assert.Single(kernel.ProbeFailures).Device);
        Assert.Empty(consumer.Links);
        Assert.Null(consumer.Driver);
    }

    [Fact]
    public void A_scsi_disk_can_be_stopped_and_started()
    {
        var kernel = new Kernel();
        var host = new PciDevice(kernel, "0000:02:00.0", new PciFunction(0x1014, 0x034a));
        var disk = new ScsiDevice(kernel, "0:0:0:0", new ScsiDisk(), host);

        disk.StopUnit();
        Assert.False(disk.Disk.Spinning);
        Assert.True(disk.Disk.HeadsParked);

        disk.StartUnit();
        Assert.True(disk.Disk.Spinning);
        Assert.False(disk.Disk.HeadsParked);
    }

    [Fact]
    public void SetPowerState_is_marked_as_powering_off_from_D3Hot_up()
    {
        var method = typeof(PciDevice).GetMethod(nameof(PciDevice.SetPowerState))!;

        var attribute = method.GetCustomAttribute<PowersOffAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal("state", attribute.WhenArgument);
        Assert.Equal((int)PciPowerState.D3Hot, attribute.AtLeast);
        Assert.Equal("state", method.GetParameters()[0].Name);
    }

    [Theory]
    [InlineData(typeof(PciDevice), nameof(PciDevice.SetMaster), typeof(EnablesDmaAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.StartDma), typeof(EnablesDmaAttribute))]
    [InlineData(typeof(PciDevice), nameof(PciDevice.ClearMaster), typeof(QuiescesDmaAttribute))]
    [InlineData(typeof(PciDevice), nameof(PciDevice.DisableDevice), typeof(QuiescesDmaAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.StopDma), typeof(QuiescesDmaAttribute))]
    [InlineData(typeof(PciDevice), nameof(PciDevice.FunctionReset), typeof(ResetsAttribute))]
    [InlineData(typeof(PciDevice), nameof(PciDevice.FunctionReset), typeof(QuiescesDmaAttribute))]
    [InlineData(typeof(PciDevice), nameof(PciDevice.FunctionReset), typeof(MasksInterruptAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.DisableIrq), typeof(MasksInterruptAttribute))]
    [InlineData(typeof(MemoryMappedDevice), nameof(MemoryMappedDevice.MaskInterrupts), typeof(MasksInterruptAttribute))]
    [InlineData(typeof(ScsiDevice), nameof(ScsiDevice.StopUnit), typeof(PowersOffAttribute))]
    public void Api_members_say_what_they_do_to_the_hardware(Type type, string member, Type effect)
    {
        Assert.True(type.GetMethod(member)!.IsDefined(effect), $"{type.Name}.{member} should carry {effect.Name}");
    }

    [Theory]
    [InlineData(nameof(MemoryMappedDevice.RequestIrq), nameof(MemoryMappedDevice.FreeIrq), DeviceResource.Interrupt)]
    [InlineData(nameof(MemoryMappedDevice.MapDma), nameof(MemoryMappedDevice.UnmapDma), DeviceResource.DmaBuffer)]
    [InlineData(nameof(MemoryMappedDevice.MapRegisters), nameof(MemoryMappedDevice.UnmapRegisters), DeviceResource.RegisterMapping)]
    [InlineData(nameof(PciDevice.RequestRegions), nameof(PciDevice.ReleaseRegions), DeviceResource.Region)]
    [InlineData(nameof(Device.AddLink), nameof(Device.RemoveLink), DeviceResource.DeviceLink)]
    public void Resource_pairs_are_marked_acquire_and_release(string acquire, string release, DeviceResource resource)
    {
        Assert.Equal(resource, typeof(PciDevice).GetMethod(acquire)!.GetCustomAttribute<AcquiresAttribute>()!.Resource);
        Assert.Equal(resource, typeof(PciDevice).GetMethod(release)!.GetCustomAttribute<ReleasesAttribute>()!.Resource);
    }

    private sealed class LinkingDriver(string compatible, Device supplier, bool failProbe = false) : PlatformDriver
    {
        public override string Name => compatible;

        public override void Probe(PlatformDevice device)
        {
            device.AddAutoRemoveLink(supplier);
            if (failProbe)
            {
                throw new InvalidOperationException("probe failed after linking");
            }
        }
    }
}
