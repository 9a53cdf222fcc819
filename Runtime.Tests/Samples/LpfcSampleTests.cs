using ShutdownAnalyzers.Samples.Lpfc;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runtime.Tests.Samples;

public class LpfcSampleTests
{
    [Fact]
    public void The_flawed_lpfc_fails_to_init_in_the_next_kernel_after_kexec()
    {
        var report = Simulator.Run(new FlawedLpfcMachine(), Scenario.Kexec);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal(LpfcMachines.AdapterAddress, adapter.Device);
        Assert.Equal("lpfc", adapter.Driver);
        Assert.Equal(Outcome.ProbeFailed, adapter.Outcome);
        Assert.Contains("Adapter failed to init, mbxCmd x88 CONFIG_PORT", adapter.Evidence.Text);
        Assert.Equal("next kernel", adapter.Evidence.Kernel);
    }

    [Fact]
    public void The_fixed_lpfc_comes_through_kexec()
    {
        var report = Simulator.Run(new FixedLpfcMachine(), Scenario.Kexec);

        var adapter = Assert.Single(report.Devices);
        Assert.Equal(Outcome.Healthy, adapter.Outcome);
        Assert.Contains("lpfc is bound in the next kernel", adapter.Evidence.Text);
    }
}
