using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Tests.Verifiers;
using Verify = ShutdownAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ShutdownAnalyzers.Rules.UsesUnlinkedDeviceAnalyzer>;
using VerifyFix = ShutdownAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ShutdownAnalyzers.Rules.UsesUnlinkedDeviceAnalyzer,
    ShutdownAnalyzers.CreateDeviceLinkCodeFixProvider>;

namespace ShutdownAnalyzers.Tests.Rules;

/// <summary>SHD009: Suspend, Shutdown or Remove uses another device that is not linked to the driver's device.</summary>
public static class SHD009UsesUnlinkedDeviceTests
{
    /// <summary>
    /// A storvsc-like platform driver with <paramref name="members"/>: Probe has <paramref name="probe"/>
    /// and Suspend <paramref name="suspend"/>. The VMBus lookup helper is beside it.
    /// </summary>
    private static string Storvsc(string probe, string suspend, string members = "") => $$"""
        using System.Linq;
        using ShutdownAnalyzers.DriverModel;

        public static class Vmbus
        {
            public static PlatformDevice Find(Kernel kernel) =>
                kernel.Devices.OfType<PlatformDevice>().Single(device => device.Compatible == "microsoft,vmbus");
        }

        public sealed class StorvscDriver : PlatformDriver
        {
            private PlatformDevice? vmbus;

            public override string Name => "hv_storvsc";

            public override void Probe(PlatformDevice device)
            {
        {{Indent(probe, 8)}}
            }

            public override void Suspend(PlatformDevice device)
            {
        {{Indent(suspend, 8)}}
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

    /// <summary>Code the rule accepts: the driver's own device and its ancestors, linked devices, what the analysis cannot see, look-alikes.</summary>
    public class Valid
    {
        [Fact]
        public Task Own_device_and_its_ancestors() => Verify.VerifyAnalyzerAsync("""
            using ShutdownAnalyzers.DriverModel;

            public sealed class SdDriver : ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ScsiDevice device) { }

                public override void Suspend(ScsiDevice device)
                {
                    device.WriteCache?.Flush(System.TimeSpan.FromSeconds(30));
                    var host = (PciDevice)device.Parent!;
                    host.WriteRegister(0x10, 1);
                    ((PciDevice)device.Parent!.Parent!).ReadRegister(0);
                    Quiesce(device);
                }

                public override void Remove(ScsiDevice device) => device.Write(0);

                public override void Shutdown(ScsiDevice disk)
                {
                    var cache = disk.WriteCache;
                    cache?.Flush(System.TimeSpan.FromSeconds(30));
                }

                private static void Quiesce(ScsiDevice device) => device.Read(0);
            }
            """);

        [Fact]
        public Task Linked_in_Probe_with_AddAutoRemoveLink() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            device.AddAutoRemoveLink(vmbus);
            """,
            "vmbus!.WriteRegister(0, 7);"));

        [Fact]
        public Task Linked_in_Probe_through_the_local_the_field_was_set_from() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            var found = Vmbus.Find(device.Kernel);
            link = device.AddLink(found);
            vmbus = found;
            """,
            "vmbus!.WriteRegister(0, 7);",
            """

            private DeviceLink? link;

            public override void Remove(PlatformDevice device) => device.RemoveLink(link!);
            """));

        [Fact]
        public Task Linked_through_a_member_filled_from_another() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            device.AddAutoRemoveLink(vmbus);
            channelBus = vmbus;
            """,
            "channelBus!.WriteRegister(0, 7);",
            """

            private PlatformDevice? channelBus;
            """));

        [Fact]
        public Task Linked_in_a_helper_Probe_calls() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            Order(device, vmbus);
            """,
            "Close(vmbus!);",
            """

            private static void Order(PlatformDevice consumer, PlatformDevice supplier) => consumer.AddAutoRemoveLink(supplier);

            private static void Close(PlatformDevice bus) => bus.WriteRegister(0, 7);
            """));

        [Fact]
        public Task Device_kept_in_DriverData_and_linked() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            var channel = Vmbus.Find(device.Kernel);
            device.DriverData = channel;
            device.AddAutoRemoveLink(channel);
            """,
            "((PlatformDevice)device.DriverData!).WriteRegister(0x40, 1);"));

        [Fact]
        public Task Lookup_in_the_callback_when_Probe_links_a_looked_up_device() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            device.AddAutoRemoveLink(Vmbus.Find(device.Kernel));
            """,
            "Vmbus.Find(device.Kernel).WriteRegister(0, 7);"));

        [Fact]
        public Task Field_that_holds_the_drivers_own_device() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            self = device;
            """,
            "self!.WriteRegister(0, 7);",
            """

            private PlatformDevice? self;
            """));

        [Fact]
        public Task Devices_the_analysis_cannot_see_where_from() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Registry.Lookup("vmbus");
            """,
            """
            vmbus!.WriteRegister(0, 7);
            fromConstructor.WriteRegister(0, 7);
            Registry.Lookup("vmbus").WriteRegister(0, 7);
            Shared?.WriteRegister(0, 7);
            """,
            """

            private readonly PlatformDevice fromConstructor = Registry.Lookup("other");

            public PlatformDevice? Shared { get; set; }

            public interface IRegistry
            {
                PlatformDevice Lookup(string name);
            }

            private static readonly IRegistry Registry = null!;
            """));

        [Fact]
        public Task Property_getters_are_not_followed() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            """,
            "Bus.WriteRegister(0, 7);",
            """

            private PlatformDevice Bus => vmbus!;
            """));

        [Fact]
        public Task Probe_links_a_device_the_analysis_cannot_see_where_from() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            device.AddAutoRemoveLink(Suppliers.First());
            """,
            "vmbus!.WriteRegister(0, 7);",
            """

            public System.Collections.Generic.IEnumerable<PlatformDevice> Suppliers { get; set; } = null!;
            """));

        [Fact]
        public Task Io_in_Probe_and_Resume_is_not_ordered_by_suspend() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            vmbus.WriteRegister(0, 5);
            """,
            "device.StopDma();",
            """

            public override void Resume(PlatformDevice device) => vmbus!.WriteRegister(0, 5);
            """));

        [Fact]
        public Task Control_calls_on_another_device_are_not_io() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            """,
            """
            vmbus!.StopDma();
            vmbus.MaskInterrupts();
            vmbus.DisableIrq();
            """));

        [Fact]
        public Task Calls_through_lambdas_and_interfaces_are_not_followed() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            """,
            """
            System.Action close = () => vmbus!.WriteRegister(0, 7);
            close();
            Channel.Close(vmbus!);
            """,
            """

            public IChannel Channel { get; set; } = null!;

            public interface IChannel
            {
                void Close(PlatformDevice bus);
            }
            """));

        [Fact]
        public Task Look_alikes_without_PerformsIo_or_outside_a_driver() => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            public sealed class Mailbox
            {
                public void WriteRegister(int offset, uint value) { }
            }

            public sealed class Sequencer
            {
                public void Suspend(Kernel kernel) => kernel.Devices.OfType<PlatformDevice>().First().WriteRegister(0, 1);
            }

            public sealed class StorvscDriver : PlatformDriver
            {
                private readonly Mailbox mailbox = new();

                public override string Name => "hv_storvsc";

                public override void Probe(PlatformDevice device) { }

                public override void Suspend(PlatformDevice device) => mailbox.WriteRegister(0, 7);

                public new void Remove(PlatformDevice device) => device.Kernel.Devices.OfType<PlatformDevice>().First().WriteRegister(0, 1);
            }
            """);
    }

    /// <summary>What the rule reports, where, and the device and path it names.</summary>
    public class Diagnostics
    {
        [Fact]
        public Task Field_set_in_Probe_from_a_lookup() => Verify.VerifyAnalyzerAsync(
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                """,
                """
                {|#0:vmbus!.WriteRegister(0, 7)|};
                """),
            Verify.Diagnostic().WithLocation(0).WithMessage(
                "Suspend of StorvscDriver sends I/O to the device in field 'vmbus' (Suspend → WriteRegister), which is neither its device nor an ancestor " +
                "and is not linked to it in Probe; suspend and shutdown order devices only by parent and by link, so it may already be suspended or shut down"));

        [Fact]
        public Task Through_helpers_the_device_passed_along() => Verify.VerifyAnalyzerAsync(
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                """,
                """
                device.StopDma();
                {|#0:CloseChannel(device, vmbus!)|};
                """,
                """

                public override void Remove(PlatformDevice device) => {|#1:CloseChannel(device, vmbus!)|};

                public override void Shutdown(PlatformDevice device) => {|#2:Remove(device)|};

                private static void CloseChannel(PlatformDevice device, PlatformDevice bus)
                {
                    device.WriteRegister(0, 0);
                    Post(bus, 7);
                }

                private static void Post(PlatformDevice bus, uint message) => bus.WriteRegister(0, message);
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("Suspend", "StorvscDriver", "the device in field 'vmbus'", "Suspend → CloseChannel → Post → WriteRegister"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Remove", "StorvscDriver", "the device in field 'vmbus'", "Remove → CloseChannel → Post → WriteRegister"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Shutdown", "StorvscDriver", "the device in field 'vmbus'", "Shutdown → Remove → CloseChannel → Post → WriteRegister"));

        [Fact]
        public Task Device_kept_in_DriverData() => Verify.VerifyAnalyzerAsync(
            Storvsc(
                """
                var channel = device.Kernel.Devices.OfType<PlatformDevice>().Single(d => d.Compatible == "test,channel");
                device.DriverData = channel;
                """,
                """
                {|#0:((PlatformDevice)device.DriverData!).WriteRegister(0x40, 1)|};
                if (device.DriverData is PlatformDevice channel)
                {
                    {|#1:channel.ReadRegister(0x40)|};
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("Suspend", "StorvscDriver", "the device kept in DriverData", "Suspend → WriteRegister"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Suspend", "StorvscDriver", "the device kept in DriverData", "Suspend → ReadRegister"));

        [Fact]
        public Task Lookup_in_the_callback_when_Probe_links_nothing() => Verify.VerifyAnalyzerAsync(
            Storvsc(
                "",
                """
                {|#0:Vmbus.Find(device.Kernel).WriteRegister(0, 7)|};
                foreach (var other in device.Kernel.Devices.OfType<ScsiDevice>())
                {
                    {|#1:other.Write(0)|};
                }
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("Suspend", "StorvscDriver", "a device looked up in Kernel.Devices", "Suspend → WriteRegister"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Suspend", "StorvscDriver", "a device looked up in Kernel.Devices", "Suspend → Write"));

        [Fact]
        public Task Children_looked_up_from_the_parents_Suspend_are_suspended_already() => Verify.VerifyAnalyzerAsync("""
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            public sealed class HostDriver : PciDriver
            {
                public override string Name => "host";

                public override void Probe(PciDevice device) { }

                public override void Suspend(PciDevice device)
                {
                    foreach (var disk in device.Kernel.Devices.OfType<ScsiDevice>().Where(d => d.Parent == device))
                    {
                        [|disk.WriteCache!.Flush(System.TimeSpan.FromSeconds(30))|];
                    }
                }
            }
            """);

        [Fact]
        public Task Linked_to_one_device_but_using_another() => Verify.VerifyAnalyzerAsync(
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                device.AddAutoRemoveLink(vmbus);
                balloon = device.Kernel.Devices.OfType<PlatformDevice>().First(d => d.Compatible == "microsoft,balloon");
                """,
                """
                vmbus!.WriteRegister(0, 7);
                {|#0:balloon!.WriteRegister(0, 1)|};
                """,
                """

                private PlatformDevice? balloon;
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("Suspend", "StorvscDriver", "the device in field 'balloon'", "Suspend → WriteRegister"));

        [Fact]
        public Task Property_static_field_and_local_copies() => Verify.VerifyAnalyzerAsync(
            """
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            public sealed class StorvscDriver : PlatformDriver
            {
                private static PlatformDevice? shared;

                public override string Name => "hv_storvsc";

                private PlatformDevice? Bus { get; set; }

                public override void Probe(PlatformDevice device)
                {
                    Bus = device.Kernel.Devices.OfType<PlatformDevice>().First();
                    shared = device.Kernel.Devices.OfType<PlatformDevice>().Last();
                }

                public override void Suspend(PlatformDevice device)
                {
                    var bus = Bus;
                    {|#0:bus!.WriteRegister(0, 7)|};
                    {|#1:shared!.ReadRegister(0)|};
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("Suspend", "StorvscDriver", "the device in property 'Bus'", "Suspend → WriteRegister"),
            Verify.Diagnostic().WithLocation(1).WithArguments("Suspend", "StorvscDriver", "the device in field 'shared'", "Suspend → ReadRegister"));

        [Fact]
        public Task Users_own_PerformsIo_helper_with_a_device_argument() => Verify.VerifyAnalyzerAsync(Storvsc(
            """
            vmbus = Vmbus.Find(device.Kernel);
            """,
            "[|Hypercall(vmbus!, 7)|];",
            """

            [PerformsIo]
            private static void Hypercall(PlatformDevice bus, uint message) { }
            """));

        [Fact]
        public Task Generic_driver_and_abstract_base()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("""
                using System.Linq;
                using ShutdownAnalyzers.DriverModel;

                public abstract class ChannelDriver<TDevice> : Driver<TDevice>
                    where TDevice : MemoryMappedDevice
                {
                    protected TDevice? Bus { get; private set; }

                    public override void Probe(TDevice device) => Bus = device.Kernel.Devices.OfType<TDevice>().First(d => d != device);

                    public override void Suspend(TDevice device) => [|Bus!.WriteRegister(0, 7)|];
                }

                public sealed partial class NetvscDriver : ChannelDriver<PlatformDevice>
                {
                    public override string Name => "hv_netvsc";
                }
                """);
            test.TestState.Sources.Add("""
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class NetvscDriver
                {
                    public override void Remove(PlatformDevice device) => [|Bus!.ReadRegister(0)|];
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task Severity_raised_to_error_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = Storvsc("vmbus = Vmbus.Find(device.Kernel);", "{|#0:vmbus!.WriteRegister(0, 7)|};"),
                EditorConfig = "dotnet_diagnostic.SHD009.severity = error",
                ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Rule_turned_off_in_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = Storvsc("vmbus = Vmbus.Find(device.Kernel);", "vmbus!.WriteRegister(0, 7);"),
                EditorConfig = "dotnet_diagnostic.SHD009.severity = none",
            };
            return test.RunAsync();
        }
    }

    /// <summary>The fix on one diagnostic.</summary>
    public class CodeFix
    {
        [Fact]
        public Task Link_goes_right_after_the_field_is_set() => VerifyFix.VerifyCodeFixAsync(
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                device.StopDma();
                """,
                "[|vmbus!.WriteRegister(0, 7)|];"),
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                device.AddAutoRemoveLink(vmbus);
                device.StopDma();
                """,
                "vmbus!.WriteRegister(0, 7);"));

        [Fact]
        public Task Link_to_a_property_written_through_this_in_a_nested_block() => VerifyFix.VerifyCodeFixAsync(
            """
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            public sealed class StorvscDriver : PlatformDriver
            {
                public override string Name => "hv_storvsc";

                private PlatformDevice Bus { get; set; } = null!;

                public override void Probe(PlatformDevice pdev)
                {
                    if (pdev.Kernel.Devices.Count > 1)
                    {
                        this.Bus = pdev.Kernel.Devices.OfType<PlatformDevice>().First(d => d != pdev);
                    }
                }

                public override void Remove(PlatformDevice pdev) => [|Bus.WriteRegister(0, 7)|];
            }
            """,
            """
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            public sealed class StorvscDriver : PlatformDriver
            {
                public override string Name => "hv_storvsc";

                private PlatformDevice Bus { get; set; } = null!;

                public override void Probe(PlatformDevice pdev)
                {
                    if (pdev.Kernel.Devices.Count > 1)
                    {
                        this.Bus = pdev.Kernel.Devices.OfType<PlatformDevice>().First(d => d != pdev);
                        pdev.AddAutoRemoveLink(this.Bus);
                    }
                }

                public override void Remove(PlatformDevice pdev) => Bus.WriteRegister(0, 7);
            }
            """);

        [Fact]
        public Task Link_to_the_local_stored_in_DriverData() => VerifyFix.VerifyCodeFixAsync(
            Storvsc(
                """
                var channel = Vmbus.Find(device.Kernel);
                device.DriverData = channel;
                """,
                "[|((PlatformDevice)device.DriverData!).WriteRegister(0x40, 1)|];"),
            Storvsc(
                """
                var channel = Vmbus.Find(device.Kernel);
                device.DriverData = channel;
                device.AddAutoRemoveLink(channel);
                """,
                "((PlatformDevice)device.DriverData!).WriteRegister(0x40, 1);"));

        [Fact]
        public Task Not_offered_for_a_lookup_in_the_callback_or_a_device_stored_by_a_helper()
        {
            var test = new VerifyFix.Test
            {
                TestCode = Storvsc(
                    """
                    Connect(device);
                    """,
                    """
                    [|vmbus!.WriteRegister(0, 7)|];
                    [|Vmbus.Find(device.Kernel).WriteRegister(0, 7)|];
                    """,
                    """

                    private void Connect(PlatformDevice device) => vmbus = Vmbus.Find(device.Kernel);
                    """),
            };
            return test.RunAsync();
        }
    }

    /// <summary>FixAll in document, project and solution scope (the verifier checks all three) equals fixing one by one.</summary>
    public class FixAll
    {
        [Fact]
        public Task One_link_per_device_however_many_callbacks_use_it() => VerifyFix.VerifyCodeFixAsync(
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                balloon = device.Kernel.Devices.OfType<PlatformDevice>().First(d => d.Compatible == "microsoft,balloon");
                """,
                """
                [|vmbus!.WriteRegister(0, 7)|];
                [|balloon!.WriteRegister(0, 1)|];
                """,
                """

                private PlatformDevice? balloon;

                public override void Remove(PlatformDevice device) => [|vmbus!.WriteRegister(0, 7)|];

                public override void Shutdown(PlatformDevice device) => [|Remove(device)|];
                """),
            Storvsc(
                """
                vmbus = Vmbus.Find(device.Kernel);
                device.AddAutoRemoveLink(vmbus);
                balloon = device.Kernel.Devices.OfType<PlatformDevice>().First(d => d.Compatible == "microsoft,balloon");
                device.AddAutoRemoveLink(balloon);
                """,
                """
                vmbus!.WriteRegister(0, 7);
                balloon!.WriteRegister(0, 1);
                """,
                """

                private PlatformDevice? balloon;

                public override void Remove(PlatformDevice device) => vmbus!.WriteRegister(0, 7);

                public override void Shutdown(PlatformDevice device) => Remove(device);
                """));

        [Fact]
        public Task Probe_in_another_file_of_a_partial_driver_and_drivers_in_another_project()
        {
            const string Helper = """
                using System.Linq;
                using ShutdownAnalyzers.DriverModel;

                public static class Vmbus
                {
                    public static PlatformDevice Find(Kernel kernel) => kernel.Devices.OfType<PlatformDevice>().First();
                }
                """;
            const string ProbePart = """
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class {0}Driver : PlatformDriver
                {{
                    private PlatformDevice vmbus = null!;

                    public override string Name => "{0}";

                    public override void Probe(PlatformDevice device)
                    {{
                        vmbus = Vmbus.Find(device.Kernel);{1}
                    }}
                }}
                """;
            const string SuspendPart = """
                using ShutdownAnalyzers.DriverModel;

                public sealed partial class {0}Driver
                {{
                    public override void Suspend(PlatformDevice device) => {1}vmbus.WriteRegister(0, 7){2};
                }}
                """;
            const string Link = "\n        device.AddAutoRemoveLink(vmbus);";

            var test = new VerifyFix.Test();
            test.TestState.Sources.Add(Helper);
            test.TestState.Sources.Add(string.Format(ProbePart, "Storvsc", ""));
            test.TestState.Sources.Add(string.Format(SuspendPart, "Storvsc", "[|", "|]"));
            test.TestState.AdditionalProjects["Other"].Sources.Add(Helper);
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(ProbePart, "Netvsc", ""));
            test.TestState.AdditionalProjects["Other"].Sources.Add(string.Format(SuspendPart, "Netvsc", "[|", "|]"));
            test.FixedState.Sources.Add(Helper);
            test.FixedState.Sources.Add(string.Format(ProbePart, "Storvsc", Link));
            test.FixedState.Sources.Add(string.Format(SuspendPart, "Storvsc", "", ""));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(Helper);
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(ProbePart, "Netvsc", Link));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(string.Format(SuspendPart, "Netvsc", "", ""));
            return test.RunAsync();
        }
    }
}
