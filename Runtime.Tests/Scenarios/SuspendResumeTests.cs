using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class SuspendResumeTests
{
    private const string Client = "storvsc@1000";
    private const string Channel = "vmbus@2000";

    [Fact]
    public void A_consumer_that_talks_to_its_supplier_in_suspend_without_a_device_link_sends_io_to_a_suspended_device()
    {
        var report = Simulator.Run(ClientAndChannel(linksInProbe: false), Scenario.SuspendResume);

        var channel = report[Channel]!;
        Assert.Equal(Outcome.IoAfterSuspend, channel.Outcome);
        Assert.Equal("Suspend", channel.Evidence.Callback);
        Assert.Equal("test,client", channel.Evidence.Driver);
        Assert.Equal("WriteRegister", channel.Evidence.Location);
        Assert.Equal(Outcome.Healthy, report[Client]!.Outcome);
    }

    [Fact]
    public void A_device_link_orders_the_consumer_before_its_supplier()
    {
        var report = Simulator.Run(ClientAndChannel(linksInProbe: true), Scenario.SuspendResume);

        Assert.True(report.AllHealthy, string.Join("\n", report.Devices));
    }

    [Fact]
    public void Children_are_suspended_before_their_parents_and_resumed_after_them()
    {
        var calls = new List<string>();
        var model = new TestMachineModel("scsi", m => m
            .AddPciFunction("0000:04:00.0", new PciFunction(0x1000, 0x0097))
            .AddScsiDisk("4:0:0:0", "0000:04:00.0", new ScsiDisk { WriteCache = new WriteCache(WriteCacheKind.Volatile, System.TimeSpan.FromMilliseconds(5)) })
            .AddDriver(() => new HostDriver(calls))
            .AddDriver(() => new DiskDriver(calls)));

        var report = Simulator.Run(model, Scenario.SuspendResume);

        Assert.True(report.AllHealthy, string.Join("\n", report.Devices));
        Assert.Equal(new[] { "suspend 4:0:0:0", "suspend 0000:04:00.0", "resume 0000:04:00.0", "resume 4:0:0:0" }, calls);
    }

    [Fact]
    public void The_lpfc_samples_come_back_from_suspend_with_their_dma_running()
    {
        var report = Simulator.Run(new FixedLpfcMachine(), Scenario.SuspendResume);

        var adapter = report.Devices.Single();
        Assert.Equal(Outcome.Healthy, adapter.Outcome);
        Assert.True(adapter.Timeline[^1].DmaRunning);
        Assert.Contains(adapter.Timeline, e => e.PowerState == PciPowerState.D3Hot);
    }

    private static MachineModel ClientAndChannel(bool linksInProbe) =>
        new TestMachineModel("hyperv", m => m
            .AddPlatformDevice(Client, new PlatformHardware("test,client"))
            .AddPlatformDevice(Channel, new PlatformHardware("test,channel"))
            .AddDriver(() => new ClientDriver(linksInProbe))
            .AddDriver(() => new ChannelDriver()));

    /// <summary>Like storvsc: its rings live in a channel of another device, torn down in suspend.</summary>
    private sealed class ClientDriver(bool linksInProbe) : PlatformDriver
    {
        public override string Name => "test,client";

        public override void Probe(PlatformDevice device)
        {
            var channel = device.Kernel.Devices.OfType<PlatformDevice>().Single(d => d.Compatible == "test,channel");
            device.DriverData = channel;
            if (linksInProbe)
            {
                device.AddLink(channel);
            }
        }

        public override void Suspend(PlatformDevice device) => ((PlatformDevice)device.DriverData!).WriteRegister(0x40, 1);
    }

    private sealed class ChannelDriver : PlatformDriver
    {
        public override string Name => "test,channel";

        public override void Probe(PlatformDevice device)
        {
        }
    }

    private sealed class HostDriver(List<string> calls) : PciDriver
    {
        public override string Name => "host";

        public override void Probe(PciDevice device) => device.EnableDevice();

        public override void Suspend(PciDevice device) => calls.Add("suspend " + device.Name);

        public override void Resume(PciDevice device) => calls.Add("resume " + device.Name);
    }

    private sealed class DiskDriver(List<string> calls) : ScsiDriver
    {
        public override string Name => "sd";

        public override void Probe(ScsiDevice device) => device.Read(0);

        public override void Suspend(ScsiDevice device)
        {
            calls.Add("suspend " + device.Name);
            device.WriteCache!.Flush();
        }

        public override void Resume(ScsiDevice device) => calls.Add("resume " + device.Name);
    }
}
