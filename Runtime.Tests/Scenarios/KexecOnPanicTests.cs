using System;
using System.Linq;
using ShutdownAnalyzers.DriverModel;
using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Runtime.Tests.Models;
using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Scenarios;

public class KexecOnPanicTests
{
    private const string Adapter = "0000:01:00.0";

    [Fact]
    public void No_driver_callback_runs_so_even_the_fixed_lpfc_meets_running_firmware()
    {
        var report = Simulator.Run(new FixedLpfcMachine(), Scenario.KexecOnPanic);

        var adapter = report[LpfcMachines.AdapterAddress]!;
        Assert.Equal(Outcome.ProbeFailed, adapter.Outcome);
        Assert.Equal("crash kernel", adapter.Evidence.Kernel);
        Assert.DoesNotContain(adapter.Timeline, e => e.What.Contains("Shutdown", StringComparison.Ordinal) || e.What.Contains("Remove", StringComparison.Ordinal));
    }

    [Fact]
    public void A_probe_that_resets_the_adapter_first_copes_with_running_hardware()
    {
        var report = Simulator.Run(AdapterWith(resetsInProbe: true), Scenario.KexecOnPanic);

        Assert.Equal(Outcome.Healthy, report[Adapter]!.Outcome);
    }

    [Fact]
    public void Dma_still_running_into_the_old_kernels_memory_is_harmless_to_the_crash_kernel()
    {
        // The adapter ignores clear-master and nobody stops it: it writes its old rings throughout.
        var model = KexecTests.FirmwareAdapter<KexecTests.RemoveOnlyDriver>(honorsBusMasterDisable: false);

        var crash = Simulator.Run(model, Scenario.KexecOnPanic);
        var kexec = Simulator.Run(model, Scenario.Kexec);

        Assert.Equal(Outcome.ProbeFailed, crash[Adapter]!.Outcome);
        Assert.Empty(crash[Adapter]!.OtherFindings);
        Assert.Contains(crash[Adapter]!.Timeline, e => e.Kernel == "crash kernel" && e.DmaRunning);
        Assert.Equal(Outcome.DmaCorruption, kexec[Adapter]!.Outcome);
    }

    [Fact]
    public void The_crash_kernel_allocates_only_from_the_reserved_region()
    {
        long? firstPage = null;
        var model = new TestMachineModel("crash", m => m
            .WithMemory(pages: 1024, crashKernelPages: 128)
            .AddPciFunction(Adapter, new PciFunction(0x8086, 0x1572))
            .AddDriver(() => new CallbackDriver(probe: d =>
            {
                var buffer = d.MapDma(1);
                if (d.Kernel.MemoryRange.Start > 0)
                {
                    firstPage = buffer.Pages[0].Number;
                }
            })));

        Simulator.Run(model, Scenario.KexecOnPanic);

        Assert.InRange(firstPage!.Value, 1024 - 128, 1023);
    }

    private static MachineModel AdapterWith(bool resetsInProbe, bool honorsBusMasterDisable = true) =>
        new TestMachineModel("panic", m => m
            .AddPciFunction(Adapter, LightPulseAdapter.Create(honorsBusMasterDisable: honorsBusMasterDisable))
            .AddDriver(() => new ResettingDriver(resetsInProbe)));

    private sealed class ResettingDriver(bool resetsInProbe) : PciDriver
    {
        public override string Name => "crash-aware";

        public override void Probe(PciDevice device)
        {
            if (resetsInProbe)
            {
                device.FunctionReset();
            }

            FirmwareAdapterCode.Start(device);
        }

        public override void Remove(PciDevice device) => FirmwareAdapterCode.Stop(device);

        public override void Shutdown(PciDevice device) => Remove(device);
    }
}
