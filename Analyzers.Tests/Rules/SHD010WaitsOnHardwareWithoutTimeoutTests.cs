using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.WaitsOnHardwareWithoutTimeoutAnalyzer>;
using VerifyFix = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.WaitsOnHardwareWithoutTimeoutAnalyzer,
    ShutdownAnalyzers.GiveWaitTimeoutCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD010: Shutdown or Remove waits on the hardware with no timeout.</summary>
public static class SHD010WaitsOnHardwareWithoutTimeoutTests
{
    /// <summary>An NVMe-like driver whose Remove has <paramref name="removeBody"/>, with <paramref name="members"/> beside it.</summary>
    private static string NvmeDriver(string removeBody, string members = "") => $$"""
        using System;
        using System.Threading;
        using ShutdownAnalyzers.DriverModel;

        public sealed class NvmeDriver : PciDriver
        {
            private const int Cc = 0x14;
            private const int Csts = 0x1c;
            private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

            public override string Name => "nvme";

            public override void Probe(PciDevice device) => device.EnableDevice();

            public override void Remove(PciDevice device)
            {
        {{Indent(removeBody, 8)}}
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

    /// <summary>Code the rule accepts: bounded waits, waits elsewhere, and what it cannot see.</summary>
    public class Valid
    {
        [Fact]
        public Task Every_wait_has_a_finite_timeout() => Verify.VerifyAnalyzerAsync(NvmeDriver("""
            device.WriteRegister(Cc, 1 << 14);
            device.WaitForRegister(Csts, 0xc, 0x8, ShutdownTimeout);
            device.WriteCache?.Flush(TimeSpan.FromSeconds(30));
            device.IssueMailboxCommand(default, TimeSpan.FromMilliseconds(500));
            """));

        [Fact]
        public Task A_timeout_the_analysis_cannot_evaluate_counts_as_bounded() => Verify.VerifyAnalyzerAsync(NvmeDriver(
            "device.WaitForRegister(Csts, 0xc, 0x8, TimeoutFromCapabilities(device));",
            """

            private static TimeSpan TimeoutFromCapabilities(PciDevice device) => TimeSpan.FromMilliseconds(500 * (device.ReadRegister(0) >> 24));
            """));

        [Fact]
        public Task Helper_given_a_finite_timeout() => Verify.VerifyAnalyzerAsync(NvmeDriver(
            "WaitReady(device, ShutdownTimeout);",
            """

            private static void WaitReady(PciDevice device, TimeSpan timeout) => device.WaitForRegister(Csts, 1, 0, timeout);
            """));

        [Fact]
        public Task Waits_without_a_timeout_in_Probe_Suspend_and_Resume_are_not_this_rules_business() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) => device.WaitForRegister(0x1c, 1, 1, Timeout.InfiniteTimeSpan);

                public override void Suspend(PciDevice device) => device.WriteCache?.Flush();

                public override void Resume(PciDevice device) => device.WaitForRegister(0x1c, 1, 1, Timeout.InfiniteTimeSpan);

                public override void Remove(PciDevice device) => device.DisableDevice();
            }
            """);

        [Fact]
        public Task Waits_through_interfaces_delegates_and_lambdas_are_not_followed() => Verify.VerifyAnalyzerAsync(NvmeDriver(
            """
            controller.Disable(device);
            disable(device);
            Action later = () => device.WriteCache?.Flush();
            """,
            """

            private readonly IController controller = new Controller();

            private readonly Action<PciDevice> disable = d => d.WaitForRegister(Csts, 1, 0, Timeout.InfiniteTimeSpan);

            public interface IController { void Disable(PciDevice device); }

            private sealed class Controller : IController
            {
                public void Disable(PciDevice device) => device.WaitForRegister(Csts, 1, 0, Timeout.InfiniteTimeSpan);
            }
            """));

        [Fact]
        public Task Look_alike_waits_without_the_attribute() => Verify.VerifyAnalyzerAsync(NvmeDriver(
            """
            Wait(device, Timeout.InfiniteTimeSpan);
            done.Wait();
            """,
            """

            private readonly ManualResetEventSlim done = new(true);

            private static void Wait(PciDevice device, TimeSpan timeout) => device.ReadRegister(Csts);
            """));

        [Fact]
        public Task A_Remove_outside_a_bus_API_driver_is_not_looked_at() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class Hotplug
            {
                public void Remove(PciDevice device) => device.WriteCache?.Flush();
            }
            """);

        [Fact]
        public Task A_new_Remove_that_hides_the_callback_is_never_called_by_the_kernel() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public new void Remove(PciDevice device) => device.WriteCache?.Flush();
            }
            """);

        [Fact]
        public Task Generic_driver_with_bounded_waits() => Verify.VerifyAnalyzerAsync("""
            using System;
            using ShutdownAnalyzers.DriverModel;

            public class CachedDriver<TDevice> : Driver<TDevice>
                where TDevice : Device
            {
                public override string Name => "cached";

                public override void Probe(TDevice device) { }

                public override void Shutdown(TDevice device) => device.WriteCache?.Flush(TimeSpan.FromSeconds(5));

                public override void Remove(TDevice device) => Shutdown(device);
            }
            """);
    }

    /// <summary>Where and what the rule reports, and where it says the timeout goes.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task A_flush_with_no_timeout_parameter() => Verify.VerifyAnalyzerAsync(
            NvmeDriver("{|#0:device.WriteCache!.Flush()|};"),
            Verify.Diagnostic().WithLocation(0).WithLocation(0).WithArguments("Remove", "NvmeDriver", "Remove → Flush()"));

        [Fact]
        public Task An_infinite_register_wait_in_a_helper() => Verify.VerifyAnalyzerAsync(
            NvmeDriver(
                "{|#0:DisableController(device)|};",
                """

                private static void DisableController(PciDevice device)
                {
                    device.WriteRegister(Cc, 1 << 14);
                    device.WaitForRegister(Csts, 0xc, 0x8, {|#1:Timeout.InfiniteTimeSpan|});
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Remove", "NvmeDriver", "Remove → DisableController → WaitForRegister(infinite)"));

        [Theory]
        [InlineData("TimeSpan.MaxValue", "infinite")]
        [InlineData("TimeSpan.FromMilliseconds(-1)", "infinite")]
        [InlineData("TimeSpan.FromMilliseconds(Timeout.Infinite)", "infinite")]
        public Task Other_ways_to_say_for_ever(string timeout, string shown) => Verify.VerifyAnalyzerAsync(
            NvmeDriver($"{{|#0:device.WaitForRegister(Csts, 1, 0, {{|#1:{timeout}|}})|}};"),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Remove", "NvmeDriver", $"Remove → WaitForRegister({shown})"));

        [Fact]
        public Task The_infinite_timeout_passed_down_through_helper_parameters() => Verify.VerifyAnalyzerAsync(
            NvmeDriver(
                "{|#0:DisableController(device, {|#1:Timeout.InfiniteTimeSpan|})|};",
                """

                private static void DisableController(PciDevice device, TimeSpan timeout)
                {
                    device.WriteRegister(Cc, 1 << 14);
                    WaitShutdownComplete(device, timeout);
                }

                private static void WaitShutdownComplete(PciDevice device, TimeSpan timeout) => device.WaitForRegister(Csts, 0xc, 0x8, timeout);
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("Remove", "NvmeDriver", "Remove → DisableController → WaitShutdownComplete → WaitForRegister(infinite)"));

        [Fact]
        public Task Users_own_wait_whose_timeout_is_left_out_or_null() => Verify.VerifyAnalyzerAsync(
            NvmeDriver(
                """
                {|#0:Poll(device)|};
                {|#1:Poll(device, {|#2:null|})|};
                """,
                """

                [WaitsOnHardware(TimeoutParameter = "timeout")]
                private static bool Poll(PciDevice device, TimeSpan? timeout = null) => device.WaitForRegister(Csts, 1, 0, timeout ?? ShutdownTimeout);
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(0).WithArguments("Remove", "NvmeDriver", "Remove → Poll(null)"),
            Verify.Diagnostic().WithLocation(1).WithLocation(2).WithArguments("Remove", "NvmeDriver", "Remove → Poll(null)"));

        [Fact]
        public Task A_timeout_in_milliseconds() => Verify.VerifyAnalyzerAsync(
            NvmeDriver(
                "{|#0:Poll(device, {|#1:Timeout.Infinite|})|};",
                """

                [WaitsOnHardware(TimeoutParameter = "timeoutMs")]
                private static void Poll(PciDevice device, int timeoutMs) => device.ReadRegister(Csts);
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Remove", "NvmeDriver", "Remove → Poll(infinite)"));

        [Fact]
        public Task Shutdown_and_Remove_are_both_checked_whatever_the_system_state() => Verify.VerifyAnalyzerAsync(
            """
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device)
                {
                    if (device.Kernel.SystemState == SystemState.PowerOff)
                    {
                        {|#0:device.WriteCache!.Flush()|};
                    }

                    {|#1:Remove(device)|};
                }

                public override void Remove(PciDevice device) => {|#2:device.WaitForRegister(0x1c, 1, 0, {|#3:Timeout.InfiniteTimeSpan|})|};
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(0).WithArguments("Shutdown", "NvmeDriver", "Shutdown → Flush()"),
            Verify.Diagnostic().WithLocation(1).WithLocation(3).WithArguments("Shutdown", "NvmeDriver", "Shutdown → Remove → WaitForRegister(infinite)"),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("Remove", "NvmeDriver", "Remove → WaitForRegister(infinite)"));

        [Fact]
        public Task A_presence_check_does_not_make_the_wait_safe() => Verify.VerifyAnalyzerAsync(
            NvmeDriver("""
                if (device.ReadRegister(Csts) != MemoryMappedDevice.AllOnes)
                {
                    {|#0:device.WaitForRegister(Csts, 0xc, 0x8, {|#1:Timeout.InfiniteTimeSpan|})|};
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Remove", "NvmeDriver", "Remove → WaitForRegister(infinite)"));

        [Fact]
        public Task Remove_in_a_base_class_reported_once_where_its_body_is() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class StorageDriver : PciDriver
            {
                public override void Probe(PciDevice device) { }

                public override void Remove(PciDevice device) => {|#0:device.WriteCache?{|#1:.Flush()|}|};
            }

            public sealed class NvmeDriver : StorageDriver
            {
                public override string Name => "nvme";
            }

            public sealed class AhciDriver : StorageDriver
            {
                public override string Name => "ahci";
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Remove", "StorageDriver", "Remove → Flush()"));

        [Fact]
        public Task Local_function_and_partial_driver()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NvmeDriver : PciDriver
                {
                    public override string Name => "nvme";

                    public override void Probe(PciDevice device) { }

                    public override void Shutdown(PciDevice device)
                    {
                        {|#0:Quiesce()|};

                        void Quiesce() => {|#1:Disable(device)|};
                    }
                }
                """);
            test.TestState.Sources.Add("""
                using System.Threading;
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NvmeDriver
                {
                    private static void Disable(PciDevice device) => device.WaitForRegister(0x1c, 1, 0, {|#2:Timeout.InfiniteTimeSpan|});
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("Shutdown", "NvmeDriver", "Shutdown → Quiesce → Disable → WaitForRegister(infinite)"));
            return test.RunAsync();
        }

        [Fact]
        public Task Scsi_and_platform_drivers() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice disk) => disk.StartUnit();

                public override void Shutdown(ScsiDevice disk) => {|#0:disk.WriteCache?{|#2:.Flush()|}|};
            }

            public sealed class MmcDriver : PlatformDriver
            {
                public override string Name => "mmc";

                public override void Probe(PlatformDevice host) { }

                public override void Remove(PlatformDevice host) => {|#1:host.WriteCache?{|#3:.Flush()|}|};
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("Shutdown", "SdDriver", "Shutdown → Flush()"),
            Verify.Diagnostic().WithLocation(1).WithLocation(3).WithArguments("Remove", "MmcDriver", "Remove → Flush()"));
    }

    /// <summary>The fix on one diagnostic.</summary>
    public class CodeFix
    {
        [Fact]
        public Task Replaces_the_infinite_timeout() => VerifyFix.VerifyCodeFixAsync(
            """
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public override void Remove(PciDevice device)
                {
                    device.WriteRegister(0x14, 1 << 14);
                    [|device.WaitForRegister(0x1c, 0xc, 0x8, Timeout.InfiniteTimeSpan)|]; // CSTS.SHST complete
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public override void Remove(PciDevice device)
                {
                    device.WriteRegister(0x14, 1 << 14);
                    device.WaitForRegister(0x1c, 0xc, 0x8, TimeSpan.FromSeconds(30)); // CSTS.SHST complete
                }
            }
            """);

        [Fact]
        public Task Calls_the_overload_that_takes_a_timeout() => VerifyFix.VerifyCodeFixAsync(
            NvmeDriver("[|device.WriteCache!.Flush()|];"),
            NvmeDriver("device.WriteCache!.Flush(TimeSpan.FromSeconds(30));"));

        [Fact]
        public Task Adds_the_timeout_a_call_leaves_out() => VerifyFix.VerifyCodeFixAsync(
            NvmeDriver(
                "[|Poll(device)|];",
                """

                [WaitsOnHardware(TimeoutParameter = "timeout")]
                private static bool Poll(PciDevice device, TimeSpan? timeout = null, int bit = 1) => device.WaitForRegister(Csts, (uint)bit, 0, timeout ?? ShutdownTimeout);
                """),
            NvmeDriver(
                "Poll(device, TimeSpan.FromSeconds(30));",
                """

                [WaitsOnHardware(TimeoutParameter = "timeout")]
                private static bool Poll(PciDevice device, TimeSpan? timeout = null, int bit = 1) => device.WaitForRegister(Csts, (uint)bit, 0, timeout ?? ShutdownTimeout);
                """));

        [Fact]
        public Task Names_the_timeout_when_it_is_not_the_next_argument() => VerifyFix.VerifyCodeFixAsync(
            NvmeDriver(
                "[|Poll(device, bit: 2)|];",
                """

                [WaitsOnHardware(TimeoutParameter = "timeout")]
                private static bool Poll(PciDevice device, int bit = 1, TimeSpan? timeout = null) => device.WaitForRegister(Csts, (uint)bit, 0, timeout ?? ShutdownTimeout);
                """),
            NvmeDriver(
                "Poll(device, bit: 2, timeout: TimeSpan.FromSeconds(30));",
                """

                [WaitsOnHardware(TimeoutParameter = "timeout")]
                private static bool Poll(PciDevice device, int bit = 1, TimeSpan? timeout = null) => device.WaitForRegister(Csts, (uint)bit, 0, timeout ?? ShutdownTimeout);
                """));

        [Fact]
        public Task Fixes_the_callers_argument_when_helpers_pass_the_timeout_on() => VerifyFix.VerifyCodeFixAsync(
            NvmeDriver(
                "[|DisableController(device, Timeout.InfiniteTimeSpan)|];",
                """

                private static void DisableController(PciDevice device, TimeSpan timeout) => device.WaitForRegister(Csts, 0xc, 0x8, timeout);
                """),
            NvmeDriver(
                "DisableController(device, TimeSpan.FromSeconds(30));",
                """

                private static void DisableController(PciDevice device, TimeSpan timeout) => device.WaitForRegister(Csts, 0xc, 0x8, timeout);
                """));

        [Fact]
        public Task Gives_milliseconds_to_a_timeout_in_milliseconds() => VerifyFix.VerifyCodeFixAsync(
            NvmeDriver(
                "[|Poll(device, Timeout.Infinite)|];",
                """

                [WaitsOnHardware(TimeoutParameter = "timeoutMs")]
                private static void Poll(PciDevice device, int timeoutMs) => device.ReadRegister(Csts);
                """),
            NvmeDriver(
                "Poll(device, 30000);",
                """

                [WaitsOnHardware(TimeoutParameter = "timeoutMs")]
                private static void Poll(PciDevice device, int timeoutMs) => device.ReadRegister(Csts);
                """));

        [Fact]
        public Task Edits_the_helper_in_its_own_file()
        {
            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(("Driver.cs", """
                using ShutdownAnalyzers.DriverModel;

                public sealed class NvmeDriver : PciDriver
                {
                    public override string Name => "nvme";

                    public override void Probe(PciDevice device) { }

                    public override void Remove(PciDevice device) => [|Controller.Disable(device)|];
                }
                """));
            test.TestState.Sources.Add(("Controller.cs", """
                using System.Threading;
                using ShutdownAnalyzers.DriverModel;

                public static class Controller
                {
                    public static void Disable(PciDevice device)
                    {
                        device.WriteRegister(0x14, 0);
                        device.WaitForRegister(0x1c, 1, 0, Timeout.InfiniteTimeSpan);
                    }
                }
                """));
            test.FixedState.Sources.Add(("Driver.cs", """
                using ShutdownAnalyzers.DriverModel;

                public sealed class NvmeDriver : PciDriver
                {
                    public override string Name => "nvme";

                    public override void Probe(PciDevice device) { }

                    public override void Remove(PciDevice device) => Controller.Disable(device);
                }
                """));
            test.FixedState.Sources.Add(("Controller.cs", """
                using System;
                using System.Threading;
                using ShutdownAnalyzers.DriverModel;

                public static class Controller
                {
                    public static void Disable(PciDevice device)
                    {
                        device.WriteRegister(0x14, 0);
                        device.WaitForRegister(0x1c, 1, 0, TimeSpan.FromSeconds(30));
                    }
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task Not_offered_for_a_wait_with_no_overload_that_takes_a_timeout()
        {
            var test = new VerifyFix.Test
            {
                TestCode = NvmeDriver(
                    "[|WaitIdle(device)|];",
                    """

                    [WaitsOnHardware]
                    private static void WaitIdle(PciDevice device) => device.ReadRegister(Csts);
                    """),
            };
            return test.RunAsync();
        }
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        [Fact]
        public Task Shutdown_and_Remove_sharing_a_helper_fix_it_once() => VerifyFix.VerifyCodeFixAsync(
            """
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device) => [|Disable(device)|];

                public override void Remove(PciDevice device)
                {
                    [|Disable(device)|];
                    [|device.WriteCache?.Flush()|];
                    device.DisableDevice();
                }

                private static void Disable(PciDevice device) => device.WaitForRegister(0x1c, 0xc, 0x8, Timeout.InfiniteTimeSpan);
            }
            """,
            """
            using System;
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device) => Disable(device);

                public override void Remove(PciDevice device)
                {
                    Disable(device);
                    device.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    device.DisableDevice();
                }

                private static void Disable(PciDevice device) => device.WaitForRegister(0x1c, 0xc, 0x8, TimeSpan.FromSeconds(30));
            }
            """);

        [Fact]
        public Task Drivers_in_several_files_and_projects()
        {
            const string Flawed = """
                using System.Threading;
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) {{ }}

                    public override void Remove(PciDevice device)
                    {{
                        [|device.WaitForRegister(0x1c, 1, 0, Timeout.InfiniteTimeSpan)|];
                        [|device.WriteCache!.Flush()|];
                    }}
                }}
                """;
            const string Fixed = """
                using System;
                using System.Threading;
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) {{ }}

                    public override void Remove(PciDevice device)
                    {{
                        device.WaitForRegister(0x1c, 1, 0, TimeSpan.FromSeconds(30));
                        device.WriteCache!.Flush(TimeSpan.FromSeconds(30));
                    }}
                }}
                """;

            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(string.Format(Flawed, "Nvme"));
            test.TestState.Sources.Add(string.Format(Flawed, "Ahci"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(Flawed, "Mlx5"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Nvme"));
            test.FixedState.Sources.Add(string.Format(Fixed, "Ahci"));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(Fixed, "Mlx5"));
            return test.RunAsync();
        }
    }

    /// <summary>The nvme sample under Samples/ warns where it should, and only there.</summary>
    public sealed class Samples
    {
        [Fact]
        public Task Nvme_flawed_driver_is_reported_in_Shutdown_and_Remove_and_the_fixed_one_is_not()
        {
            var folder = Path.Combine(RepositoryLayout.Root, "Samples", "Nvme");
            var test = new Verify.Test();
            foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                test.TestState.Sources.Add((Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText(file)));
            }

            const string FlawedPath = "/0/Flawed/NvmeDriver.cs";
            var flawed = File.ReadAllText(Path.Combine(folder, "Flawed", "NvmeDriver.cs"));
            var shutdownCall = SourcePosition.Of(flawed, "NvmeCore.Disable(device, Timeout.InfiniteTimeSpan);", 0, occurrence: 0);
            var removeCall = SourcePosition.Of(flawed, "NvmeCore.Disable(device, Timeout.InfiniteTimeSpan);", 0, occurrence: 1);
            var shutdownTimeout = SourcePosition.Of(flawed, "Timeout.InfiniteTimeSpan);", 0, occurrence: 0);
            var removeTimeout = SourcePosition.Of(flawed, "Timeout.InfiniteTimeSpan);", 0, occurrence: 1);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic()
                .WithLocation(FlawedPath, shutdownCall.Line, shutdownCall.Column)
                .WithLocation(FlawedPath, shutdownTimeout.Line, shutdownTimeout.Column)
                .WithArguments("Shutdown", "NvmeDriver", "Shutdown → Disable → WaitForRegister(infinite)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic()
                .WithLocation(FlawedPath, removeCall.Line, removeCall.Column)
                .WithLocation(FlawedPath, removeTimeout.Line, removeTimeout.Column)
                .WithArguments("Remove", "NvmeDriver", "Remove → Disable → WaitForRegister(infinite)"));
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public class Configuration
    {
        private static readonly string Flawed = NvmeDriver("{|#0:device.WriteCache!.Flush()|};");

        private static DiagnosticResult Expected(DiagnosticSeverity severity) =>
            Verify.Diagnostic().WithLocation(0).WithLocation(0).WithSeverity(severity).WithArguments("Remove", "NvmeDriver", "Remove → Flush()");

        [Fact]
        public Task Default_severity_is_warning() => Verify.VerifyAnalyzerAsync(Flawed, Expected(DiagnosticSeverity.Warning));

        [Fact]
        public Task Severity_raised_to_error_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed,
                EditorConfig = "dotnet_diagnostic.SHD010.severity = error",
                ExpectedDiagnostics = { Expected(DiagnosticSeverity.Error) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Rule_turned_off_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|};", ";", StringComparison.Ordinal),
                EditorConfig = "dotnet_diagnostic.SHD010.severity = none",
            };
            return test.RunAsync();
        }
    }
}
