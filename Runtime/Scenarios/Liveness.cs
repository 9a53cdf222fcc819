using ShutdownAnalyzers.Hardware;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Scenarios;

/// <summary>
/// After a transition the same kernel lives through (resume, restore, recovery): a device that was
/// doing DMA before it and is still bound must be doing DMA again. One whose engine stays stopped —
/// power was lost and nothing re-initialised it — is as good as gone.
/// </summary>
internal static class Liveness
{
    public static void Check(Machine machine, string transition)
    {
        foreach (var declared in machine.Declared)
        {
            if (declared.Unit is not DeviceHardware hardware
                || !machine.WasDoingDmaAtStart(declared)
                || machine.Find(declared.Name) is not { Driver: { } driver, IsAdded: true } device)
            {
                continue;
            }

            if (hardware.Dma.Running && hardware.CanMasterBus)
            {
                continue;
            }

            var why = hardware.Dma.Running ? "it may not master the bus" : "its DMA engine is stopped";
            machine.Context.Report(
                Outcome.Unreachable,
                device,
                $"{declared.Name} was doing DMA before {transition} and is not after it ({why}); {driver.Name} did not bring it back",
                location: "DMA engine");
        }
    }
}
