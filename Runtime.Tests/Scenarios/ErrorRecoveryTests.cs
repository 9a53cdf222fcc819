using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class ErrorRecoveryTests
{
    private const string Nic = "0000:06:00.0";

    [Fact]
    public void A_slot_reset_handler_that_checks_a_bound_driver_instead_of_IsAdded_acts_on_a_removed_device()
    {
        var report = Simulator.Run(WithHandlers(new ProxyCheckingDriver()), Scenario.ErrorRecovery);

        var nic = report[Nic]!;
        Assert.Equal(Outcome.RemovedDuringRecovery, nic.Outcome);
        Assert.Equal("SlotReset", nic.Evidence.Callback);
        Assert.Equal("EnableDevice", nic.Evidence.Location);
        Assert.Contains("must check IsAdded", nic.Evidence.Text);
    }

    [Fact]
    public void A_slot_reset_handler_that_checks_IsAdded_stays_off_the_removed_device()
    {
        var report = Simulator.Run(WithHandlers(new IsAddedCheckingDriver()), Scenario.ErrorRecovery);

        Assert.Equal(Outcome.Healthy, report[Nic]!.Outcome);
        Assert.Contains("recovered from a frozen link", report[Nic]!.Evidence.Text);
    }

    [Fact]
    public void Without_error_handlers_recovery_unbinds_resets_and_rebinds_the_same_device()
    {
        var report = Simulator.Run(new FlawedLpfcMachine(), Scenario.ErrorRecovery);

        var adapter = report.Devices.Single();
        Assert.Equal(Outcome.Healthy, adapter.Outcome);
        Assert.Contains(adapter.Timeline, e => e.What == $"lpfc Remove({LpfcMachines.AdapterAddress}) called");
        Assert.Equal(2, adapter.Timeline.Count(e => e.What == $"lpfc Probe({LpfcMachines.AdapterAddress}) returned"));
    }

    [Fact]
    public void A_driver_that_votes_to_disconnect_leaves_its_device_offline()
    {
        var report = Simulator.Run(WithHandlers(new DisconnectingDriver()), Scenario.ErrorRecovery);

        Assert.Equal(Outcome.Unreachable, report[Nic]!.Outcome);
        Assert.Contains("voted to disconnect", report[Nic]!.Evidence.Text);
    }

    [Fact]
    public void A_slot_reset_that_does_not_restart_the_device_leaves_it_dead()
    {
        var report = Simulator.Run(WithHandlers(new ForgetfulDriver()), Scenario.ErrorRecovery);

        Assert.Equal(Outcome.Unreachable, report[Nic]!.Outcome);
        Assert.Equal("DMA engine", report[Nic]!.Evidence.Location);
    }

    private static MachineModel WithHandlers(PciDriver driver) =>
        new TestMachineModel("aer", m => m
            .AddPciFunction(Nic, new PciFunction(0x15b3, 0x1017))
            .AddDriver(() => driver));

    private abstract class RecoveringDriver : PciDriver
    {
        public override string Name => "nic";

        public override void Probe(PciDevice device) => Start(device);

        public override void Remove(PciDevice device)
        {
            device.StopDma();
            device.UnmapDma(device.DmaBuffers.Single());
            device.DisableDevice();
        }

        public override PciErsResult ErrorDetected(PciDevice device, PciChannelState state) => PciErsResult.NeedReset;

        protected static void Start(PciDevice device)
        {
            device.EnableDevice();
            device.SetMaster();
            device.StartDma(device.DmaBuffers.Count > 0 ? device.DmaBuffers[0] : device.MapDma(2));
        }
    }

    private sealed class ProxyCheckingDriver : RecoveringDriver
    {
        public override PciErsResult SlotReset(PciDevice device)
        {
            if (device.Driver is null)
            {
                return PciErsResult.Disconnect;
            }

            Start(device);
            return PciErsResult.Recovered;
        }
    }

    private sealed class IsAddedCheckingDriver : RecoveringDriver
    {
        public override PciErsResult SlotReset(PciDevice device)
        {
            if (!device.IsAdded)
            {
                return PciErsResult.Disconnect;
            }

            Start(device);
            return PciErsResult.Recovered;
        }
    }

    private sealed class DisconnectingDriver : RecoveringDriver
    {
        public override PciErsResult ErrorDetected(PciDevice device, PciChannelState state) => PciErsResult.Disconnect;
    }

    private sealed class ForgetfulDriver : RecoveringDriver
    {
        public override PciErsResult SlotReset(PciDevice device) => device.IsAdded ? PciErsResult.Recovered : PciErsResult.Disconnect;
    }
}
