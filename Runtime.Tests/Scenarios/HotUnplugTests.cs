using System;
using System.Threading;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.KernelCore;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class HotUnplugTests
{
    private const string Card = "0000:07:00.0";

    [Fact]
    public void A_remove_that_waits_on_the_gone_hardware_without_a_timeout_hangs()
    {
        var report = Simulator.Run(Card_(Timeout.InfiniteTimeSpan), Scenario.HotUnplug);

        var card = report[Card]!;
        Assert.Equal(Outcome.Hang, card.Outcome);
        Assert.Equal("Remove", card.Evidence.Callback);
        Assert.Equal("mbxCmd x88 CONFIG_PORT", card.Evidence.Location);
        Assert.Contains("blocked for more than 120 s", card.Evidence.Text);
        Assert.True(report.DurationMs >= KernelContext.HungTaskTimeoutMs, "the hang costs simulated time, not real time");
    }

    [Fact]
    public void A_remove_whose_wait_has_a_timeout_gives_up_and_the_removal_completes()
    {
        var report = Simulator.Run(Card_(TimeSpan.FromMilliseconds(100)), Scenario.HotUnplug);

        var card = report[Card]!;
        Assert.Equal(Outcome.Healthy, card.Outcome);
        Assert.Contains("pulled out and removed cleanly", card.Evidence.Text);
        Assert.Contains(card.Timeline, e => e.What.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public void Flushing_the_cache_of_a_gone_device_without_a_timeout_hangs()
    {
        var model = new TestMachineModel("flush", m => m
            .AddPciFunction(Card, new PciFunction(0x1014, 0x034a) { WriteCache = new WriteCache(WriteCacheKind.Volatile, TimeSpan.FromMilliseconds(10)) })
            .AddDriver(() => new CallbackDriver(remove: d => d.WriteCache!.Flush())));

        var report = Simulator.Run(model, Scenario.HotUnplug);

        Assert.Equal(Outcome.Hang, report[Card]!.Outcome);
        Assert.Equal("the write-cache flush", report[Card]!.Evidence.Location);
    }

    [Fact]
    public void A_remove_that_keeps_the_regions_leaks_them()
    {
        var model = new TestMachineModel("leak", m => m
            .AddPciFunction(Card, new PciFunction(0x8086, 0x1572))
            .AddDriver(() => new CallbackDriver(probe: d => d.RequestRegions())));

        var report = Simulator.Run(model, Scenario.HotUnplug);

        Assert.Equal(Outcome.ResourceLeak, report[Card]!.Outcome);
        Assert.Equal("Region", report[Card]!.Evidence.Location);
    }

    [Fact]
    public void Only_endpoints_are_pulled_out_and_a_bridge_stays()
    {
        var model = new TestMachineModel("bridge", m => m
            .AddPciFunction("0000:00:1c.0", new PciFunction(0x8086, 0xa110))
            .AddPciFunction(Card, new PciFunction(0x8086, 0x1572), parent: "0000:00:1c.0")
            .AddDriver(() => new CallbackDriver()));

        var report = Simulator.Run(model, Scenario.HotUnplug);

        Assert.Contains("came through", report["0000:00:1c.0"]!.Evidence.Text);
        Assert.Contains("pulled out", report[Card]!.Evidence.Text);
    }

    [Theory]
    [InlineData(true, Outcome.Healthy)]
    [InlineData(false, Outcome.InterruptStorm)]
    public void Pulling_a_card_raises_the_ports_level_interrupt_which_pciehp_must_service(bool services, Outcome portOutcome)
    {
        var handled = 0;
        var port = new PciFunction(0x8086, 0xa110, InterruptMode.Intx);
        var model = new TestMachineModel("pciehp", m => m
            .AddPciFunction("0000:00:1c.0", port)
            .AddPciFunction(Card, new PciFunction(0x8086, 0x1572) { Slot = new HotplugSlot(hasPowerControl: true, port) }, parent: "0000:00:1c.0")
            .AddDriver(() => new CallbackDriver(
                probe: d => d.RequestIrq(_ =>
                {
                    handled++;
                    return services ? IrqReturn.Handled : IrqReturn.None;
                }),
                name: "pciehp",
                id: new PciDeviceId(0x8086, 0xa110)))
            .AddDriver(() => new CallbackDriver(name: "nic")));

        var report = Simulator.Run(model, Scenario.HotUnplug);

        Assert.Equal(portOutcome, report["0000:00:1c.0"]!.Outcome);
        Assert.Equal(Outcome.Healthy, report[Card]!.Outcome);
        Assert.Equal(1, handled);
    }

    private static MachineModel Card_(TimeSpan timeout) =>
        new TestMachineModel("unplug", m => m
            .AddPciFunction(Card, LightPulseAdapter.Create())
            .AddDriver(() => new CallbackDriver(remove: d => d.IssueMailboxCommand(LightPulseAdapter.ConfigPort, timeout))));
}
