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
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.InterruptLeftEnabledOnRestartAnalyzer>;
using VerifyInsert = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.InterruptLeftEnabledOnRestartAnalyzer,
    ShutdownAnalyzers.InsertQuiesceCodeFixProvider>;
using VerifyMap = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.InterruptLeftEnabledOnRestartAnalyzer,
    ShutdownAnalyzers.MapShutdownToQuiescingRemoveCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD004: an interrupt requested in Probe is left enabled on the restart path; the "Map Shutdown to Remove" and "Free the interrupt in Shutdown" fixes.</summary>
public static class SHD004InterruptLeftEnabledOnRestartTests
{
    /// <summary>A Probe that requests the device's interrupt, as pciehp does.</summary>
    private const string IrqProbe = """
        device.EnableDevice();
        device.RequestIrq(static _ => IrqReturn.Handled);
        """;

    /// <summary>Code the rule must leave alone.</summary>
    public sealed class Valid
    {
        [Theory]
        [InlineData("device.FreeIrq();")]
        [InlineData("device.DisableIrq();")]
        [InlineData("device.MaskInterrupts();")]
        [InlineData("device.FunctionReset();")]
        [InlineData("device.RestartFirmware();")]
        public Task Shutdown_frees_disables_or_masks_the_interrupt(string stop) =>
            Verify.VerifyAnalyzerAsync(PciDriver(IrqProbe, shutdown: stop));

        [Fact]
        public Task Shutdown_mapped_to_a_Remove_that_frees_the_interrupt() => Verify.VerifyAnalyzerAsync(PciDriver(
            IrqProbe,
            remove: "device.MaskInterrupts();\ndevice.FreeIrq();\ndevice.DisableDevice();",
            shutdown: "Remove(device);"));

        [Fact]
        public Task Users_own_helpers_marked_Releases_Interrupt_or_MasksInterrupt() => Verify.VerifyAnalyzerAsync(PciDriver(
            "RequestVectors(device);",
            shutdown: "DisableNotification(device);\nFreeVectors(device);",
            members: """
                [Acquires(DeviceResource.Interrupt)]
                private static void RequestVectors(PciDevice device)
                {
                }

                [MasksInterrupt]
                private static void DisableNotification(PciDevice device)
                {
                }

                [Releases(DeviceResource.Interrupt)]
                private static void FreeVectors(PciDevice device)
                {
                }
                """));

        [Fact]
        public Task Probe_that_requests_no_interrupt() => Verify.VerifyAnalyzerAsync(PciDriver(
            "device.EnableDevice();\ndevice.SetMaster();",
            shutdown: "device.ClearMaster();"));

        [Fact]
        public Task No_Shutdown_but_a_Remove_that_frees_the_interrupt_is_left_to_SHD001() => Verify.VerifyAnalyzerAsync(PciDriver(
            IrqProbe,
            remove: "device.FreeIrq();"));

        [Fact]
        public Task A_free_behind_an_interface_is_not_seen_so_nothing_is_reported() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public interface IHotplugService
            {
                void Remove(PciDevice port);
            }

            public sealed class PortDriver : PciDriver
            {
                private readonly IHotplugService service;

                public PortDriver(IHotplugService service) => this.service = service;

                public override string Name => "pcieport";

                public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Shutdown(PciDevice device) => service.Remove(device);
            }
            """);

        [Fact]
        public Task Platform_driver_that_frees_its_interrupt() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class GpioDriver : PlatformDriver
            {
                public override string Name => "vendor,gpio";

                public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Shutdown(PlatformDevice device) => device.FreeIrq();
            }
            """);

        [Fact]
        public Task Under_the_remove_policy_a_Remove_that_frees_is_enough()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(IrqProbe, remove: "device.FreeIrq();", shutdown: "device.ClearMaster();"),
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
            };
            return test.RunAsync();
        }
    }

    /// <summary>Where the rule reports, and what it says.</summary>
    public sealed class Diagnostics
    {
        [Fact]
        public Task Shutdown_that_only_clears_bus_mastering_is_reported_saying_level_triggered_lines_are_the_danger() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice device) => {|#1:Init(device)|};

                public override void {|#0:Shutdown|}(PciDevice device) => device.DisableDevice();

                private static void Init(PciDevice port)
                {
                    port.EnableDevice();
                    port.RequestIrq(static _ => IrqReturn.Handled);
                    port.UnmaskInterrupts();
                }
            }
            """,
            Verify.Diagnostic()
                .WithLocation(0)
                .WithLocation(1)
                .WithMessage("Driver 'PcieportDriver' requests an interrupt in Probe (Probe → Init → RequestIrq), but its Shutdown neither frees, disables nor masks it when the system restarts: a level-triggered interrupt left asserted storms the next kernel after kexec"));

        [Fact]
        public Task Driver_with_neither_Shutdown_nor_Remove_is_reported_on_its_name() => Verify.VerifyAnalyzerAsync(
            PciDriver(IrqProbe, className: "{|#0:NicDriver|}"),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("NicDriver", "Probe → RequestIrq", "kexec, with no Shutdown to call,"));

        [Fact]
        public Task Free_only_when_the_system_powers_off() => Verify.VerifyAnalyzerAsync(PciDriver(
            IrqProbe,
            shutdownName: "[|Shutdown|]",
            shutdown: "if (device.Kernel.SystemState == SystemState.PowerOff)\n{\n    device.FreeIrq();\n}"));

        [Fact]
        public Task Releasing_other_resources_does_not_count() => Verify.VerifyAnalyzerAsync(PciDriver(
            IrqProbe + "\ndevice.RequestRegions();",
            shutdownName: "[|Shutdown|]",
            shutdown: "device.ReleaseRegions();\ndevice.EnableIrq();"));

        [Fact]
        public Task Platform_driver_without_Shutdown() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|GpioDriver|] : PlatformDriver
            {
                public override string Name => "vendor,gpio";

                public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);
            }
            """);

        [Fact]
        public Task Under_the_remove_policy_Remove_is_what_must_free()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver(IrqProbe, remove: "device.DisableDevice();", shutdown: "device.FreeIrq();").Replace("void Remove", "void {|#0:Remove|}", StringComparison.Ordinal),
                EditorConfig = "shutdown_analyzers.kexec_policy = remove",
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("NicDriver", "Probe → RequestIrq", "its Remove (kexec policy 'remove')"),
                },
            };
            return test.RunAsync();
        }
    }

    /// <summary>The same split as SHD003's (see its docs): SHD001 alone when Remove frees the interrupt, both when it does not.</summary>
    public sealed class OverlapWithSHD001
    {
        [Fact]
        public Task Remove_that_frees_the_interrupt_gets_SHD001_only() => new BothRulesTest
        {
            TestCode = PciDriver(IrqProbe, remove: "device.FreeIrq();", className: "{|SHD001:NicDriver|}"),
        }.RunAsync();

        [Fact]
        public Task Remove_that_leaves_the_interrupt_gets_both() => new BothRulesTest
        {
            TestCode = PciDriver(IrqProbe, remove: "device.DisableDevice();", className: "{|SHD001:{|SHD004:NicDriver|}|}"),
        }.RunAsync();

        [Fact]
        public Task Remove_that_frees_the_interrupt_gets_SHD004_when_SHD001_is_off() => new BothRulesTest
        {
            TestCode = PciDriver(IrqProbe, remove: "device.FreeIrq();", className: "{|SHD004:NicDriver|}"),
            EditorConfig = "dotnet_diagnostic.SHD001.severity = none",
        }.RunAsync();

        private sealed class BothRulesTest : AnalyzerTest
        {
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new DiagnosticAnalyzer[] { new RemoveWithoutShutdownAnalyzer(), new InterruptLeftEnabledOnRestartAnalyzer() };
        }
    }

    /// <summary>Both fixes: Map Shutdown to Remove (Map_), offered when Remove frees, disables or masks the interrupt, and Free the interrupt in Shutdown (Free_).</summary>
    public sealed class CodeFix
    {
        [Fact]
        public Task Map_Shutdown_gets_Remove_as_its_body_as_the_2018_portdrv_fix_did() => VerifyMap.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PciDevice device)
                {
                    device.MaskInterrupts();
                    device.FreeIrq();
                    device.DisableDevice();
                }

                public override void [|Shutdown|](PciDevice device) => device.DisableDevice();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PciDevice device)
                {
                    device.MaskInterrupts();
                    device.FreeIrq();
                    device.DisableDevice();
                }

                public override void Shutdown(PciDevice device) => Remove(device);
            }
            """);

        [Fact]
        public Task Map_Not_offered_when_Remove_leaves_the_interrupt_too()
        {
            var source = PciDriver(IrqProbe, remove: "device.DisableDevice();", shutdownName: "[|Shutdown|]", shutdown: "device.ClearMaster();");
            return VerifyMap.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task Free_Block_bodied_Shutdown_gets_FreeIrq_at_its_end() => VerifyInsert.VerifyCodeFixAsync(
            PciDriver(IrqProbe, shutdownName: "[|Shutdown|]", shutdown: "device.DisableDevice();"),
            PciDriver(IrqProbe, shutdown: "device.DisableDevice();\ndevice.FreeIrq();"));

        [Fact]
        public Task Free_Shutdown_that_returns_early_on_restart_gets_FreeIrq_first_where_every_path_runs_it() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice port) => port.RequestIrq(static _ => IrqReturn.Handled);

                public override void [|Shutdown|](PciDevice port)
                {
                    if (port.Kernel.SystemState == SystemState.Restart)
                    {
                        return;
                    }

                    port.DisableDevice();
                }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice port) => port.RequestIrq(static _ => IrqReturn.Handled);

                public override void Shutdown(PciDevice port)
                {
                    port.FreeIrq();
                    if (port.Kernel.SystemState == SystemState.Restart)
                    {
                        return;
                    }

                    port.DisableDevice();
                }
            }
            """);

        [Fact]
        public Task Free_Expression_bodied_Shutdown_becomes_a_block() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice port) => port.RequestIrq(static _ => IrqReturn.Handled);

                public override void [|Shutdown|](PciDevice port) => port.DisableDevice();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice port) => port.RequestIrq(static _ => IrqReturn.Handled);

                public override void Shutdown(PciDevice port)
                {
                    port.DisableDevice();
                    port.FreeIrq();
                }
            }
            """);

        [Fact]
        public Task Free_Driver_without_Shutdown_gets_a_one_line_Shutdown_in_the_style_of_the_class() => VerifyInsert.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class [|GpioDriver|] : PlatformDriver
            {
                public override string Name => "vendor,gpio";

                public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class GpioDriver : PlatformDriver
            {
                public override string Name => "vendor,gpio";

                public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Shutdown(PlatformDevice device) => device.FreeIrq();
            }
            """);

        [Fact]
        public Task Free_Not_offered_for_a_device_type_without_FreeIrq()
        {
            var source = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|SdDriver|] : ScsiDriver
                {
                    public override string Name => "sd";

                    public override void Probe(ScsiDevice device) => RequestHostIrq(device);

                    [Acquires(DeviceResource.Interrupt)]
                    private static void RequestHostIrq(ScsiDevice device)
                    {
                    }
                }
                """;
            return VerifyInsert.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Free_Lightbulb_title_is_Free_the_interrupt_in_Shutdown()
        {
            using var workspace = new AdhocWorkspace();
            var document = workspace.AddProject("Drivers", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .AddMetadataReferences(ReferenceAssemblies.Default)
                .AddDocument("PortDriver.cs", PciDriver(IrqProbe, shutdown: "device.DisableDevice();"));
            var compilation = await document.Project.GetCompilationAsync();
            var diagnostic = Assert.Single(await compilation!
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InterruptLeftEnabledOnRestartAnalyzer()))
                .GetAnalyzerDiagnosticsAsync());
            var actions = new List<CodeAction>();

            await new InsertQuiesceCodeFixProvider().RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

            Assert.Equal("Free the interrupt in Shutdown", Assert.Single(actions).Title);
        }
    }

    /// <summary>Fix all: every scope gives what applying the fixes one by one gives.</summary>
    public sealed class FixAll
    {
        [Fact]
        public Task Free_the_interrupt_in_several_documents_and_projects()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                    public override void [|Shutdown|](PciDevice device)
                    {{
                        device.DisableDevice();
                    }}
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                    public override void Shutdown(PciDevice device)
                    {{
                        device.DisableDevice();
                        device.FreeIrq();
                    }}
                }}
                """;
            var test = new VerifyInsert.Test();
            test.TestState.Sources.Add(string.Format(Flawed, "PcieportDriver") + "\n" + string.Format(Flawed, "AerDriver").Split('\n', 3)[2]);
            test.TestState.Sources.Add(string.Format(Flawed, "DpcDriver"));
            test.TestState.AdditionalProjects["Ports"].Sources.Add(string.Format(Flawed, "PmeDriver"));
            test.FixedState.Sources.Add(string.Format(Fixed, "PcieportDriver") + "\n" + string.Format(Fixed, "AerDriver").Split('\n', 3)[2]);
            test.FixedState.Sources.Add(string.Format(Fixed, "DpcDriver"));
            test.FixedState.AdditionalProjects["Ports"].Sources.Add(string.Format(Fixed, "PmeDriver"));
            return test.RunAsync();
        }

        [Fact]
        public Task Free_the_interrupt_leaves_the_DMA_of_the_same_drivers_to_its_own_fix()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {{|SHD003:{{|SHD004:{0}|}}|}} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.SetMaster();
                        device.RequestIrq(static _ => IrqReturn.Handled);
                    }}
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.SetMaster();
                        device.RequestIrq(static _ => IrqReturn.Handled);
                    }}

                    public override void {{|SHD003:Shutdown|}}(PciDevice device)
                    {{
                        device.FreeIrq();
                    }}
                }}
                """;
            var test = new BothQuiesceRulesTest<InsertQuiesceCodeFixProvider> { CodeActionEquivalenceKey = InsertQuiesceCodeFixProvider.FreeInterruptEquivalenceKey };
            AddDriverDocuments(test, Flawed, Fixed, "IgbDriver", "IxgbeDriver");
            return test.RunAsync();
        }

        [Fact]
        public Task Map_fixes_a_Shutdown_reported_for_both_DMA_and_the_interrupt_once()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.SetMaster();
                        device.RequestIrq(static _ => IrqReturn.Handled);
                    }}

                    public override void Remove(PciDevice device)
                    {{
                        device.FreeIrq();
                        device.ClearMaster();
                    }}

                    public override void {{|SHD003:{{|SHD004:Shutdown|}}|}}(PciDevice device)
                    {{
                        device.WriteRegister(0, 0);
                    }}
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0} : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.SetMaster();
                        device.RequestIrq(static _ => IrqReturn.Handled);
                    }}

                    public override void Remove(PciDevice device)
                    {{
                        device.FreeIrq();
                        device.ClearMaster();
                    }}

                    public override void Shutdown(PciDevice device)
                    {{
                        Remove(device);
                    }}
                }}
                """;
            var test = new BothQuiesceRulesTest<MapShutdownToQuiescingRemoveCodeFixProvider>();
            AddDriverDocuments(test, Flawed, Fixed, "IgbDriver", "IxgbeDriver");
            return test.RunAsync();
        }

        [Fact]
        public Task Map_in_several_drivers_of_one_document() => VerifyMap.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class AerDriver : PciDriver
            {
                public override string Name => "aer";

                public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PciDevice device) => device.FreeIrq();

                public override void [|Shutdown|](PciDevice device) => device.ClearMaster();
            }

            public sealed class GpioDriver : PlatformDriver
            {
                public override string Name => "vendor,gpio";

                public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PlatformDevice device) => device.DisableIrq();

                public override void [|Shutdown|](PlatformDevice device)
                {
                    device.StopDma();
                }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class AerDriver : PciDriver
            {
                public override string Name => "aer";

                public override void Probe(PciDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PciDevice device) => device.FreeIrq();

                public override void Shutdown(PciDevice device) => Remove(device);
            }

            public sealed class GpioDriver : PlatformDriver
            {
                public override string Name => "vendor,gpio";

                public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PlatformDevice device) => device.DisableIrq();

                public override void Shutdown(PlatformDevice device)
                {
                    Remove(device);
                }
            }
            """);
    }

    /// <summary>The driver models under Samples/ warn where they should, and only there.</summary>
    public sealed class Samples
    {
        [Fact]
        public void Only_the_flawed_port_driver_is_reported_among_all_samples()
        {
            Assert.Equal(new[] { "Pciehp/Flawed/PcieportDriver.cs" }, FilesReportedInSamples(new InterruptLeftEnabledOnRestartAnalyzer()));
        }

        [Fact]
        public Task Flawed_port_driver_is_reported_on_its_Shutdown_with_the_path_from_Probe()
        {
            var folder = Path.Combine(RepositoryLayout.Root, "Samples", "Pciehp");
            var flawed = File.ReadAllText(Path.Combine(folder, "Flawed", "PcieportDriver.cs"));
            var (line, column) = SourcePosition.Of(flawed, "void Shutdown", "void ".Length);
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("HotplugController.cs", File.ReadAllText(Path.Combine(folder, "HotplugController.cs"))),
                        ("Flawed.cs", flawed),
                        ("Fixed.cs", File.ReadAllText(Path.Combine(folder, "Fixed", "PcieportDriver.cs"))),
                    },
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic()
                        .WithLocation("Flawed.cs", line, column)
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("PcieportDriver", "Probe → Init → RequestIrq", "its Shutdown"),
                },
            };
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public sealed class Configuration
    {
        private static readonly string Flawed = PciDriver(IrqProbe, className: "{|#0:NicDriver|}");

        [Fact]
        public Task Default_severity_is_warning() =>
            Verify.VerifyAnalyzerAsync(Flawed, Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithSeverity(DiagnosticSeverity.Warning));

        [Fact]
        public Task Editorconfig_error_makes_it_an_error() => new Verify.Test
        {
            TestCode = Flawed,
            EditorConfig = "dotnet_diagnostic.SHD004.severity = error",
            ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithSeverity(DiagnosticSeverity.Error) },
        }.RunAsync();

        [Fact]
        public Task Editorconfig_none_silences_it() => new Verify.Test
        {
            TestCode = Flawed.Replace("{|#0:NicDriver|}", "NicDriver", StringComparison.Ordinal),
            EditorConfig = "dotnet_diagnostic.SHD004.severity = none",
        }.RunAsync();
    }
}
