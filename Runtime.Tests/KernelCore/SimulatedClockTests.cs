using System;
using System.Collections.Generic;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.KernelCore;

/// <summary>
/// The clock jumps over ticks on which the hardware can do nothing; the hardware must not notice:
/// every interrupt still arrives on the tick it falls due, and time is counted as it was tick by tick.
/// </summary>
public class SimulatedClockTests
{
    private const string Address = "0000:03:00.0";

    [Fact]
    public void A_periodic_interrupt_arrives_on_every_tick_it_falls_due_across_quiet_time()
    {
        var (machine, handled) = Boot(everyMs: 7, handler: static _ => { });

        machine.RunFor(50);

        // Raised at 7 and 14 during early boot with the line still masked, so the handler installed at
        // 20 meets it asserted; then every 7 ms, and nothing in between.
        Assert.Equal(new long[] { 21, 28, 35, 42, 49, 56, 63, 70 }, handled);
        Assert.Equal(70, machine.Clock.NowMs);
    }

    [Fact]
    public void A_wait_inside_a_handler_adds_to_the_time_as_it_did_tick_by_tick()
    {
        var (machine, handled) = Boot(everyMs: 1, handler: static device => device.WaitForRegister(0x10, 1, 1, TimeSpan.FromMilliseconds(2)));

        machine.RunFor(10);

        // Ten ticks, each followed by the handler's 2 ms wait.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 21L + (3 * i)), handled);
        Assert.Equal(50, machine.Clock.NowMs);
    }

    [Fact]
    public void A_quiet_machine_moves_straight_to_the_end_of_the_time_asked_for()
    {
        var (machine, handled) = Boot(everyMs: 0, handler: static _ => { });

        machine.RunFor(1_000_000);

        Assert.Empty(handled);
        Assert.Equal(1_000_020, machine.Clock.NowMs);
    }

    /// <summary>
    /// Boots a machine with one function on a level-triggered line raised every <paramref name="everyMs"/>
    /// (0: never), whose handler runs <paramref name="handler"/>; the list gets the time of each call.
    /// </summary>
    private static (Machine Machine, List<long> Handled) Boot(int everyMs, Action<PciDevice> handler)
    {
        var handled = new List<long>();
        var model = new TestMachineModel("clock", builder => builder
            .AddPciFunction(Address, new PciFunction(0x8086, 0x1533, InterruptMode.Intx) { InterruptEveryMs = everyMs })
            .AddDriver(() => new CallbackDriver(probe: device => device.RequestIrq(irq =>
            {
                handled.Add(irq.Kernel.Context.Clock.NowMs);
                handler((PciDevice)irq);
                return IrqReturn.Handled;
            }))));
        var machine = new Machine(model, seed: 0);
        machine.Boot("kernel", machine.PrimaryMemory);
        return (machine, handled);
    }
}
