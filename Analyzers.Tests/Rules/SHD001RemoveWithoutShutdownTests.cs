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
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.RemoveWithoutShutdownAnalyzer>;
using VerifyFix = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.RemoveWithoutShutdownAnalyzer,
    ShutdownAnalyzers.MapShutdownToRemoveCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD001: a driver with Remove but no Shutdown, and the "Map Shutdown to Remove" fix.</summary>
public static class SHD001RemoveWithoutShutdownTests
{
    /// <summary>Code the rule must leave alone.</summary>
    public sealed class Valid
    {
        [Fact]
        public Task Shutdown_mapped_to_Remove()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class LpfcDriver : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();

                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Shutdown_written_by_hand_with_a_block_body()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class NvmeDriver : PciDriver
                {
                    public override string Name => "nvme";

                    public override void Probe(PciDevice device)
                    {
                        device.EnableDevice();
                    }

                    public override void Remove(PciDevice device)
                    {
                        device.DisableDevice();
                    }

                    public override void Shutdown(PciDevice device)
                    {
                        device.ClearMaster();
                    }
                }
                """);
        }

        [Fact]
        public Task Neither_Remove_nor_Shutdown_is_not_this_rules_business()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class StubDriver : PciDriver
                {
                    public override string Name => "stub";

                    public override void Probe(PciDevice device)
                    {
                    }
                }
                """);
        }

        [Fact]
        public Task Shutdown_without_Remove()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class ShutdownOnlyDriver : PlatformDriver
                {
                    public override string Name => "shutdown-only";

                    public override void Probe(PlatformDevice device)
                    {
                    }

                    public override void Shutdown(PlatformDevice device)
                    {
                    }
                }
                """);
        }

        [Fact]
        public Task Abstract_base_with_Remove_and_no_subclass()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class ScsiHostDriverBase : PciDriver
                {
                    public override void Remove(PciDevice device) => device.DisableDevice();
                }
                """);
        }

        [Fact]
        public Task Base_already_overrides_Shutdown()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class QuiescingDriver : PciDriver
                {
                    public override void Shutdown(PciDevice device) => device.ClearMaster();
                }

                public sealed class MptDriver : QuiescingDriver
                {
                    public override string Name => "mpt";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }
                """);
        }

        [Fact]
        public Task Base_seals_its_Shutdown()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public class SealedShutdownDriver : PciDriver
                {
                    public override string Name => "sealed";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public sealed override void Shutdown(PciDevice device) => device.ClearMaster();
                }

                public sealed class DerivedDriver : SealedShutdownDriver
                {
                    public override void Remove(PciDevice device) => device.DisableDevice();
                }
                """);
        }

        [Fact]
        public Task Base_makes_Shutdown_abstract_and_the_driver_implements_it()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class StrictDriver : PciDriver
                {
                    public abstract override void Shutdown(PciDevice device);

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class StrictNicDriver : StrictDriver
                {
                    public override string Name => "nic";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Base_in_a_referenced_project_overrides_Shutdown()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class VendorNic : Vendor.VendorPciDriver
                    {
                        public override string Name => "vendor-nic";

                        public override void Probe(PciDevice device)
                        {
                        }

                        public override void Remove(PciDevice device) => device.DisableDevice();
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
                                    public override void Shutdown(PciDevice device) => device.ClearMaster();
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
        public Task Remove_that_only_hides_the_API_Remove_is_not_an_implementation()
        {
            // The kernel calls the API's virtual Remove; a 'new virtual' Remove starts another slot it never calls.
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class OwnRemoveSlot : PciDriver
                {
                    public new virtual void Remove(PciDevice device)
                    {
                    }
                }

                public sealed class OddDriver : OwnRemoveSlot
                {
                    public override string Name => "odd";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }
                """);
        }

        [Fact]
        public Task Remove_overload_with_another_signature_is_not_the_callback()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class ForcedRemoveDriver : PciDriver
                {
                    public override string Name => "forced";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public void Remove(PciDevice device, bool force) => device.DisableDevice();
                }
                """);
        }

        [Fact]
        public Task Look_alike_types_outside_the_bus_API_are_never_looked_at()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                namespace Elsewhere
                {
                    public abstract class Driver<TDevice>
                    {
                        public virtual void Remove(TDevice device)
                        {
                        }

                        public virtual void Shutdown(TDevice device)
                        {
                        }
                    }

                    public sealed class PciLookAlike : Driver<PciDevice>
                    {
                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }

                    public class PciDriver
                    {
                        public virtual void Remove(PciDevice device)
                        {
                        }
                    }

                    public sealed class NamedLikeADriver : PciDriver
                    {
                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }

                    public interface IRemovable
                    {
                        void Remove(PciDevice device);
                    }

                    public sealed class Removable : IRemovable
                    {
                        public void Remove(PciDevice device) => device.DisableDevice();
                    }

                    public record DriverRecord(string Name)
                    {
                        public void Remove(PciDevice device) => device.DisableDevice();
                    }

                    public static class DriverHelpers
                    {
                        public static void Remove(PciDevice device) => device.DisableDevice();
                    }
                }
                """);
        }

        [Fact]
        public Task Closed_subclass_of_a_generic_driver_that_maps_Shutdown()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public class GenericDriver<TDevice> : Driver<TDevice>
                    where TDevice : PciDevice
                {
                    public override string Name => "generic";

                    public override void Probe(TDevice device)
                    {
                    }

                    public override void Remove(TDevice device) => device.DisableDevice();

                    public override void Shutdown(TDevice device) => Remove(device);
                }

                public sealed class ConcreteDriver : GenericDriver<PciDevice>
                {
                }
                """);
        }

        [Fact]
        public Task Partial_driver_with_Shutdown_in_the_other_part()
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

                            public override void Probe(PciDevice device)
                            {
                            }

                            public override void Remove(PciDevice device) => device.DisableDevice();
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Shutdown(PciDevice device) => Remove(device);
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }
    }

    /// <summary>Where the rule reports, and what it says.</summary>
    public sealed class Diagnostics
    {
        [Fact]
        public Task Lpfc_before_the_fix()
        {
            return Verify.VerifyAnalyzerAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class {|#0:LpfcDriver|} : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice device)
                    {
                        device.EnableDevice();
                    }

                    public override void Remove(PciDevice device)
                    {
                        device.DisableDevice();
                    }
                }
                """,
                Verify.Diagnostic()
                    .WithLocation(0)
                    .WithMessage("Driver 'LpfcDriver' implements Remove but not Shutdown: on kexec only Shutdown runs, so the hardware is left running for the next kernel"));
        }

        [Fact]
        public Task Expression_bodied_Remove()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|ExpressionDriver|] : PciDriver
                {
                    public override string Name => "expr";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }
                """);
        }

        [Fact]
        public Task Remove_inherited_from_an_abstract_base_is_reported_on_the_concrete_driver()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class FcHostDriver : PciDriver
                {
                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public abstract class SaturnDriver : FcHostDriver
                {
                    public override string Name => "saturn";
                }

                public sealed class {|#0:SaturnXDriver|} : SaturnDriver
                {
                    public override void Probe(PciDevice device) => device.EnableDevice();
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("SaturnXDriver"));
        }

        [Fact]
        public Task Remove_inherited_from_a_base_in_a_referenced_project()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class [|VendorNic|] : Vendor.VendorPciDriver
                    {
                        public override string Name => "vendor-nic";

                        public override void Probe(PciDevice device)
                        {
                        }
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
                                    public override void Remove(PciDevice device) => device.DisableDevice();
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
        public Task Remove_sealed_in_a_base_still_needs_a_Shutdown()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class SealedRemoveDriver : PciDriver
                {
                    public sealed override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class [|Derived|] : SealedRemoveDriver
                {
                    public override string Name => "derived";

                    public override void Probe(PciDevice device)
                    {
                    }
                }
                """);
        }

        [Fact]
        public Task Platform_scsi_and_custom_buses()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|GpioDriver|] : PlatformDriver
                {
                    public override string Name => "gpio";

                    public override void Probe(PlatformDevice device)
                    {
                    }

                    public override void Remove(PlatformDevice device) => device.DriverData = null;
                }

                public sealed class [|SdDriver|] : ScsiDriver
                {
                    public override string Name => "sd";

                    public override void Probe(ScsiDevice device) => device.StartUnit();

                    public override void Remove(ScsiDevice device) => device.DriverData = null;
                }

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

                    public override void Probe(CustomDevice device)
                    {
                    }

                    public override void Remove(CustomDevice device) => device.DriverData = null;
                }
                """);
        }

        [Fact]
        public Task Generic_driver_is_reported_once_and_its_closed_subclass_not_again()
        {
            // Adding Shutdown to the generic driver fixes its subclass too: one diagnostic at the root.
            return Verify.VerifyAnalyzerAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public class {|#0:GenericDriver|}<TDevice> : Driver<TDevice>
                    where TDevice : PciDevice
                {
                    public override string Name => "generic";

                    public override void Probe(TDevice device)
                    {
                    }

                    public override void Remove(TDevice device) => device.DisableDevice();
                }

                public sealed class ConcreteDriver : GenericDriver<PciDevice>
                {
                }

                public sealed class ConcreteDriverWithItsOwnRemove : GenericDriver<PciDevice>
                {
                    public override void Remove(PciDevice device) => device.ClearMaster();
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("GenericDriver<TDevice>"));
        }

        [Fact]
        public Task Closed_subclass_of_an_abstract_generic_driver()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class StorageDriver<TDevice> : Driver<TDevice>
                    where TDevice : Device
                {
                    public override void Remove(TDevice device) => device.DriverData = null;
                }

                public sealed class [|AhciDriver|] : StorageDriver<PciDevice>
                {
                    public override string Name => "ahci";

                    public override void Probe(PciDevice device)
                    {
                    }
                }

                public sealed class [|UfsDriver|] : StorageDriver<PlatformDevice>
                {
                    public override string Name => "ufs";

                    public override void Probe(PlatformDevice device)
                    {
                    }
                }
                """);
        }

        [Fact]
        public Task Shutdown_that_hides_the_API_Shutdown_is_never_called_so_it_does_not_count()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|HidingDriver|] : PciDriver
                {
                    public override string Name => "hiding";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();

                    public new void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Shutdown_overriding_a_new_virtual_Shutdown_does_not_count()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class OwnShutdownSlot : PciDriver
                {
                    public new virtual void Shutdown(PciDevice device)
                    {
                    }
                }

                public sealed class [|SlotDriver|] : OwnShutdownSlot
                {
                    public override string Name => "slot";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();

                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Nested_driver_is_named_with_its_containing_type()
        {
            return Verify.VerifyAnalyzerAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public static class Lpfc
                {
                    public sealed class {|#0:Driver|} : PciDriver
                    {
                        public override string Name => "lpfc";

                        public override void Probe(PciDevice device)
                        {
                        }

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithArguments("Lpfc.Driver"));
        }

        [Fact]
        public Task Concrete_base_is_reported_and_its_subclasses_not_again()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public class [|BaseNicDriver|] : PciDriver
                {
                    public override string Name => "nic";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public class FastNicDriver : BaseNicDriver
                {
                }

                public sealed class FasterNicDriver : FastNicDriver
                {
                    public override void Remove(PciDevice device) => device.ClearMaster();
                }
                """);
        }

        [Fact]
        public Task Partial_driver_is_reported_once_on_its_first_declaration()
        {
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class [|SplitDriver|] : PciDriver
                        {
                            public override string Name => "split";
                        }

                        public sealed partial class SplitDriver
                        {
                            public override void Probe(PciDevice device)
                            {
                            }
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Remove(PciDevice device) => device.DisableDevice();
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Class_without_a_body()
        {
            return Verify.VerifyAnalyzerAsync("""
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PciDriver
                {
                    public override string Name => "base";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class [|BodylessDriver|] : BaseDriver;
                """);
        }
    }

    /// <summary>Map Shutdown to Remove, one diagnostic at a time.</summary>
    public sealed class CodeFix
    {
        [Fact]
        public Task Block_bodied_Remove_gets_a_block_bodied_Shutdown_right_after_it_with_its_parameter_name()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|LpfcDriver|] : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice pdev)
                    {
                        pdev.EnableDevice();
                    }

                    public override void Remove(PciDevice pdev)
                    {
                        pdev.DisableDevice();
                    }

                    public override void Suspend(PciDevice pdev)
                    {
                    }
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class LpfcDriver : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice pdev)
                    {
                        pdev.EnableDevice();
                    }

                    public override void Remove(PciDevice pdev)
                    {
                        pdev.DisableDevice();
                    }

                    public override void Shutdown(PciDevice pdev)
                    {
                        Remove(pdev);
                    }

                    public override void Suspend(PciDevice pdev)
                    {
                    }
                }
                """);
        }

        [Fact]
        public Task Expression_bodied_Remove_gets_an_expression_bodied_Shutdown()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|LpfcDriver|] : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class LpfcDriver : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();

                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Members_without_blank_lines_stay_without()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|CompactDriver|] : PciDriver
                {
                    public override string Name => "compact";
                    public override void Probe(PciDevice device) => device.EnableDevice();
                    public override void Remove(PciDevice device) => device.DisableDevice();
                    public override void Suspend(PciDevice device) => device.ClearMaster();
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class CompactDriver : PciDriver
                {
                    public override string Name => "compact";
                    public override void Probe(PciDevice device) => device.EnableDevice();
                    public override void Remove(PciDevice device) => device.DisableDevice();
                    public override void Shutdown(PciDevice device) => Remove(device);
                    public override void Suspend(PciDevice device) => device.ClearMaster();
                }
                """);
        }

        [Fact]
        public Task Inherited_Remove_puts_Shutdown_at_the_end_in_the_style_of_the_class()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class FcHostDriver : PciDriver
                {
                    public override void Remove(PciDevice adapter)
                    {
                        adapter.DisableDevice();
                    }
                }

                public sealed class [|SaturnDriver|] : FcHostDriver
                {
                    public override string Name => "saturn";

                    public override void Probe(PciDevice adapter)
                    {
                        adapter.EnableDevice();
                    }

                    public void Reset(PciDevice adapter)
                    {
                        adapter.FunctionReset();
                    }
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class FcHostDriver : PciDriver
                {
                    public override void Remove(PciDevice adapter)
                    {
                        adapter.DisableDevice();
                    }
                }

                public sealed class SaturnDriver : FcHostDriver
                {
                    public override string Name => "saturn";

                    public override void Probe(PciDevice adapter)
                    {
                        adapter.EnableDevice();
                    }

                    public void Reset(PciDevice adapter)
                    {
                        adapter.FunctionReset();
                    }

                    public override void Shutdown(PciDevice device)
                    {
                        Remove(device);
                    }
                }
                """);
        }

        [Fact]
        public Task Class_without_methods_gets_an_expression_body_by_default()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PciDriver
                {
                    public override string Name => "base";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class [|QuietDriver|] : BaseDriver
                {
                    public override string Name => "quiet";
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PciDriver
                {
                    public override string Name => "base";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class QuietDriver : BaseDriver
                {
                    public override string Name => "quiet";

                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Class_without_methods_follows_the_editorconfig_expression_body_preference()
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public abstract class BaseDriver : PciDriver
                    {
                        public override string Name => "base";

                        public override void Probe(PciDevice device)
                        {
                        }

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }

                    public sealed class [|QuietDriver|] : BaseDriver
                    {
                        public override string Name => "quiet";
                    }
                    """,
                FixedCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public abstract class BaseDriver : PciDriver
                    {
                        public override string Name => "base";

                        public override void Probe(PciDevice device)
                        {
                        }

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }

                    public sealed class QuietDriver : BaseDriver
                    {
                        public override string Name => "quiet";

                        public override void Shutdown(PciDevice device)
                        {
                            Remove(device);
                        }
                    }
                    """,
                EditorConfig = "csharp_style_expression_bodied_methods = false:silent",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Generic_driver_gets_its_type_parameter()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public class [|GenericDriver|]<TDevice> : Driver<TDevice>
                    where TDevice : PciDevice
                {
                    public override string Name => "generic";

                    public override void Probe(TDevice device) => device.EnableDevice();

                    public override void Remove(TDevice device) => device.DisableDevice();
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public class GenericDriver<TDevice> : Driver<TDevice>
                    where TDevice : PciDevice
                {
                    public override string Name => "generic";

                    public override void Probe(TDevice device) => device.EnableDevice();

                    public override void Remove(TDevice device) => device.DisableDevice();

                    public override void Shutdown(TDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Closed_subclass_of_a_generic_base_gets_the_closed_device_type()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class StorageDriver<TDevice> : Driver<TDevice>
                    where TDevice : Device
                {
                    public override void Remove(TDevice device) => device.DriverData = null;
                }

                public sealed class [|UfsDriver|] : StorageDriver<PlatformDevice>
                {
                    public override string Name => "ufs";

                    public override void Probe(PlatformDevice device) => device.DriverData = new object();
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class StorageDriver<TDevice> : Driver<TDevice>
                    where TDevice : Device
                {
                    public override void Remove(TDevice device) => device.DriverData = null;
                }

                public sealed class UfsDriver : StorageDriver<PlatformDevice>
                {
                    public override string Name => "ufs";

                    public override void Probe(PlatformDevice device) => device.DriverData = new object();

                    public override void Shutdown(PlatformDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Without_a_using_the_device_type_is_qualified()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                namespace Drivers
                {
                    public abstract class FcHostDriver : ShutdownAnalyzers.DriverModel.ScsiDriver
                    {
                        public override void Remove(ShutdownAnalyzers.DriverModel.ScsiDevice device) => device.DriverData = null;
                    }

                    public sealed class [|TapeDriver|] : FcHostDriver
                    {
                        public override string Name => "st";

                        public override void Probe(ShutdownAnalyzers.DriverModel.ScsiDevice device) => device.StartUnit();
                    }
                }
                """,
                """
                namespace Drivers
                {
                    public abstract class FcHostDriver : ShutdownAnalyzers.DriverModel.ScsiDriver
                    {
                        public override void Remove(ShutdownAnalyzers.DriverModel.ScsiDevice device) => device.DriverData = null;
                    }

                    public sealed class TapeDriver : FcHostDriver
                    {
                        public override string Name => "st";

                        public override void Probe(ShutdownAnalyzers.DriverModel.ScsiDevice device) => device.StartUnit();

                        public override void Shutdown(ShutdownAnalyzers.DriverModel.ScsiDevice device) => Remove(device);
                    }
                }
                """);
        }

        [Fact]
        public Task Device_type_as_written_in_Remove_is_kept_minimal()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|QualifiedDriver|] : PciDriver
                {
                    public override string Name => "qualified";

                    public override void Probe(global::ShutdownAnalyzers.DriverModel.PciDevice device) => device.EnableDevice();

                    public override void Remove(global::ShutdownAnalyzers.DriverModel.PciDevice device) => device.DisableDevice();
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class QualifiedDriver : PciDriver
                {
                    public override string Name => "qualified";

                    public override void Probe(global::ShutdownAnalyzers.DriverModel.PciDevice device) => device.EnableDevice();

                    public override void Remove(global::ShutdownAnalyzers.DriverModel.PciDevice device) => device.DisableDevice();

                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Keyword_parameter_name_stays_escaped()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|EscapedDriver|] : PciDriver
                {
                    public override string Name => "escaped";

                    public override void Probe(PciDevice @class) => @class.EnableDevice();

                    public override void Remove(PciDevice @class) => @class.DisableDevice();
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class EscapedDriver : PciDriver
                {
                    public override string Name => "escaped";

                    public override void Probe(PciDevice @class) => @class.EnableDevice();

                    public override void Remove(PciDevice @class) => @class.DisableDevice();

                    public override void Shutdown(PciDevice @class) => Remove(@class);
                }
                """);
        }

        [Fact]
        public Task Partial_driver_gets_Shutdown_in_the_part_that_holds_Remove()
        {
            var test = new VerifyFix.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class [|SplitDriver|] : PciDriver
                        {
                            public override string Name => "split";
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();
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
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();

                            public override void Shutdown(PciDevice device) => Remove(device);
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Nested_driver()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public static class Lpfc
                {
                    public sealed class [|Driver|] : PciDriver
                    {
                        public override string Name => "lpfc";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public static class Lpfc
                {
                    public sealed class Driver : PciDriver
                    {
                        public override string Name => "lpfc";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();

                        public override void Shutdown(PciDevice device) => Remove(device);
                    }
                }
                """);
        }

        [Fact]
        public Task Comments_and_regions_around_Remove_stay_where_they_are()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|RegionDriver|] : PciDriver
                {
                    public override string Name => "region";

                    #region Lifecycle
                    public override void Probe(PciDevice device) => device.EnableDevice();

                    /// <summary>Stops the adapter.</summary>
                    public override void Remove(PciDevice device)
                    {
                        // Reverse order of Probe.
                        device.DisableDevice();
                    } // Remove
                    #endregion

                    // Helpers follow.
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class RegionDriver : PciDriver
                {
                    public override string Name => "region";

                    #region Lifecycle
                    public override void Probe(PciDevice device) => device.EnableDevice();

                    /// <summary>Stops the adapter.</summary>
                    public override void Remove(PciDevice device)
                    {
                        // Reverse order of Probe.
                        device.DisableDevice();
                    } // Remove

                    public override void Shutdown(PciDevice device)
                    {
                        Remove(device);
                    }
                    #endregion

                    // Helpers follow.
                }
                """);
        }

        [Fact]
        public Task Class_without_a_body_gets_one()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PciDriver
                {
                    public override string Name => "base";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class [|BodylessDriver|] : BaseDriver;

                public sealed class [|OneLineDriver|] : BaseDriver { }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PciDriver
                {
                    public override string Name => "base";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class BodylessDriver : BaseDriver
                {
                    public override void Shutdown(PciDevice device) => Remove(device);
                }

                public sealed class OneLineDriver : BaseDriver
                {
                    public override void Shutdown(PciDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Line_endings_of_a_CRLF_file_are_kept()
        {
            var source = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|CrlfDriver|] : PciDriver
                {
                    public override string Name => "crlf";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device)
                    {
                        device.DisableDevice();
                    }
                }

                """;
            var fixedSource = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class CrlfDriver : PciDriver
                {
                    public override string Name => "crlf";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device)
                    {
                        device.DisableDevice();
                    }

                    public override void Shutdown(PciDevice device)
                    {
                        Remove(device);
                    }
                }

                """;
            return VerifyFix.VerifyCodeFixAsync(source.ReplaceLineEndings("\r\n"), fixedSource.ReplaceLineEndings("\r\n"));
        }

        [Fact]
        public async Task Lightbulb_title_is_Map_Shutdown_to_Remove()
        {
            using var workspace = new AdhocWorkspace();
            var document = workspace.AddProject("Drivers", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .AddMetadataReferences(ReferenceAssemblies.Default)
                .AddDocument("LpfcDriver.cs", """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class LpfcDriver : PciDriver
                    {
                        public override string Name => "lpfc";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }
                    """);
            var compilation = await document.Project.GetCompilationAsync();
            var diagnostic = Assert.Single(await compilation!
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RemoveWithoutShutdownAnalyzer()))
                .GetAnalyzerDiagnosticsAsync());
            var actions = new List<CodeAction>();

            await new MapShutdownToRemoveCodeFixProvider().RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

            Assert.Equal("Map Shutdown to Remove", Assert.Single(actions).Title);
        }

        [Fact]
        public Task Offered_under_its_stable_equivalence_key()
        {
            var test = new VerifyFix.Test
            {
                TestCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class [|KeyedDriver|] : PciDriver
                    {
                        public override string Name => "keyed";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }
                    """,
                FixedCode = """
                    using ShutdownAnalyzers.DriverModel;

                    public sealed class KeyedDriver : PciDriver
                    {
                        public override string Name => "keyed";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();

                        public override void Shutdown(PciDevice device) => Remove(device);
                    }
                    """,
                CodeActionEquivalenceKey = "MapShutdownToRemove",
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Not_offered_when_a_hiding_Shutdown_would_clash()
        {
            var source = """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|HidingDriver|] : PciDriver
                {
                    public override string Name => "hiding";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public override void Remove(PciDevice device) => device.DisableDevice();

                    public new void Shutdown(PciDevice device) => Remove(device);
                }
                """;
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            return test.RunAsync();
        }

        [Fact]
        public Task Not_offered_when_a_hiding_Remove_would_take_the_call()
        {
            var source = """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PciDriver
                {
                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class [|ShadowDriver|] : BaseDriver
                {
                    public override string Name => "shadow";

                    public override void Probe(PciDevice device)
                    {
                    }

                    public new void Remove(PciDevice device) => device.ClearMaster();
                }
                """;
            var test = new VerifyFix.Test { TestCode = source, FixedCode = source };
            return test.RunAsync();
        }
    }

    /// <summary>Fix all: every scope gives what applying the fixes one by one gives.</summary>
    public sealed class FixAll
    {
        [Fact]
        public Task Several_drivers_in_one_document()
        {
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class [|LpfcDriver|] : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();
                }

                public sealed class [|GpioDriver|] : PlatformDriver
                {
                    public override string Name => "gpio";

                    public override void Probe(PlatformDevice device)
                    {
                    }

                    public override void Remove(PlatformDevice device)
                    {
                        device.DriverData = null;
                    }
                }

                public sealed class [|SdDriver|] : ScsiDriver
                {
                    public override string Name => "sd";

                    public override void Probe(ScsiDevice device) => device.StartUnit();

                    public override void Remove(ScsiDevice device) => device.DriverData = null;
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public sealed class LpfcDriver : PciDriver
                {
                    public override string Name => "lpfc";

                    public override void Probe(PciDevice device) => device.EnableDevice();

                    public override void Remove(PciDevice device) => device.DisableDevice();

                    public override void Shutdown(PciDevice device) => Remove(device);
                }

                public sealed class GpioDriver : PlatformDriver
                {
                    public override string Name => "gpio";

                    public override void Probe(PlatformDevice device)
                    {
                    }

                    public override void Remove(PlatformDevice device)
                    {
                        device.DriverData = null;
                    }

                    public override void Shutdown(PlatformDevice device)
                    {
                        Remove(device);
                    }
                }

                public sealed class SdDriver : ScsiDriver
                {
                    public override string Name => "sd";

                    public override void Probe(ScsiDevice device) => device.StartUnit();

                    public override void Remove(ScsiDevice device) => device.DriverData = null;

                    public override void Shutdown(ScsiDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Outer_and_nested_drivers_whose_insertions_meet()
        {
            // The outer driver's Shutdown goes after the nested class, right where the nested one's ends.
            return VerifyFix.VerifyCodeFixAsync(
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PlatformDriver
                {
                    public override void Remove(PlatformDevice device) => device.DriverData = null;
                }

                public sealed class [|Outer|] : BaseDriver
                {
                    public override string Name => "outer";

                    public override void Probe(PlatformDevice device) => device.DriverData = new object();

                    public sealed class [|Inner|] : PciDriver
                    {
                        public override string Name => "inner";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();
                    }
                }
                """,
                """
                using ShutdownAnalyzers.DriverModel;

                public abstract class BaseDriver : PlatformDriver
                {
                    public override void Remove(PlatformDevice device) => device.DriverData = null;
                }

                public sealed class Outer : BaseDriver
                {
                    public override string Name => "outer";

                    public override void Probe(PlatformDevice device) => device.DriverData = new object();

                    public sealed class Inner : PciDriver
                    {
                        public override string Name => "inner";

                        public override void Probe(PciDevice device) => device.EnableDevice();

                        public override void Remove(PciDevice device) => device.DisableDevice();

                        public override void Shutdown(PciDevice device) => Remove(device);
                    }

                    public override void Shutdown(PlatformDevice device) => Remove(device);
                }
                """);
        }

        [Fact]
        public Task Drivers_in_several_documents_and_a_partial_driver_across_them()
        {
            var test = new VerifyFix.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class [|SplitDriver|] : PciDriver
                        {
                            public override string Name => "split";
                        }

                        public sealed class [|LpfcDriver|] : PciDriver
                        {
                            public override string Name => "lpfc";

                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();
                        }

                        public sealed class [|SdDriver|] : ScsiDriver
                        {
                            public override string Name => "sd";

                            public override void Probe(ScsiDevice device) => device.StartUnit();

                            public override void Remove(ScsiDevice device) => device.DriverData = null;
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
                        }

                        public sealed class LpfcDriver : PciDriver
                        {
                            public override string Name => "lpfc";

                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();

                            public override void Shutdown(PciDevice device) => Remove(device);
                        }
                        """,
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed partial class SplitDriver
                        {
                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();

                            public override void Shutdown(PciDevice device) => Remove(device);
                        }

                        public sealed class SdDriver : ScsiDriver
                        {
                            public override string Name => "sd";

                            public override void Probe(ScsiDevice device) => device.StartUnit();

                            public override void Remove(ScsiDevice device) => device.DriverData = null;

                            public override void Shutdown(ScsiDevice device) => Remove(device);
                        }
                        """,
                    },
                },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Drivers_in_several_projects()
        {
            var test = new VerifyFix.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed class [|LpfcDriver|] : PciDriver
                        {
                            public override string Name => "lpfc";

                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();
                        }
                        """,
                    },
                    AdditionalProjects =
                    {
                        ["Storage"] =
                        {
                            Sources =
                            {
                                """
                                using ShutdownAnalyzers.DriverModel;

                                public sealed class [|SdDriver|] : ScsiDriver
                                {
                                    public override string Name => "sd";

                                    public override void Probe(ScsiDevice device) => device.StartUnit();

                                    public override void Remove(ScsiDevice device) => device.DriverData = null;
                                }
                                """,
                            },
                        },
                    },
                },
                FixedState =
                {
                    Sources =
                    {
                        """
                        using ShutdownAnalyzers.DriverModel;

                        public sealed class LpfcDriver : PciDriver
                        {
                            public override string Name => "lpfc";

                            public override void Probe(PciDevice device) => device.EnableDevice();

                            public override void Remove(PciDevice device) => device.DisableDevice();

                            public override void Shutdown(PciDevice device) => Remove(device);
                        }
                        """,
                    },
                    AdditionalProjects =
                    {
                        ["Storage"] =
                        {
                            Sources =
                            {
                                """
                                using ShutdownAnalyzers.DriverModel;

                                public sealed class SdDriver : ScsiDriver
                                {
                                    public override string Name => "sd";

                                    public override void Probe(ScsiDevice device) => device.StartUnit();

                                    public override void Remove(ScsiDevice device) => device.DriverData = null;

                                    public override void Shutdown(ScsiDevice device) => Remove(device);
                                }
                                """,
                            },
                        },
                    },
                },
            };
            return test.RunAsync();
        }
    }

    /// <summary>The driver models under Samples/ warn where they should, and only there.</summary>
    public sealed class Samples
    {
        [Fact]
        public Task Lpfc_flawed_driver_is_reported_and_fixed_driver_is_not()
        {
            var folder = Path.Combine(RepositoryLayout.Root, "Samples", "Lpfc");
            var flawed = File.ReadAllText(Path.Combine(folder, "Flawed", "LpfcDriver.cs"));
            var (line, column) = SourcePosition.Of(flawed, "class LpfcDriver", "class ".Length);
            var test = new Verify.Test
            {
                TestState =
                {
                    Sources =
                    {
                        ("LpfcAdapter.cs", File.ReadAllText(Path.Combine(folder, "LpfcAdapter.cs"))),
                        ("FlawedLpfcDriver.cs", flawed),
                        ("FixedLpfcDriver.cs", File.ReadAllText(Path.Combine(folder, "Fixed", "LpfcDriver.cs"))),
                    },
                },
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation("FlawedLpfcDriver.cs", line, column).WithArguments("LpfcDriver") },
            };
            return test.RunAsync();
        }
    }

    /// <summary>The severity is the user's to choose in .editorconfig.</summary>
    public sealed class Configuration
    {
        private const string Flawed = """
            using ShutdownAnalyzers.DriverModel;

            public sealed class {|#0:LpfcDriver|} : PciDriver
            {
                public override string Name => "lpfc";

                public override void Probe(PciDevice device) => device.EnableDevice();

                public override void Remove(PciDevice device) => device.DisableDevice();
            }
            """;

        [Fact]
        public Task Default_severity_is_warning()
        {
            return Verify.VerifyAnalyzerAsync(Flawed, Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        }

        [Fact]
        public Task Editorconfig_error_makes_it_an_error()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed,
                EditorConfig = "dotnet_diagnostic.SHD001.severity = error",
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Editorconfig_suggestion_makes_it_info()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed,
                EditorConfig = "dotnet_diagnostic.SHD001.severity = suggestion",
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Info) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Editorconfig_none_silences_it()
        {
            var test = new Verify.Test
            {
                TestCode = Flawed.Replace("{|#0:LpfcDriver|}", "LpfcDriver", StringComparison.Ordinal),
                EditorConfig = "dotnet_diagnostic.SHD001.severity = none",
            };
            return test.RunAsync();
        }
    }
}
