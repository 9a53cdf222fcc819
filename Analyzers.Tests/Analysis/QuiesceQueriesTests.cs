using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// What the quiesce rules (SHD003, SHD004) ask the analysis besides "is there a restart path to X":
/// Probe's paths in any system state, an effect that is any of several, and the calls the analysis
/// cannot follow, behind which a missing stop may hide.
/// </summary>
public class QuiesceQueriesTests
{
    private const string Driver = """
        using System;
        using System.Collections.Generic;
        using ShutdownAnalyzers.DriverModel;

        public interface IEngine
        {
            void Stop(PciDevice device);
        }

        public class Engine
        {
            public virtual void Stop(PciDevice device) => device.StopDma();
        }

        public sealed class NicDriver : PciDriver
        {
            private readonly IEngine engine = null!;
            private readonly Engine concrete = new();
            private readonly Action<PciDevice> stop = d => d.StopDma();

            public override string Name => "nic";

            public override void Probe(PciDevice device)
            {
                if (device.Kernel.SystemState == SystemState.Running)
                {
                    device.SetMaster();
                }
            }

            public override void Shutdown(PciDevice device)
            {
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    device.FunctionReset();
                }

                device.ClearMaster();
            }

            public void ThroughAnInterface(PciDevice device) => engine.Stop(device);

            public void ThroughAVirtualOnAnotherObject(PciDevice device) => concrete.Stop(device);

            public void ThroughADelegate(PciDevice device) => stop(device);

            public void ThroughALambdaPassedToTheLibrary(List<PciDevice> devices) => devices.ForEach(d => d.StopDma());

            public void ThroughAHelper(PciDevice device) => ThroughADelegate(device);

            public void LibraryCallsThatCannotReachADevice(PciDevice device)
            {
                Console.WriteLine(device.ToString());
                device.ClearMaster();
                Math.Max(1, 2);
            }

            public void ThroughItsOwnHelper(PciDevice device) => Idle(device);

            private static void Idle(PciDevice device) => device.StopDma();
        }
        """;

    [Fact]
    public void Without_the_restart_assumption_branches_on_the_system_state_stay_open()
    {
        var (_, symbols, driver) = Compile(Driver);
        var restart = RestartPathAnalysis.Create(symbols)!;
        var anyState = RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState)!;
        var probe = Method(driver, "Probe");

        Assert.Null(restart.FindEffectPath(probe, driver, restart.Effects.EnablesDma!, CancellationToken.None));
        Assert.Equal("Probe → SetMaster", anyState.FindEffectPath(probe, driver, anyState.Effects.EnablesDma!, CancellationToken.None)?.ToString());
    }

    [Fact]
    public void Without_the_restart_assumption_the_power_off_branch_is_walked_too()
    {
        var (_, symbols, driver) = Compile(Driver);
        var restart = RestartPathAnalysis.Create(symbols)!;
        var anyState = RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState)!;
        var shutdown = Method(driver, "Shutdown");

        Assert.Null(restart.FindEffectPath(shutdown, driver, restart.Effects.Resets!, CancellationToken.None));
        Assert.Equal("Shutdown → FunctionReset", anyState.FindEffectPath(shutdown, driver, anyState.Effects.Resets!, CancellationToken.None)?.ToString());
    }

    [Fact]
    public void Any_of_several_effects_matches_each_of_them_and_names_the_one_that_matched()
    {
        var (_, symbols, driver) = Compile(Driver);
        var analysis = RestartPathAnalysis.Create(symbols, PathAssumptions.AnySystemState)!;
        var stops = Effect.AnyOf("stops DMA", analysis.Effects.Resets, null, analysis.Effects.QuiescesDma);

        var calls = analysis.FindEffectCalls(Method(driver, "Shutdown"), driver, stops, CancellationToken.None);

        Assert.Equal("stops DMA", stops.Name);
        Assert.Equal(new[] { "Shutdown → FunctionReset", "Shutdown → ClearMaster" }, calls.Select(call => call.Path.ToString()));
    }

    [Theory]
    [InlineData("ThroughAnInterface", "ThroughAnInterface → Stop")]
    [InlineData("ThroughAVirtualOnAnotherObject", "ThroughAVirtualOnAnotherObject → Stop")]
    [InlineData("ThroughADelegate", "ThroughADelegate → Invoke")]
    [InlineData("ThroughALambdaPassedToTheLibrary", "ThroughALambdaPassedToTheLibrary → ForEach")]
    [InlineData("ThroughAHelper", "ThroughAHelper → ThroughADelegate → Invoke")]
    public void Calls_the_analysis_cannot_follow_are_found_with_their_path(string method, string path)
    {
        var (_, symbols, driver) = Compile(Driver);
        var analysis = RestartPathAnalysis.Create(symbols)!;

        Assert.Equal(path, analysis.FindEffectPath(Method(driver, method), driver, new UnfollowedCallEffect(symbols), CancellationToken.None)?.ToString());
    }

    [Theory]
    [InlineData("LibraryCallsThatCannotReachADevice")]
    [InlineData("ThroughItsOwnHelper")]
    [InlineData("Shutdown")]
    public void Bus_API_calls_library_calls_without_delegates_and_followed_helpers_are_not_unfollowed(string method)
    {
        var (_, symbols, driver) = Compile(Driver);
        var analysis = RestartPathAnalysis.Create(symbols)!;

        Assert.Null(analysis.FindEffectPath(Method(driver, method), driver, new UnfollowedCallEffect(symbols), CancellationToken.None));
    }

    [Fact]
    public void A_driver_library_without_source_is_unfollowed()
    {
        var library = CSharpCompilation.Create(
            "VendorLibrary",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using ShutdownAnalyzers.DriverModel;

                    public static class VendorQuiesce
                    {
                        public static void Idle(PciDevice device) => device.ClearMaster();
                    }
                    """),
            },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var (_, symbols, driver) = Compile(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device) => VendorQuiesce.Idle(device);
            }
            """,
            library.ToMetadataReference());
        var analysis = RestartPathAnalysis.Create(symbols)!;

        Assert.Equal(
            "Shutdown → Idle",
            analysis.FindEffectPath(Method(driver, "Shutdown"), driver, new UnfollowedCallEffect(symbols), CancellationToken.None)?.ToString());
    }

    private static (Compilation Compilation, DriverModelSymbols Symbols, INamedTypeSymbol Driver) Compile(string source, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            "Drivers",
            new[] { CSharpSyntaxTree.ParseText(source) },
            ReferenceAssemblies.Default.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
        return (compilation, symbols, compilation.GetTypeByMetadataName("NicDriver")!);
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();
}
