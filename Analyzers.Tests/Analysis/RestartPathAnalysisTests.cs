using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// The restart-path analysis asked about effects other than power-off, as the later rules will:
/// the same walk, the same call following, any effect attribute of the bus API.
/// </summary>
public class RestartPathAnalysisTests
{
    private const string Driver = """
        using ShutdownAnalyzers.DriverModel;

        public sealed class NicDriver : PciDriver
        {
            public override string Name => "nic";

            public override void Probe(PciDevice device) { }

            public override void Remove(PciDevice device) => Teardown(device);

            public override void Shutdown(PciDevice device)
            {
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    device.StopDma();
                    return;
                }

                Idle(device);
                device.FreeIrq();
            }

            private static void Idle(PciDevice device) => device.ClearMaster();

            private void Teardown(PciDevice device)
            {
                device.FreeIrq();
                Shutdown(device);
            }
        }
        """;

    [Fact]
    public void Finds_the_quiescing_calls_the_restart_path_reaches_with_their_paths()
    {
        var (analysis, driver) = Analyze(Driver);

        var calls = analysis.FindEffectCalls(Method(driver, "Shutdown"), driver, analysis.Effects.QuiescesDma!, CancellationToken.None);

        // StopDma sits under the PowerOff branch, which a restart never takes.
        var found = Assert.Single(calls);
        Assert.Equal("Idle(device)", found.Call.Syntax.ToString());
        Assert.Equal("Shutdown → Idle → ClearMaster", found.Path.ToString());
    }

    [Fact]
    public void Resource_effects_match_only_their_resource()
    {
        var (analysis, driver) = Analyze(Driver);
        var shutdown = Method(driver, "Shutdown");

        Assert.Equal(
            "Shutdown → FreeIrq",
            analysis.FindEffectPath(shutdown, driver, analysis.Effects.Releases("Interrupt")!, CancellationToken.None)?.ToString());
        Assert.Null(analysis.FindEffectPath(shutdown, driver, analysis.Effects.Releases("DmaBuffer")!, CancellationToken.None));
        Assert.Null(analysis.Effects.Releases("NoSuchResource"));
    }

    [Fact]
    public void Calls_to_a_method_are_an_effect_too()
    {
        var (analysis, driver) = Analyze(Driver);
        var shutdown = Method(driver, "Shutdown");

        var path = analysis.FindEffectPath(Method(driver, "Remove"), driver, new CallsMethodEffect(shutdown), CancellationToken.None);

        Assert.Equal("Remove → Teardown → Shutdown", path?.ToString());
    }

    [Fact]
    public void Reachable_calls_leave_out_the_pruned_branch()
    {
        var (analysis, driver) = Analyze(Driver);

        var calls = analysis.GetReachableCalls(Method(driver, "Shutdown"), CancellationToken.None);

        Assert.Equal(new[] { "Idle", "FreeIrq" }, calls.Select(call => call.Target.Name));
    }

    [Fact]
    public void A_helper_that_returns_a_condition_on_the_system_state_is_read_through()
    {
        var (analysis, driver) = Analyze("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device)
                {
                    if (PoweringOff(device.Kernel))
                    {
                        device.SetPowerState(PciPowerState.D3Hot);
                    }

                    if (Restarting)
                    {
                        device.ClearMaster();
                    }
                }

                private static bool PoweringOff(Kernel kernel) => kernel.SystemState == SystemState.PowerOff;

                private bool Restarting
                {
                    get { return Kernel!.SystemState == SystemState.Restart; }
                }

                public Kernel? Kernel { get; set; }
            }
            """);

        var calls = analysis.GetReachableCalls(Method(driver, "Shutdown"), CancellationToken.None);

        Assert.Equal(new[] { "PoweringOff", "ClearMaster" }, calls.Select(call => call.Target.Name));
    }

    /// <summary>
    /// The restart path and "any system state" share the walks of methods that never read the state.
    /// A method that reads it, here through a helper returning the condition, is walked under each
    /// assumption on its own, whichever analysis gets to it first.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Any_state_and_restart_each_see_their_own_branches_whichever_walks_first(bool anyStateFirst)
    {
        var symbols = Symbols("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device)
                {
                    if (PoweringOff(device.Kernel))
                    {
                        device.SetPowerState(PciPowerState.D3Hot);
                        return;
                    }

                    Idle(device);
                }

                private static bool PoweringOff(Kernel kernel) => kernel.SystemState == SystemState.PowerOff;

                private static void Idle(PciDevice device) => device.ClearMaster();
            }
            """);
        var driver = symbols.Compilation.GetTypeByMetadataName("NicDriver")!;
        var shutdown = Method(driver, "Shutdown");
        var restart = RestartPathAnalysis.Create(symbols)!;
        var anyState = RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState)!;

        var (first, second) = anyStateFirst ? (anyState, restart) : (restart, anyState);
        var firstPowerOff = first.FindEffectCalls(shutdown, driver, first.Effects.PowersOff!, CancellationToken.None);
        var secondPowerOff = second.FindEffectCalls(shutdown, driver, second.Effects.PowersOff!, CancellationToken.None);
        var (anyStatePowerOff, restartPowerOff) = anyStateFirst ? (firstPowerOff, secondPowerOff) : (secondPowerOff, firstPowerOff);

        Assert.Equal("Shutdown → SetPowerState(D3Hot)", Assert.Single(anyStatePowerOff).Path.ToString());
        Assert.Empty(restartPowerOff);
        foreach (var analysis in new[] { restart, anyState })
        {
            Assert.Equal("Shutdown → Idle → ClearMaster", Assert.Single(analysis.FindEffectCalls(shutdown, driver, analysis.Effects.QuiescesDma!, CancellationToken.None)).Path.ToString());
        }
    }

    private static (RestartPathAnalysis Analysis, INamedTypeSymbol Driver) Analyze(string source)
    {
        var symbols = Symbols(source);
        var analysis = RestartPathAnalysis.Create(symbols);
        Assert.NotNull(analysis);
        return (analysis!, symbols.Compilation.GetTypeByMetadataName("NicDriver")!);
    }

    private static DriverModelSymbols Symbols(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Drivers",
            new[] { CSharpSyntaxTree.ParseText(source) },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
        return symbols;
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();
}
