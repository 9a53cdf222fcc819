using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.RecoveryTestsBoundDriverAnalyzer>;
using VerifyReturn = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.RecoveryTestsBoundDriverAnalyzer,
    ShutdownAnalyzers.ReturnWhenRemovedCodeFixProvider>;
using VerifyTest = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.RecoveryTestsBoundDriverAnalyzer,
    ShutdownAnalyzers.TestIsAddedCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD008: error recovery tests the bound driver instead of IsAdded.</summary>
public static class SHD008RecoveryTestsBoundDriverTests
{
    /// <summary>A PCI driver whose SlotReset has <paramref name="slotResetBody"/>, with <paramref name="members"/> beside it.</summary>
    private static string NicDriver(string slotResetBody, string members = "") => $$"""
        using ShutdownAnalyzers.DriverModel;

        public sealed class NicDriver : PciDriver
        {
            public override string Name => "nic";

            public override void Probe(PciDevice device) => device.EnableDevice();

            public override PciErsResult SlotReset(PciDevice device)
            {
        {{Indent(slotResetBody, 8)}}
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

    /// <summary>Code the rule accepts: IsAdded tests in every form, look-alikes, and code that is not error recovery.</summary>
    public class Valid
    {
        [Fact]
        public Task IsAdded_tested_first() => Verify.VerifyAnalyzerAsync(NicDriver("""
            if (!device.IsAdded)
            {
                return PciErsResult.Disconnect;
            }

            device.EnableDevice();
            return PciErsResult.Recovered;
            """));

        [Fact]
        public Task IsAdded_tested_before_the_driver_data_is_fetched() => Verify.VerifyAnalyzerAsync(NicDriver(
            """
            if (!device.IsAdded || device.DriverData is not State state)
            {
                return PciErsResult.Disconnect;
            }

            device.StartDma(state.Rings);
            return PciErsResult.Recovered;
            """,
            """

            private sealed class State
            {
                public DmaBuffer Rings { get; } = null!;
            }
            """));

        [Fact]
        public Task IsAdded_and_the_bound_driver_in_one_condition_in_either_order() => Verify.VerifyAnalyzerAsync(NicDriver("""
            if (device.Driver is null || !device.IsAdded)
            {
                return PciErsResult.Disconnect;
            }

            if (device.Driver == this && device.IsAdded)
            {
                device.EnableDevice();
            }

            return device is { IsAdded: true, Driver: not null } ? PciErsResult.Recovered : PciErsResult.Disconnect;
            """));

        [Fact]
        public Task IsAdded_tested_by_a_helper() => Verify.VerifyAnalyzerAsync(NicDriver(
            """
            if (!StillThere(device))
            {
                return PciErsResult.Disconnect;
            }

            return device.Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;
            """,
            """

            private static bool StillThere(PciDevice device) => device.IsAdded;
            """));

        [Fact]
        public Task IsAdded_held_in_a_local() => Verify.VerifyAnalyzerAsync(NicDriver("""
            var added = device.IsAdded;
            if (!added || device.DriverData == null)
            {
                return PciErsResult.Disconnect;
            }

            return PciErsResult.Recovered;
            """));

        [Fact]
        public Task Driver_data_read_without_a_test() => Verify.VerifyAnalyzerAsync(NicDriver("""
            var rings = (DmaBuffer)device.DriverData!;
            device.StartDma(rings);
            return PciErsResult.Recovered;
            """));

        [Fact]
        public Task Bound_driver_tested_in_Probe_Remove_and_Suspend_is_not_error_recovery() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device)
                {
                    if (device.DriverData is null)
                    {
                        device.EnableDevice();
                    }
                }

                public override void Remove(PciDevice device)
                {
                    if (device.Driver is not null)
                    {
                        device.DisableDevice();
                    }
                }

                public override void Suspend(PciDevice device)
                {
                    if (device.DriverData != null)
                    {
                        device.ClearMaster();
                    }
                }
            }
            """);

        [Fact]
        public Task Look_alike_handlers_and_properties() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class Slot
            {
                public object? Driver { get; set; }

                public PciErsResult SlotReset(PciDevice device) => Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;
            }

            public sealed class NicDriver : PciDriver
            {
                private readonly Slot slot = new();

                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override PciErsResult SlotReset(PciDevice device) => slot.Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;

                // Named like a handler, but not the API's: the kernel never calls it during recovery.
                public PciErsResult SlotReset(PciDevice device, int attempt) => device.Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;
            }

            public sealed class PlatformNic : PlatformDriver
            {
                public override string Name => "platform-nic";

                public override void Probe(PlatformDevice device) { }

                public PciErsResult SlotReset(PlatformDevice device) => device.Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;
            }
            """);

        [Fact]
        public Task Null_conditional_and_coalescing_reads_are_not_tests() => Verify.VerifyAnalyzerAsync(NicDriver("""
            var name = device.Driver?.Name ?? "unbound";
            var data = device.DriverData ?? new object();
            return name.Length > 0 && data is not null ? PciErsResult.Recovered : PciErsResult.Disconnect;
            """));

        [Fact]
        public Task Proxy_test_in_a_lambda_is_not_on_the_handlers_path() => Verify.VerifyAnalyzerAsync(NicDriver("""
            System.Func<bool> bound = () => device.Driver is not null;
            return PciErsResult.Recovered;
            """));

        [Fact]
        public Task Proxy_test_after_the_handler_returned_on_every_path_where_the_device_is_gone() => Verify.VerifyAnalyzerAsync(NicDriver("""
            switch (device.IsAdded)
            {
                case false:
                    return PciErsResult.Disconnect;
                default:
                    break;
            }

            try
            {
                device.EnableDevice();
            }
            catch (System.InvalidOperationException)
            {
                return device.Driver is null ? PciErsResult.Disconnect : PciErsResult.NeedReset;
            }

            return PciErsResult.Recovered;
            """));
    }

    /// <summary>What the rule reports, where, and the path it names.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task Bound_driver_tested_for_null_in_SlotReset() => Verify.VerifyAnalyzerAsync(
            NicDriver("""
                if ({|#0:device.Driver is null|})
                {
                    return PciErsResult.Disconnect;
                }

                device.EnableDevice();
                return PciErsResult.Recovered;
                """),
            Verify.Diagnostic().WithLocation(0).WithMessage(
                "SlotReset of NicDriver tests the bound driver to tell whether the device is still there (device.Driver is null); " +
                "a removal racing with recovery leaves it set until Remove runs, so recovery carries on with a device that is gone: test IsAdded"));

        [Fact]
        public Task Every_form_of_the_test() => Verify.VerifyAnalyzerAsync(
            NicDriver(
                """
                if ({|#0:device.Driver == null|}) return PciErsResult.Disconnect;
                if ({|#1:device.Driver != null|} && {|#2:null != device.DriverData|}) device.EnableDevice();
                if ({|#3:device.DriverData is not State state|}) return PciErsResult.Disconnect;
                if ({|#4:device.Driver is PciDriver|}) device.SetMaster();
                if (device is { {|#5:DriverData: State|} }) device.StartDma(state.Rings);
                var bound = {|#6:device.Driver != null|};
                return bound ? PciErsResult.Recovered : PciErsResult.Disconnect;
                """,
                """

                private sealed class State
                {
                    public DmaBuffer Rings { get; } = null!;
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("SlotReset", "NicDriver", "the bound driver", "device.Driver == null"),
            Verify.Diagnostic().WithLocation(1).WithArguments("SlotReset", "NicDriver", "the bound driver", "device.Driver != null"),
            Verify.Diagnostic().WithLocation(2).WithArguments("SlotReset", "NicDriver", "the driver data", "null != device.DriverData"),
            Verify.Diagnostic().WithLocation(3).WithArguments("SlotReset", "NicDriver", "the driver data", "device.DriverData is not State state"),
            Verify.Diagnostic().WithLocation(4).WithArguments("SlotReset", "NicDriver", "the bound driver", "device.Driver is PciDriver"),
            Verify.Diagnostic().WithLocation(5).WithArguments("SlotReset", "NicDriver", "the driver data", "DriverData: State"),
            Verify.Diagnostic().WithLocation(6).WithArguments("SlotReset", "NicDriver", "the bound driver", "device.Driver != null"));

        [Fact]
        public Task Switch_on_the_driver_data() => Verify.VerifyAnalyzerAsync(NicDriver("""
            switch (device.DriverData)
            {
                case [|null|]:
                    return PciErsResult.Disconnect;
                default:
                    device.EnableDevice();
                    return PciErsResult.Recovered;
            }
            """));

        [Fact]
        public Task IsAdded_tested_only_on_one_path() => Verify.VerifyAnalyzerAsync(NicDriver(
            """
            if (Retry && !device.IsAdded)
            {
                return PciErsResult.Disconnect;
            }

            if ([|device.Driver is null|])
            {
                return PciErsResult.Disconnect;
            }

            return PciErsResult.Recovered;
            """,
            """

            public bool Retry { get; set; }
            """));

        [Fact]
        public Task IsAdded_tested_after_the_proxy() => Verify.VerifyAnalyzerAsync(NicDriver("""
            if ([|device.Driver is null|])
            {
                return PciErsResult.Disconnect;
            }

            return device.IsAdded ? PciErsResult.Recovered : PciErsResult.Disconnect;
            """));

        [Fact]
        public Task Proxy_in_a_helper_reported_on_the_call_in_the_handler() => Verify.VerifyAnalyzerAsync(
            NicDriver(
                """
                if (!{|#0:CanRecover(device)|})
                {
                    return PciErsResult.Disconnect;
                }

                return PciErsResult.Recovered;
                """,
                """

                private static bool CanRecover(PciDevice device) => IsBound(device);

                // "removed devices don't have a driver bound"
                private static bool IsBound(PciDevice device) => device.Driver != null;
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("SlotReset", "NicDriver", "the bound driver", "SlotReset → CanRecover → IsBound → device.Driver != null"));

        [Fact]
        public Task Every_handler_is_error_recovery() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override PciErsResult ErrorDetected(PciDevice device, PciChannelState state) =>
                    [|device.DriverData is null|] ? PciErsResult.Disconnect : PciErsResult.NeedReset;

                public override PciErsResult SlotReset(PciDevice device) =>
                    [|device.Driver is not null|] ? PciErsResult.Recovered : PciErsResult.Disconnect;

                public override void ResumeAfterError(PciDevice device)
                {
                    if ([|device.Driver is {}|])
                    {
                        device.SetMaster();
                    }
                }
            }
            """);

        [Fact]
        public Task Handler_in_an_abstract_base_reported_once_where_its_body_is() => Verify.VerifyAnalyzerAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public abstract class RecoveringDriver : PciDriver
            {
                public override PciErsResult SlotReset(PciDevice device) => {|#0:IsBound(device)|} ? PciErsResult.Recovered : PciErsResult.Disconnect;

                protected virtual bool IsBound(PciDevice device) => device.IsAdded;
            }

            public sealed class NicDriver : RecoveringDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }
            }

            public sealed class LegacyNicDriver : RecoveringDriver
            {
                public override string Name => "legacy";

                public override void Probe(PciDevice device) { }

                protected override bool IsBound(PciDevice device) => device.Driver is not null;

                public override void ResumeAfterError(PciDevice device)
                {
                    if ({|#1:IsBound(device)|})
                    {
                        device.SetMaster();
                    }
                }
            }
            """,
            Verify.Diagnostic().WithLocation(1).WithArguments("ResumeAfterError", "LegacyNicDriver", "the bound driver", "ResumeAfterError → IsBound → device.Driver is not null"));

        [Fact]
        public Task Generic_base_and_partial_driver()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class RecoveringDriver<TState> : PciDriver
                    where TState : class
                {
                    protected static TState? StateOf(PciDevice device) => device.DriverData as TState;
                }

                public sealed partial class NicDriver : RecoveringDriver<object>
                {
                    public override string Name => "nic";

                    public override void Probe(PciDevice device) { }
                }
                """);
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NicDriver
                {
                    public override PciErsResult SlotReset(PciDevice device) =>
                        StateOf(device) is null || [|device.DriverData == null|] ? PciErsResult.Disconnect : PciErsResult.Recovered;
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task Severity_raised_to_error_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = NicDriver("return {|#0:device.Driver is null|} ? PciErsResult.Disconnect : PciErsResult.Recovered;"),
                EditorConfig = "dotnet_diagnostic.SHD008.severity = error",
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Rule_turned_off_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = NicDriver("return device.Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;"),
                EditorConfig = "dotnet_diagnostic.SHD008.severity = none",
            };
            return test.RunAsync();
        }
    }

    /// <summary>Each fix on one diagnostic.</summary>
    public class CodeFix
    {
        private const string State = """

            private sealed class State
            {
                public DmaBuffer Rings { get; } = null!;
            }
            """;

        [Fact]
        public Task Null_test_of_the_bound_driver_becomes_the_IsAdded_test() => VerifyTest.VerifyCodeFixAsync(
            NicDriver("""
                if ([|device.Driver is null|])
                {
                    return PciErsResult.Disconnect;
                }

                device.EnableDevice();
                return PciErsResult.Recovered;
                """),
            NicDriver("""
                if (!device.IsAdded)
                {
                    return PciErsResult.Disconnect;
                }

                device.EnableDevice();
                return PciErsResult.Recovered;
                """));

        [Theory]
        [InlineData("device.Driver != null", "device.IsAdded")]
        [InlineData("device.Driver == null", "!device.IsAdded")]
        [InlineData("null != device.DriverData", "device.IsAdded")]
        [InlineData("(device.DriverData) == (null)", "!device.IsAdded")]
        [InlineData("device.Driver is not null", "device.IsAdded")]
        [InlineData("device.Driver is { }", "device.IsAdded")]
        [InlineData("device.Driver is not { }", "!device.IsAdded")]
        [InlineData("device.DriverData is object", "device.IsAdded")]
        [InlineData("device.Driver is PciDriver", "device.IsAdded && device.Driver is PciDriver")]
        [InlineData("device.Driver == this", "device.IsAdded && device.Driver == this")]
        [InlineData("device.Driver != this", "!device.IsAdded || device.Driver != this")]
        public Task Each_form_of_the_test(string test, string fixedTest) => VerifyTest.VerifyCodeFixAsync(
            NicDriver($"return [|{test}|] ? PciErsResult.Recovered : PciErsResult.Disconnect;"),
            NicDriver($"return {fixedTest} ? PciErsResult.Recovered : PciErsResult.Disconnect;"));

        [Fact]
        public Task Test_that_declares_a_variable_keeps_it_assigned() => VerifyTest.VerifyCodeFixAsync(
            NicDriver(
                """
                if ([|device.DriverData is not State state|])
                {
                    return PciErsResult.Disconnect;
                }

                device.StartDma(state.Rings);
                return PciErsResult.Recovered;
                """,
                State),
            NicDriver(
                """
                if (!device.IsAdded || device.DriverData is not State state)
                {
                    return PciErsResult.Disconnect;
                }

                device.StartDma(state.Rings);
                return PciErsResult.Recovered;
                """,
                State));

        [Fact]
        public Task Parentheses_stay_where_the_test_is_negated() => VerifyTest.VerifyCodeFixAsync(
            NicDriver(
                """
                if (!([|device.DriverData is State|]))
                {
                    return PciErsResult.Disconnect;
                }

                return PciErsResult.Recovered;
                """,
                State),
            NicDriver(
                """
                if (!(device.IsAdded && device.DriverData is State))
                {
                    return PciErsResult.Disconnect;
                }

                return PciErsResult.Recovered;
                """,
                State));

        [Fact]
        public Task Test_IsAdded_is_not_offered_for_a_test_in_a_helper_or_a_pattern()
        {
            var test = new VerifyTest.Test
            {
                TestCode = NicDriver(
                    """
                    if (!{|#0:IsBound(device)|})
                    {
                        return PciErsResult.Disconnect;
                    }

                    return device is { {|#1:Driver: not null|} } ? PciErsResult.Recovered : PciErsResult.Disconnect;
                    """,
                    """

                    private static bool IsBound(PciDevice device) => device.Driver != null;
                    """),
                ExpectedDiagnostics =
                {
                    VerifyTest.Diagnostic().WithLocation(0).WithArguments("SlotReset", "NicDriver", "the bound driver", "SlotReset → IsBound → device.Driver != null"),
                    VerifyTest.Diagnostic().WithLocation(1).WithArguments("SlotReset", "NicDriver", "the bound driver", "Driver: not null"),
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Return_early_guards_a_handler_whose_helper_tests_the_bound_driver() => VerifyReturn.VerifyCodeFixAsync(
            NicDriver(
                """
                if (![|CanRecover(device)|])
                {
                    return PciErsResult.Disconnect;
                }

                device.EnableDevice();
                return PciErsResult.Recovered;
                """,
                """

                private static bool CanRecover(PciDevice device) => device.Driver != null;
                """),
            NicDriver(
                """
                if (!device.IsAdded)
                {
                    return PciErsResult.Disconnect;
                }

                if (!CanRecover(device))
                {
                    return PciErsResult.Disconnect;
                }

                device.EnableDevice();
                return PciErsResult.Recovered;
                """,
                """

                private static bool CanRecover(PciDevice device) => device.Driver != null;
                """));

        [Fact]
        public Task Return_early_from_an_expression_bodied_handler_and_from_ResumeAfterError() => VerifyReturn.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice pdev) { }

                public override PciErsResult SlotReset(PciDevice pdev) => [|pdev.Driver is null|] ? PciErsResult.Disconnect : PciErsResult.Recovered;

                public override void ResumeAfterError(PciDevice pdev)
                {
                    if ([|pdev.DriverData != null|])
                    {
                        pdev.SetMaster();
                    }
                }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice pdev) { }

                public override PciErsResult SlotReset(PciDevice pdev)
                {
                    if (!pdev.IsAdded)
                    {
                        return PciErsResult.Disconnect;
                    }

                    return pdev.Driver is null ? PciErsResult.Disconnect : PciErsResult.Recovered;
                }

                public override void ResumeAfterError(PciDevice pdev)
                {
                    if (!pdev.IsAdded)
                    {
                        return;
                    }

                    if (pdev.DriverData != null)
                    {
                        pdev.SetMaster();
                    }
                }
            }
            """);
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        [Fact]
        public Task Tests_the_new_IsAdded_test_guards_are_left_as_they_are() => VerifyTest.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override PciErsResult SlotReset(PciDevice device)
                {
                    if ([|device.Driver == null|] || [|device.DriverData is null|])
                    {
                        return PciErsResult.Disconnect;
                    }

                    return [|device.Driver == this|] ? PciErsResult.Recovered : PciErsResult.NeedReset;
                }

                public override void ResumeAfterError(PciDevice device)
                {
                    if (Retry && [|device.Driver is not null|])
                    {
                        device.SetMaster();
                    }

                    if ([|device.DriverData != null|])
                    {
                        device.EnableDevice();
                    }
                }

                public bool Retry { get; set; }
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override PciErsResult SlotReset(PciDevice device)
                {
                    if (!device.IsAdded || device.DriverData is null)
                    {
                        return PciErsResult.Disconnect;
                    }

                    return device.Driver == this ? PciErsResult.Recovered : PciErsResult.NeedReset;
                }

                public override void ResumeAfterError(PciDevice device)
                {
                    if (Retry && device.IsAdded)
                    {
                        device.SetMaster();
                    }

                    if (device.IsAdded)
                    {
                        device.EnableDevice();
                    }
                }

                public bool Retry { get; set; }
            }
            """);

        [Fact]
        public Task Drivers_in_several_files_and_projects()
        {
            const string Driver = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {0}Driver : PciDriver
                {{
                    public override string Name => "{0}";

                    public override void Probe(PciDevice device) {{ }}

                    public override PciErsResult SlotReset(PciDevice device) => {1} ? PciErsResult.Disconnect : PciErsResult.Recovered;
                }}
                """;

            var test = new VerifyTest.Test();
            test.TestState.Sources.Add(string.Format(Driver, "Mlx5", "[|device.Driver is null|]"));
            test.TestState.Sources.Add(string.Format(Driver, "Nvme", "[|device.DriverData == null|]"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(Driver, "Ixgbe", "[|null == device.Driver|]"));
            test.FixedState.Sources.Add(string.Format(Driver, "Mlx5", "!device.IsAdded"));
            test.FixedState.Sources.Add(string.Format(Driver, "Nvme", "!device.IsAdded"));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(Driver, "Ixgbe", "!device.IsAdded"));
            return test.RunAsync();
        }

        [Fact]
        public Task One_guard_per_handler_however_many_diagnostics_it_has() => VerifyReturn.VerifyCodeFixAsync(
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override PciErsResult ErrorDetected(PciDevice device, PciChannelState state)
                {
                    if ([|device.Driver is null|] || [|device.DriverData is null|])
                    {
                        return PciErsResult.Disconnect;
                    }

                    return PciErsResult.NeedReset;
                }

                public override PciErsResult SlotReset(PciDevice device) => [|Bound(device)|] ? PciErsResult.Recovered : PciErsResult.Disconnect;

                private static bool Bound(PciDevice device) => device.Driver is not null;
            }
            """,
            """
            using ShutdownAnalyzers.DriverModel;

            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override void Probe(PciDevice device) { }

                public override PciErsResult ErrorDetected(PciDevice device, PciChannelState state)
                {
                    if (!device.IsAdded)
                    {
                        return PciErsResult.Disconnect;
                    }

                    if (device.Driver is null || device.DriverData is null)
                    {
                        return PciErsResult.Disconnect;
                    }

                    return PciErsResult.NeedReset;
                }

                public override PciErsResult SlotReset(PciDevice device)
                {
                    if (!device.IsAdded)
                    {
                        return PciErsResult.Disconnect;
                    }

                    return Bound(device) ? PciErsResult.Recovered : PciErsResult.Disconnect;
                }

                private static bool Bound(PciDevice device) => device.Driver is not null;
            }
            """);
    }
}
