using ShutdownAnalyzers.Samples.GicIts;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

public class GicItsSampleTests
{
    [Theory]
    [InlineData(KexecPolicy.Shutdown)]
    [InlineData(KexecPolicy.ShutdownElseRemove)]
    [InlineData(KexecPolicy.Remove)]
    public void Unreserved_tables_are_written_into_the_next_kernels_memory_whatever_kexec_calls(KexecPolicy policy)
    {
        var its = Simulator.Run(new FlawedGicItsMachine(), Scenario.Kexec, policy)[GicItsMachines.ItsNode]!;

        Assert.Equal(Outcome.DmaCorruption, its.Outcome);
        Assert.Contains("cannot be stopped and its pages were not reserved across kexec", its.Evidence.Text);
    }

    [Theory]
    [InlineData(KexecPolicy.Shutdown)]
    [InlineData(KexecPolicy.ShutdownElseRemove)]
    [InlineData(KexecPolicy.Remove)]
    public void Reserved_tables_stay_out_of_the_next_kernels_hands(KexecPolicy policy)
    {
        Assert.True(Simulator.Run(new FixedGicItsMachine(), Scenario.Kexec, policy).AllHealthy);
    }

    [Fact]
    public void A_reboot_resets_the_its_so_even_unreserved_tables_are_harmless()
    {
        Assert.True(Simulator.Run(new FlawedGicItsMachine(), Scenario.Reboot).AllHealthy);
    }
}
