using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Tests.Documentation;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.ShutdownSkipsCacheFlushOnRestartAnalyzer>;
using VerifyFlushFirst = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.ShutdownSkipsCacheFlushOnRestartAnalyzer,
    ShutdownAnalyzers.FlushWriteCacheFirstCodeFixProvider>;
using VerifySkipOnlyNonVolatile = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.ShutdownSkipsCacheFlushOnRestartAnalyzer,
    ShutdownAnalyzers.SkipFlushOnlyWhenNonVolatileCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD005: Shutdown skips the write-cache flush on the restart path.</summary>
public static class SHD005ShutdownSkipsCacheFlushTests
{
    /// <summary>
    /// A RAID driver whose Shutdown has <paramref name="shutdownBody"/>, with <paramref name="members"/>
    /// beside it; <c>{|#0:Shutdown|}</c> when <paramref name="reported"/>.
    /// </summary>
    private static string RaidDriver(string shutdownBody, string members = "", bool reported = false) => $$"""
        using System;
        using ShutdownAnalyzers.DriverModel;

        public sealed class RaidDriver : PciDriver
        {
            private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(60);

            private readonly bool fastReboot = true;

            public override string Name => "raid";

            public override void Probe(PciDevice device) => device.EnableDevice();

            public override void {{(reported ? "{|#0:Shutdown|}" : "Shutdown")}}(PciDevice device)
            {
        {{Indent(shutdownBody, 8)}}
            }
        {{Indent(members, 4)}}
        }
        """;

    /// <summary>ipr's helper: the adapter's shutdown command flushes the cache unless it only quiesces.</summary>
    private const string BringDown = """

        private static void BringDown(PciDevice device, ShutdownType type)
        {
            if (type == ShutdownType.Normal)
            {
                device.WriteCache?.Flush(FlushTimeout);
            }

            device.StopDma();
            device.ClearMaster();
        }

        public enum ShutdownType { Normal, Quiesce }
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

    /// <summary>Code the rule accepts: flushes on every path, skips only a non-volatile cache, and what it cannot know.</summary>
    public class Valid
    {
        [Fact]
        public Task Flush_on_every_path() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            device.WriteCache?.Flush(FlushTimeout);
            device.StopDma();
            """));

        [Fact]
        public Task Flush_in_both_branches_of_the_state_check() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            if (device.Kernel.SystemState == SystemState.Restart)
            {
                device.WriteCache?.Flush(FlushTimeout);
                device.StopDma();
            }
            else
            {
                device.WriteCache?.Flush(FlushTimeout);
                device.DisableDevice();
            }
            """));

        [Fact]
        public Task Skip_guarded_by_a_non_volatile_cache_as_ipr_should() => Verify.VerifyAnalyzerAsync(RaidDriver(
            """
            var type = ShutdownType.Normal;
            if (fastReboot && device.Kernel.SystemState == SystemState.Restart && device.WriteCache is { IsNonVolatile: true })
            {
                type = ShutdownType.Quiesce;
            }

            BringDown(device, type);
            """,
            BringDown));

        [Fact]
        public Task Early_return_for_a_non_volatile_cache_on_restart() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            var cache = device.WriteCache;
            if (cache is not null && cache.IsNonVolatile && device.Kernel.SystemState == SystemState.Restart)
            {
                return;
            }

            cache?.Flush(FlushTimeout);
            """));

        [Fact]
        public Task Flush_unless_restarting_with_a_non_volatile_cache() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            if (device.Kernel.SystemState != SystemState.Restart || !(device.WriteCache?.IsNonVolatile ?? false))
            {
                device.WriteCache?.Flush(FlushTimeout);
            }
            """));

        [Fact]
        public Task Users_own_property_marked_as_telling_non_volatility() => Verify.VerifyAnalyzerAsync(RaidDriver(
            """
            if (BatteryBacked && device.Kernel.SystemState == SystemState.Restart) return;
            device.WriteCache!.Flush(FlushTimeout);
            """,
            """

            [IndicatesNonVolatileCache]
            private static bool BatteryBacked { get; set; }
            """));

        [Fact]
        public Task No_flush_at_all_is_not_this_rules_business() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            device.StopDma();
            device.ClearMaster();
            """));

        [Fact]
        public Task A_flush_that_depends_on_something_else_on_power_off_too() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            if (device.WriteCache!.UnflushedWrites > 0 && device.Kernel.SystemState != SystemState.Restart)
            {
                device.WriteCache.Flush(FlushTimeout);
            }
            """));

        [Fact]
        public Task Shutdown_mapped_to_a_Remove_that_always_flushes() => Verify.VerifyAnalyzerAsync(RaidDriver(
            "Remove(device);",
            """

            public override void Remove(PciDevice device)
            {
                device.WriteCache?.Flush(FlushTimeout);
                device.DisableDevice();
            }
            """));

        [Fact]
        public Task A_skip_in_Remove_is_not_on_the_shutdown_path() => Verify.VerifyAnalyzerAsync(RaidDriver(
            "device.WriteCache?.Flush(FlushTimeout);",
            """

            public override void Remove(PciDevice device)
            {
                if (device.Kernel.SystemState == SystemState.Restart) return;
                device.WriteCache?.Flush(FlushTimeout);
            }
            """));

        [Fact]
        public Task Flush_in_a_finally() => Verify.VerifyAnalyzerAsync(RaidDriver("""
            try
            {
                if (device.Kernel.SystemState == SystemState.Restart) return;
                device.StopDma();
            }
            finally
            {
                device.WriteCache?.Flush(FlushTimeout);
            }
            """));

        [Fact]
        public Task Flushes_through_interfaces_and_delegates_are_not_followed() => Verify.VerifyAnalyzerAsync(RaidDriver(
            """
            if (device.Kernel.SystemState != SystemState.Restart)
            {
                flusher.FlushAll(device);
                flush(device);
            }
            """,
            """

            private readonly ICacheFlusher flusher = new Flusher();

            private readonly Action<PciDevice> flush = d => d.WriteCache?.Flush(FlushTimeout);

            public interface ICacheFlusher { void FlushAll(PciDevice device); }

            private sealed class Flusher : ICacheFlusher
            {
                public void FlushAll(PciDevice device) => device.WriteCache?.Flush(FlushTimeout);
            }
            """));

        [Fact]
        public Task Look_alike_flush_on_an_unrelated_type() => Verify.VerifyAnalyzerAsync(RaidDriver(
            """
            if (device.Kernel.SystemState == SystemState.Restart) return;
            log.Flush();
            """,
            """

            private readonly System.IO.StringWriter log = new();
            """));

        [Fact]
        public Task A_Shutdown_outside_a_bus_API_driver_is_not_looked_at() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class Controller
            {
                public void Shutdown(PciDevice device)
                {
                    if (device.Kernel.SystemState == SystemState.Restart) return;
                    device.WriteCache?.Flush();
                }
            }
            """);

        [Fact]
        public Task Sd_syncs_the_cache_always_and_stops_the_disk_only_when_not_restarting() => Verify.VerifyAnalyzerAsync("""
            using System;
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice disk) => disk.StartUnit();

                public override void Shutdown(ScsiDevice disk)
                {
                    disk.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    if (disk.Kernel.SystemState != SystemState.Restart)
                    {
                        disk.StopUnit();
                    }
                }
            }
            """);

        [Fact]
        public Task Generic_driver_that_flushes_first() => Verify.VerifyAnalyzerAsync("""
            using System;
            using ShutdownAnalyzers.DriverModel;

            public class CachedDriver<TDevice> : Driver<TDevice>
                where TDevice : Device
            {
                public override string Name => "cached";

                public override void Probe(TDevice device) { }

                public override void Shutdown(TDevice device)
                {
                    device.WriteCache?.Flush(TimeSpan.FromSeconds(5));
                    if (device.Kernel.SystemState == SystemState.Restart) return;
                    device.DriverData = null;
                }
            }
            """);
    }

    /// <summary>Where and what the rule reports.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task A_skip_decided_by_a_helper_that_returns_a_test_of_the_state() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                "Finish(device, Quick(device));",
                """

                private static bool Quick(PciDevice device) => device.Kernel.SystemState == SystemState.Restart;

                private static void Finish(PciDevice device, bool quick)
                {
                    if (!quick) device.WriteCache?.Flush(FlushTimeout);
                }
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Finish → Flush"));

        [Fact]
        public Task Early_return_on_restart_before_the_flush() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                if ({|#1:device.Kernel.SystemState == SystemState.Restart|})
                {
                    return; // the next kernel will take care of it
                }

                device.WriteCache?.Flush(FlushTimeout);
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → Flush"));

        [Fact]
        public Task The_ipr_fast_reboot() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                var type = ShutdownType.Normal;
                if ({|#1:fastReboot && device.Kernel.SystemState == SystemState.Restart|})
                {
                    type = ShutdownType.Quiesce;
                }

                BringDown(device, type);
                """,
                BringDown,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → BringDown → Flush"));

        [Fact]
        public Task Flush_only_when_not_restarting() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                device.StopDma();
                if ({|#1:device.Kernel.SystemState != SystemState.Restart|})
                {
                    device.WriteCache!.Flush(FlushTimeout);
                }
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → Flush"));

        [Fact]
        public Task Skip_decided_in_a_conditional_expression() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                "BringDown(device, {|#1:device.Kernel.SystemState == SystemState.Restart|} ? ShutdownType.Quiesce : ShutdownType.Normal);",
                BringDown,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → BringDown → Flush"));

        [Fact]
        public Task Skip_decided_by_a_switch_on_the_state() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                switch (device.Kernel.SystemState)
                {
                    case SystemState.Restart:
                        device.StopDma();
                        break;
                    default:
                        device.WriteCache?.Flush(FlushTimeout);
                        device.StopDma();
                        break;
                }
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Flush"));

        [Fact]
        public Task Skip_decided_by_a_flag_computed_from_the_state() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                var quick = device.Kernel.SystemState == SystemState.Restart;
                if (!quick)
                {
                    device.WriteCache?.Flush(FlushTimeout);
                }
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Flush"));

        [Fact]
        public Task Non_volatility_asked_the_wrong_way_round() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                if ({|#1:device.WriteCache is { IsNonVolatile: false } && device.Kernel.SystemState == SystemState.Restart|}) return;
                device.WriteCache?.Flush(FlushTimeout);
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → Flush"));

        [Fact]
        public Task A_look_alike_IsNonVolatile_without_the_attribute_is_not_trusted() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                if ({|#1:IsNonVolatile && device.Kernel.SystemState == SystemState.Restart|}) return;
                device.WriteCache?.Flush(FlushTimeout);
                """,
                """

                private static bool IsNonVolatile => true;
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → Flush"));

        [Fact]
        public Task Users_own_helper_marked_FlushesCache() => Verify.VerifyAnalyzerAsync(
            RaidDriver(
                """
                if ({|#1:device.Kernel.SystemState == SystemState.Restart|}) return;
                SyncCache(device);
                """,
                """

                [FlushesCache]
                private static void SyncCache(PciDevice device) => device.WriteRegister(0x40, 1);
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidDriver", "Shutdown → SyncCache"));

        [Fact]
        public Task Skip_in_a_base_class_reported_once_where_its_body_is() => Verify.VerifyAnalyzerAsync(
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            public abstract class RaidBase : PciDriver
            {
                public override void Probe(PciDevice device) => device.EnableDevice();

                public override void {|#0:Shutdown|}(PciDevice device)
                {
                    if ({|#1:device.Kernel.SystemState == SystemState.Restart|}) return;
                    device.WriteCache?.Flush(TimeSpan.FromSeconds(10));
                }
            }

            public sealed class IprDriver : RaidBase
            {
                public override string Name => "ipr";
            }

            public sealed class MegaRaidDriver : RaidBase
            {
                public override string Name => "megaraid";
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("RaidBase", "Shutdown → Flush"));

        [Fact]
        public Task Virtual_call_on_this_resolves_to_the_drivers_override() => Verify.VerifyAnalyzerAsync(
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            public abstract class RaidBase : PciDriver
            {
                public override void Probe(PciDevice device) => device.EnableDevice();

                protected virtual void Stop(PciDevice device) => device.WriteCache?.Flush(TimeSpan.FromSeconds(10));
            }

            public sealed class IprDriver : RaidBase
            {
                public override string Name => "ipr";

                public override void {|#0:Shutdown|}(PciDevice device) => Stop(device);

                protected override void Stop(PciDevice device)
                {
                    if (device.Kernel.SystemState == SystemState.Restart) return;
                    base.Stop(device);
                }
            }

            public sealed class MegaRaidDriver : RaidBase
            {
                public override string Name => "megaraid";

                public override void Shutdown(PciDevice device) => Stop(device);
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("IprDriver", "Shutdown → Stop → Stop → Flush"));

        [Fact]
        public Task Helper_in_another_part_of_a_partial_driver()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class RaidDriver : PciDriver
                {
                    public override string Name => "raid";

                    public override void Probe(PciDevice device) { }

                    public override void {|#0:Shutdown|}(PciDevice device) => Stop(device, device.Kernel.SystemState);
                }
                """);
            test.TestState.Sources.Add("""
                using System;
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class RaidDriver
                {
                    private static void Stop(PciDevice device, SystemState state)
                    {
                        if (state is SystemState.PowerOff or SystemState.Halt) device.WriteCache?.Flush(TimeSpan.FromSeconds(1));
                        device.StopDma();
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Stop → Flush"));
            return test.RunAsync();
        }

        [Fact]
        public Task Platform_driver() => Verify.VerifyAnalyzerAsync(
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NandDriver : PlatformDriver
            {
                public override string Name => "nand";

                public override void Probe(PlatformDevice device) { }

                public override void {|#0:Shutdown|}(PlatformDevice device) => Park(device, device.Kernel.SystemState == SystemState.Restart);

                private static void Park(PlatformDevice device, bool restarting)
                {
                    if (restarting) return;
                    device.WriteCache?.Flush(TimeSpan.FromSeconds(1));
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("NandDriver", "Shutdown → Park → Flush"));
    }

    /// <summary>Each fix on one diagnostic.</summary>
    public class CodeFix
    {
        [Fact]
        public Task Flush_first_goes_before_everything_else() => VerifyFlushFirst.VerifyCodeFixAsync(
            RaidDriver(
                """
                var type = ShutdownType.Normal;
                if (fastReboot && device.Kernel.SystemState == SystemState.Restart)
                {
                    type = ShutdownType.Quiesce;
                }

                BringDown(device, type);
                """,
                BringDown,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → BringDown → Flush").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            RaidDriver(
                """
                device.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                var type = ShutdownType.Normal;
                if (fastReboot && device.Kernel.SystemState == SystemState.Restart)
                {
                    type = ShutdownType.Quiesce;
                }

                BringDown(device, type);
                """,
                BringDown));

        [Fact]
        public Task Flush_first_turns_an_expression_body_into_a_block_and_adds_the_using() => VerifyFlushFirst.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NandDriver : PlatformDriver
            {
                public override string Name => "nand";

                public override void Probe(PlatformDevice chip) { }

                public override void [|Shutdown|](PlatformDevice chip) => Park(chip, chip.Kernel.SystemState == SystemState.Restart);

                private static void Park(PlatformDevice chip, bool restarting)
                {
                    if (!restarting) chip.WriteCache?.Flush();
                }
            }
            """,
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            public sealed class NandDriver : PlatformDriver
            {
                public override string Name => "nand";

                public override void Probe(PlatformDevice chip) { }

                public override void Shutdown(PlatformDevice chip)
                {
                    chip.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    Park(chip, chip.Kernel.SystemState == SystemState.Restart);
                }

                private static void Park(PlatformDevice chip, bool restarting)
                {
                    if (!restarting) chip.WriteCache?.Flush();
                }
            }
            """);

        [Fact]
        public Task Skip_only_when_non_volatile_joins_a_condition_that_skips_with_and() => VerifySkipOnlyNonVolatile.VerifyCodeFixAsync(
            RaidDriver(
                """
                var type = ShutdownType.Normal;
                if (fastReboot && device.Kernel.SystemState == SystemState.Restart)
                {
                    type = ShutdownType.Quiesce;
                }

                BringDown(device, type);
                """,
                BringDown,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → BringDown → Flush").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            RaidDriver(
                """
                var type = ShutdownType.Normal;
                if (fastReboot && device.Kernel.SystemState == SystemState.Restart && device.WriteCache is { IsNonVolatile: true })
                {
                    type = ShutdownType.Quiesce;
                }

                BringDown(device, type);
                """,
                BringDown));

        [Fact]
        public Task Skip_only_when_non_volatile_joins_a_condition_that_flushes_with_or() => VerifySkipOnlyNonVolatile.VerifyCodeFixAsync(
            RaidDriver(
                """
                if (device.Kernel.SystemState == SystemState.PowerOff || device.Kernel.SystemState == SystemState.Halt)
                {
                    device.WriteCache!.Flush(FlushTimeout);
                }
                """,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Flush").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            RaidDriver(
                """
                if (device.Kernel.SystemState == SystemState.PowerOff || device.Kernel.SystemState == SystemState.Halt || device.WriteCache is not { IsNonVolatile: true })
                {
                    device.WriteCache!.Flush(FlushTimeout);
                }
                """));

        [Fact]
        public Task Skip_only_when_non_volatile_keeps_a_conditional_expression_apart() => VerifySkipOnlyNonVolatile.VerifyCodeFixAsync(
            RaidDriver(
                "BringDown(device, device.Kernel.SystemState == SystemState.Restart ? ShutdownType.Quiesce : ShutdownType.Normal);",
                BringDown,
                reported: true),
            Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → BringDown → Flush").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            RaidDriver(
                "BringDown(device, device.Kernel.SystemState == SystemState.Restart && device.WriteCache is { IsNonVolatile: true } ? ShutdownType.Quiesce : ShutdownType.Normal);",
                BringDown));

        [Fact]
        public Task Skip_only_when_non_volatile_is_not_offered_when_the_state_is_read_outside_the_condition()
        {
            var test = new VerifySkipOnlyNonVolatile.Test
            {
                TestCode = RaidDriver(
                    """
                    var quick = device.Kernel.SystemState == SystemState.Restart;
                    if (!quick)
                    {
                        device.WriteCache?.Flush(FlushTimeout);
                    }
                    """,
                    reported: true),
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Flush") },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Skip_only_when_non_volatile_is_not_offered_when_the_condition_also_guards_a_power_off()
        {
            var test = new VerifySkipOnlyNonVolatile.Test
            {
                TestCode = RaidDriver(
                    """
                    if (device.Kernel.SystemState == SystemState.PowerOff)
                    {
                        device.WriteCache!.Flush(FlushTimeout);
                        device.SetPowerState(PciPowerState.D3Hot);
                    }
                    """,
                    reported: true),
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("RaidDriver", "Shutdown → Flush") },
            };
            return test.RunAsync();
        }
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        private const string Flawed = """
            using ShutdownAnalyzers.DriverModel;

            public sealed class {0}Driver : PciDriver
            {{
                public override string Name => "{0}";

                public override void Probe(PciDevice device) {{ }}

                public override void [|Shutdown|](PciDevice device)
                {{
                    if (device.Kernel.SystemState == SystemState.Restart)
                    {{
                        return;
                    }}

                    device.WriteCache?.Flush(System.TimeSpan.FromSeconds(60));
                }}
            }}
            """;

        [Fact]
        public Task Flush_first_in_several_files_and_projects()
        {
            const string Fixed = """
                using System;
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) {{ }}

                    public override void Shutdown(PciDevice device)
                    {{
                        device.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                        if (device.Kernel.SystemState == SystemState.Restart)
                        {{
                            return;
                        }}

                        device.WriteCache?.Flush(System.TimeSpan.FromSeconds(60));
                    }}
                }}
                """;
            return Run(new VerifyFlushFirst.Test(), Fixed);
        }

        [Fact]
        public Task Skip_only_when_non_volatile_in_several_files_and_projects()
        {
            const string Fixed = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) {{ }}

                    public override void Shutdown(PciDevice device)
                    {{
                        if (device.Kernel.SystemState == SystemState.Restart && device.WriteCache is {{ IsNonVolatile: true }})
                        {{
                            return;
                        }}

                        device.WriteCache?.Flush(System.TimeSpan.FromSeconds(60));
                    }}
                }}
                """;
            return Run(new VerifySkipOnlyNonVolatile.Test(), Fixed);
        }

        [Fact]
        public Task Two_drivers_in_one_file_each_get_one_flush() => VerifyFlushFirst.VerifyCodeFixAsync(
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            public sealed class IprDriver : PciDriver
            {
                public override string Name => "ipr";

                public override void Probe(PciDevice device) { }

                public override void [|Shutdown|](PciDevice device)
                {
                    if (device.Kernel.SystemState != SystemState.Restart) device.WriteCache?.Flush(TimeSpan.FromSeconds(60));
                }
            }

            public sealed class AacraidDriver : PciDriver
            {
                public override string Name => "aacraid";

                public override void Probe(PciDevice device) { }

                public override void [|Shutdown|](PciDevice device) => Stop(device, device.Kernel.SystemState != SystemState.Restart);

                private static void Stop(PciDevice device, bool flush)
                {
                    if (flush) device.WriteCache?.Flush(TimeSpan.FromSeconds(60));
                }
            }
            """,
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            public sealed class IprDriver : PciDriver
            {
                public override string Name => "ipr";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device)
                {
                    device.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    if (device.Kernel.SystemState != SystemState.Restart) device.WriteCache?.Flush(TimeSpan.FromSeconds(60));
                }
            }

            public sealed class AacraidDriver : PciDriver
            {
                public override string Name => "aacraid";

                public override void Probe(PciDevice device) { }

                public override void Shutdown(PciDevice device)
                {
                    device.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    Stop(device, device.Kernel.SystemState != SystemState.Restart);
                }

                private static void Stop(PciDevice device, bool flush)
                {
                    if (flush) device.WriteCache?.Flush(TimeSpan.FromSeconds(60));
                }
            }
            """);

        private static Task Run(CodeFixTest test, string fixedTemplate)
        {
            test.TestState.Sources.Add(string.Format(Flawed, "Ipr"));
            test.TestState.Sources.Add(string.Format(Flawed, "Megaraid"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(Flawed, "Aacraid"));
            test.FixedState.Sources.Add(string.Format(fixedTemplate, "Ipr"));
            test.FixedState.Sources.Add(string.Format(fixedTemplate, "Megaraid"));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(fixedTemplate, "Aacraid"));
            return test.RunAsync();
        }
    }

    /// <summary>The ipr sample under Samples/ warns where it should, and only there.</summary>
    public sealed class Samples
    {
        [Fact]
        public Task Ipr_flawed_driver_is_reported_at_its_fast_reboot_and_the_fixed_one_is_not()
        {
            var folder = Path.Combine(RepositoryLayout.Root, "Samples", "Ipr");
            var test = new Verify.Test();
            foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                test.TestState.Sources.Add((Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText(file)));
            }

            var flawed = File.ReadAllText(Path.Combine(folder, "Flawed", "IprDriver.cs"));
            var (line, column) = SourcePosition.Of(flawed, "void Shutdown", "void ".Length);
            var (conditionLine, conditionColumn) = SourcePosition.Of(flawed, "fastReboot && device.Kernel.SystemState == SystemState.Restart", 0);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic()
                .WithLocation("/0/Flawed/IprDriver.cs", line, column)
                .WithLocation("/0/Flawed/IprDriver.cs", conditionLine, conditionColumn)
                .WithArguments("IprDriver", "Shutdown → ShutDown → BringDown → Flush"));
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public class Configuration
    {
        private static readonly string Flawed = RaidDriver(
            """
            if (device.Kernel.SystemState == SystemState.Restart) return;
            device.WriteCache?.Flush(FlushTimeout);
            """,
            reported: true);

        private static DiagnosticResult Expected(DiagnosticSeverity severity) =>
            Verify.Diagnostic().WithLocation(0).WithSeverity(severity).WithArguments("RaidDriver", "Shutdown → Flush").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public Task Default_severity_is_warning() =>
            Verify.VerifyAnalyzerAsync(Flawed, Expected(DiagnosticSeverity.Warning));

        [Fact]
        public Task Severity_raised_to_error_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed,
                EditorConfig = "dotnet_diagnostic.SHD005.severity = error",
                ExpectedDiagnostics = { Expected(DiagnosticSeverity.Error) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Rule_turned_off_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed.Replace("{|#0:Shutdown|}", "Shutdown", StringComparison.Ordinal),
                EditorConfig = "dotnet_diagnostic.SHD005.severity = none",
            };
            return test.RunAsync();
        }
    }
}
