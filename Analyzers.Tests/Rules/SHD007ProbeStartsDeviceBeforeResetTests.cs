using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Rules;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.ProbeStartsDeviceBeforeResetAnalyzer>;
using VerifyFix = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.ProbeStartsDeviceBeforeResetAnalyzer,
    ShutdownAnalyzers.ResetAtProbeStartCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD007: Probe requests an interrupt or enables DMA before any reset or quiesce of the device.</summary>
public static class SHD007ProbeStartsDeviceBeforeResetTests
{
    private const string RequestsInterrupt = "requests an interrupt";
    private const string EnablesDma = "enables DMA";

    /// <summary>A PCI driver whose Probe has <paramref name="probeBody"/>, with <paramref name="members"/> beside it.</summary>
    private static string PciDriver(string probeBody, string members = "") => $$"""
        using System;
        using ShutdownAnalyzers.DriverModel;

        public sealed class IprDriver : PciDriver
        {
            public override string Name => "ipr";

            public override void Probe(PciDevice device)
            {
        {{Indent(probeBody, 8)}}
            }

            public override void Remove(PciDevice device) => device.FunctionReset();
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

    /// <summary>Code the rule accepts: a reset or the matching quiesce first, and what it cannot see.</summary>
    public class Valid
    {
        [Fact]
        public Task Function_reset_first() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.FunctionReset();
            device.EnableDevice();
            device.RequestIrq(_ => IrqReturn.Handled);
            device.SetMaster();
            """));

        [Fact]
        public Task A_firmware_restart_is_a_reset_too() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.EnableDevice();
            device.RestartFirmware();
            device.RequestIrq(_ => IrqReturn.Handled);
            """));

        [Fact]
        public Task Masked_before_the_request_and_bus_mastering_cleared_before_it_is_set() => Verify.VerifyAnalyzerAsync(PciDriver("""
            // ipr_probe_ioa: ipr_mask_and_clear_interrupts before request_irq.
            device.MaskInterrupts();
            device.RequestIrq(_ => IrqReturn.Handled);
            device.ClearMaster();
            device.SetMaster();
            """));

        [Fact]
        public Task Reset_in_a_helper_called_first() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            Quiesce(device);
            Start(device);
            """,
            """

            private static void Quiesce(PciDevice device)
            {
                device.EnableDevice();
                device.FunctionReset();
            }

            private static void Start(PciDevice device)
            {
                device.RequestIrq(_ => IrqReturn.Handled);
                device.SetMaster();
            }
            """));

        [Fact]
        public Task Reset_on_every_branch() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.IsBusMaster)
            {
                device.FunctionReset();
            }
            else
            {
                device.RestartFirmware();
            }

            device.RequestIrq(_ => IrqReturn.Handled);
            """));

        [Fact]
        public Task Hardware_found_running_is_left_alone() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class GicItsDriver : PlatformDriver
            {
                public override string Name => "gic-v3-its";

                public override void Probe(PlatformDevice device)
                {
                    // its_cpu_init_lpis: "LPIs already enabled" - keep the tables the previous kernel set up.
                    if (AlreadyEnabled(device))
                    {
                        return;
                    }

                    device.StartDma(device.MapDma(2));
                }

                private static bool AlreadyEnabled(PlatformDevice device) => device.Hardware.Dma.Running;
            }
            """);

        [Fact]
        public Task Reset_when_found_running() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.IsBusMaster)
            {
                // Left running by the previous kernel: start from a clean function.
                device.FunctionReset();
            }

            device.RequestIrq(_ => IrqReturn.Handled);
            device.SetMaster();
            """));

        [Fact]
        public Task A_probe_that_starts_nothing() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.EnableDevice();
            device.RequestRegions();
            device.DriverData = device.MapDma(2);
            """));

        [Fact]
        public Task A_users_helper_marked_as_resetting_counts() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            HardReset(device);
            device.RequestIrq(_ => IrqReturn.Handled);
            """,
            """

            [Resets]
            private static void HardReset(PciDevice device) => device.WriteRegister(0x20, 1);
            """));

        [Fact]
        public Task Starts_the_analysis_cannot_follow_are_not_reported() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            Start(device);
            Engine?.Run(device);
            """,
            """

            public Action<PciDevice> Start { get; set; } = d => d.RequestIrq(_ => IrqReturn.Handled);

            public IEngine? Engine { get; set; }

            public interface IEngine
            {
                void Run(PciDevice device);
            }
            """));

        [Fact]
        public Task Starts_only_on_paths_that_throw_are_not_reported() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (!device.IsEnabled)
            {
                throw new InvalidOperationException("disabled");
            }

            device.FunctionReset();
            device.SetMaster();
            """));

        [Fact]
        public Task Look_alikes_outside_the_bus_API_are_ignored() => Verify.VerifyAnalyzerAsync("""
            public sealed class Device
            {
                public void RequestIrq() { }

                public void SetMaster() { }
            }

            public abstract class Driver<TDevice>
            {
                public abstract void Probe(TDevice device);
            }

            public sealed class LookAlikeDriver : Driver<Device>
            {
                public override void Probe(Device device)
                {
                    device.RequestIrq();
                    device.SetMaster();
                }
            }

            public sealed class Bringup
            {
                public void Probe(ShutdownAnalyzers.DriverModel.PciDevice device) => device.SetMaster();
            }
            """);

        [Fact]
        public Task Only_Probe_is_looked_at() => Verify.VerifyAnalyzerAsync(PciDriver(
            "device.FunctionReset();",
            """

            public override void Resume(PciDevice device)
            {
                device.RequestIrq(_ => IrqReturn.Handled);
                device.SetMaster();
            }
            """));

        [Fact]
        public Task A_scsi_driver_has_nothing_to_start() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice device) => device.StartUnit();
            }
            """);
    }

    /// <summary>What the rule reports, where, and the path it names.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task Interrupt_requested_first() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                device.EnableDevice();
                {|#0:device.RequestIrq(_ => IrqReturn.Handled)|};
                device.FunctionReset();
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", RequestsInterrupt, "Probe → RequestIrq"));

        [Fact]
        public Task The_message_names_the_consequence_and_the_severity_is_a_suggestion() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                device.EnableDevice();
                {|#0:device.SetMaster()|};
                """),
            Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
                "Probe of IprDriver enables DMA before any reset or quiesce of the device: Probe → SetMaster; " +
                "a crash kernel (kexec on panic runs no shutdown) meets the device still running, so its interrupt storms or the probe fails"));

        [Fact]
        public Task Through_a_helper_reported_on_the_call_in_Probe_with_the_path() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                device.EnableDevice();
                {|#0:Start(device)|};
                """,
                """

                private static void Start(PciDevice device)
                {
                    device.RequestRegions();
                    Claim(device);
                }

                private static void Claim(PciDevice device) => device.RequestIrq(_ => IrqReturn.Handled);
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", RequestsInterrupt, "Probe → Start → Claim → RequestIrq"));

        [Fact]
        public Task One_diagnostic_per_Probe_on_the_first_call_that_starts_the_device() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                {|#0:device.SetMaster()|};
                device.RequestIrq(_ => IrqReturn.Handled);
                device.StartDma(device.MapDma(1));
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", EnablesDma, "Probe → SetMaster"));

        [Fact]
        public Task A_reset_on_one_branch_only() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                if (ResetDevices)
                {
                    device.FunctionReset();
                }

                {|#0:device.RequestIrq(_ => IrqReturn.Handled)|};
                """,
                """

                public bool ResetDevices { get; set; }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", RequestsInterrupt, "Probe → RequestIrq"));

        [Fact]
        public Task A_check_that_does_not_say_whether_the_hardware_runs_leaves_both_ways_open() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                if (!Ready(device))
                {
                    device.FunctionReset();
                }

                {|#0:device.RequestIrq(_ => IrqReturn.Handled)|};
                """,
                """

                private static bool Ready(PciDevice device) => device.IsEnabled;
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", RequestsInterrupt, "Probe → RequestIrq"));

        [Fact]
        public Task The_wrong_quiesce_does_not_count() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                // Clearing bus mastering does not quiet a pending interrupt.
                device.ClearMaster();
                {|#0:device.RequestIrq(_ => IrqReturn.Handled)|};
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", RequestsInterrupt, "Probe → RequestIrq"));

        [Fact]
        public Task A_reset_after_an_early_return_does_not_cover_it() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                {|#0:device.SetMaster()|};
                if (device.IsEnabled)
                {
                    return;
                }

                device.FunctionReset();
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", EnablesDma, "Probe → SetMaster"));

        [Fact]
        public Task Expression_bodied_Probe_of_a_platform_driver() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmacDriver : PlatformDriver
            {
                public override string Name => "dmac";

                public override void Probe(PlatformDevice device) => {|#0:device.StartDma(device.MapDma(4))|};
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("DmacDriver", EnablesDma, "Probe → StartDma"));

        [Fact]
        public Task Generic_driver_and_a_virtual_start_resolved_from_the_driver() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class MmioDriver<TDevice> : Driver<TDevice>
                where TDevice : MemoryMappedDevice
            {
                public override void Probe(TDevice device)
                {
                    device.RestartFirmware();
                    Start(device);
                }

                protected virtual void Start(TDevice device) => device.RequestIrq(_ => IrqReturn.Handled);
            }

            public sealed class GpioDriver : MmioDriver<PlatformDevice>
            {
                public override string Name => "gpio";

                public override void Probe(PlatformDevice device)
                {
                    {|#0:Start(device)|};
                    base.Probe(device);
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("GpioDriver", RequestsInterrupt, "Probe → Start → RequestIrq"));

        [Fact]
        public Task Partial_driver_with_its_start_in_the_other_file() => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class IprDriver : PciDriver
                    {
                        public override string Name => "ipr";

                        public override void Probe(PciDevice device) => {|#0:Start(device)|};
                    }
                    """,
                    """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class IprDriver
                    {
                        private static void Start(PciDevice device) => device.SetMaster();
                    }
                    """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", EnablesDma, "Probe → Start → SetMaster") },
        }.RunAsync();
    }

    /// <summary>The fix resets the function at the top of Probe.</summary>
    public class CodeFix
    {
        [Fact]
        public Task Inserts_FunctionReset_first() => VerifyFix.VerifyCodeFixAsync(
            PciDriver("""
                // Bring the adapter up.
                device.EnableDevice();
                [|device.RequestIrq(_ => IrqReturn.Handled)|];
                """),
            PciDriver("""
                device.FunctionReset();
                // Bring the adapter up.
                device.EnableDevice();
                device.RequestIrq(_ => IrqReturn.Handled);
                """));

        [Fact]
        public Task Turns_an_expression_body_into_a_block_and_uses_the_parameters_name() => VerifyFix.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class IprDriver : PciDriver
            {
                public override string Name => "ipr";

                public override void Probe(PciDevice pdev) => [|Start(pdev)|];

                private static void Start(PciDevice pdev) => pdev.SetMaster();
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class IprDriver : PciDriver
            {
                public override string Name => "ipr";

                public override void Probe(PciDevice pdev)
                {
                    pdev.FunctionReset();
                    Start(pdev);
                }

                private static void Start(PciDevice pdev) => pdev.SetMaster();
            }
            """);

        [Fact]
        public Task A_platform_device_is_reset_through_its_own_reset() => VerifyFix.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmacDriver : PlatformDriver
            {
                public override string Name => "dmac";

                public override void Probe(PlatformDevice device)
                {
                    [|device.StartDma(device.MapDma(4))|];
                }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmacDriver : PlatformDriver
            {
                public override string Name => "dmac";

                public override void Probe(PlatformDevice device)
                {
                    device.RestartFirmware();
                    device.StartDma(device.MapDma(4));
                }
            }
            """);

        [Fact]
        public Task A_generic_driver_resets_through_its_constraint() => VerifyFix.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "nic";

                public override void Probe(TDevice device) => [|device.SetMaster()|];
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "nic";

                public override void Probe(TDevice device)
                {
                    device.FunctionReset();
                    device.SetMaster();
                }
            }
            """);

        [Fact]
        public Task Keeps_the_files_line_endings() => VerifyFix.VerifyCodeFixAsync(
            PciDriver("[|device.SetMaster()|];").ReplaceLineEndings("\r\n"),
            PciDriver("""
                device.FunctionReset();
                device.SetMaster();
                """).ReplaceLineEndings("\r\n"));

        [Fact]
        public async Task The_title_names_the_call_it_adds()
        {
            var titles = await CodeFixTitles.OfferedAsync(
                new ProbeStartsDeviceBeforeResetAnalyzer(),
                new ResetAtProbeStartCodeFixProvider(),
                PciDriver("device.SetMaster();"));

            Assert.Equal("Reset the device at the start of Probe (device.FunctionReset())", Assert.Single(titles));
        }

        [Fact]
        public Task Offered_under_its_stable_equivalence_key() => new VerifyFix.Test
        {
            TestCode = PciDriver("[|device.SetMaster()|];"),
            FixedCode = PciDriver("""
                device.FunctionReset();
                device.SetMaster();
                """),
            CodeActionEquivalenceKey = "SHD007.ResetAtProbeStart",
        }.RunAsync();
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        [Fact]
        public Task Drivers_in_several_files_and_projects()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) => [|Start(device)|];

                    private static void Start(PciDevice device)
                    {{
                        device.EnableDevice();
                        device.RequestIrq(_ => IrqReturn.Handled);
                    }}
                }}

                public sealed class {0}BridgeDriver : PciDriver
                {{
                    public override string Name => "{0}-bridge";

                    public override void Probe(PciDevice device)
                    {{
                        [|device.SetMaster()|];
                    }}
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device)
                    {{
                        device.FunctionReset();
                        Start(device);
                    }}

                    private static void Start(PciDevice device)
                    {{
                        device.EnableDevice();
                        device.RequestIrq(_ => IrqReturn.Handled);
                    }}
                }}

                public sealed class {0}BridgeDriver : PciDriver
                {{
                    public override string Name => "{0}-bridge";

                    public override void Probe(PciDevice device)
                    {{
                        device.FunctionReset();
                        device.SetMaster();
                    }}
                }}
                """;

            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(string.Format(Flawed, "Ipr"));
            test.TestState.Sources.Add(string.Format(Flawed, "Igb"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(Flawed, "Nvme"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Ipr"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Igb"));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(Fixed, "Nvme"));
            return test.RunAsync();
        }
    }

    /// <summary>
    /// The driver models under Samples/: the rule reports the ipr sample's flawed Probe, and the lpfc
    /// probes, which have the same bug (kexec on panic fails them: Runtime.Tests KexecOnPanicTests).
    /// </summary>
    public class Samples
    {
        [Fact]
        public Task IprKdump_flawed_Probe_is_reported_and_the_fixed_one_is_not()
        {
            var sample = SampleFolder.Load("IprKdump");
            var call = sample.Find("Flawed.IprDriver.cs", "IprAdapter.Start(device)");
            var test = new Verify.Test
            {
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic().WithLocation(call.Name, call.Line, call.Column).WithArguments("IprDriver", RequestsInterrupt, "Probe → Start → RequestIrq"),
                },
            };
            test.TestState.Sources.AddRange(sample.Sources);
            return test.RunAsync();
        }

        [Fact]
        public Task Both_lpfc_probes_configure_the_port_without_a_reset()
        {
            var sample = SampleFolder.Load("Lpfc");
            var test = new Verify.Test();
            test.TestState.Sources.AddRange(sample.Sources);
            foreach (var form in new[] { "Fixed.LpfcDriver.cs", "Flawed.LpfcDriver.cs" })
            {
                var call = sample.Find(form, "LpfcAdapter.Start(device)");
                test.ExpectedDiagnostics.Add(
                    Verify.Diagnostic().WithLocation(call.Name, call.Line, call.Column).WithArguments("LpfcDriver", RequestsInterrupt, "Probe → Start → RequestIrq"));
            }

            return test.RunAsync();
        }

        [Theory]
        [InlineData("Igb")]
        [InlineData("NvmeRebind")]
        [InlineData("Sd")]
        [InlineData("GicIts")]
        [InlineData("Ipr")]
        [InlineData("Zpci")]
        [InlineData("Storvsc")]
        public Task Samples_that_reset_before_they_start_the_device_or_leave_it_running(string folder)
        {
            var test = new Verify.Test();
            test.TestState.Sources.AddRange(SampleFolder.Load(folder).Sources);
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public class Configuration
    {
        private static readonly string Flawed = PciDriver("{|#0:device.SetMaster()|};");

        [Fact]
        public Task Default_severity_is_suggestion() => Verify.VerifyAnalyzerAsync(
            Flawed,
            Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("IprDriver", EnablesDma, "Probe → SetMaster"));

        [Fact]
        public Task Editorconfig_warning_makes_it_a_warning() => new Verify.Test
        {
            TestCode = Flawed,
            EditorConfig = "dotnet_diagnostic.SHD007.severity = warning",
            ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("IprDriver", EnablesDma, "Probe → SetMaster") },
        }.RunAsync();

        [Fact]
        public Task Editorconfig_error_makes_it_an_error() => new Verify.Test
        {
            TestCode = Flawed,
            EditorConfig = "dotnet_diagnostic.SHD007.severity = error",
            ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("IprDriver", EnablesDma, "Probe → SetMaster") },
        }.RunAsync();

        [Fact]
        public Task Editorconfig_none_silences_it() => new Verify.Test
        {
            TestCode = Flawed.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal),
            EditorConfig = "dotnet_diagnostic.SHD007.severity = none",
        }.RunAsync();
    }
}
