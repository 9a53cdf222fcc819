using System;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class HibernateTests
{
    private const string Vsc = "0000:00:08.0";

    [Fact]
    public void Restarting_a_ring_made_before_hibernation_writes_into_restored_memory()
    {
        var report = Simulator.Run(RingDevice(ResumeStyle.RestartOldRing), Scenario.Hibernate);

        var vsc = report[Vsc]!;
        Assert.Equal(Outcome.DmaCorruption, vsc.Outcome);
        Assert.StartsWith("page ", vsc.Evidence.Location);
        Assert.Equal("old kernel", vsc.Evidence.Kernel);
    }

    [Fact]
    public void Recreating_the_ring_after_restore_is_healthy()
    {
        var report = Simulator.Run(RingDevice(ResumeStyle.RecreateRing), Scenario.Hibernate);

        Assert.Equal(Outcome.Healthy, report[Vsc]!.Outcome);
        Assert.True(report[Vsc]!.Timeline[^1].DmaRunning);
    }

    [Fact]
    public void A_driver_that_does_not_bring_its_device_back_after_power_loss_leaves_it_dead()
    {
        var report = Simulator.Run(RingDevice(ResumeStyle.Nothing), Scenario.Hibernate);

        Assert.Equal(Outcome.Unreachable, report[Vsc]!.Outcome);
        Assert.Contains("did not bring it back", report[Vsc]!.Evidence.Text);
    }

    [Theory]
    [InlineData(true, Outcome.Healthy)]
    [InlineData(false, Outcome.DataLost)]
    public void The_freeze_must_flush_a_volatile_cache_before_the_power_goes(bool flushesInSuspend, Outcome expected)
    {
        var model = new TestMachineModel("disk", m => m
            .AddPciFunction("0000:04:00.0", new PciFunction(0x1000, 0x0097))
            .AddScsiDisk("4:0:0:0", "0000:04:00.0", new ScsiDisk { WriteCache = new WriteCache(WriteCacheKind.Volatile, TimeSpan.FromMilliseconds(5)) })
            .AddDriver(() => new CallbackDriver())
            .AddDriver(() => new SdDriver(flushesInSuspend)));

        var report = Simulator.Run(model, Scenario.Hibernate);

        Assert.Equal(expected, report["4:0:0:0"]!.Outcome);
    }

    [Fact]
    public void The_lpfc_samples_stop_in_suspend_and_start_again_in_resume()
    {
        Assert.True(Simulator.Run(new FlawedLpfcMachine(), Scenario.Hibernate).AllHealthy);
    }

    private enum ResumeStyle
    {
        RestartOldRing,
        RecreateRing,
        Nothing,
    }

    private static MachineModel RingDevice(ResumeStyle resume) =>
        new TestMachineModel("vsc", m => m
            .AddPciFunction(Vsc, new PciFunction(0x1414, 0x5353))
            .AddDriver(() => new RingDriver(resume)));

    /// <summary>A device whose I/O rings live in guest memory, as storvsc's.</summary>
    private sealed class RingDriver(ResumeStyle resume) : PciDriver
    {
        public override string Name => "ring";

        public override void Probe(PciDevice device)
        {
            device.EnableDevice();
            device.SetMaster();
            device.StartDma(device.MapDma(2));
        }

        public override void Suspend(PciDevice device) => device.StopDma();

        public override void Resume(PciDevice device)
        {
            var ring = device.DmaBuffers.Single();
            switch (resume)
            {
                case ResumeStyle.RestartOldRing:
                    device.StartDma(ring);
                    break;
                case ResumeStyle.RecreateRing:
                    device.UnmapDma(ring);
                    device.StartDma(device.MapDma(2));
                    break;
            }
        }
    }

    private sealed class SdDriver(bool flushesInSuspend) : ScsiDriver
    {
        public override string Name => "sd";

        public override void Probe(ScsiDevice device) => device.Read(0);

        public override void Suspend(ScsiDevice device)
        {
            if (flushesInSuspend)
            {
                device.WriteCache!.Flush();
            }
        }
    }
}
