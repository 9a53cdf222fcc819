using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Rules;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;
using static ShutdownAnalyzers.Tests.Rules.QuiesceRuleSources;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.DmaNotStoppedOnRestartAnalyzer>;
using VerifyInsert = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.DmaNotStoppedOnRestartAnalyzer,
    ShutdownAnalyzers.InsertQuiesceCodeFixProvider>;
using VerifyMap = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.DmaNotStoppedOnRestartAnalyzer,
    ShutdownAnalyzers.MapShutdownToQuiescingRemoveCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD003: DMA started in Probe is not stopped on the restart path; the "Map Shutdown to Remove" and "Stop DMA in Shutdown" fixes.</summary>
public static class SHD003DmaNotStoppedOnRestartTests
{
    /// <summary>A Probe that starts the DMA engine and lets the function master the bus.</summary>
    private const string DmaProbe = """
        device.EnableDevice();
        device.SetMaster();
        device.StartDma(device.MapDma(2));
        """;

    /// <summary>Code the rule must leave alone.</summary>
    public sealed class Valid
    {
        [Theory]
        [InlineData("device.ClearMaster();")]
        [InlineData("device.StopDma();")]
        [InlineData("device.DisableDevice();")]
        [InlineData("device.FunctionReset();")]
        [InlineData("device.RestartFirmware();")]
        public Task Shutdown_stops_the_DMA_with_any_bus_API_stop(string stop) =>
            Verify.VerifyAnalyzerAsync(PciDriver(DmaProbe, shutdown: stop));

        [Fact]
        public Task Shutdown_mapped_to_a_Remove_that_stops_the_DMA() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            remove: "device.StopDma();\ndevice.ClearMaster();\ndevice.UnmapDma(device.DmaBuffers[0]);",
            shutdown: "Remove(device);"));

        [Fact]
        public Task Stop_in_a_helper_and_in_base_Shutdown() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public abstract class QuiescingDriver : PciDriver
            {
                public override void Shutdown(PciDevice device) => Idle(device);

                private static void Idle(PciDevice device) => device.ClearMaster();
            }

            public sealed class NicDriver : QuiescingDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) => Start(device);

                public override void Shutdown(PciDevice device)
                {
                    device.WriteRegister(0x10, 0);
                    base.Shutdown(device);
                }

                private static void Start(PciDevice device)
                {
                    device.EnableDevice();
                    device.SetMaster();
                }
            }
            """);

        [Fact]
        public Task Stop_in_a_virtual_helper_that_the_driver_overrides() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public abstract class StorageDriver : PciDriver
            {
                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device) => Quiesce(device);

                protected abstract void Quiesce(PciDevice device);
            }

            public sealed class AhciDriver : StorageDriver
            {
                public override string Name => "ahci";

                protected override void Quiesce(PciDevice device) => device.StopDma();
            }
            """);

        [Fact]
        public Task Users_own_stop_marked_QuiescesDma_or_Resets() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdown: "TeardownHca(device);\nResetBoard(device);",
            members: """
                [QuiescesDma]
                private static void TeardownHca(PciDevice device)
                {
                }

                [Resets]
                private static void ResetBoard(PciDevice device)
                {
                }
                """));

        [Fact]
        public Task Stop_under_a_condition_the_analysis_cannot_decide_is_a_path_that_stops() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdown: "if (device.DriverData is not null)\n{\n    device.StopDma();\n}",
            members: ""));

        [Fact]
        public Task Stop_on_the_restart_branch() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdown: "if (device.Kernel.SystemState == SystemState.Restart)\n{\n    device.ClearMaster();\n    return;\n}\n\ndevice.SetPowerState(PciPowerState.D3Hot);"));

        [Fact]
        public Task Stop_in_a_local_function_and_through_recursive_helpers() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdown: "Quiesce(device, 3);\n\nvoid Idle() => device.StopDma();\nIdle();",
            members: """
                private static void Quiesce(PciDevice device, int tries)
                {
                    if (tries > 0)
                    {
                        Quiesce(device, tries - 1);
                    }
                }
                """));

        [Fact]
        public Task Probe_that_starts_no_DMA() => Verify.VerifyAnalyzerAsync(PciDriver(
            "device.EnableDevice();\ndevice.RequestRegions();\ndevice.MapRegisters();",
            shutdown: "device.WriteRegister(0, 0);"));

        [Fact]
        public Task No_Shutdown_but_a_Remove_that_stops_the_DMA_is_left_to_SHD001() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            remove: "device.StopDma();\ndevice.ClearMaster();"));

        [Fact]
        public Task A_stop_behind_an_interface_a_delegate_or_a_lambda_is_not_seen_so_nothing_is_reported() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using ShutdownAnalyzers.DriverModel;

            public interface IEngine
            {
                void Stop(PciDevice device);
            }

            public sealed class InterfaceDriver : PciDriver
            {
                private readonly IEngine engine;

                public InterfaceDriver(IEngine engine) => this.engine = engine;

                public override string Name => "interface";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device) => engine.Stop(device);
            }

            public sealed class DelegateDriver : PciDriver
            {
                private readonly Action<PciDevice> stop = d => d.StopDma();

                public override string Name => "delegate";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device) => stop(device);
            }

            public sealed class LambdaDriver : PciDriver
            {
                public override string Name => "lambda";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device) => new List<PciDevice> { device }.ForEach(d => d.ClearMaster());
            }
            """);

        [Fact]
        public Task Shutdown_in_a_referenced_project_is_not_seen_so_nothing_is_reported()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class VendorNic : Vendor.VendorPciDriver
                    {
                        public override string Name => "vendor-nic";

                        public override void Probe(PciDevice device) => device.SetMaster();
                    }
                    """,
                TestState =
                {
                    AdditionalProjectReferences = { "Vendor" },
                    AdditionalProjects =
                    {
                        ["Vendor"] =
                        {
                            Sources =
                            {
                                """
                                using ShutdownAnalyzers.DriverModel;

                                namespace Vendor;

                                public abstract class VendorPciDriver : PciDriver
                                {
                                    public override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
                                }
                                """,
                            },
                        },
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Abstract_driver_is_left_to_its_concrete_subclasses() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public abstract class DmaDriver : PciDriver
            {
                public override void Probe(PciDevice device) => device.SetMaster();
            }
            """);

        [Fact]
        public Task Look_alike_names_outside_the_bus_API() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmaHelper
            {
                public void SetMaster()
                {
                }

                public void Probe(PciDevice device) => SetMaster();

                public void Shutdown(PciDevice device)
                {
                }
            }

            public abstract class Driver<TDevice>
            {
                public abstract void Probe(TDevice device);
            }

            public sealed class LookAlikeDriver : Driver<PciDevice>
            {
                public override void Probe(PciDevice device) => device.SetMaster();
            }
            """);

        [Fact]
        public Task Scsi_driver_has_no_DMA_of_its_own() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice device) => device.StartUnit();
            }
            """);

        [Fact]
        public Task Platform_driver_that_stops_its_engine() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));

                public override void Shutdown(PlatformDevice device) => device.StopDma();
            }
            """);

        [Fact]
        public Task Platform_driver_whose_DMA_goes_into_memory_reserved_across_kexec() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class ItsDriver : PlatformDriver
            {
                public override string Name => "arm,gic-v3-its";

                public override void Probe(PlatformDevice device)
                {
                    if (device.Hardware.Dma.Running)
                    {
                        return;
                    }

                    var tables = device.MapDma(2);
                    device.ReserveAcrossKexec(tables);
                    device.StartDma(tables);
                }
            }
            """);

        [Fact]
        public Task Generic_driver_and_its_closed_subclass() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public class GenericDriver<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "generic";

                public override void Probe(TDevice device) => device.SetMaster();

                public override void Shutdown(TDevice device) => device.ClearMaster();
            }

            public sealed class ConcreteDriver : GenericDriver<PciDevice>
            {
            }
            """);

        [Fact]
        public Task Partial_driver_with_the_stop_in_the_other_part()
        {
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver : PciDriver
                        {
                            public override string Name => "split";

                            public override void Probe(PciDevice device) => device.SetMaster();
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Shutdown(PciDevice device) => device.ClearMaster();
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_the_remove_policy_a_Remove_that_stops_is_enough()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", shutdown: "device.WriteRegister(0, 0);"),
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_shutdown_else_remove_a_Remove_that_stops_is_enough_for_a_driver_without_Shutdown()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();"),
                EditorConfig = "shutdown_analyzers.kexec_policy = shutdown-else-remove",
            };
            return test.RunAsync();
        }
    }

    /// <summary>Where the rule reports, and what it says.</summary>
    public sealed class Diagnostics
    {
        [Fact]
        public Task Shutdown_that_stops_nothing_is_reported_on_its_name_with_Probes_call_as_second_location() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice device) => {|#1:InitOne(device)|};

                public override void {|#0:Shutdown|}(PciDevice device) => device.FreeIrq();

                private static void InitOne(PciDevice device)
                {
                    device.EnableDevice();
                    device.RequestIrq(static _ => IrqReturn.Handled);
                    device.SetMaster();
                    device.StartDma(device.MapDma(4));
                }
            }
            """,
            Verify.Diagnostic()
                .WithLocation(0)
                .WithLocation(1)
                .WithMessage("Driver 'Mlx5Driver' enables DMA in Probe (Probe → InitOne → SetMaster), but its Shutdown reaches no DMA stop, bus-master clear or function reset when the system restarts: after kexec the device keeps writing into memory the next kernel owns"));

        [Fact]
        public Task DMA_started_before_its_memory_is_reserved_across_kexec_is_reported() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class {|#0:ItsDriver|} : PlatformDriver
            {
                public override string Name => "arm,gic-v3-its";

                public override void Probe(PlatformDevice device)
                {
                    var tables = device.MapDma(2);
                    device.StartDma(tables);
                    device.ReserveAcrossKexec(tables);
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("ItsDriver", "Probe → StartDma", "kexec, with no Shutdown to call,"));

        [Fact]
        public Task Driver_with_neither_Shutdown_nor_Remove_is_reported_on_its_name() => Verify.VerifyAnalyzerAsync(
            PciDriver(DmaProbe, className: "{|#0:NicDriver|}"),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("NicDriver", "Probe → SetMaster", "kexec, with no Shutdown to call,"));

        [Fact]
        public Task No_Shutdown_and_a_Remove_that_does_not_stop_the_DMA_either() => Verify.VerifyAnalyzerAsync(
            PciDriver(DmaProbe, remove: "device.UnmapDma(device.DmaBuffers[0]);", className: "{|#0:NicDriver|}"),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("NicDriver", "Probe → SetMaster", "kexec, with no Shutdown to call,"));

        [Fact]
        public Task Stop_only_when_the_system_powers_off() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdownName: "[|Shutdown|]",
            shutdown: "if (device.Kernel.SystemState == SystemState.PowerOff)\n{\n    device.ClearMaster();\n}"));

        [Fact]
        public Task Recursive_helpers_that_never_stop_terminate_and_are_reported() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdownName: "[|Shutdown|]",
            shutdown: "Ping(device);",
            members: """
                private static void Ping(PciDevice device) => Pong(device);

                private static void Pong(PciDevice device)
                {
                    device.WriteRegister(0, 0);
                    Ping(device);
                }
                """));

        [Fact]
        public Task Stop_skipped_by_an_early_return_on_restart() => Verify.VerifyAnalyzerAsync(PciDriver(
            DmaProbe,
            shutdownName: "[|Shutdown|]",
            shutdown: "if (device.Kernel.SystemState is SystemState.Restart)\n{\n    return;\n}\n\ndevice.StopDma();"));

        [Fact]
        public Task Probe_that_enables_DMA_only_in_some_system_state_still_enables_it() => Verify.VerifyAnalyzerAsync(PciDriver(
            "if (device.Kernel.SystemState != SystemState.Restart)\n{\n    device.SetMaster();\n}",
            shutdownName: "[|Shutdown|]",
            shutdown: "device.WriteRegister(0, 0);"));

        [Fact]
        public Task Users_own_helper_marked_EnablesDma() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                "StartQueues(device);",
                shutdownName: "{|#0:Shutdown|}",
                shutdown: "device.WriteRegister(0, 0);",
                members: """
                    [EnablesDma]
                    private static void StartQueues(PciDevice device)
                    {
                    }
                    """),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("NicDriver", "Probe → StartQueues", "its Shutdown"));

        [Fact]
        public Task Platform_bus_has_no_clear_master_step() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|DmaControllerDriver|] : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));
            }
            """);

        [Fact]
        public Task Shutdown_inherited_from_an_abstract_base_is_reported_on_each_concrete_driver() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public abstract class NicBase : PciDriver
            {
                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
            }

            public sealed class [|IgbDriver|] : NicBase
            {
                public override string Name => "igb";
            }

            public sealed class [|IxgbeDriver|] : NicBase
            {
                public override string Name => "ixgbe";
            }
            """);

        [Fact]
        public Task Concrete_base_is_reported_once_and_a_subclass_with_its_own_Shutdown_again() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void [|Shutdown|](PciDevice device) => device.WriteRegister(0, 0);
            }

            public class FastNicDriver : NicDriver
            {
            }

            public sealed class OtherNicDriver : NicDriver
            {
                public override void [|Shutdown|](PciDevice device) => device.WriteRegister(4, 0);
            }
            """);

        [Fact]
        public Task Generic_driver_is_named_with_its_type_parameters() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public class GenericDriver<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "generic";

                public override void Probe(TDevice device) => device.SetMaster();

                public override void {|#0:Shutdown|}(TDevice device) => device.WriteRegister(0, 0);
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("GenericDriver<TDevice>", "Probe → SetMaster", "its Shutdown"));

        [Fact]
        public Task Nested_driver_is_named_with_its_containing_type() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public static class Mlx5
            {
                public sealed class {|#0:Driver|} : PciDriver
                {
                    public override string Name => "mlx5_core";

                    public override void Probe(PciDevice device) => device.SetMaster();
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Mlx5.Driver", "Probe → SetMaster", "kexec, with no Shutdown to call,"));

        [Fact]
        public Task Partial_driver_is_reported_on_the_Shutdown_in_the_other_part()
        {
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver : PciDriver
                        {
                            public override string Name => "split";

                            public override void Probe(PciDevice device) => device.SetMaster();
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void [|Shutdown|](PciDevice device) => device.WriteRegister(0, 0);
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_the_remove_policy_Remove_is_what_must_stop()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class NicDriver : PciDriver
                    {
                        public override string Name => "nic";

                        public override void Probe(PciDevice device) => device.SetMaster();

                        public override void {|#0:Remove|}(PciDevice device) => device.WriteRegister(0, 0);

                        public override void Shutdown(PciDevice device) => device.ClearMaster();
                    }
                    """,
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("NicDriver", "Probe → SetMaster", "its Remove (kexec policy 'remove')"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_the_remove_policy_a_driver_without_Remove_is_reported_on_its_name()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, shutdown: "device.ClearMaster();", className: "{|#0:NicDriver|}"),
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("NicDriver", "Probe → SetMaster", "kexec, with no Remove to call (kexec policy 'remove'),"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_shutdown_else_remove_the_Remove_of_a_driver_without_Shutdown_must_stop()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.UnmapDma(device.DmaBuffers[0]);").Replace("void Remove", "void {|#0:Remove|}", StringComparison.Ordinal),
                EditorConfig = "shutdown_analyzers.kexec_policy = shutdown-else-remove",
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("NicDriver", "Probe → SetMaster", "its Remove (kexec policy 'shutdown-else-remove')"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_shutdown_else_remove_a_Shutdown_that_does_not_stop_is_reported_with_the_policy()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", shutdown: "device.WriteRegister(0, 0);", shutdownName: "{|#0:Shutdown|}"),
                EditorConfig = "shutdown_analyzers.kexec_policy = shutdown-else-remove",
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("NicDriver", "Probe → SetMaster", "its Shutdown (kexec policy 'shutdown-else-remove')"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_shutdown_else_remove_a_driver_with_neither_callback_is_reported_on_its_name()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, className: "{|#0:NicDriver|}"),
                EditorConfig = "shutdown_analyzers.kexec_policy = shutdown-else-remove",
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("NicDriver", "Probe → SetMaster", "kexec, with neither Shutdown nor Remove to call (kexec policy 'shutdown-else-remove'),"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Unknown_policy_value_means_shutdown()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", shutdown: "device.WriteRegister(0, 0);", shutdownName: "[|Shutdown|]"),
                EditorConfig = "shutdown_analyzers.kexec_policy = unbind-everything",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Generated_code_is_not_analyzed() => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using ShutdownAnalyzers.DriverModel;

            public sealed class GeneratedDriver : PciDriver
            {
                public override string Name => "generated";

                public override void Probe(PciDevice device) => device.SetMaster();
            }
            """);
    }

    /// <summary>
    /// A driver with Remove but no Shutdown is SHD001's. When its Remove stops the DMA, SHD001 alone
    /// reports it: its fix, Map Shutdown to Remove, stops the DMA too. When its Remove does not, both
    /// report, because mapping alone would leave the DMA running. With SHD001 turned off, SHD003 reports
    /// the first case itself.
    /// </summary>
    public sealed class OverlapWithSHD001
    {
        [Fact]
        public Task Remove_that_stops_the_DMA_gets_SHD001_only() => BothRules(PciDriver(
            DmaProbe,
            remove: "device.StopDma();\ndevice.ClearMaster();",
            className: "{|SHD001:NicDriver|}"));

        [Fact]
        public Task Remove_that_does_not_stop_the_DMA_gets_both() => BothRules(PciDriver(
            DmaProbe,
            remove: "device.UnmapDma(device.DmaBuffers[0]);",
            className: "{|SHD001:{|SHD003:NicDriver|}|}"));

        [Fact]
        public Task Remove_that_stops_the_DMA_gets_SHD003_when_SHD001_is_off_in_editorconfig()
        {
            var test = new BothRulesTest
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", className: "{|SHD003:NicDriver|}"),
                EditorConfig = "dotnet_diagnostic.SHD001.severity = none",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Remove_that_stops_the_DMA_gets_SHD003_when_SHD001_is_in_NoWarn()
        {
            var test = new BothRulesTest
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", className: "{|SHD003:NicDriver|}"),
            };
            test.DisabledDiagnostics.Add(RuleIdentifiers.RemoveWithoutShutdown);
            return test.RunAsync();
        }

        [Fact]
        public Task Remove_that_stops_the_DMA_gets_SHD003_when_a_global_config_turns_SHD001_off()
        {
            var test = new BothRulesTest
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", className: "{|SHD003:NicDriver|}"),
            };
            test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.SHD001.severity = none\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Under_shutdown_else_remove_SHD003_looks_at_the_Remove_that_kexec_calls() => new BothRulesTest
        {
            TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", className: "{|SHD001:NicDriver|}"),
            EditorConfig = "shutdown_analyzers.kexec_policy = shutdown-else-remove",
        }.RunAsync();

        private static Task BothRules(string source) => new BothRulesTest { TestCode = source }.RunAsync();

        private sealed class BothRulesTest : AnalyzerTest
        {
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new DiagnosticAnalyzer[] { new RemoveWithoutShutdownAnalyzer(), new DmaNotStoppedOnRestartAnalyzer() };
        }
    }

    /// <summary>Both fixes: Map Shutdown to Remove (Map_), offered when Remove stops the DMA, and Stop DMA in Shutdown (Stop_), the engine first, then bus mastering.</summary>
    public sealed class CodeFix
    {
        [Fact]
        public Task Map_Block_bodied_Shutdown_gets_Remove_as_its_body() => VerifyMap.VerifyCodeFixAsync(
            PciDriver(
                DmaProbe,
                remove: "device.StopDma();\ndevice.ClearMaster();",
                shutdownName: "[|Shutdown|]",
                shutdown: "device.FreeIrq();\ndevice.WriteRegister(0, 0);"),
            PciDriver(
                DmaProbe,
                remove: "device.StopDma();\ndevice.ClearMaster();",
                shutdown: "Remove(device);"));

        [Fact]
        public Task Map_Expression_bodied_Shutdown_stays_expression_bodied() => VerifyMap.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice pdev) => pdev.SetMaster();

                public override void Remove(PciDevice pdev) => pdev.ClearMaster();

                public override void [|Shutdown|](PciDevice pdev) => pdev.WriteRegister(0, 0);
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice pdev) => pdev.SetMaster();

                public override void Remove(PciDevice pdev) => pdev.ClearMaster();

                public override void Shutdown(PciDevice pdev) => Remove(pdev);
            }
            """);

        [Fact]
        public Task Map_Driver_without_Shutdown_gets_one_after_Remove_when_SHD001_is_off()
        {
            var test = new VerifyMap.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", className: "[|NicDriver|]"),
                FixedCode = PciDriver(DmaProbe, remove: "device.ClearMaster();", members: "public override void Shutdown(PciDevice device)\n{\n    Remove(device);\n}"),
                EditorConfig = "dotnet_diagnostic.SHD001.severity = none",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Map_Shutdown_inherited_from_a_base_gets_an_override_mapped_to_Remove() => VerifyMap.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class NicBase : PciDriver
            {
                public override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
            }

            public sealed class [|IgbDriver|] : NicBase
            {
                public override string Name => "igb";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Remove(PciDevice device) => device.ClearMaster();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class NicBase : PciDriver
            {
                public override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
            }

            public sealed class IgbDriver : NicBase
            {
                public override string Name => "igb";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Remove(PciDevice device) => device.ClearMaster();

                public override void Shutdown(PciDevice device) => Remove(device);
            }
            """);

        [Theory]
        [InlineData("device.UnmapDma(device.DmaBuffers[0]);")]
        [InlineData("device.ClearMaster();\ndevice.SetPowerState(PciPowerState.D3Cold);")]
        [InlineData("device.ClearMaster();\nShutdown(device);")]
        public Task Map_Not_offered_when_Remove_does_not_stop_powers_off_or_calls_Shutdown_back(string remove)
        {
            var source = PciDriver(DmaProbe, remove: remove, shutdownName: "[|Shutdown|]", shutdown: "device.WriteRegister(0, 0);");
            return VerifyMap.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Map_Not_offered_under_the_remove_policy()
        {
            var source = PciDriver(DmaProbe, shutdown: "device.ClearMaster();", className: "[|NicDriver|]");
            var test = new VerifyMap.Test { TestCode = source, FixedCode = source, EditorConfig = "shutdown_analyzers.kexec_policy = remove" };
            return test.RunAsync();
        }

        [Fact]
        public Task Stop_Block_bodied_Shutdown_gets_the_stops_at_its_end() => VerifyInsert.VerifyCodeFixAsync(
            PciDriver(DmaProbe, shutdownName: "[|Shutdown|]", shutdown: "device.FreeIrq();"),
            PciDriver(DmaProbe, shutdown: "device.FreeIrq();\ndevice.StopDma();\ndevice.ClearMaster();"));

        [Fact]
        public Task Stop_Stops_go_before_a_final_return() => VerifyInsert.VerifyCodeFixAsync(
            PciDriver(DmaProbe, shutdownName: "[|Shutdown|]", shutdown: "device.FreeIrq();\nreturn;"),
            PciDriver(DmaProbe, shutdown: "device.FreeIrq();\ndevice.StopDma();\ndevice.ClearMaster();\nreturn;"));

        [Fact]
        public Task Stop_Shutdown_that_returns_early_on_restart_gets_the_stops_first_where_every_path_runs_them() => VerifyInsert.VerifyCodeFixAsync(
            PciDriver(DmaProbe, shutdownName: "[|Shutdown|]", shutdown: "if (device.Kernel.SystemState is SystemState.Restart)\n{\n    return;\n}\n\ndevice.FreeIrq();"),
            PciDriver(DmaProbe, shutdown: "device.StopDma();\ndevice.ClearMaster();\nif (device.Kernel.SystemState is SystemState.Restart)\n{\n    return;\n}\n\ndevice.FreeIrq();"));

        [Fact]
        public Task Stop_Expression_bodied_Shutdown_becomes_a_block() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice pdev) => pdev.SetMaster();

                public override void [|Shutdown|](PciDevice pdev) => pdev.FreeIrq();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice pdev) => pdev.SetMaster();

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.FreeIrq();
                    pdev.StopDma();
                    pdev.ClearMaster();
                }
            }
            """);

        [Fact]
        public Task Stop_Driver_without_Shutdown_or_Remove_gets_a_Shutdown_at_its_end() => VerifyInsert.VerifyCodeFixAsync(
            PciDriver(DmaProbe, className: "[|NicDriver|]"),
            PciDriver(DmaProbe, members: "public override void Shutdown(PciDevice device)\n{\n    device.StopDma();\n    device.ClearMaster();\n}"));

        [Fact]
        public Task Stop_Driver_without_Shutdown_gets_it_right_after_Remove() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|NicDriver|] : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice pdev) => pdev.SetMaster();

                public override void Remove(PciDevice pdev) => pdev.WriteRegister(0, 0);

                public override void Suspend(PciDevice pdev) => pdev.ClearMaster();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice pdev) => pdev.SetMaster();

                public override void Remove(PciDevice pdev) => pdev.WriteRegister(0, 0);

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.StopDma();
                    pdev.ClearMaster();
                }

                public override void Suspend(PciDevice pdev) => pdev.ClearMaster();
            }
            """);

        [Fact]
        public Task Stop_Platform_device_gets_StopDma_only_in_the_style_of_the_class() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|DmaControllerDriver|] : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));

                public override void Shutdown(PlatformDevice device) => device.StopDma();
            }
            """);

        [Fact]
        public Task Stop_Shutdown_inherited_from_a_base_is_kept_with_a_base_call() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class NicBase : PciDriver
            {
                public override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
            }

            public sealed class [|IgbDriver|] : NicBase
            {
                public override string Name => "igb";

                public override void Probe(PciDevice device) => device.SetMaster();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class NicBase : PciDriver
            {
                public override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
            }

            public sealed class IgbDriver : NicBase
            {
                public override string Name => "igb";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device)
                {
                    base.Shutdown(device);
                    device.StopDma();
                    device.ClearMaster();
                }
            }
            """);

        [Fact]
        public Task Stop_Generic_driver_over_PCI_devices() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public class [|GenericDriver|]<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "generic";

                public override void Probe(TDevice device) => device.SetMaster();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public class GenericDriver<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "generic";

                public override void Probe(TDevice device) => device.SetMaster();

                public override void Shutdown(TDevice device)
                {
                    device.StopDma();
                    device.ClearMaster();
                }
            }
            """);

        [Fact]
        public Task Stop_Under_the_remove_policy_the_stops_go_into_Remove()
        {
            var test = new VerifyInsert.Test
            {
                TestCode = PciDriver(DmaProbe, remove: "device.WriteRegister(0, 0);").Replace("void Remove", "void [|Remove|]", StringComparison.Ordinal),
                FixedCode = PciDriver(DmaProbe, remove: "device.WriteRegister(0, 0);\ndevice.StopDma();\ndevice.ClearMaster();"),
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Stop_Under_the_remove_policy_a_missing_Remove_is_added_after_Probe()
        {
            var test = new VerifyInsert.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class [|NicDriver|] : PciDriver
                    {
                        public override string Name => "nic";

                        public override void Probe(PciDevice pdev) => pdev.SetMaster();

                        public override void Shutdown(PciDevice pdev) => pdev.ClearMaster();
                    }
                    """,
                FixedCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class NicDriver : PciDriver
                    {
                        public override string Name => "nic";

                        public override void Probe(PciDevice pdev) => pdev.SetMaster();

                        public override void Remove(PciDevice pdev)
                        {
                            pdev.StopDma();
                            pdev.ClearMaster();
                        }

                        public override void Shutdown(PciDevice pdev) => pdev.ClearMaster();
                    }
                    """,
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Stop_Partial_driver_gets_the_stops_in_the_part_that_holds_Shutdown()
        {
            var test = new VerifyInsert.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver : PciDriver
                        {
                            public override string Name => "split";

                            public override void Probe(PciDevice device) => device.SetMaster();
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void [|Shutdown|](PciDevice device)
                            {
                                device.FreeIrq();
                            }
                        }
                        """,
                    },
                },
                FixedState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver : PciDriver
                        {
                            public override string Name => "split";

                            public override void Probe(PciDevice device) => device.SetMaster();
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Shutdown(PciDevice device)
                            {
                                device.FreeIrq();
                                device.StopDma();
                                device.ClearMaster();
                            }
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Stop_Line_endings_of_a_CRLF_file_are_kept() => VerifyInsert.VerifyCodeFixAsync(
            (PciDriver(DmaProbe, shutdownName: "[|Shutdown|]", shutdown: "device.FreeIrq();") + "\n").ReplaceLineEndings("\r\n"),
            (PciDriver(DmaProbe, shutdown: "device.FreeIrq();\ndevice.StopDma();\ndevice.ClearMaster();") + "\n").ReplaceLineEndings("\r\n"));

        [Fact]
        public Task Stop_Not_offered_for_a_device_type_without_a_DMA_stop()
        {
            var source = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class CustomDevice : Device
                {
                    public CustomDevice(Kernel kernel)
                        : base(kernel, "custom0", parent: null)
                    {
                    }
                }

                public sealed class [|CustomDriver|] : Driver<CustomDevice>
                {
                    public override string Name => "custom";

                    public override void Probe(CustomDevice device) => Start(device);

                    [EnablesDma]
                    private static void Start(CustomDevice device)
                    {
                    }
                }
                """;
            return VerifyInsert.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Stop_Not_offered_when_a_base_sealed_Shutdown()
        {
            var source = """
                using ShutdownAnalyzers.DriverModel;

                public abstract class NicBase : PciDriver
                {
                    public sealed override void Shutdown(PciDevice device) => device.WriteRegister(0, 0);
                }

                public sealed class [|IgbDriver|] : NicBase
                {
                    public override string Name => "igb";

                    public override void Probe(PciDevice device) => device.SetMaster();
                }
                """;
            return VerifyInsert.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Stop_Lightbulb_offers_both_fixes_when_Remove_stops_the_DMA()
        {
            var source = PciDriver(DmaProbe, remove: "device.ClearMaster();", shutdown: "device.WriteRegister(0, 0);");
            var titles = await LightbulbTitlesAsync(source);

            Assert.Equal(new[] { "Map Shutdown to Remove", "Stop DMA in Shutdown" }, titles.OrderBy(title => title, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Stop_Lightbulb_under_the_remove_policy_says_Remove()
        {
            var source = PciDriver(DmaProbe, remove: "device.WriteRegister(0, 0);");
            var titles = await LightbulbTitlesAsync(source, "shutdown_analyzers.kexec_policy = remove");

            Assert.Equal(new[] { "Stop DMA in Remove" }, titles);
        }
    }

    /// <summary>Fix all: every scope gives what applying the fixes one by one gives.</summary>
    public sealed class FixAll
    {
        [Fact]
        public Task Stop_DMA_in_several_drivers_of_one_document() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|NicDriver|] : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) => device.SetMaster();
            }

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));

                public override void [|Shutdown|](PlatformDevice device)
                {
                    device.FreeIrq();
                }
            }

            public static class Outer
            {
                public sealed class [|Inner|] : PciDriver
                {
                    public override string Name => "inner";

                    public override void Probe(PciDevice device) => device.SetMaster();
                }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) => device.SetMaster();

                public override void Shutdown(PciDevice device)
                {
                    device.StopDma();
                    device.ClearMaster();
                }
            }

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device) => device.StartDma(device.MapDma(1));

                public override void Shutdown(PlatformDevice device)
                {
                    device.FreeIrq();
                    device.StopDma();
                }
            }

            public static class Outer
            {
                public sealed class Inner : PciDriver
                {
                    public override string Name => "inner";

                    public override void Probe(PciDevice device) => device.SetMaster();

                    public override void Shutdown(PciDevice device)
                    {
                        device.StopDma();
                        device.ClearMaster();
                    }
                }
            }
            """);

        [Fact]
        public Task Map_in_several_documents_and_projects()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => device.SetMaster();

                    public override void Remove(PciDevice device) => device.ClearMaster();

                    public override void [|Shutdown|](PciDevice device) => device.WriteRegister(0, 0);
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => device.SetMaster();

                    public override void Remove(PciDevice device) => device.ClearMaster();

                    public override void Shutdown(PciDevice device) => Remove(device);
                }}
                """;
            var test = new VerifyMap.Test();
            AddDriverDocuments(test, Flawed, Fixed, "IgbDriver", "IxgbeDriver");
            test.TestState.AdditionalProjects["Storage"].Sources.Add(string.Format(Flawed, "NvmeDriver"));
            test.FixedState.AdditionalProjects["Storage"].Sources.Add(string.Format(Fixed, "NvmeDriver"));
            return test.RunAsync();
        }

        [Fact]
        public Task Stop_DMA_in_several_documents_and_projects()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|{0}|] : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => device.SetMaster();
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => device.SetMaster();

                    public override void Shutdown(PciDevice device)
                    {{
                        device.StopDma();
                        device.ClearMaster();
                    }}
                }}
                """;
            var test = new VerifyInsert.Test();
            AddDriverDocuments(test, Flawed, Fixed, "IgbDriver", "IxgbeDriver");
            test.TestState.AdditionalProjects["Storage"].Sources.Add(string.Format(Flawed, "NvmeDriver"));
            test.FixedState.AdditionalProjects["Storage"].Sources.Add(string.Format(Fixed, "NvmeDriver"));
            return test.RunAsync();
        }
    }

    /// <summary>The driver models under Samples/ warn where they should, and only there.</summary>
    public sealed class Samples
    {
        [Fact]
        public void Only_the_flawed_mlx5_is_reported_among_all_samples()
        {
            Assert.Equal(new[] { "Mlx5/Flawed/Mlx5Driver.cs" }, FilesReportedInSamples(new DmaNotStoppedOnRestartAnalyzer()));
        }

        [Fact]
        public Task Flawed_mlx5_is_reported_on_its_Shutdown_with_the_path_from_Probe()
        {
            var folder = Path.Combine(RepositoryLayout.Root, "Samples", "Mlx5");
            var flawed = File.ReadAllText(Path.Combine(folder, "Flawed", "Mlx5Driver.cs"));
            var (line, column) = SourcePosition.Of(flawed, "void Shutdown", "void ".Length);
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Mlx5Core.cs", File.ReadAllText(Path.Combine(folder, "Mlx5Core.cs"))),
                        ("Flawed.cs", flawed),
                        ("Fixed.cs", File.ReadAllText(Path.Combine(folder, "Fixed", "Mlx5Driver.cs"))),
                    },
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic()
                        .WithLocation("Flawed.cs", line, column)
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("Mlx5Driver", "Probe → InitOne → LoadOne → SetMaster", "its Shutdown"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Under_the_remove_policy_the_flawed_mlx5_is_not_reported_as_its_Remove_tears_the_HCA_down()
        {
            var folder = Path.Combine(RepositoryLayout.Root, "Samples", "Mlx5");
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("Mlx5Core.cs", File.ReadAllText(Path.Combine(folder, "Mlx5Core.cs"))),
                        ("Flawed.cs", File.ReadAllText(Path.Combine(folder, "Flawed", "Mlx5Driver.cs"))),
                    },
                },
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
            };
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public sealed class Configuration
    {
        private static readonly string Flawed = PciDriver(DmaProbe, className: "{|#0:NicDriver|}");

        [Fact]
        public Task Default_severity_is_warning() =>
            Verify.VerifyAnalyzerAsync(Flawed, Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithSeverity(DiagnosticSeverity.Warning));

        [Fact]
        public Task Editorconfig_error_makes_it_an_error() => new Verify.Test
        {
            TestCode = Flawed,
            EditorConfig = "dotnet_diagnostic.SHD003.severity = error",
            ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithSeverity(DiagnosticSeverity.Error) },
        }.RunAsync();

        [Fact]
        public Task Editorconfig_none_silences_it() => new Verify.Test
        {
            TestCode = Flawed.Replace("{|#0:NicDriver|}", "NicDriver", StringComparison.Ordinal),
            EditorConfig = "dotnet_diagnostic.SHD003.severity = none",
        }.RunAsync();
    }

    private static async Task<IReadOnlyList<string>> LightbulbTitlesAsync(string source, string? editorConfig = null)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Drivers", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(ReferenceAssemblies.Default);
        if (editorConfig is not null)
        {
            project = project.AddAnalyzerConfigDocument(".editorconfig", Microsoft.CodeAnalysis.Text.SourceText.From("root = true\n[*.cs]\n" + editorConfig), filePath: "/.editorconfig").Project;
        }

        var document = project.AddDocument("NicDriver.cs", source, filePath: "/NicDriver.cs");
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostic = Assert.Single(await compilation!
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DmaNotStoppedOnRestartAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync());
        var actions = new List<CodeAction>();
        foreach (var provider in new CodeFixProvider[] { new MapShutdownToQuiescingRemoveCodeFixProvider(), new InsertQuiesceCodeFixProvider() })
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        return actions.Select(action => action.Title).ToList();
    }
}
