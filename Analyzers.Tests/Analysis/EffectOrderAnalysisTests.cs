using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// The order of effects along paths, without the restart assumption: how the paths to a method's exit
/// stand with an effect (on every path, some, none), and which calls reach an effect before another.
/// Each test asks about a method of a small driver, as the Probe and Remove rules do.
/// </summary>
public class EffectOrderAnalysisTests
{
    /// <summary>A PCI driver with <paramref name="members"/>; its Probe does nothing unless a member overrides it.</summary>
    private static string Driver(string members) => $$"""
        using System;
        using ShutdownAnalyzers.DriverModel;

        public sealed class State
        {
            public DmaBuffer Rings { get; set; } = null!;

            public bool Online { get; set; }
        }

        public class NicDriver : PciDriver
        {
            public override string Name => "nic";

        {{members}}
        }
        """;

    public class Coverage
    {
        [Fact]
        public void A_release_on_the_only_path_is_on_every_path()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    device.ClearMaster();
                    device.FreeIrq();
                }
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void An_early_return_before_the_release_leaves_a_path_without_it()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    if (!device.IsAdded)
                    {
                        return;
                    }

                    device.FreeIrq();
                }
                """);

            Assert.True(coverage.OnSomePath);
            Assert.False(coverage.OnEveryPath);
        }

        [Fact]
        public void No_release_at_all_is_on_no_path()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device) => device.ClearMaster();
                """);

            Assert.True(coverage.OnNoPath);
        }

        [Fact]
        public void Releases_in_helpers_on_both_branches_cover_every_path()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    if (device.IsAdded)
                    {
                        Quiesce(device);
                    }
                    else
                    {
                        Forget(device);
                    }
                }

                private static void Quiesce(PciDevice device)
                {
                    device.MaskInterrupts();
                    Forget(device);
                }

                private static void Forget(PciDevice device) => device.FreeIrq();
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void A_helper_that_releases_on_some_paths_only_leaves_its_caller_a_path_without_it()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device) => Teardown(device);

                private static void Teardown(PciDevice device)
                {
                    if (device.IsBusMaster)
                    {
                        device.FreeIrq();
                    }
                }
                """);

            Assert.Equal(PathOutcomes.Done | PathOutcomes.Untouched, coverage.AtExit);
        }

        [Fact]
        public void A_finally_runs_on_the_way_out_of_an_early_return()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    try
                    {
                        if (!device.IsAdded)
                        {
                            return;
                        }

                        device.ClearMaster();
                    }
                    finally
                    {
                        device.FreeIrq();
                    }
                }
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void Nested_finally_blocks_run_innermost_first_and_the_outer_one_still_runs()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    try
                    {
                        try
                        {
                            if (!device.IsAdded)
                            {
                                return;
                            }
                        }
                        finally
                        {
                            device.ClearMaster();
                        }

                        device.StopDma();
                    }
                    finally
                    {
                        device.FreeIrq();
                    }
                }
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void A_release_skipped_in_a_finally_is_skipped_whatever_path_entered_it()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    try
                    {
                        device.ClearMaster();
                    }
                    finally
                    {
                        if (device.IsAdded)
                        {
                            device.FreeIrq();
                        }
                    }
                }
                """);

            Assert.Equal(PathOutcomes.Done | PathOutcomes.Untouched, coverage.AtExit);
        }

        [Fact]
        public void Paths_that_throw_do_not_return_so_they_do_not_count()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    if (!device.IsAdded)
                    {
                        throw new InvalidOperationException("gone");
                    }

                    Fail(device.IsBusMaster);
                    device.FreeIrq();
                }

                private static void Fail(bool really)
                {
                    if (really)
                    {
                        throw new InvalidOperationException("busy");
                    }
                }
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void A_callee_that_never_returns_ends_the_path_through_it()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    if (!device.IsAdded)
                    {
                        Crash();
                    }

                    device.FreeIrq();
                }

                private static void Crash() => throw new InvalidOperationException();
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void Constant_arguments_decide_the_branches_of_the_callee()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device) => Teardown(device, freeIrq: true);

                private static void Teardown(PciDevice device, bool freeIrq)
                {
                    if (!freeIrq)
                    {
                        return;
                    }

                    device.FreeIrq();
                }
                """);

            Assert.True(coverage.OnEveryPath);
        }

        [Fact]
        public void A_virtual_call_on_this_runs_the_override_of_the_driver_asked_about()
        {
            const string Source = """
                using ShutdownAnalyzers.DriverModel;

                public abstract class NicBase : PciDriver
                {
                    public override void Remove(PciDevice device) => Teardown(device);

                    protected virtual void Teardown(PciDevice device) => device.FreeIrq();
                }

                public sealed class QuietNic : NicBase
                {
                    public override string Name => "quiet";

                    public override void Probe(PciDevice device) { }

                    protected override void Teardown(PciDevice device) => device.ClearMaster();
                }
                """;
            var (analysis, compilation) = Analyze(Source, PathAssumptions.AnySystemState);
            var baseType = compilation.GetTypeByMetadataName("NicBase")!;
            var remove = Method(baseType, "Remove");
            var releases = analysis.Effects.Releases("Interrupt")!;

            Assert.True(analysis.GetCoverage(remove, baseType, releases, CancellationToken.None).OnEveryPath);
            Assert.True(analysis.GetCoverage(remove, compilation.GetTypeByMetadataName("QuietNic"), releases, CancellationToken.None).OnNoPath);
        }

        [Fact]
        public void Recursion_terminates_and_counts_the_paths_that_return()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device) => Drain(device, 3);

                private static void Drain(PciDevice device, int left)
                {
                    if (left == 0)
                    {
                        device.FreeIrq();
                        return;
                    }

                    Drain(device, left - 1);
                }
                """);

            Assert.True(coverage.OnSomePath);
        }

        [Fact]
        public void A_loop_may_run_zero_times()
        {
            var coverage = RemoveCoverage("""
                public override void Remove(PciDevice device)
                {
                    foreach (var buffer in device.DmaBuffers)
                    {
                        device.UnmapDma(buffer);
                    }
                }
                """,
                resource: "DmaBuffer");

            Assert.Equal(PathOutcomes.Done | PathOutcomes.Untouched, coverage.AtExit);
        }

        [Fact]
        public void An_effect_undone_later_on_the_path_is_not_in_force_at_the_exit()
        {
            var (analysis, driver) = AnalyzeDriver("""
                public override void Probe(PciDevice device)
                {
                    device.RequestRegions();
                    device.ReleaseRegions();
                }
                """);

            var coverage = analysis.GetCoverage(
                Method(driver, "Probe"), driver, analysis.Effects.Acquires("Region")!, CancellationToken.None, analysis.Effects.Releases("Region"));

            Assert.Equal(PathOutcomes.Undone, coverage.AtExit);
            Assert.True(coverage.OnNoPath);
        }

        [Fact]
        public void Acquired_again_after_a_release_is_in_force_at_the_exit()
        {
            var (analysis, driver) = AnalyzeDriver("""
                public override void Probe(PciDevice device)
                {
                    device.RequestIrq(_ => IrqReturn.Handled);
                    device.FreeIrq();
                    if (device.IsBusMaster)
                    {
                        Claim(device);
                    }
                }

                private static void Claim(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);
                """);

            var coverage = analysis.GetCoverage(
                Method(driver, "Probe"), driver, analysis.Effects.Acquires("Interrupt")!, CancellationToken.None, analysis.Effects.Releases("Interrupt"));

            Assert.Equal(PathOutcomes.Done | PathOutcomes.Undone, coverage.AtExit);
        }

        [Fact]
        public void Without_the_restart_assumption_the_system_state_decides_nothing()
        {
            const string Remove = """
                public override void Remove(PciDevice device)
                {
                    if (device.Kernel.SystemState == SystemState.Restart)
                    {
                        return;
                    }

                    device.FreeIrq();
                }
                """;

            Assert.Equal(PathOutcomes.Done | PathOutcomes.Untouched, RemoveCoverage(Remove, assumptions: PathAssumptions.AnySystemState).AtExit);
            Assert.Equal(PathOutcomes.Untouched, RemoveCoverage(Remove, assumptions: PathAssumptions.Restart).AtExit);
        }

        [Theory]
        [InlineData("if (device.DriverData is not State state) return;")]
        [InlineData("if (!(device.DriverData is State state)) { return; }")]
        [InlineData("var state = device.DriverData as State; if (state == null) return;")]
        [InlineData("var state = device.DriverData as State; if (state is null) return;")]
        [InlineData("var state = (State?)device.DriverData; if (state?.Rings is null) return;")]
        [InlineData("if (device.DriverData is not { } state) return;")]
        public void Assuming_Probe_completed_the_no_state_exit_is_not_taken(string guard)
        {
            var remove = $$"""
                public override void Remove(PciDevice device)
                {
                    {{guard}}
                    device.FreeIrq();
                }
                """;

            Assert.True(RemoveCoverage(remove, assumptions: PathAssumptions.AnySystemState.WithDriverStateSet()).OnEveryPath);
            Assert.False(RemoveCoverage(remove, assumptions: PathAssumptions.AnySystemState).OnEveryPath);
        }

        [Theory]
        [InlineData("State? state = null; if (state == null) return;")]
        [InlineData("if (device.Parent is not PciDevice) return;")]
        [InlineData("var state = (State)device.DriverData!; if (!state.Online) return;")]
        public void Assuming_Probe_completed_keeps_the_exits_it_knows_nothing_about(string guard)
        {
            var remove = $$"""
                public override void Remove(PciDevice device)
                {
                    {{guard}}
                    device.FreeIrq();
                }
                """;

            Assert.False(RemoveCoverage(remove, assumptions: PathAssumptions.AnySystemState.WithDriverStateSet()).OnEveryPath);
        }

        private static PathCoverage RemoveCoverage(string members, string resource = "Interrupt", PathAssumptions? assumptions = null)
        {
            var (analysis, driver) = AnalyzeDriver(members, assumptions ?? PathAssumptions.AnySystemState.WithDriverStateSet());
            return analysis.GetCoverage(Method(driver, "Remove"), driver, analysis.Effects.Releases(resource)!, CancellationToken.None);
        }
    }

    public class EffectsBeforeOthers
    {
        [Fact]
        public void A_request_before_any_reset_is_found_with_its_path()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device)
                {
                    device.EnableDevice();
                    Start(device);
                    device.FunctionReset();
                }

                private static void Start(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);
                """);

            var call = Assert.Single(found);
            Assert.Equal("Start(device)", call.Call.Syntax.ToString());
            Assert.Equal("Probe → Start → RequestIrq", call.Path.ToString());
            Assert.Equal("device.RequestIrq(_ => IrqReturn.Handled)", call.Path.Last.Call?.Syntax.ToString());
        }

        [Fact]
        public void A_reset_first_leaves_nothing_to_find()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device)
                {
                    Quiesce(device);
                    device.RequestIrq(_ => IrqReturn.Handled);
                }

                private static void Quiesce(PciDevice device)
                {
                    device.EnableDevice();
                    device.FunctionReset();
                }
                """);

            Assert.Empty(found);
        }

        [Fact]
        public void A_reset_on_one_branch_only_leaves_the_other_branch()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device)
                {
                    if (device.IsBusMaster)
                    {
                        device.FunctionReset();
                    }

                    device.RequestIrq(_ => IrqReturn.Handled);
                }
                """);

            Assert.Equal("Probe → RequestIrq", Assert.Single(found).Path.ToString());
        }

        [Fact]
        public void A_helper_that_resets_before_it_requests_is_not_found()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device) => Start(device);

                private static void Start(PciDevice device)
                {
                    device.FunctionReset();
                    device.RequestIrq(_ => IrqReturn.Handled);
                }
                """);

            Assert.Empty(found);
        }

        [Fact]
        public void A_reset_reached_only_by_a_path_that_throws_does_not_cover_the_others()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device)
                {
                    if (!device.IsEnabled)
                    {
                        device.FunctionReset();
                        throw new InvalidOperationException("disabled");
                    }

                    device.RequestIrq(_ => IrqReturn.Handled);
                }
                """);

            Assert.Single(found);
        }

        [Fact]
        public void Each_call_of_the_body_that_leads_there_is_found_once_in_source_order()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device)
                {
                    if (device.IsEnabled)
                    {
                        Start(device);
                        Start(device);
                    }

                    device.RequestIrq(_ => IrqReturn.Handled);
                    device.FunctionReset();
                    device.RequestIrq(_ => IrqReturn.Handled);
                }

                private static void Start(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);
                """);

            Assert.Equal(
                new[] { "Start(device)", "Start(device)", "device.RequestIrq(_ => IrqReturn.Handled)" },
                found.Select(call => call.Call.Syntax.ToString()));
            var starts = found.Select(call => call.Call.Syntax.SpanStart).ToList();
            Assert.Equal(starts.OrderBy(start => start), starts);
            var reset = found[0].Call.Syntax.SyntaxTree.ToString().IndexOf("device.FunctionReset()", System.StringComparison.Ordinal);
            Assert.True(starts[2] < reset, "the request after the reset is not found");
        }

        [Fact]
        public void Unknown_loops_and_recursion_terminate()
        {
            var found = RequestsBeforeReset("""
                public override void Probe(PciDevice device)
                {
                    while (!device.IsEnabled)
                    {
                        Retry(device, 3);
                    }
                }

                private static void Retry(PciDevice device, int tries)
                {
                    if (tries > 0)
                    {
                        Retry(device, tries - 1);
                        device.RequestIrq(_ => IrqReturn.Handled);
                    }
                }
                """);

            Assert.Equal("Probe → Retry → RequestIrq", Assert.Single(found).Path.ToString());
        }

        [Fact]
        public void In_a_crash_kernel_hardware_reads_as_running_through_helpers_and_properties()
        {
            const string Probe = """
                public override void Probe(PciDevice device)
                {
                    if (LeftRunning)
                    {
                        return;
                    }

                    device.RequestIrq(_ => IrqReturn.Handled);
                }

                private bool LeftRunning => Running(Device!);

                public PciDevice? Device { get; set; }

                private static bool Running(PciDevice device) => device.IsBusMaster || device.Hardware.Dma.Running;
                """;

            Assert.Single(RequestsBeforeReset(Probe));
            Assert.Empty(RequestsBeforeReset(Probe, PathAssumptions.AnySystemState.WithHardwareRunning()));
        }

        [Fact]
        public void Virtual_helpers_are_not_read_through()
        {
            const string Probe = """
                public override void Probe(PciDevice device)
                {
                    if (Running(device))
                    {
                        return;
                    }

                    device.RequestIrq(_ => IrqReturn.Handled);
                }

                protected virtual bool Running(PciDevice device) => device.IsBusMaster;
                """;

            Assert.Single(RequestsBeforeReset(Probe, PathAssumptions.AnySystemState.WithHardwareRunning()));
        }

        private static System.Collections.Immutable.ImmutableArray<EffectCall> RequestsBeforeReset(string members, PathAssumptions? assumptions = null)
        {
            var (analysis, driver) = AnalyzeDriver(members, assumptions);
            return analysis.FindEffectCallsAvoiding(
                Method(driver, "Probe"),
                driver,
                analysis.Effects.Acquires("Interrupt")!,
                Effect.AnyOf("resets or masks", analysis.Effects.Resets, analysis.Effects.MasksInterrupt),
                CancellationToken.None);
        }
    }

    [Fact]
    public void Effects_of_one_resource_are_the_same_object_each_time_so_summaries_are_shared()
    {
        var (analysis, _) = AnalyzeDriver("public override void Probe(PciDevice device) { }");

        Assert.Same(analysis.Effects.Releases("Interrupt"), analysis.Effects.Releases("Interrupt"));
        Assert.NotSame(analysis.Effects.Releases("Interrupt"), analysis.Effects.Acquires("Interrupt"));
        Assert.Equal(new[] { "Interrupt", "DmaBuffer", "RegisterMapping", "Region", "DeviceLink" }, analysis.Effects.ResourceKinds);
    }

    private static (RestartPathAnalysis Analysis, INamedTypeSymbol Driver) AnalyzeDriver(string members, PathAssumptions? assumptions = null)
    {
        var source = members.Contains("override void Probe", System.StringComparison.Ordinal)
            ? members
            : "public override void Probe(PciDevice device) { }\n\n" + members;
        var (analysis, compilation) = Analyze(Driver(source), assumptions ?? PathAssumptions.AnySystemState);
        return (analysis, compilation.GetTypeByMetadataName("NicDriver")!);
    }

    private static (RestartPathAnalysis Analysis, Compilation Compilation) Analyze(string source, PathAssumptions assumptions)
    {
        var compilation = CSharpCompilation.Create(
            "Drivers",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
        var analysis = RestartPathAnalysis.Create(symbols, assumptions);
        Assert.NotNull(analysis);
        return (analysis!, compilation);
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();
}
