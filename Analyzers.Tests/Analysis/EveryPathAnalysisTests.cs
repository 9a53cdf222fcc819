using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// The must question, "does every path through this method have effect X?", under other assumptions
/// than the restart: another system state, any system state, and a device whose write cache is volatile.
/// </summary>
public class EveryPathAnalysisTests
{
    private static readonly PathAssumptions RestartVolatile = PathAssumptions.Restart.WithVolatileWriteCache();
    private static readonly PathAssumptions PowerOffVolatile = PathAssumptions.Restart.InSystemState("PowerOff").WithVolatileWriteCache();

    [Theory]
    [InlineData("device.WriteCache!.Flush();", true)]
    [InlineData("device.WriteCache?.Flush(System.TimeSpan.FromSeconds(1));", true)]
    [InlineData("if (device.WriteCache is { } cache) cache.Flush();", true)]
    [InlineData("if (device.WriteCache is DeviceWriteCache cache) cache.Flush();", true)]
    [InlineData("var cache = device.WriteCache; if (cache == null) return; cache.Flush();", true)]
    [InlineData("if (device.WriteCache is not null) device.WriteCache.Flush();", true)]
    [InlineData("if (device.IsEnabled) device.WriteCache!.Flush();", false)]
    [InlineData("if (device.WriteCache!.UnflushedWrites > 0) device.WriteCache.Flush();", false)]
    [InlineData("if (device.WriteCache!.IsNonVolatile) return; device.WriteCache.Flush();", true)]
    [InlineData("if (device.WriteCache is { IsNonVolatile: true }) return; device.WriteCache!.Flush();", true)]
    [InlineData("if (device.WriteCache?.IsNonVolatile == true) return; device.WriteCache!.Flush();", true)]
    [InlineData("if (!device.WriteCache!.IsNonVolatile) device.WriteCache.Flush();", true)]
    [InlineData("if (device.WriteCache is not { IsNonVolatile: true }) device.WriteCache!.Flush();", true)]
    [InlineData("device.ClearMaster();", false)]
    public void A_volatile_cache_exists_and_is_not_non_volatile(string body, bool always)
    {
        var (analysis, driver) = Analyze(Driver(body), RestartVolatile);

        Assert.Equal(always, analysis.AlwaysReaches(Method(driver, "Shutdown"), driver, analysis.Effects.FlushesCache!, CancellationToken.None));
    }

    [Fact]
    public void Without_the_volatile_assumption_a_null_check_on_the_cache_leaves_a_path_without_a_flush()
    {
        var (analysis, driver) = Analyze(Driver("device.WriteCache?.Flush();"), PathAssumptions.Restart);

        Assert.False(analysis.AlwaysReaches(Method(driver, "Shutdown"), driver, analysis.Effects.FlushesCache!, CancellationToken.None));
    }

    [Theory]
    [InlineData("if (device.Kernel.SystemState == SystemState.Restart) return; device.WriteCache!.Flush();", false, true)]
    [InlineData("if (device.Kernel.SystemState != SystemState.Restart) device.WriteCache!.Flush();", false, true)]
    [InlineData("if (device.Kernel.SystemState == SystemState.Restart) device.WriteCache!.Flush(); else device.WriteCache!.Flush();", true, true)]
    [InlineData("var quick = device.Kernel.SystemState == SystemState.Restart && device.IsEnabled; if (!quick) device.WriteCache!.Flush();", false, true)]
    [InlineData("device.WriteCache!.Flush();", true, true)]
    public void The_system_state_assumed_decides_which_paths_there_are(string body, bool onRestart, bool onPowerOff)
    {
        var (restart, driver) = Analyze(Driver(body), RestartVolatile);
        var (powerOff, powerOffDriver) = Analyze(Driver(body), PowerOffVolatile);

        Assert.Equal(onRestart, restart.AlwaysReaches(Method(driver, "Shutdown"), driver, restart.Effects.FlushesCache!, CancellationToken.None));
        Assert.Equal(onPowerOff, powerOff.AlwaysReaches(Method(powerOffDriver, "Shutdown"), powerOffDriver, powerOff.Effects.FlushesCache!, CancellationToken.None));
    }

    [Fact]
    public void Any_system_state_leaves_both_branches_open()
    {
        var (analysis, driver) = Analyze(
            Driver("if (device.Kernel.SystemState == SystemState.PowerOff) device.WriteCache!.Flush();"),
            PathAssumptions.AnySystemState);

        Assert.NotNull(analysis.FindEffectPath(Method(driver, "Shutdown"), driver, analysis.Effects.FlushesCache!, CancellationToken.None));
        Assert.False(analysis.AlwaysReaches(Method(driver, "Shutdown"), driver, analysis.Effects.FlushesCache!, CancellationToken.None));
    }

    [Fact]
    public void A_state_the_bus_API_does_not_have_gives_no_analysis()
    {
        var compilation = Compile(Driver("device.ClearMaster();"));
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));

        Assert.Null(RestartPathAnalysis.Create(symbols, PathAssumptions.Restart.InSystemState("Hibernating")));
    }

    [Fact]
    public void A_condition_can_be_asked_what_if_it_saw_another_state()
    {
        const string Body = "if (device.IsEnabled) device.ClearMaster(); if (device.Kernel.SystemState == SystemState.Restart) return; device.WriteCache!.Flush();";
        var compilation = Compile(Driver(Body));
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
        var driver = compilation.GetTypeByMetadataName("NicDriver")!;
        var condition = compilation.SyntaxTrees[0].GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax>()
            .Single(b => b.ToString() == "device.Kernel.SystemState == SystemState.Restart");

        var asIs = RestartPathAnalysis.Create(symbols, RestartVolatile)!;
        var seenAsPowerOff = RestartPathAnalysis.Create(symbols, RestartVolatile.WithSystemStateWithin(condition, "PowerOff"))!;

        Assert.False(asIs.AlwaysReaches(Method(driver, "Shutdown"), driver, asIs.Effects.FlushesCache!, CancellationToken.None));
        Assert.True(seenAsPowerOff.AlwaysReaches(Method(driver, "Shutdown"), driver, seenAsPowerOff.Effects.FlushesCache!, CancellationToken.None));
    }

    [Theory]
    [InlineData("BringDown(device, ShutdownKind.Normal);", true)]
    [InlineData("BringDown(device, ShutdownKind.Quiesce);", false)]
    [InlineData("var kind = ShutdownKind.Normal; if (fastReboot && device.Kernel.SystemState == SystemState.Restart) kind = ShutdownKind.Quiesce; BringDown(device, kind);", false)]
    [InlineData("var kind = ShutdownKind.Normal; if (fastReboot && device.Kernel.SystemState == SystemState.Restart && device.WriteCache is { IsNonVolatile: true }) kind = ShutdownKind.Quiesce; BringDown(device, kind);", true)]
    [InlineData("FlushAll(device.WriteCache);", true)]
    [InlineData("Recurse(device, 3);", true)]
    public void Every_path_through_the_helpers_called_with_these_arguments(string body, bool always)
    {
        const string Helpers = """
            private readonly bool fastReboot = true;

            private static void BringDown(PciDevice device, ShutdownKind kind)
            {
                if (kind == ShutdownKind.Normal)
                {
                    device.WriteCache?.Flush();
                }

                device.StopDma();
            }

            private static void FlushAll(DeviceWriteCache? cache)
            {
                if (cache is null)
                {
                    return;
                }

                cache.Flush();
            }

            private static void Recurse(PciDevice device, int depth)
            {
                if (depth > 0)
                {
                    Recurse(device, depth - 1);
                    return;
                }

                device.WriteCache!.Flush();
            }
            """;
        var (analysis, driver) = Analyze(Driver(body, Helpers) + "\npublic enum ShutdownKind { Normal, Quiesce }\n", RestartVolatile);

        Assert.Equal(always, analysis.AlwaysReaches(Method(driver, "Shutdown"), driver, analysis.Effects.FlushesCache!, CancellationToken.None));
    }

    [Theory]
    [InlineData("try { device.StopDma(); } finally { device.WriteCache!.Flush(); }", true)]
    [InlineData("try { device.StopDma(); return; } finally { device.WriteCache!.Flush(); }", true)]
    [InlineData("try { device.StopDma(); } finally { if (device.IsEnabled) device.WriteCache!.Flush(); }", false)]
    [InlineData("try { device.WriteCache!.Flush(); } catch (System.InvalidOperationException) { return; }", false)]
    [InlineData("try { device.WriteCache!.Flush(); } catch (System.InvalidOperationException) { throw; }", true)]
    [InlineData("if (!device.IsEnabled) throw new System.InvalidOperationException(); device.WriteCache!.Flush();", true)]
    [InlineData("while (device.IsBusMaster) device.ClearMaster(); device.WriteCache!.Flush();", true)]
    [InlineData("for (var i = 0; i < 3; i++) device.WriteCache!.Flush();", false)]
    [InlineData("switch (device.PowerState) { case PciPowerState.D0: device.WriteCache!.Flush(); break; default: return; }", false)]
    public void Every_path_through_the_control_flow(string body, bool always)
    {
        var (analysis, driver) = Analyze(Driver(body), RestartVolatile);

        Assert.Equal(always, analysis.AlwaysReaches(Method(driver, "Shutdown"), driver, analysis.Effects.FlushesCache!, CancellationToken.None));
    }

    [Theory]
    [InlineData("device.WriteCache!.Flush();", "Shutdown → Flush()")]
    [InlineData("device.WriteCache!.Flush(Timeout.InfiniteTimeSpan);", "Shutdown → Flush(infinite)")]
    [InlineData("device.WriteCache!.Flush(TimeSpan.MaxValue);", "Shutdown → Flush(infinite)")]
    [InlineData("device.WriteCache!.Flush(TimeSpan.FromMilliseconds(-1));", "Shutdown → Flush(infinite)")]
    [InlineData("device.WriteCache!.Flush(TimeSpan.FromMilliseconds(Timeout.Infinite));", "Shutdown → Flush(infinite)")]
    [InlineData("device.WriteCache!.Flush(TimeSpan.FromSeconds(5));", null)]
    [InlineData("device.WriteCache!.Flush(Pick());", null)]
    [InlineData("WaitReady(device, Timeout.InfiniteTimeSpan);", "Shutdown → WaitReady → WaitForRegister(infinite)")]
    [InlineData("WaitReady(device, TimeSpan.FromSeconds(5));", null)]
    [InlineData("WaitMaybe(device, null);", "Shutdown → WaitMaybe → Wait(null)")]
    [InlineData("WaitMaybe(device);", "Shutdown → WaitMaybe → Wait(null)")]
    [InlineData("WaitMaybe(device, TimeSpan.FromSeconds(1));", null)]
    [InlineData("device.IssueMailboxCommand(default, Timeout.InfiniteTimeSpan);", "Shutdown → IssueMailboxCommand(infinite)")]
    public void Waits_without_a_timeout_are_found_through_helpers_and_their_parameters(string body, string? path)
    {
        const string Helpers = """
            private static TimeSpan Pick() => TimeSpan.FromSeconds(1);

            private static void WaitReady(PciDevice device, TimeSpan timeout) => device.WaitForRegister(0x1c, 1, 1, timeout);

            private static void WaitMaybe(PciDevice device, TimeSpan? timeout = null) => Wait(device, timeout);

            [WaitsOnHardware(TimeoutParameter = "timeout")]
            private static void Wait(PciDevice device, TimeSpan? timeout) => device.WaitForRegister(0x1c, 1, 1, timeout ?? TimeSpan.FromSeconds(1));
            """;
        var (analysis, driver) = Analyze("using System;\nusing System.Threading;\n" + Driver(body, Helpers), PathAssumptions.AnySystemState);

        Assert.Equal(path, analysis.FindEffectPath(Method(driver, "Shutdown"), driver, analysis.Effects.WaitsWithoutTimeout!, CancellationToken.None)?.ToString());
    }

    [Fact]
    public void Each_step_of_a_path_knows_the_call_that_entered_it()
    {
        const string Helpers = """
            private static void Disable(PciDevice device, TimeSpan timeout)
            {
                device.WriteRegister(0x14, 0);
                WaitReady(device, timeout);
            }

            private static void WaitReady(PciDevice device, TimeSpan timeout) => device.WaitForRegister(0x1c, 1, 0, timeout);
            """;
        var (analysis, driver) = Analyze(
            "using System;\nusing System.Threading;\n" + Driver("device.ClearMaster();\nDisable(device, Timeout.InfiniteTimeSpan);", Helpers),
            PathAssumptions.AnySystemState);

        var call = Assert.Single(analysis.FindEffectCalls(Method(driver, "Shutdown"), driver, analysis.Effects.WaitsWithoutTimeout!, CancellationToken.None));

        Assert.Equal("Disable(device, Timeout.InfiniteTimeSpan)", call.Call.Syntax.ToString());
        Assert.Equal(
            new[] { null, "Disable(device, Timeout.InfiniteTimeSpan)", "WaitReady(device, timeout)", "device.WaitForRegister(0x1c, 1, 0, timeout)" },
            call.Path.Steps.Select(step => step.Call?.Syntax.ToString()));
        Assert.NotNull(call.Path.Last.Call!.Operation);
    }

    private static string Driver(string shutdownBody, string members = "") => $$"""
        using ShutdownAnalyzers.DriverModel;

        public sealed class NicDriver : PciDriver
        {
            public override string Name => "nic";

            public override void Probe(PciDevice device) { }

            public override void Shutdown(PciDevice device)
            {
                {{shutdownBody}}
            }

            {{members}}
        }
        """;

    private static CSharpCompilation Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Drivers",
            new[] { CSharpSyntaxTree.ParseText(source) },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static (RestartPathAnalysis Analysis, INamedTypeSymbol Driver) Analyze(string source, PathAssumptions assumptions)
    {
        var compilation = Compile(source);
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
        var analysis = RestartPathAnalysis.Create(symbols, assumptions);
        Assert.NotNull(analysis);
        return (analysis!, compilation.GetTypeByMetadataName("NicDriver")!);
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();
}
