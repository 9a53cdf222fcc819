using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShutdownAnalyzers.Rules;
using ShutdownAnalyzers.Tests.Verifiers;
using static ShutdownAnalyzers.Tests.Rules.QuiesceRuleSources;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.UnknownKexecPolicyAnalyzer>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHDCFG002: <c>shutdown_analyzers.kexec_policy</c> in .editorconfig names no kexec policy.</summary>
public static class SHDCFG002UnknownKexecPolicyTests
{
    /// <summary>A driver whose Probe starts DMA and that has neither Shutdown nor Remove: what SHD003 says of it depends on the policy.</summary>
    private static readonly string Driver = PciDriver("device.SetMaster();");

    private static DiagnosticResult UnknownPolicy(string value) =>
        Verify.Diagnostic().WithNoLocation().WithArguments(value)
            .WithMessage($"shutdown_analyzers.kexec_policy '{value}' in .editorconfig is not valid: use shutdown, shutdown-else-remove or remove (the analysis assumes shutdown)");

    /// <summary>Settings the diagnostic must leave alone.</summary>
    public sealed class Valid
    {
        [Theory]
        [InlineData("shutdown")]
        [InlineData("shutdown-else-remove")]
        [InlineData("remove")]
        [InlineData(" Remove ")]
        public Task Every_policy_the_rules_know(string value) => new Verify.Test
        {
            TestCode = Driver,
            EditorConfig = $"shutdown_analyzers.kexec_policy = {value}",
        }.RunAsync();

        [Fact]
        public Task Option_not_set() => Verify.VerifyAnalyzerAsync(Driver);

        [Fact]
        public Task Typo_where_no_driver_reads_it() => new Verify.Test
        {
            TestCode = """
                using ShutdownAnalyzers.DriverModel;

                public static class Registers
                {
                    public static void Reset(PciDevice device) => device.WriteRegister(0, 1);
                }
                """,
            EditorConfig = "shutdown_analyzers.kexec_policy = remvoe",
        }.RunAsync();

        [Fact]
        public Task Typo_turned_off_with_its_severity() => new Verify.Test
        {
            TestCode = Driver,
            EditorConfig = "shutdown_analyzers.kexec_policy = remvoe\ndotnet_diagnostic.SHDCFG002.severity = none",
        }.RunAsync();
    }

    /// <summary>Settings the diagnostic reports.</summary>
    public sealed class Diagnostics
    {
        [Fact]
        public Task Typo_is_reported_once_for_all_drivers_naming_the_value_and_the_policies()
        {
            var test = new Verify.Test
            {
                EditorConfig = "shutdown_analyzers.kexec_policy = remvoe",
                ExpectedDiagnostics = { UnknownPolicy("remvoe") },
            };
            test.TestState.Sources.Add(PciDriver("device.SetMaster();", className: "IgbDriver"));
            test.TestState.Sources.Add(PciDriver("device.SetMaster();", className: "IxgbeDriver"));
            test.TestState.Sources.Add(PciDriver("device.SetMaster();", className: "E1000Driver"));
            return test.RunAsync();
        }

        [Fact]
        public Task Each_bad_value_is_reported_once()
        {
            var test = new Verify.Test
            {
                AnalyzerConfigFiles =
                {
                    ("/.editorconfig", "root = true\n\n[*0.cs]\nshutdown_analyzers.kexec_policy = remvoe\n\n[*1.cs]\nshutdown_analyzers.kexec_policy = shutdown_else_remove\n\n[*2.cs]\nshutdown_analyzers.kexec_policy = remvoe\n"),
                },
                ExpectedDiagnostics = { UnknownPolicy("remvoe"), UnknownPolicy("shutdown_else_remove") },
            };
            test.TestState.Sources.Add(PciDriver("device.SetMaster();", className: "IgbDriver"));
            test.TestState.Sources.Add(PciDriver("device.SetMaster();", className: "IxgbeDriver"));
            test.TestState.Sources.Add(PciDriver("device.SetMaster();", className: "E1000Driver"));
            return test.RunAsync();
        }

        [Fact]
        public Task Empty_value_is_reported() => new Verify.Test
        {
            TestCode = Driver,
            EditorConfig = "shutdown_analyzers.kexec_policy =",
            ExpectedDiagnostics = { UnknownPolicy(string.Empty) },
        }.RunAsync();
    }

    /// <summary>What the rules do under a value they cannot use: assume shutdown, as documented.</summary>
    public sealed class Fallback
    {
        [Fact]
        public Task Under_a_typo_of_remove_SHD003_reports_what_kexec_does_under_shutdown() => new WithDmaRuleTest
        {
            TestCode = PciDriver("device.SetMaster();", className: "{|#0:NicDriver|}"),
            EditorConfig = "shutdown_analyzers.kexec_policy = remvoe",
            ExpectedDiagnostics =
            {
                UnknownPolicy("remvoe"),
                new DiagnosticResult(DmaNotStoppedOnRestartAnalyzer.Rule).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("NicDriver", "Probe → SetMaster", "kexec, with no Shutdown to call,"),
            },
        }.RunAsync();

        [Fact]
        public Task Spelt_right_remove_changes_what_SHD003_reports() => new WithDmaRuleTest
        {
            TestCode = PciDriver("device.SetMaster();", className: "{|#0:NicDriver|}"),
            EditorConfig = "shutdown_analyzers.kexec_policy = remove",
            ExpectedDiagnostics =
            {
                new DiagnosticResult(DmaNotStoppedOnRestartAnalyzer.Rule).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("NicDriver", "Probe → SetMaster", "kexec, with no Remove to call (kexec policy 'remove'),"),
            },
        }.RunAsync();

        /// <summary>SHDCFG002 beside SHD003, the rule the policy changes, as a user's build runs them.</summary>
        private sealed class WithDmaRuleTest : AnalyzerTest
        {
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new DiagnosticAnalyzer[] { new UnknownKexecPolicyAnalyzer(), new DmaNotStoppedOnRestartAnalyzer() };
        }
    }
}
