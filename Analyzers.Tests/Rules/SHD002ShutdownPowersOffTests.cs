using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.ShutdownPowersOffOnRestartAnalyzer>;
using VerifyGuard = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.ShutdownPowersOffOnRestartAnalyzer,
    ShutdownAnalyzers.GuardPowerOffCodeFixProvider>;
using VerifyMap = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.ShutdownPowersOffOnRestartAnalyzer,
    ShutdownAnalyzers.ReplaceShutdownWithRemoveCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD002: Shutdown powers the hardware off on the restart path.</summary>
public static class SHD002ShutdownPowersOffTests
{
    /// <summary>A PCI driver whose Shutdown has <paramref name="shutdownBody"/>, with <paramref name="members"/> beside it.</summary>
    private static string PciDriver(string shutdownBody, string members = "") => $$"""
        using ShutdownAnalyzers.DriverModel;

        public sealed class NicDriver : PciDriver
        {
            public override string Name => "nic";

            public override void Probe(PciDevice device) => device.EnableDevice();

            public override void Shutdown(PciDevice device)
            {
        {{Indent(shutdownBody, 8)}}
            }
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

    /// <summary>Code the rule accepts: every guard form, look-alikes, and what the analysis does not follow.</summary>
    public class Valid
    {
        [Fact]
        public Task Power_off_guarded_by_equals_PowerOff() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.ClearMaster();
            if (device.Kernel.SystemState == SystemState.PowerOff)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task Power_off_guarded_by_not_equals_Restart() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.Kernel.SystemState != SystemState.Restart)
                device.SetPowerState(PciPowerState.D3Cold);
            """));

        [Fact]
        public Task Early_return_on_Restart() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.ClearMaster();
            if (device.Kernel.SystemState == SystemState.Restart)
            {
                return;
            }

            device.SetPowerState(PciPowerState.D3Hot);
            """));

        [Fact]
        public Task Early_return_on_an_is_pattern() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.Kernel.SystemState is SystemState.Restart) return;
            device.SetPowerState(PciPowerState.D3Hot);
            """));

        [Fact]
        public Task State_held_in_a_local() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var state = device.Kernel.SystemState;
            device.ClearMaster();
            if (state == SystemState.PowerOff)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task State_copied_through_several_locals() => Verify.VerifyAnalyzerAsync(PciDriver("""
            SystemState state;
            state = device.Kernel.SystemState;
            var copy = state;
            var poweringOff = copy == SystemState.PowerOff;
            if (poweringOff)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task Switch_statement_on_the_state() => Verify.VerifyAnalyzerAsync(PciDriver("""
            switch (device.Kernel.SystemState)
            {
                case SystemState.PowerOff:
                    device.SetPowerState(PciPowerState.D3Hot);
                    break;
                case SystemState.Restart:
                    device.ClearMaster();
                    break;
                default:
                    device.SetPowerState(PciPowerState.D3Cold);
                    break;
            }
            """));

        [Fact]
        public Task Switch_statement_with_pattern_cases() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var state = device.Kernel.SystemState;
            switch (state)
            {
                case SystemState.PowerOff or SystemState.Halt:
                    device.SetPowerState(PciPowerState.D3Hot);
                    break;
                case not SystemState.Restart:
                    device.SetPowerState(PciPowerState.D3Cold);
                    break;
            }
            """));

        [Fact]
        public Task Switch_expression_on_the_state() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var poweringOff = device.Kernel.SystemState switch
            {
                SystemState.PowerOff => true,
                SystemState.Halt => true,
                _ => false,
            };
            if (poweringOff)
            {
                device.SetPowerState(PciPowerState.D3Cold);
            }
            """));

        [Fact]
        public Task Conditional_expression_deciding_the_power_state() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.SetPowerState(device.Kernel.SystemState == SystemState.PowerOff ? PciPowerState.D3Hot : PciPowerState.D0);
            """));

        [Fact]
        public Task And_with_another_condition() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.IsEnabled && device.Kernel.SystemState == SystemState.PowerOff)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task Or_in_an_early_return() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (!device.IsEnabled || device.Kernel.SystemState == SystemState.Restart)
            {
                return;
            }

            device.SetPowerState(PciPowerState.D3Hot);
            """));

        [Fact]
        public Task Or_pattern_of_power_off_states() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.Kernel.SystemState is SystemState.PowerOff or SystemState.Halt)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task Is_not_Restart_pattern() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.Kernel.SystemState is not SystemState.Restart)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task Negated_condition() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (!(device.Kernel.SystemState == SystemState.Restart))
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task State_read_from_a_kernel_in_a_local() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var kernel = device.Kernel;
            if (kernel.SystemState == SystemState.PowerOff)
            {
                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task State_read_from_a_kernel_in_a_field() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            if (kernel.SystemState != SystemState.PowerOff) return;
            device.SetPowerState(PciPowerState.D3Hot);
            """,
            """

            private readonly Kernel kernel = new();
            """));

        [Fact]
        public Task Guard_in_a_loop_that_stops_at_restart() => Verify.VerifyAnalyzerAsync(PciDriver("""
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (device.Kernel.SystemState == SystemState.Restart)
                {
                    break;
                }

                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task D0_D1_and_D2_do_not_power_off() => Verify.VerifyAnalyzerAsync(PciDriver("""
            device.SetPowerState(PciPowerState.D0);
            device.SetPowerState(PciPowerState.D1);
            device.SetPowerState(PciPowerState.D2);
            """));

        [Fact]
        public Task A_power_state_the_analysis_cannot_see_is_not_reported() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            device.SetPowerState(TargetState);
            device.SetPowerState(Pick(device));
            """,
            """

            public PciPowerState TargetState { get; set; }

            private static PciPowerState Pick(PciDevice device) => device.IsBusMaster ? PciPowerState.D3Hot : PciPowerState.D0;
            """));

        [Fact]
        public Task Helper_called_with_D0() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            EnterState(device, PciPowerState.D0);
            """,
            """

            private static void EnterState(PciDevice device, PciPowerState state) => device.SetPowerState(state);
            """));

        [Fact]
        public Task Helper_guarded_by_the_state_passed_down() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            PowerDownUnless(device, device.Kernel.SystemState);
            """,
            """

            private static void PowerDownUnless(PciDevice device, SystemState state)
            {
                if (state == SystemState.Restart)
                {
                    return;
                }

                device.SetPowerState(PciPowerState.D3Hot);
            }
            """));

        [Fact]
        public Task Helper_guarded_by_a_flag_computed_from_the_state() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            var poweringOff = device.Kernel.SystemState == SystemState.PowerOff;
            Finish(device, poweringOff);
            """,
            """

            private static void Finish(PciDevice device, bool poweringOff)
            {
                device.ClearMaster();
                if (poweringOff)
                {
                    device.SetPowerState(PciPowerState.D3Hot);
                }
            }
            """));

        [Fact]
        public Task Look_alike_names_on_unrelated_types() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            new FanController().SetPowerState(PciPowerState.D3Cold);
            PowerOff(device);
            """,
            """

            // Named like a power-off, but without [PowersOff] and calling nothing that has it.
            private static void PowerOff(PciDevice device) => device.ClearMaster();

            private sealed class FanController
            {
                public void SetPowerState(PciPowerState state) { }
            }
            """));

        [Fact]
        public Task A_Shutdown_outside_a_bus_API_driver_is_not_looked_at() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class PowerSequencer
            {
                public void Shutdown(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
            }

            public abstract class Driver<TDevice>
            {
                public virtual void Shutdown(TDevice device) { }
            }

            public sealed class LookAlikeDriver : Driver<PciDevice>
            {
                public override void Shutdown(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
            }
            """);

        [Fact]
        public Task A_new_Shutdown_that_hides_the_callback_is_never_called_by_the_kernel() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public new void Shutdown(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
            }
            """);

        [Fact]
        public Task Power_off_in_Remove_or_Suspend_is_not_on_the_shutdown_path() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            device.ClearMaster();
            """,
            """

            public override void Remove(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);

            public override void Suspend(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
            """));

        [Fact]
        public Task Scsi_disk_stopped_only_when_not_restarting() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            // The sd driver: flush always, spin down only when the system is not restarting.
            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice device) => device.StartUnit();

                public override void Shutdown(ScsiDevice device)
                {
                    if (device.Kernel.SystemState != SystemState.Restart)
                        device.StopUnit();
                }
            }
            """);

        [Fact]
        public Task Platform_driver_that_only_quiesces() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "dma-controller";

                public override void Probe(PlatformDevice device) { }

                public override void Shutdown(PlatformDevice device)
                {
                    device.StopDma();
                    device.MaskInterrupts();
                }
            }
            """);

        [Fact]
        public Task Recursion_without_power_off_terminates() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            Drain(device, 3);
            """,
            """

            private static void Drain(PciDevice device, int rounds)
            {
                if (rounds > 0)
                {
                    device.ClearMaster();
                    Drain(device, rounds - 1);
                }
            }
            """));

        [Fact]
        public Task Calls_through_delegates_and_interfaces_are_not_followed() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            System.Action<PciDevice> park = d => d.SetPowerState(PciPowerState.D3Hot);
            park(device);
            Power.Off(device);
            """,
            """

            public IPowerControl Power { get; set; } = new D3Power();

            public interface IPowerControl
            {
                void Off(PciDevice device);
            }

            private sealed class D3Power : IPowerControl
            {
                public void Off(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
            }
            """));

        /// <summary>
        /// A generator may write part of a partial driver: its Shutdown is generated code, which the rule
        /// leaves alone even though the driver's own part is the user's.
        /// </summary>
        [Fact]
        public Task Shutdown_in_a_generated_part_of_a_partial_driver()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed partial class NicDriver : PciDriver
                    {
                        public override string Name => "nic";

                        public override void Probe(PciDevice device) => device.EnableDevice();
                    }
                    """,
            };
            test.TestState.Sources.Add(("NicDriver.Power.cs", """
                // <auto-generated/>
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NicDriver
                {
                    public override void Shutdown(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                }
                """));
            return test.RunAsync();
        }
    }

    /// <summary>What the rule reports, where, and the path it names.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task Unconditional_D3Hot() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                device.ClearMaster();
                {|#0:device.SetPowerState(PciPowerState.D3Hot)|};
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → SetPowerState(D3Hot)"));

        [Fact]
        public Task Power_off_through_helpers_reported_on_the_call_in_Shutdown() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                device.ClearMaster();
                {|#0:PowerDown(device)|};
                """,
                """

                private static void PowerDown(PciDevice device)
                {
                    device.DisableDevice();
                    EnterD3Cold(device);
                }

                private static void EnterD3Cold(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
                """),
            Verify.Diagnostic()
                .WithLocation(0)
                .WithMessage("Shutdown of NicDriver powers the hardware off when the system restarts (kexec): Shutdown → PowerDown → EnterD3Cold → SetPowerState(D3Cold); the next kernel cannot take the device over"));

        [Fact]
        public Task Each_call_that_leads_there_is_reported_once() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                {|#0:Park(device)|};
                device.ClearMaster();
                {|#1:device.SetPowerState(PciPowerState.D3Cold)|};
                Park(device, PciPowerState.D0);
                """,
                """

                private static void Park(PciDevice device, PciPowerState state = PciPowerState.D3Hot) => device.SetPowerState(state);
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → Park → SetPowerState(D3Hot)"),
            Verify.Diagnostic().WithLocation(1).WithArguments("NicDriver", "Shutdown → SetPowerState(D3Cold)"));

        [Fact]
        public Task Guard_on_the_wrong_state() => Verify.VerifyAnalyzerAsync(PciDriver("""
            if (device.Kernel.SystemState == SystemState.Restart)
            {
                [|device.SetPowerState(PciPowerState.D3Hot)|];
            }

            if (device.Kernel.SystemState != SystemState.PowerOff)
            {
                [|device.SetPowerState(PciPowerState.D3Hot)|];
            }

            if (device.Kernel.SystemState == SystemState.Halt)
            {
                return;
            }

            [|device.SetPowerState(PciPowerState.D3Cold)|];
            """));

        [Fact]
        public Task Guard_the_analysis_cannot_decide_leaves_the_power_off_reachable() => Verify.VerifyAnalyzerAsync(PciDriver(
            """
            if (WakeEnabled)
            {
                [|device.SetPowerState(PciPowerState.D3Hot)|];
            }
            """,
            """

            public bool WakeEnabled { get; set; }
            """));

        [Fact]
        public Task Or_that_lets_restart_through() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var state = device.Kernel.SystemState;
            if (state == SystemState.PowerOff || state == SystemState.Restart)
            {
                [|device.SetPowerState(PciPowerState.D3Hot)|];
            }
            """));

        [Fact]
        public Task Switch_section_taken_on_restart() => Verify.VerifyAnalyzerAsync(PciDriver("""
            switch (device.Kernel.SystemState)
            {
                case SystemState.PowerOff:
                    device.ClearMaster();
                    break;
                default:
                    [|device.SetPowerState(PciPowerState.D3Hot)|];
                    break;
            }
            """));

        [Fact]
        public Task State_that_changes_in_a_loop() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var state = SystemState.PowerOff;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (state != SystemState.PowerOff)
                {
                    [|device.SetPowerState(PciPowerState.D3Hot)|];
                }

                state = device.Kernel.SystemState;
            }
            """));

        [Fact]
        public Task Power_off_in_a_catch_block() => Verify.VerifyAnalyzerAsync(PciDriver("""
            try
            {
                device.StopDma();
            }
            catch (System.InvalidOperationException)
            {
                [|device.SetPowerState(PciPowerState.D3Cold)|];
            }
            """));

        [Fact]
        public Task Power_state_chosen_by_the_state() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                {|#0:device.SetPowerState(device.Kernel.SystemState == SystemState.Restart ? PciPowerState.D3Hot : PciPowerState.D0)|};
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → SetPowerState(D3Hot)"));

        [Fact]
        public Task Constant_power_state_in_a_local() => Verify.VerifyAnalyzerAsync(PciDriver("""
            var target = PciPowerState.D3Hot;
            [|device.SetPowerState(target)|];
            """));

        [Fact]
        public Task Constant_followed_through_a_helper_parameter() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                EnterState(device, PciPowerState.D0);
                {|#0:EnterState(device, PciPowerState.D3Cold)|};
                """,
                """

                private static void EnterState(PciDevice device, PciPowerState state) => SetState(device, state);

                private static void SetState(PciDevice device, PciPowerState state) => device.SetPowerState(state);
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → EnterState → SetState → SetPowerState(D3Cold)"));

        [Fact]
        public Task Power_off_in_Remove_called_from_Shutdown() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                {|#0:Remove(device)|};
                """,
                """

                public override void Remove(PciDevice device)
                {
                    device.ClearMaster();
                    device.SetPowerState(PciPowerState.D3Hot);
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → Remove → SetPowerState(D3Hot)"));

        [Fact]
        public Task Power_off_in_a_base_class_helper() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class IntelNicDriver : PciDriver
            {
                protected static void PowerDown(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
            }

            public sealed class IgbDriver : IntelNicDriver
            {
                public override string Name => "igb";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device) => {|#0:PowerDown(device)|};
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("IgbDriver", "Shutdown → PowerDown → SetPowerState(D3Hot)"));

        [Fact]
        public Task Base_Shutdown_reported_once_where_its_body_is() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class IntelNicDriver : PciDriver
            {
                public override void Shutdown(PciDevice device)
                {
                    device.ClearMaster();
                    {|#0:device.SetPowerState(PciPowerState.D3Hot)|};
                }
            }

            public sealed class IgbDriver : IntelNicDriver
            {
                public override string Name => "igb";

                public override void Probe(PciDevice device) { }
            }

            public sealed class IxgbeDriver : IntelNicDriver
            {
                public override string Name => "ixgbe";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device) => {|#1:base.Shutdown(device)|};
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("IntelNicDriver", "Shutdown → SetPowerState(D3Hot)"),
            Verify.Diagnostic().WithLocation(1).WithArguments("IxgbeDriver", "Shutdown → Shutdown → SetPowerState(D3Hot)"));

        [Fact]
        public Task Virtual_call_on_this_resolves_to_the_drivers_override() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class StorageDriver : PciDriver
            {
                protected virtual void Park(PciDevice device) => device.ClearMaster();
            }

            public sealed class AhciDriver : StorageDriver
            {
                public override string Name => "ahci";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device) => {|#0:Park(device)|};

                protected override void Park(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
            }

            public sealed class NvmeDriver : StorageDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device) => Park(device);
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("AhciDriver", "Shutdown → Park → SetPowerState(D3Cold)"));

        [Fact]
        public Task Helper_in_another_part_of_a_partial_driver()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NicDriver : PciDriver
                {
                    public override string Name => "nic";

                    public override void Probe(PciDevice device) { }

                    public override void Shutdown(PciDevice device) => {|#0:Sleep(device)|};
                }
                """);
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NicDriver
                {
                    private partial void Sleep(PciDevice device);

                    private partial void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → Sleep → SetPowerState(D3Hot)"));
            return test.RunAsync();
        }

        [Fact]
        public Task Generic_driver() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public class PowerManagedDriver<TDevice> : Driver<TDevice>
                where TDevice : PciDevice
            {
                public override string Name => "pm";

                public override void Probe(TDevice device) { }

                public override void Shutdown(TDevice device) => [|device.SetPowerState(PciPowerState.D3Hot)|];
            }
            """);

        [Fact]
        public Task Scsi_disk_stopped_on_restart() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice device) => device.StartUnit();

                public override void Shutdown(ScsiDevice disk) => {|#0:disk.StopUnit()|};
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("SdDriver", "Shutdown → StopUnit"));

        [Fact]
        public Task Users_own_helper_marked_PowersOff() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                {|#0:CutSlotPower(device)|};
                Sleep(device, PciPowerState.D1);
                {|#1:Sleep(device, PciPowerState.D3Cold)|};
                """,
                """

                [PowersOff]
                private static void CutSlotPower(PciDevice device) { }

                [PowersOff(WhenArgument = "state", AtLeast = (int)PciPowerState.D3Hot)]
                private static void Sleep(PciDevice device, PciPowerState state) { }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → CutSlotPower"),
            Verify.Diagnostic().WithLocation(1).WithArguments("NicDriver", "Shutdown → Sleep(D3Cold)"));

        [Fact]
        public Task Recursion_terminates_and_finds_the_power_off() => Verify.VerifyAnalyzerAsync(
            PciDriver(
                """
                {|#0:Ping(device, 2)|};
                """,
                """

                private static void Ping(PciDevice device, int rounds)
                {
                    if (rounds > 0)
                    {
                        Pong(device, rounds - 1);
                    }
                }

                private static void Pong(PciDevice device, int rounds)
                {
                    Ping(device, rounds);
                    device.SetPowerState(PciPowerState.D3Cold);
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → Ping → Pong → SetPowerState(D3Cold)"));

        [Fact]
        public Task Local_function_called_from_Shutdown() => Verify.VerifyAnalyzerAsync(
            PciDriver("""
                device.ClearMaster();
                {|#0:Sleep()|};

                void Sleep() => device.SetPowerState(PciPowerState.D3Hot);
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("NicDriver", "Shutdown → Sleep → SetPowerState(D3Hot)"));

        [Fact]
        public Task Severity_raised_to_error_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver("{|#0:device.SetPowerState(PciPowerState.D3Hot)|};"),
                EditorConfig = "dotnet_diagnostic.SHD002.severity = error",
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Rule_turned_off_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = PciDriver("device.SetPowerState(PciPowerState.D3Hot);"),
                EditorConfig = "dotnet_diagnostic.SHD002.severity = none",
            };
            return test.RunAsync();
        }
    }

    /// <summary>Each fix on one diagnostic.</summary>
    public class CodeFix
    {
        [Fact]
        public Task Guard_wraps_the_power_off_statement() => VerifyGuard.VerifyCodeFixAsync(
            PciDriver("""
                device.ClearMaster();
                [|device.SetPowerState(PciPowerState.D3Hot)|];
                """),
            PciDriver("""
                device.ClearMaster();
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    device.SetPowerState(PciPowerState.D3Hot);
                }
                """));

        [Fact]
        public Task Guard_wraps_the_call_into_the_helper_and_keeps_its_comment() => VerifyGuard.VerifyCodeFixAsync(
            PciDriver(
                """
                device.ClearMaster();

                // Wake-on-LAN needs D3hot.
                [|Sleep(device)|]; // as igb does
                device.DisableDevice();
                """,
                """

                private static void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                """),
            PciDriver(
                """
                device.ClearMaster();

                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    // Wake-on-LAN needs D3hot.
                    Sleep(device); // as igb does
                }
                device.DisableDevice();
                """,
                """

                private static void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                """));

        [Fact]
        public Task Guard_uses_Shutdowns_parameter_name_and_turns_an_expression_body_into_a_block() => VerifyGuard.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice disk) => disk.StartUnit();

                public override void Shutdown(ScsiDevice disk) => [|disk.StopUnit()|];
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice disk) => disk.StartUnit();

                public override void Shutdown(ScsiDevice disk)
                {
                    if (disk.Kernel.SystemState == SystemState.PowerOff)
                    {
                        disk.StopUnit();
                    }
                }
            }
            """);

        [Fact]
        public Task Guard_adds_the_using_directive_when_missing() => VerifyGuard.VerifyCodeFixAsync(
            """
            using System;

            namespace Drivers;

            public sealed class NicDriver : ShutdownAnalyzers.DriverModel.PciDriver
            {
                public override string Name => "nic";

                public override void Probe(ShutdownAnalyzers.DriverModel.PciDevice device) { }

                public override void Shutdown(ShutdownAnalyzers.DriverModel.PciDevice device)
                {
                    [|device.SetPowerState(ShutdownAnalyzers.DriverModel.PciPowerState.D3Hot)|];
                }
            }
            """,
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class NicDriver : ShutdownAnalyzers.DriverModel.PciDriver
            {
                public override string Name => "nic";

                public override void Probe(ShutdownAnalyzers.DriverModel.PciDevice device) { }

                public override void Shutdown(ShutdownAnalyzers.DriverModel.PciDevice device)
                {
                    if (device.Kernel.SystemState == SystemState.PowerOff)
                    {
                        device.SetPowerState(ShutdownAnalyzers.DriverModel.PciPowerState.D3Hot);
                    }
                }
            }
            """);

        [Fact]
        public Task Guard_qualifies_SystemState_when_the_short_name_means_something_else() => VerifyGuard.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers
            {
                public enum SystemState { Up, Down }

                public sealed class NicDriver : PciDriver
                {
                    public override string Name => "nic";

                    public override void Probe(PciDevice device) { }

                    public override void Shutdown(PciDevice device) => [|device.SetPowerState(PciPowerState.D3Cold)|];
                }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers
            {
                public enum SystemState { Up, Down }

                public sealed class NicDriver : PciDriver
                {
                    public override string Name => "nic";

                    public override void Probe(PciDevice device) { }

                    public override void Shutdown(PciDevice device)
                    {
                        if (device.Kernel.SystemState == ShutdownAnalyzers.DriverModel.SystemState.PowerOff)
                        {
                            device.SetPowerState(PciPowerState.D3Cold);
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task Guard_keeps_an_else_with_its_if() => VerifyGuard.VerifyCodeFixAsync(
            PciDriver("""
                if (device.IsEnabled)
                    [|device.SetPowerState(PciPowerState.D3Hot)|];
                else
                    device.DisableDevice();
                """),
            PciDriver("""
                if (device.IsEnabled)
                {
                    if (device.Kernel.SystemState == SystemState.PowerOff)
                    {
                        device.SetPowerState(PciPowerState.D3Hot);
                    }
                }
                else
                    device.DisableDevice();
                """));

        [Fact]
        public Task Guard_joins_an_existing_guard_next_to_the_statement() => VerifyGuard.VerifyCodeFixAsync(
            PciDriver("""
                [|device.SetPowerState(PciPowerState.D3Hot)|];
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    device.DisableDevice();
                }
                """),
            PciDriver("""
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    device.SetPowerState(PciPowerState.D3Hot);
                    device.DisableDevice();
                }
                """));

        [Fact]
        public Task Guard_is_not_offered_for_a_declaration_later_statements_use()
        {
            var test = new VerifyGuard.Test
            {
                TestCode = PciDriver(
                    """
                    var slept = [|Sleep(device)|];
                    device.DisableDevice();
                    """,
                    """

                    private static bool Sleep(PciDevice device)
                    {
                        device.SetPowerState(PciPowerState.D3Hot);
                        return true;
                    }
                    """),
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Map_to_Remove_replaces_a_block_body() => VerifyMap.VerifyCodeFixAsync(
            PciDriver(
                """
                device.ClearMaster();
                [|device.SetPowerState(PciPowerState.D3Hot)|];
                """,
                """

                public override void Remove(PciDevice device)
                {
                    device.ClearMaster();
                    device.DisableDevice();
                }
                """),
            PciDriver(
                """
                Remove(device);
                """,
                """

                public override void Remove(PciDevice device)
                {
                    device.ClearMaster();
                    device.DisableDevice();
                }
                """));

        [Fact]
        public Task Map_to_Remove_keeps_an_expression_body_and_the_parameter_name() => VerifyMap.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class IgbDriver : PciDriver
            {
                public override string Name => "igb";

                public override void Probe(PciDevice pdev) { }

                public override void Remove(PciDevice pdev) => pdev.DisableDevice();

                public override void Shutdown(PciDevice pdev) => [|pdev.SetPowerState(PciPowerState.D3Hot)|];
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class IgbDriver : PciDriver
            {
                public override string Name => "igb";

                public override void Probe(PciDevice pdev) { }

                public override void Remove(PciDevice pdev) => pdev.DisableDevice();

                public override void Shutdown(PciDevice pdev) => Remove(pdev);
            }
            """);

        [Fact]
        public Task Map_to_Remove_is_not_offered_when_Remove_powers_off_too()
        {
            var test = new VerifyMap.Test
            {
                TestCode = PciDriver(
                    """
                    [|device.SetPowerState(PciPowerState.D3Hot)|];
                    """,
                    """

                    public override void Remove(PciDevice device) => Park(device);

                    private static void Park(PciDevice device) => device.SetPowerState(PciPowerState.D3Cold);
                    """),
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Map_to_Remove_is_not_offered_when_Remove_calls_Shutdown()
        {
            var test = new VerifyMap.Test
            {
                TestCode = PciDriver(
                    """
                    [|device.SetPowerState(PciPowerState.D3Hot)|];
                    """,
                    """

                    public override void Remove(PciDevice device)
                    {
                        Shutdown(device);
                        device.DisableDevice();
                    }
                    """),
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Map_to_Remove_is_not_offered_without_a_Remove()
        {
            var test = new VerifyMap.Test { TestCode = PciDriver("[|device.SetPowerState(PciPowerState.D3Hot)|];") };
            return test.RunAsync();
        }
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        [Fact]
        public Task Neighbouring_power_offs_share_one_guard() => VerifyGuard.VerifyCodeFixAsync(
            PciDriver(
                """
                device.ClearMaster();
                [|Sleep(device)|];
                [|device.SetPowerState(PciPowerState.D3Cold)|];
                [|Sleep(device)|];
                device.DisableDevice();
                [|device.SetPowerState(PciPowerState.D3Cold)|];
                """,
                """

                private static void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                """),
            PciDriver(
                """
                device.ClearMaster();
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    Sleep(device);
                    device.SetPowerState(PciPowerState.D3Cold);
                    Sleep(device);
                }
                device.DisableDevice();
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    device.SetPowerState(PciPowerState.D3Cold);
                }
                """,
                """

                private static void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                """));

        [Fact]
        public Task Two_calls_in_one_statement_are_guarded_once() => VerifyGuard.VerifyCodeFixAsync(
            PciDriver(
                """
                if ([|TrySleep(device)|])
                {
                    [|device.SetPowerState(PciPowerState.D3Cold)|];
                }
                """,
                """

                private static bool TrySleep(PciDevice device)
                {
                    device.SetPowerState(PciPowerState.D3Hot);
                    return true;
                }
                """),
            PciDriver(
                """
                if (device.Kernel.SystemState == SystemState.PowerOff)
                {
                    if (TrySleep(device))
                    {
                        device.SetPowerState(PciPowerState.D3Cold);
                    }
                }
                """,
                """

                private static bool TrySleep(PciDevice device)
                {
                    device.SetPowerState(PciPowerState.D3Hot);
                    return true;
                }
                """));

        [Fact]
        public Task Drivers_in_several_files_and_projects()
        {
            const string Flawed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : ScsiDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(ScsiDevice device) {{ }}

                    public override void Shutdown(ScsiDevice device)
                    {{
                        [|device.StopUnit()|];
                    }}
                }}
                """;
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : ScsiDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(ScsiDevice device) {{ }}

                    public override void Shutdown(ScsiDevice device)
                    {{
                        if (device.Kernel.SystemState == SystemState.PowerOff)
                        {{
                            device.StopUnit();
                        }}
                    }}
                }}
                """;

            var test = new VerifyGuard.Test();
            test.TestState.Sources.Add(string.Format(Flawed, "Sd"));
            test.TestState.Sources.Add(string.Format(Flawed, "Sr"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(Flawed, "St"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Sd"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Sr"));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(Fixed, "St"));
            return test.RunAsync();
        }

        [Fact]
        public Task Map_to_Remove_replaces_each_Shutdown_once() => VerifyMap.VerifyCodeFixAsync(
            PciDriver(
                """
                [|Sleep(device)|];
                device.ClearMaster();
                [|device.SetPowerState(PciPowerState.D3Cold)|];
                """,
                """

                public override void Remove(PciDevice device) => device.DisableDevice();

                private static void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                """),
            PciDriver(
                """
                Remove(device);
                """,
                """

                public override void Remove(PciDevice device) => device.DisableDevice();

                private static void Sleep(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
                """));
    }
}
