using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Rules;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.RemoveLeaksProbeResourceAnalyzer>;
using VerifyFix = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.RemoveLeaksProbeResourceAnalyzer,
    ShutdownAnalyzers.ReleaseInRemoveCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD006: a resource Probe acquires is not released on some path through Remove.</summary>
public static class SHD006RemoveLeaksProbeResourceTests
{
    private const string Never = "never releases";
    private const string Sometimes = "can return without releasing";

    /// <summary>A PCI driver with <paramref name="members"/>, and the state type drivers keep in DriverData.</summary>
    private static string Driver(string members) => $$"""
        using System;
        using ShutdownAnalyzers.DriverModel;

        public sealed class State
        {
            public State(DmaBuffer rings) => Rings = rings;

            public DmaBuffer Rings { get; }

            public bool Online { get; set; }
        }

        public sealed class NvmeDriver : PciDriver
        {
            public override string Name => "nvme";

        {{Indent(members, 4)}}
        }
        """;

    private static string Indent(string code, int spaces)
    {
        var pad = new string(' ', spaces);
        var lines = code.Trim('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length == 0 ? lines[i] : pad + lines[i];
        }

        return string.Join("\n", lines);
    }

    private static DiagnosticResult Leak(string how, string resource, string path) =>
        Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("NvmeDriver", how, resource, path);

    /// <summary>Code the rule accepts: complete Removes, guards it understands, and what it cannot see.</summary>
    public class Valid
    {
        [Fact]
        public Task Remove_releases_everything_Probe_took() => Verify.VerifyAnalyzerAsync(Driver("""
            private DeviceLink? link;
            private RegisterMapping? registers;

            public override void Probe(PciDevice device)
            {
                device.EnableDevice();
                device.RequestRegions();
                registers = device.MapRegisters();
                device.RequestIrq(_ => IrqReturn.Handled);
                device.DriverData = new State(device.MapDma(2));
                link = device.AddLink(device.Parent!);
            }

            public override void Remove(PciDevice device)
            {
                var state = (State)device.DriverData!;
                device.RemoveLink(link!);
                device.UnmapDma(state.Rings);
                device.FreeIrq();
                device.UnmapRegisters(registers!);
                device.ReleaseRegions();
                device.DisableDevice();
            }
            """));

        [Fact]
        public Task Acquired_and_released_through_helpers() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device) => Start(device);

            public override void Remove(PciDevice device) => Stop(device);

            private static void Start(PciDevice device)
            {
                device.EnableDevice();
                Claim(device);
            }

            private static void Claim(PciDevice device) => device.RequestRegions();

            private static void Stop(PciDevice device)
            {
                device.ClearMaster();
                device.ReleaseRegions();
            }
            """));

        [Fact]
        public Task Released_in_a_finally_on_every_way_out() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);

            public override void Remove(PciDevice device)
            {
                try
                {
                    if (!device.IsAdded)
                    {
                        return;
                    }

                    device.MaskInterrupts();
                }
                finally
                {
                    device.FreeIrq();
                }
            }
            """));

        [Fact]
        public Task Released_on_both_branches() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device) => device.RequestRegions();

            public override void Remove(PciDevice device)
            {
                if (device.IsAdded)
                {
                    device.DisableDevice();
                    device.ReleaseRegions();
                }
                else
                {
                    device.ReleaseRegions();
                }
            }
            """));

        [Theory]
        [InlineData("if (device.DriverData is not State state) return;")]
        [InlineData("var state = device.DriverData as State; if (state == null) { return; }")]
        [InlineData("if (device.DriverData is null) return;")]
        public Task A_no_state_exit_is_not_a_path_after_a_successful_probe(string guard) => Verify.VerifyAnalyzerAsync(Driver($$"""
            public override void Probe(PciDevice device)
            {
                device.RequestIrq(_ => IrqReturn.Handled);
                device.DriverData = new State(device.MapDma(1));
            }

            public override void Remove(PciDevice device)
            {
                {{guard}}
                device.FreeIrq();
                device.UnmapDma(((State)device.DriverData).Rings);
            }
            """));

        [Fact]
        public Task Conditional_acquire_and_conditional_release_are_not_compared() => Verify.VerifyAnalyzerAsync(Driver("""
            public bool UseMsi { get; set; }

            public override void Probe(PciDevice device)
            {
                if (UseMsi)
                {
                    device.RequestIrq(_ => IrqReturn.Handled);
                }
            }

            public override void Remove(PciDevice device)
            {
                if (UseMsi)
                {
                    device.FreeIrq();
                }
            }
            """));

        [Fact]
        public Task What_Probe_gives_back_itself_is_not_held() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device)
            {
                // ipr_test_msi: request the interrupt to see whether MSI works, then free it.
                device.RequestIrq(_ => IrqReturn.Handled);
                device.FreeIrq();
                device.EnableDevice();
            }

            public override void Remove(PciDevice device) => device.DisableDevice();
            """));

        [Fact]
        public Task A_resource_taken_only_on_a_failing_path_is_not_held() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device)
            {
                if (!device.IsEnabled)
                {
                    device.RequestRegions();
                    throw new InvalidOperationException("disabled");
                }
            }

            public override void Remove(PciDevice device) => device.DisableDevice();
            """));

        [Fact]
        public Task A_failed_probe_that_gives_back_before_throwing() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device)
            {
                device.RequestRegions();
                if (!device.IsEnabled)
                {
                    device.ReleaseRegions();
                    throw new InvalidOperationException("disabled");
                }
            }

            public override void Remove(PciDevice device) => device.ReleaseRegions();
            """));

        [Fact]
        public Task Remove_of_a_base_class_in_source_releases() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public abstract class StorageDriver : PciDriver
            {
                public override void Remove(PciDevice device) => device.FreeIrq();
            }

            public sealed class AhciDriver : StorageDriver
            {
                public override string Name => "ahci";

                public override void Probe(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);
            }

            public sealed class NvmeDriver : StorageDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);

                public override void Remove(PciDevice device)
                {
                    device.ClearMaster();
                    base.Remove(device);
                }
            }
            """);

        [Fact]
        public Task A_users_helper_marked_as_releasing_counts() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);

            public override void Remove(PciDevice device) => Teardown(device);

            [Releases(DeviceResource.Interrupt)]
            private static void Teardown(PciDevice device)
            {
                // Frees the line through a path the analysis cannot follow.
                Action<PciDevice> free = d => d.FreeIrq();
                free(device);
            }
            """));

        [Fact]
        public Task Acquisitions_the_analysis_cannot_follow_are_not_reported() => Verify.VerifyAnalyzerAsync(Driver("""
            public Action<PciDevice> Setup { get; set; } = d => d.RequestIrq(_ => IrqReturn.Handled);

            public IResources? Resources { get; set; }

            public override void Probe(PciDevice device)
            {
                Setup(device);
                Resources?.Claim(device);
            }

            public override void Remove(PciDevice device) => device.ClearMaster();

            public interface IResources
            {
                void Claim(PciDevice device);
            }
            """));

        [Fact]
        public Task A_Remove_that_never_returns_is_another_rules_business() => Verify.VerifyAnalyzerAsync(Driver("""
            public override void Probe(PciDevice device) => device.RequestRegions();

            public override void Remove(PciDevice device) => throw new NotSupportedException("cannot be unbound");
            """));

        [Fact]
        public Task A_driver_without_a_Remove_of_its_own_is_not_this_rules_business() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            // An interrupt controller is never unbound: it writes no Remove, and the API's empty one is not checked.
            public sealed class GicItsDriver : PlatformDriver
            {
                public override string Name => "gic-v3-its";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(2));
            }
            """);

        [Fact]
        public Task Look_alikes_outside_the_bus_API_are_ignored() => Verify.VerifyAnalyzerAsync("""
            public sealed class Device
            {
                public void RequestIrq() { }

                public void FreeIrq() { }
            }

            public abstract class Driver<TDevice>
            {
                public abstract void Probe(TDevice device);

                public virtual void Remove(TDevice device) { }
            }

            public sealed class LookAlikeDriver : Driver<Device>
            {
                public override void Probe(Device device) => device.RequestIrq();
            }

            public sealed class Pool
            {
                public void Probe(ShutdownAnalyzers.DriverModel.PciDevice device) => device.RequestRegions();

                public void Remove(ShutdownAnalyzers.DriverModel.PciDevice device) { }
            }
            """);

        [Fact]
        public Task Generic_and_platform_drivers_that_release() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public class MmioDriver<TDevice> : Driver<TDevice>
                where TDevice : MemoryMappedDevice
            {
                public override string Name => "mmio";

                public override void Probe(TDevice device) => device.RequestIrq(_ => IrqReturn.Handled);

                public override void Remove(TDevice device) => device.FreeIrq();
            }

            public sealed class UartDriver : PlatformDriver
            {
                public override string Name => "uart";

                public override void Probe(PlatformDevice device) => device.DriverData = device.MapRegisters();

                public override void Remove(PlatformDevice device) => device.UnmapRegisters((RegisterMapping)device.DriverData!);
            }
            """);

        [Fact]
        public Task Partial_driver_with_Probe_and_Remove_in_different_files() => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class NvmeDriver : PciDriver
                    {
                        public override string Name => "nvme";

                        public override void Probe(PciDevice device) => device.RequestRegions();
                    }
                    """,
                    """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class NvmeDriver
                    {
                        public override void Remove(PciDevice device) => device.ReleaseRegions();
                    }
                    """,
                },
            },
        }.RunAsync();
    }

    /// <summary>What the rule reports, where, and what the message names.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task Regions_never_released() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    device.EnableDevice();
                    {|#1:device.RequestRegions()|};
                }

                public override void {|#0:Remove|}(PciDevice device) => device.DisableDevice();
                """),
            Leak(Never, "Region", "Probe → RequestRegions"));

        [Fact]
        public Task The_message_names_the_driver_the_resource_and_the_consequence() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};

                public override void {|#0:Remove|}(PciDevice device) => device.MaskInterrupts();
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "Remove of NvmeDriver never releases DeviceResource.Interrupt, which Probe acquires (Probe → RequestIrq); " +
                "unbinding the driver leaks it, and a rebind fails while an exclusive resource is still held"));

        [Fact]
        public Task An_early_return_skips_the_release() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};

                public override void {|#0:Remove|}(PciDevice device)
                {
                    device.MaskInterrupts();
                    if (!device.IsAdded)
                    {
                        return; // surprise removal: nothing to tell the device
                    }

                    device.FreeIrq();
                }
                """),
            Leak(Sometimes, "Interrupt", "Probe → RequestIrq"));

        [Fact]
        public Task Acquired_in_a_helper_the_additional_location_is_the_acquiring_call() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device) => Start(device);

                public override void {|#0:Remove|}(PciDevice device) => device.ClearMaster();

                private static void Start(PciDevice device)
                {
                    device.EnableDevice();
                    Claim(device);
                }

                private static void Claim(PciDevice device) => {|#1:device.RequestRegions()|};
                """),
            Leak(Never, "Region", "Probe → Start → Claim → RequestRegions"));

        [Fact]
        public Task Each_leaked_resource_is_reported_in_the_order_the_bus_API_lists_them() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    {|#3:device.RequestRegions()|};
                    {|#2:device.MapRegisters()|};
                    {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};
                }

                public override void {|#0:Remove|}(PciDevice device) { }
                """),
            Leak(Never, "Interrupt", "Probe → RequestIrq"),
            Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("NvmeDriver", Never, "RegisterMapping", "Probe → MapRegisters"),
            Verify.Diagnostic().WithLocation(0).WithLocation(3).WithArguments("NvmeDriver", Never, "Region", "Probe → RequestRegions"));

        [Fact]
        public Task A_helper_that_releases_on_some_paths_only() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    {|#1:device.RequestRegions()|};
                    device.DriverData = new State(device.MapDma(1));
                }

                public override void {|#0:Remove|}(PciDevice device)
                {
                    var state = (State)device.DriverData!;
                    device.UnmapDma(state.Rings);
                    Teardown(device, state);
                }

                private static void Teardown(PciDevice device, State state)
                {
                    if (!state.Online)
                    {
                        return;
                    }

                    device.ReleaseRegions();
                }
                """),
            Leak(Sometimes, "Region", "Probe → RequestRegions"));

        [Fact]
        public Task A_leak_in_a_base_class_is_reported_once_at_the_base() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class StorageDriver : PciDriver
            {
                public override void Probe(PciDevice device) => {|#1:device.RequestRegions()|};

                public override void {|#0:Remove|}(PciDevice device) => device.DisableDevice();
            }

            public sealed class AhciDriver : StorageDriver
            {
                public override string Name => "ahci";
            }

            public sealed class {|#2:NvmeDriver|} : StorageDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device)
                {
                    base.Probe(device);
                    {|#3:device.RequestIrq(_ => IrqReturn.Handled)|};
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("StorageDriver", Never, "Region", "Probe → RequestRegions"),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("NvmeDriver", Never, "Interrupt", "Probe → RequestIrq"));

        [Fact]
        public Task A_virtual_teardown_overridden_without_the_release() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class NicDriver : PciDriver
            {
                public override void Probe(PciDevice device) => {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};

                public override void Remove(PciDevice device) => Teardown(device);

                protected virtual void Teardown(PciDevice device) => device.FreeIrq();
            }

            public sealed class {|#0:IgbDriver|} : NicDriver
            {
                public override string Name => "igb";

                protected override void Teardown(PciDevice device) => device.MaskInterrupts();
            }

            public sealed class IxgbeDriver : NicDriver
            {
                public override string Name => "ixgbe";
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("IgbDriver", Never, "Interrupt", "Probe → RequestIrq"));

        [Fact]
        public Task Generic_driver() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public class MmioDriver<TDevice> : Driver<TDevice>
                where TDevice : MemoryMappedDevice
            {
                public override string Name => "mmio";

                public override void Probe(TDevice device) => {|#1:device.MapRegisters()|};

                public override void {|#0:Remove|}(TDevice device) => device.StopDma();
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("MmioDriver", Never, "RegisterMapping", "Probe → MapRegisters"));

        [Fact]
        public Task Partial_driver_the_acquiring_call_is_in_the_other_file() => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class NvmeDriver : PciDriver
                    {
                        public override string Name => "nvme";

                        public override void Probe(PciDevice device) => {|#1:device.RequestRegions()|};
                    }
                    """,
                    """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class NvmeDriver
                    {
                        public override void {|#0:Remove|}(PciDevice device) => device.DisableDevice();
                    }
                    """,
                },
            },
            ExpectedDiagnostics = { Leak(Never, "Region", "Probe → RequestRegions") },
        }.RunAsync();

        [Fact]
        public Task Without_the_restart_assumption_a_guard_on_the_system_state_is_a_real_branch() => Verify.VerifyAnalyzerAsync(
            Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};

                public override void {|#0:Remove|}(PciDevice device)
                {
                    if (device.Kernel.SystemState == SystemState.Running)
                    {
                        device.FreeIrq();
                    }
                }
                """),
            Leak(Sometimes, "Interrupt", "Probe → RequestIrq"));
    }

    /// <summary>The fix appends the release the bus API declares for the resource, naming handles where Probe keeps them.</summary>
    public class CodeFix
    {
        [Fact]
        public Task Appends_ReleaseRegions() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    device.EnableDevice();
                    {|#1:device.RequestRegions()|};
                }

                public override void {|#0:Remove|}(PciDevice device)
                {
                    device.ClearMaster();
                    device.DisableDevice();
                }
                """),
            Leak(Never, "Region", "Probe → RequestRegions"),
            Driver("""
                public override void Probe(PciDevice device)
                {
                    device.EnableDevice();
                    device.RequestRegions();
                }

                public override void Remove(PciDevice device)
                {
                    device.ClearMaster();
                    device.DisableDevice();
                    device.ReleaseRegions();
                }
                """));

        [Fact]
        public Task Turns_an_expression_body_into_a_block_and_uses_Removes_parameter_name() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice pdev) => {|#1:pdev.RequestIrq(_ => IrqReturn.Handled)|};

                public override void {|#0:Remove|}(PciDevice pdev) => pdev.MaskInterrupts();
                """),
            Leak(Never, "Interrupt", "Probe → RequestIrq"),
            Driver("""
                public override void Probe(PciDevice pdev) => pdev.RequestIrq(_ => IrqReturn.Handled);

                public override void Remove(PciDevice pdev)
                {
                    pdev.MaskInterrupts();
                    pdev.FreeIrq();
                }
                """));

        [Fact]
        public Task Fills_an_empty_Remove() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestRegions()|};

                public override void {|#0:Remove|}(PciDevice device)
                {
                }
                """),
            Leak(Never, "Region", "Probe → RequestRegions"),
            Driver("""
                public override void Probe(PciDevice device) => device.RequestRegions();

                public override void Remove(PciDevice device)
                {
                    device.ReleaseRegions();
                }
                """));

        [Fact]
        public Task A_buffer_kept_in_a_field_of_the_driver() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                private DmaBuffer? rings;

                public override void Probe(PciDevice device) => rings = {|#1:device.MapDma(2)|};

                public override void {|#0:Remove|}(PciDevice device) => device.StopDma();
                """),
            Leak(Never, "DmaBuffer", "Probe → MapDma"),
            Driver("""
                private DmaBuffer? rings;

                public override void Probe(PciDevice device) => rings = device.MapDma(2);

                public override void Remove(PciDevice device)
                {
                    device.StopDma();
                    device.UnmapDma(rings);
                }
                """));

        [Fact]
        public Task A_buffer_kept_in_the_state_Remove_already_holds_in_a_local() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    var rings = {|#1:device.MapDma(4)|};
                    device.StartDma(rings);
                    device.DriverData = new State(rings);
                }

                public override void {|#0:Remove|}(PciDevice device)
                {
                    var state = (State)device.DriverData!;
                    device.StopDma();
                    state.Online = false;
                }
                """),
            Leak(Never, "DmaBuffer", "Probe → MapDma"),
            Driver("""
                public override void Probe(PciDevice device)
                {
                    var rings = device.MapDma(4);
                    device.StartDma(rings);
                    device.DriverData = new State(rings);
                }

                public override void Remove(PciDevice device)
                {
                    var state = (State)device.DriverData!;
                    device.StopDma();
                    state.Online = false;
                    device.UnmapDma(state.Rings);
                }
                """));

        [Fact]
        public Task A_buffer_kept_in_the_driver_data_is_named_through_it() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device) => Start(device);

                public override void {|#0:Remove|}(PciDevice device) => device.StopDma();

                private static void Start(PciDevice device) => device.DriverData = new State({|#1:device.MapDma(4)|});
                """),
            Leak(Never, "DmaBuffer", "Probe → Start → MapDma"),
            Driver("""
                public override void Probe(PciDevice device) => Start(device);

                public override void Remove(PciDevice device)
                {
                    device.StopDma();
                    device.UnmapDma(((State)device.DriverData!).Rings);
                }

                private static void Start(PciDevice device) => device.DriverData = new State(device.MapDma(4));
                """));

        [Fact]
        public Task A_mapping_and_a_link_kept_in_an_object_initializer() => VerifyFix.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Port
            {
                public RegisterMapping? Registers { get; init; }

                public DeviceLink? Link { get; set; }
            }

            public sealed class UartDriver : PlatformDriver
            {
                public override string Name => "uart";

                public override void Probe(PlatformDevice device)
                {
                    var port = new Port { Registers = {|#1:device.MapRegisters()|} };
                    port.Link = {|#3:device.AddLink(device.Parent!)|};
                    device.DriverData = port;
                }

                public override void {|#0:Remove|}(PlatformDevice device)
                {
                    var port = (Port)device.DriverData!;
                    device.StopDma();
                }
            }
            """,
            new[]
            {
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("UartDriver", Never, "RegisterMapping", "Probe → MapRegisters"),
                Verify.Diagnostic().WithLocation(0).WithLocation(3).WithArguments("UartDriver", Never, "DeviceLink", "Probe → AddLink"),
            },
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Port
            {
                public RegisterMapping? Registers { get; init; }

                public DeviceLink? Link { get; set; }
            }

            public sealed class UartDriver : PlatformDriver
            {
                public override string Name => "uart";

                public override void Probe(PlatformDevice device)
                {
                    var port = new Port { Registers = device.MapRegisters() };
                    port.Link = device.AddLink(device.Parent!);
                    device.DriverData = port;
                }

                public override void Remove(PlatformDevice device)
                {
                    var port = (Port)device.DriverData!;
                    device.StopDma();
                    device.UnmapRegisters(port.Registers);
                    device.RemoveLink(port.Link);
                }
            }
            """);

        [Fact]
        public Task Not_offered_when_Remove_releases_on_some_paths() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};

                public override void {|#0:Remove|}(PciDevice device)
                {
                    if (device.IsAdded)
                    {
                        device.FreeIrq();
                    }
                }
                """),
            Leak(Sometimes, "Interrupt", "Probe → RequestIrq"),
            Driver("""
                public override void Probe(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);

                public override void [|Remove|](PciDevice device)
                {
                    if (device.IsAdded)
                    {
                        device.FreeIrq();
                    }
                }
                """));

        [Fact]
        public Task Not_offered_when_Remove_has_a_return_of_its_own() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestRegions()|};

                public override void {|#0:Remove|}(PciDevice device)
                {
                    if (device.IsBusMaster)
                    {
                        device.ClearMaster();
                        return;
                    }

                    device.DisableDevice();
                }
                """),
            Leak(Never, "Region", "Probe → RequestRegions"),
            Driver("""
                public override void Probe(PciDevice device) => device.RequestRegions();

                public override void [|Remove|](PciDevice device)
                {
                    if (device.IsBusMaster)
                    {
                        device.ClearMaster();
                        return;
                    }

                    device.DisableDevice();
                }
                """));

        [Fact]
        public Task Not_offered_when_the_handle_is_kept_nowhere_Remove_can_name() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    var rings = {|#1:device.MapDma(2)|};
                    device.StartDma(rings);
                }

                public override void {|#0:Remove|}(PciDevice device) => device.StopDma();
                """),
            Leak(Never, "DmaBuffer", "Probe → MapDma"),
            Driver("""
                public override void Probe(PciDevice device)
                {
                    var rings = device.MapDma(2);
                    device.StartDma(rings);
                }

                public override void [|Remove|](PciDevice device) => device.StopDma();
                """));

        [Fact]
        public async Task The_title_names_the_call_it_adds()
        {
            var titles = await CodeFixTitles.OfferedAsync(
                new RemoveLeaksProbeResourceAnalyzer(),
                new ReleaseInRemoveCodeFixProvider(),
                Driver("""
                    public override void Probe(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);

                    public override void Remove(PciDevice device) => device.MaskInterrupts();
                    """));

            Assert.Equal("Release it at the end of Remove (device.FreeIrq())", Assert.Single(titles));
        }

        [Fact]
        public Task Offered_under_its_stable_equivalence_key() => new VerifyFix.Test
        {
            TestCode = Driver("""
                public override void Probe(PciDevice device) => {|#1:device.RequestRegions()|};

                public override void {|#0:Remove|}(PciDevice device) => device.DisableDevice();
                """),
            FixedCode = Driver("""
                public override void Probe(PciDevice device) => device.RequestRegions();

                public override void Remove(PciDevice device)
                {
                    device.DisableDevice();
                    device.ReleaseRegions();
                }
                """),
            CodeActionEquivalenceKey = "SHD006.ReleaseInRemove",
            ExpectedDiagnostics = { Leak(Never, "Region", "Probe → RequestRegions") },
        }.RunAsync();
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        [Fact]
        public Task Several_resources_of_one_Remove_in_the_order_they_are_reported() => VerifyFix.VerifyCodeFixAsync(
            Driver("""
                public override void Probe(PciDevice device)
                {
                    {|#3:device.RequestRegions()|};
                    {|#1:device.RequestIrq(_ => IrqReturn.Handled)|};
                    device.DriverData = new State({|#2:device.MapDma(2)|});
                }

                public override void {|#0:Remove|}(PciDevice device)
                {
                    device.StopDma();
                }
                """),
            new[]
            {
                Leak(Never, "Interrupt", "Probe → RequestIrq"),
                Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("NvmeDriver", Never, "DmaBuffer", "Probe → MapDma"),
                Verify.Diagnostic().WithLocation(0).WithLocation(3).WithArguments("NvmeDriver", Never, "Region", "Probe → RequestRegions"),
            },
            Driver("""
                public override void Probe(PciDevice device)
                {
                    device.RequestRegions();
                    device.RequestIrq(_ => IrqReturn.Handled);
                    device.DriverData = new State(device.MapDma(2));
                }

                public override void Remove(PciDevice device)
                {
                    device.StopDma();
                    device.FreeIrq();
                    device.UnmapDma(((State)device.DriverData!).Rings);
                    device.ReleaseRegions();
                }
                """));

        [Fact]
        public Task Drivers_in_several_files_and_projects()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.RequestRegions();
                        device.RequestIrq(_ => IrqReturn.Handled);
                    }}

                    public override void [|[|Remove|]|](PciDevice device) => device.DisableDevice();
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.RequestRegions();
                        device.RequestIrq(_ => IrqReturn.Handled);
                    }}

                    public override void Remove(PciDevice device)
                    {{
                        device.DisableDevice();
                        device.FreeIrq();
                        device.ReleaseRegions();
                    }}
                }}
                """;

            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(string.Format(Flawed, "Nvme"));
            test.TestState.Sources.Add(string.Format(Flawed, "Ahci"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(Flawed, "Mpt3sas"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Nvme"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Ahci"));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(Fixed, "Mpt3sas"));
            return test.RunAsync();
        }
    }

    /// <summary>The driver models under Samples/: the rule reports the nvme sample's flawed Remove, and nothing else.</summary>
    public class Samples
    {
        [Fact]
        public Task NvmeRebind_flawed_Remove_is_reported_and_the_fixed_one_is_not()
        {
            var sample = SampleFolder.Load("NvmeRebind");
            var remove = sample.Find("Flawed.NvmeDriver.cs", "void Remove", "void ".Length);
            var acquire = sample.Find("NvmePci.cs", "device.RequestRegions()");
            var test = new Verify.Test
            {
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic()
                        .WithLocation(remove.Name, remove.Line, remove.Column)
                        .WithLocation(acquire.Name, acquire.Line, acquire.Column)
                        .WithArguments("NvmeDriver", Never, "Region", "Probe → Enable → RequestRegions"),
                },
            };
            test.TestState.Sources.AddRange(sample.Sources);
            return test.RunAsync();
        }

        [Theory]
        [InlineData("Lpfc")]
        [InlineData("Igb")]
        [InlineData("IprKdump")]
        [InlineData("Sd")]
        [InlineData("GicIts")]
        [InlineData("Mlx5")]
        [InlineData("Pciehp")]
        [InlineData("Ipr")]
        [InlineData("Nvme")]
        [InlineData("Zpci")]
        [InlineData("Storvsc")]
        public Task The_other_samples_give_back_what_they_take(string folder)
        {
            var test = new Verify.Test();
            test.TestState.Sources.AddRange(SampleFolder.Load(folder).Sources);
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public class Configuration
    {
        private const string Flawed = """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) => {|#1:device.RequestRegions()|};

                public override void {|#0:Remove|}(PciDevice device) => device.DisableDevice();
            }
            """;

        [Fact]
        public Task Default_severity_is_warning() =>
            Verify.VerifyAnalyzerAsync(Flawed, Leak(Never, "Region", "Probe → RequestRegions").WithSeverity(DiagnosticSeverity.Warning));

        [Fact]
        public Task Editorconfig_error_makes_it_an_error() => new Verify.Test
        {
            TestCode = Flawed,
            EditorConfig = "dotnet_diagnostic.SHD006.severity = error",
            ExpectedDiagnostics = { Leak(Never, "Region", "Probe → RequestRegions").WithSeverity(DiagnosticSeverity.Error) },
        }.RunAsync();

        [Fact]
        public Task Editorconfig_none_silences_it() => new Verify.Test
        {
            TestCode = Flawed.Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)
                .Replace("{|#0:", string.Empty, StringComparison.Ordinal),
            EditorConfig = "dotnet_diagnostic.SHD006.severity = none",
        }.RunAsync();
    }
}
