using System;
using System.Linq;
using System.Runtime.CompilerServices;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Simulation;
using static ShutdownAnalyzers.Simulation.DeviceTimeline;

namespace ShutdownAnalyzers.Runtime.Tests.Simulation;

public class DeviceTimelineTests
{
    private const string Device = "0000:01:00.0";

    [Fact]
    public void A_callback_moment_reads_back_with_the_device_named_and_the_hardware_as_it_was()
    {
        var words = new Words();
        var timeline = new DeviceTimeline(Device, words);
        var probe = words.TextNumber("igb Probe(");

        timeline.Add(new Moment(20, words.KernelNumber("old kernel"), probe, TextKind.Called, PciPowerState.D0, busMaster: false, dmaRunning: false, interruptAsserted: false, machineWide: false));
        timeline.Add(new Moment(20, words.KernelNumber("old kernel"), probe, TextKind.Returned, PciPowerState.D3Hot, busMaster: true, dmaRunning: true, interruptAsserted: true, machineWide: false));
        timeline.Add(new Moment(55, words.KernelNumber("next kernel"), words.TextNumber("next kernel starts booting"), TextKind.Plain, powerState: null, busMaster: false, dmaRunning: false, interruptAsserted: false, machineWide: true));

        Assert.Equal(
            new[]
            {
                new TimelineEvent(20, "old kernel", "igb Probe(0000:01:00.0) called", PciPowerState.D0, false, false, false),
                new TimelineEvent(20, "old kernel", "igb Probe(0000:01:00.0) returned", PciPowerState.D3Hot, true, true, true),
                new TimelineEvent(55, "next kernel", "next kernel starts booting", null, false, false, false) { MachineWide = true },
            },
            timeline.Recorded());
    }

    [Fact]
    public void Words_that_repeat_the_last_moment_in_the_same_kernel_are_kept_once_however_they_were_said()
    {
        var words = new Words();
        var timeline = new DeviceTimeline(Device, words);
        var old = words.KernelNumber("old kernel");

        timeline.Add(Said(old, words.TextNumber("igb Shutdown("), TextKind.Returned));
        timeline.Add(Said(old, words.TextNumber("igb Shutdown(0000:01:00.0) returned"), TextKind.Plain));
        timeline.Add(Said(old, words.TextNumber("lpfc Shutdown("), TextKind.Returned));
        timeline.Add(Said(old, words.TextNumber(new string("lpfc Shutdown(".AsSpan())), TextKind.Returned));
        timeline.Add(Said(words.KernelNumber("next kernel"), words.TextNumber("lpfc Shutdown("), TextKind.Returned));

        Assert.Equal(
            new[] { "old kernel: igb Shutdown(0000:01:00.0) returned", "old kernel: lpfc Shutdown(0000:01:00.0) returned", "next kernel: lpfc Shutdown(0000:01:00.0) returned" },
            timeline.Recorded().Select(e => $"{e.Kernel}: {e.What}"));
    }

    [Fact]
    public void A_moment_is_sixteen_bytes_with_the_hardware_state_read_back_as_written()
    {
        var moment = new Moment(long.MaxValue, ushort.MaxValue, int.MaxValue, TextKind.Returned, PciPowerState.D3Cold, busMaster: true, dmaRunning: false, interruptAsserted: true, machineWide: true);

        Assert.Equal(16, Unsafe.SizeOf<Moment>());
        Assert.Equal((long.MaxValue, ushort.MaxValue, int.MaxValue, TextKind.Returned), (moment.AtMs, moment.Kernel, moment.Text, moment.Kind));
        Assert.Equal((PciPowerState.D3Cold, true, false, true, true), (moment.PowerState, moment.BusMaster, moment.DmaRunning, moment.InterruptAsserted, moment.MachineWide));
        Assert.Null(Said(0, 0, TextKind.Plain).PowerState);
    }

    private static Moment Said(ushort kernel, int text, TextKind kind) =>
        new(0, kernel, text, kind, powerState: null, busMaster: false, dmaRunning: false, interruptAsserted: false, machineWide: false);
}
