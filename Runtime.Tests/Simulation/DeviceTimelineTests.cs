using System.Linq;
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
        var kernels = new KernelLabels();
        var timeline = new DeviceTimeline(Device, kernels);

        timeline.Add(new Moment(20, kernels.NumberOf("old kernel"), "igb Probe(", TextKind.Called, PciPowerState.D0, busMaster: false, dmaRunning: false, interruptAsserted: false, machineWide: false));
        timeline.Add(new Moment(20, kernels.NumberOf("old kernel"), "igb Probe(", TextKind.Returned, PciPowerState.D3Hot, busMaster: true, dmaRunning: true, interruptAsserted: true, machineWide: false));
        timeline.Add(new Moment(55, kernels.NumberOf("next kernel"), "next kernel starts booting", TextKind.Plain, powerState: null, busMaster: false, dmaRunning: false, interruptAsserted: false, machineWide: true));

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
        var kernels = new KernelLabels();
        var timeline = new DeviceTimeline(Device, kernels);
        var old = kernels.NumberOf("old kernel");

        timeline.Add(Said(old, "igb Shutdown(", TextKind.Returned));
        timeline.Add(Said(old, "igb Shutdown(0000:01:00.0) returned", TextKind.Plain));
        timeline.Add(Said(old, "lpfc Shutdown(", TextKind.Returned));
        timeline.Add(Said(old, "lpfc Shutdown(", TextKind.Returned));
        timeline.Add(Said(kernels.NumberOf("next kernel"), "lpfc Shutdown(", TextKind.Returned));

        Assert.Equal(
            new[] { "old kernel: igb Shutdown(0000:01:00.0) returned", "old kernel: lpfc Shutdown(0000:01:00.0) returned", "next kernel: lpfc Shutdown(0000:01:00.0) returned" },
            timeline.Recorded().Select(e => $"{e.Kernel}: {e.What}"));
    }

    private static Moment Said(ushort kernel, string text, TextKind kind) =>
        new(0, kernel, text, kind, powerState: null, busMaster: false, dmaRunning: false, interruptAsserted: false, machineWide: false);
}
