using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace ShutdownAnalyzers.Tests.Headless;

/// <summary>
/// The code fixes work without an IDE: on a project that uses the package, <c>dotnet format
/// analyzers</c> rewrites every flawed driver as the fixes say, and the result builds with no
/// diagnostic of ours left. One project, one format run, one build.
/// </summary>
public sealed class HeadlessFixTests : IDisposable
{
    /// <summary>The diagnostics <c>dotnet format</c> is asked to fix, and that must be gone from the build.</summary>
    private static readonly string[] FixedDiagnostics =
    {
        RuleIdentifiers.RemoveWithoutShutdown,
        RuleIdentifiers.ShutdownPowersOffOnRestart,
        RuleIdentifiers.DmaNotStoppedOnRestart,
        RuleIdentifiers.InterruptLeftEnabledOnRestart,
        RuleIdentifiers.ShutdownSkipsCacheFlushOnRestart,
        RuleIdentifiers.RemoveLeaksProbeResource,
        RuleIdentifiers.ProbeStartsDeviceBeforeReset,
        RuleIdentifiers.RecoveryTestsBoundDriver,
        RuleIdentifiers.UsesUnlinkedDevice,
        RuleIdentifiers.WaitsOnHardwareWithoutTimeout,
    };

    /// <summary>Each file of the project: as written, and as <c>dotnet format</c> must leave it.</summary>
    private static readonly IReadOnlyList<(string File, string Before, string After)> Files = new[]
    {
        // SHD001: block-bodied Remove with its own parameter name; Shutdown goes right after it.
        (
            "Lpfc.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

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

                public override void Suspend(PciDevice pdev)
                {
                }
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

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

            """),

        // SHD001: Remove inherited from an abstract generic base; Shutdown goes at the end, expression-bodied like the class.
        (
            "Storage.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public abstract class StorageDriver<TDevice> : Driver<TDevice>
                where TDevice : Device
            {
                public override void Remove(TDevice device) => device.DriverData = null;
            }

            public sealed class AhciDriver : StorageDriver<PciDevice>
            {
                public override string Name => "ahci";

                public override void Probe(PciDevice device) => device.EnableDevice();
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public abstract class StorageDriver<TDevice> : Driver<TDevice>
                where TDevice : Device
            {
                public override void Remove(TDevice device) => device.DriverData = null;
            }

            public sealed class AhciDriver : StorageDriver<PciDevice>
            {
                public override string Name => "ahci";

                public override void Probe(PciDevice device) => device.EnableDevice();

                public override void Shutdown(PciDevice device) => Remove(device);
            }

            """),

        // SHD001: a partial platform driver; Shutdown goes into the part that holds Remove.
        (
            "Gpio.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed partial class GpioDriver : PlatformDriver
            {
                public override string Name => "gpio";
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed partial class GpioDriver : PlatformDriver
            {
                public override string Name => "gpio";
            }

            """),
        (
            "Gpio.Lifecycle.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed partial class GpioDriver
            {
                public override void Probe(PlatformDevice device) => device.DriverData = new object();

                public override void Remove(PlatformDevice device) => device.DriverData = null;
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed partial class GpioDriver
            {
                public override void Probe(PlatformDevice device) => device.DriverData = new object();

                public override void Remove(PlatformDevice device) => device.DriverData = null;

                public override void Shutdown(PlatformDevice device) => Remove(device);
            }

            """),

        // SHD002: igb's D3hot through a helper, unconditional; the power-off goes under a PowerOff guard.
        (
            "Igb.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class IgbDriver : PciDriver
            {
                public override string Name => "igb";

                public override void Probe(PciDevice pdev) => pdev.EnableDevice();

                public override void Remove(PciDevice pdev) => pdev.DisableDevice();

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.ClearMaster();
                    PrepareForPowerOff(pdev);
                    pdev.SetPowerState(PciPowerState.D3Hot);
                }

                private static void PrepareForPowerOff(PciDevice pdev) => pdev.SetPowerState(PciPowerState.D3Cold);
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class IgbDriver : PciDriver
            {
                public override string Name => "igb";

                public override void Probe(PciDevice pdev) => pdev.EnableDevice();

                public override void Remove(PciDevice pdev) => pdev.DisableDevice();

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.ClearMaster();
                    if (pdev.Kernel.SystemState == SystemState.PowerOff)
                    {
                        PrepareForPowerOff(pdev);
                        pdev.SetPowerState(PciPowerState.D3Hot);
                    }
                }

                private static void PrepareForPowerOff(PciDevice pdev) => pdev.SetPowerState(PciPowerState.D3Cold);
            }

            """),

        // SHD002: sd spinning the disk down in an expression-bodied Shutdown, in a file without the using.
        (
            "Sd.cs",
            """
            namespace Drivers;

            public sealed class SdDriver : ShutdownAnalyzers.DriverModel.ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ShutdownAnalyzers.DriverModel.ScsiDevice disk) => disk.StartUnit();

                public override void Shutdown(ShutdownAnalyzers.DriverModel.ScsiDevice disk) => disk.StopUnit();
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class SdDriver : ShutdownAnalyzers.DriverModel.ScsiDriver
            {
                public override string Name => "sd";

                public override void Probe(ShutdownAnalyzers.DriverModel.ScsiDevice disk) => disk.StartUnit();

                public override void Shutdown(ShutdownAnalyzers.DriverModel.ScsiDevice disk)
                {
                    if (disk.Kernel.SystemState == SystemState.PowerOff)
                    {
                        disk.StopUnit();
                    }
                }
            }

            """),

        // SHD005: ipr's fast reboot skipping the flush on restart; dotnet format applies the first fix, a flush first.
        (
            "Ipr.cs",
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class IprDriver : PciDriver
            {
                private readonly bool fastReboot = true;

                public override string Name => "ipr";

                public override void Probe(PciDevice pdev) => pdev.EnableDevice();

                public override void Shutdown(PciDevice pdev)
                {
                    var quiesceOnly = false;
                    if (fastReboot && pdev.Kernel.SystemState == SystemState.Restart)
                    {
                        quiesceOnly = true;
                    }

                    BringDown(pdev, quiesceOnly);
                }

                private static void BringDown(PciDevice pdev, bool quiesceOnly)
                {
                    if (!quiesceOnly)
                    {
                        pdev.WriteCache?.Flush(TimeSpan.FromMinutes(1));
                    }

                    pdev.ClearMaster();
                }
            }

            """,
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class IprDriver : PciDriver
            {
                private readonly bool fastReboot = true;

                public override string Name => "ipr";

                public override void Probe(PciDevice pdev) => pdev.EnableDevice();

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    var quiesceOnly = false;
                    if (fastReboot && pdev.Kernel.SystemState == SystemState.Restart)
                    {
                        quiesceOnly = true;
                    }

                    BringDown(pdev, quiesceOnly);
                }

                private static void BringDown(PciDevice pdev, bool quiesceOnly)
                {
                    if (!quiesceOnly)
                    {
                        pdev.WriteCache?.Flush(TimeSpan.FromMinutes(1));
                    }

                    pdev.ClearMaster();
                }
            }

            """),

        // SHD010: Shutdown and Remove share a helper in another file whose register wait has no bound, and
        // Remove flushes with the overload that has none; both get 30 s, the helper's once.
        (
            "Nvme.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice pdev) => pdev.EnableDevice();

                public override void Shutdown(PciDevice pdev) => NvmeController.Disable(pdev);

                public override void Remove(PciDevice pdev)
                {
                    pdev.WriteCache?.Flush();
                    NvmeController.Disable(pdev);
                }
            }

            """,
            """
            using System;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class NvmeDriver : PciDriver
            {
                public override string Name => "nvme";

                public override void Probe(PciDevice pdev) => pdev.EnableDevice();

                public override void Shutdown(PciDevice pdev) => NvmeController.Disable(pdev);

                public override void Remove(PciDevice pdev)
                {
                    pdev.WriteCache?.Flush(TimeSpan.FromSeconds(30));
                    NvmeController.Disable(pdev);
                }
            }

            """),
        (
            "NvmeController.cs",
            """
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            internal static class NvmeController
            {
                public static void Disable(PciDevice pdev)
                {
                    pdev.WriteRegister(0x14, 1 << 14);
                    pdev.WaitForRegister(0x1c, 0xc, 0x8, Timeout.InfiniteTimeSpan);
                }
            }

            """,
            """
            using System;
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            internal static class NvmeController
            {
                public static void Disable(PciDevice pdev)
                {
                    pdev.WriteRegister(0x14, 1 << 14);
                    pdev.WaitForRegister(0x1c, 0xc, 0x8, TimeSpan.FromSeconds(30));
                }
            }

            """),
        // SHD008: zpci's SlotReset tests the bound driver, directly and through a helper.
        (
            "Zpci.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class ZpciNicDriver : PciDriver
            {
                public override string Name => "zpci-nic";

                public override void Probe(PciDevice device) => device.EnableDevice();

                public override void Remove(PciDevice device) => device.DisableDevice();

                public override void Shutdown(PciDevice device) => Remove(device);

                public override PciErsResult SlotReset(PciDevice device)
                {
                    if (device.Driver is null)
                    {
                        return PciErsResult.Disconnect;
                    }

                    device.EnableDevice();
                    return PciErsResult.Recovered;
                }

                public override void ResumeAfterError(PciDevice device)
                {
                    if (IsBound(device))
                    {
                        device.SetMaster();
                    }
                }

                private static bool IsBound(PciDevice device) => device.DriverData != null;
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class ZpciNicDriver : PciDriver
            {
                public override string Name => "zpci-nic";

                public override void Probe(PciDevice device) => device.EnableDevice();

                public override void Remove(PciDevice device) => device.DisableDevice();

                public override void Shutdown(PciDevice device) => Remove(device);

                public override PciErsResult SlotReset(PciDevice device)
                {
                    if (!device.IsAdded)
                    {
                        return PciErsResult.Disconnect;
                    }

                    if (device.Driver is null)
                    {
                        return PciErsResult.Disconnect;
                    }

                    device.EnableDevice();
                    return PciErsResult.Recovered;
                }

                public override void ResumeAfterError(PciDevice device)
                {
                    if (!device.IsAdded)
                    {
                        return;
                    }

                    if (IsBound(device))
                    {
                        device.SetMaster();
                    }
                }

                private static bool IsBound(PciDevice device) => device.DriverData != null;
            }

            """),

        // SHD009: storvsc closes its VMBus channel in Suspend, Remove and Shutdown; one link in Probe.
        (
            "Storvsc.cs",
            """
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class StorvscDriver : PlatformDriver
            {
                private PlatformDevice? vmbus;

                public override string Name => "hv_storvsc";

                public override void Probe(PlatformDevice device)
                {
                    vmbus = device.Kernel.Devices.OfType<PlatformDevice>().Single(d => d.Compatible == "microsoft,vmbus");
                    vmbus.WriteRegister(0, 5);
                }

                public override void Suspend(PlatformDevice device) => CloseChannel(vmbus!);

                public override void Remove(PlatformDevice device) => CloseChannel(vmbus!);

                public override void Shutdown(PlatformDevice device) => Remove(device);

                private static void CloseChannel(PlatformDevice bus) => bus.WriteRegister(0, 7);
            }

            """,
            """
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class StorvscDriver : PlatformDriver
            {
                private PlatformDevice? vmbus;

                public override string Name => "hv_storvsc";

                public override void Probe(PlatformDevice device)
                {
                    vmbus = device.Kernel.Devices.OfType<PlatformDevice>().Single(d => d.Compatible == "microsoft,vmbus");
                    device.AddAutoRemoveLink(vmbus);
                    vmbus.WriteRegister(0, 5);
                }

                public override void Suspend(PlatformDevice device) => CloseChannel(vmbus!);

                public override void Remove(PlatformDevice device) => CloseChannel(vmbus!);

                public override void Shutdown(PlatformDevice device) => Remove(device);

                private static void CloseChannel(PlatformDevice bus) => bus.WriteRegister(0, 7);
            }

            """),
        // SHD003: mlx5's Shutdown frees the interrupts but leaves the HCA running. Headless, the fix that keeps
        // the code and adds the stops applies (Map Shutdown to Remove is the lightbulb's alternative). SHD007 (a
        // suggestion, fixed as --severity info asks) resets the function at the top of Probe.
        (
            "Mlx5.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice pdev)
                {
                    pdev.EnableDevice();
                    pdev.RequestIrq(static _ => IrqReturn.Handled);
                    pdev.SetMaster();
                }

                public override void Remove(PciDevice pdev)
                {
                    pdev.ClearMaster();
                    pdev.FreeIrq();
                }

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.FreeIrq();
                }
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class Mlx5Driver : PciDriver
            {
                public override string Name => "mlx5_core";

                public override void Probe(PciDevice pdev)
                {
                    pdev.FunctionReset();
                    pdev.EnableDevice();
                    pdev.RequestIrq(static _ => IrqReturn.Handled);
                    pdev.SetMaster();
                }

                public override void Remove(PciDevice pdev)
                {
                    pdev.ClearMaster();
                    pdev.FreeIrq();
                }

                public override void Shutdown(PciDevice pdev)
                {
                    pdev.FreeIrq();
                    pdev.StopDma();
                    pdev.ClearMaster();
                }
            }

            """),

        // SHD003 on a platform DMA controller with neither Shutdown nor Remove: a new Shutdown stops the engine,
        // as a block like the class's other method; SHD007 resets the controller at the top of Probe.
        (
            "DmaController.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device)
                {
                    device.StartDma(device.MapDma(1));
                }
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class DmaControllerDriver : PlatformDriver
            {
                public override string Name => "vendor,dma";

                public override void Probe(PlatformDevice device)
                {
                    device.RestartFirmware();
                    device.StartDma(device.MapDma(1));
                }

                public override void Shutdown(PlatformDevice device)
                {
                    device.StopDma();
                }
            }

            """),

        // SHD004: the port driver's Shutdown only disables the port; the interrupt is freed after it. SHD007
        // resets the port before its interrupt is requested.
        (
            "Pcieport.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice port) => port.RequestIrq(static _ => IrqReturn.Handled);

                public override void Remove(PciDevice port) => port.FreeIrq();

                public override void Shutdown(PciDevice port) => port.DisableDevice();
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class PcieportDriver : PciDriver
            {
                public override string Name => "pcieport";

                public override void Probe(PciDevice port)
                {
                    port.FunctionReset();
                    port.RequestIrq(static _ => IrqReturn.Handled);
                }

                public override void Remove(PciDevice port) => port.FreeIrq();

                public override void Shutdown(PciDevice port)
                {
                    port.DisableDevice();
                    port.FreeIrq();
                }
            }

            """),

        // SHD006: megaraid_sas's expression-bodied Remove keeps the interrupt and the regions; both releases go at its end, in one block.
        (
            "Megaraid.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class MegaraidSasDriver : PciDriver
            {
                public override string Name => "megaraid_sas";

                public override void Probe(PciDevice device)
                {
                    device.FunctionReset();
                    device.RequestRegions();
                    device.RequestIrq(_ => IrqReturn.Handled);
                }

                public override void Remove(PciDevice device) => device.MaskInterrupts();

                public override void Shutdown(PciDevice device) => device.MaskInterrupts();
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class MegaraidSasDriver : PciDriver
            {
                public override string Name => "megaraid_sas";

                public override void Probe(PciDevice device)
                {
                    device.FunctionReset();
                    device.RequestRegions();
                    device.RequestIrq(_ => IrqReturn.Handled);
                }

                public override void Remove(PciDevice device)
                {
                    device.MaskInterrupts();
                    device.FreeIrq();
                    device.ReleaseRegions();
                }

                public override void Shutdown(PciDevice device) => device.MaskInterrupts();
            }

            """),

        // SHD006: a register mapping kept in the state Probe stores in DriverData, named through Remove's local.
        (
            "Uart.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class Port
            {
                public Port(RegisterMapping registers) => Registers = registers;

                public RegisterMapping Registers { get; }
            }

            public sealed class UartDriver : PlatformDriver
            {
                public override string Name => "uart";

                public override void Probe(PlatformDevice device) => device.DriverData = new Port(device.MapRegisters());

                public override void Remove(PlatformDevice device)
                {
                    var port = (Port)device.DriverData!;
                    device.MaskInterrupts();
                }

                public override void Shutdown(PlatformDevice device) => device.MaskInterrupts();
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class Port
            {
                public Port(RegisterMapping registers) => Registers = registers;

                public RegisterMapping Registers { get; }
            }

            public sealed class UartDriver : PlatformDriver
            {
                public override string Name => "uart";

                public override void Probe(PlatformDevice device) => device.DriverData = new Port(device.MapRegisters());

                public override void Remove(PlatformDevice device)
                {
                    var port = (Port)device.DriverData!;
                    device.MaskInterrupts();
                    device.UnmapRegisters(port.Registers);
                }

                public override void Shutdown(PlatformDevice device) => device.MaskInterrupts();
            }

            """),

        // SHD007: qla2xxx's expression-bodied Probe takes its interrupt before any reset; the reset goes first.
        (
            "Qla2xxx.cs",
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class Qla2xxxDriver : PciDriver
            {
                public override string Name => "qla2xxx";

                public override void Probe(PciDevice ioa) => Start(ioa);

                public override void Remove(PciDevice ioa) => ioa.FreeIrq();

                public override void Shutdown(PciDevice ioa) => ioa.MaskInterrupts();

                private static void Start(PciDevice ioa)
                {
                    ioa.EnableDevice();
                    ioa.RequestIrq(_ => IrqReturn.Handled);
                }
            }

            """,
            """
            using ShutdownAnalyzers.DriverModel;

            namespace Drivers;

            public sealed class Qla2xxxDriver : PciDriver
            {
                public override string Name => "qla2xxx";

                public override void Probe(PciDevice ioa)
                {
                    ioa.FunctionReset();
                    Start(ioa);
                }

                public override void Remove(PciDevice ioa) => ioa.FreeIrq();

                public override void Shutdown(PciDevice ioa) => ioa.MaskInterrupts();

                private static void Start(PciDevice ioa)
                {
                    ioa.EnableDevice();
                    ioa.RequestIrq(_ => IrqReturn.Handled);
                }
            }

            """),
    };

    private readonly DirectoryInfo project = Directory.CreateTempSubdirectory("shutdownanalyzers-headless-");

    public void Dispose() => project.Delete(recursive: true);

    [DotnetFact]
    public async Task Dotnet_format_fixes_every_diagnostic_and_the_fixed_project_builds_clean()
    {
        WriteProject();

        var format = await DotnetCli.RunAsync(project.FullName, new[] { "format", "analyzers", "Drivers.csproj", "--diagnostics" }
            .Concat(FixedDiagnostics)
            .Concat(new[] { "--severity", "info" })
            .ToArray());
        Assert.True(format.ExitCode == 0, $"dotnet format failed: {format}");

        foreach (var (file, _, after) in Files)
        {
            Assert.Equal(after, File.ReadAllText(Path.Combine(project.FullName, file)));
        }

        var build = await DotnetCli.RunAsync(project.FullName, "build", "Drivers.csproj", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, $"The fixed project does not build: {build}");
        Assert.DoesNotMatch(new Regex(@"\b(CS8032|CS8033|AD0001)\b"), build.Output);
        foreach (var id in FixedDiagnostics)
        {
            Assert.False(build.Output.Contains(id, StringComparison.Ordinal), $"{id} is still reported after dotnet format: {build}");
        }
    }

    /// <summary>
    /// A project that needs no package (so restore never goes to the network): the bus API as a plain
    /// reference and the analyzer and code-fix assemblies as analyzers, all from this test's output
    /// folder; files above it (Directory.Build.props, NuGet.config, .editorconfig) shut out.
    /// </summary>
    private void WriteProject()
    {
        var assemblies = AppContext.BaseDirectory;
        Write("Drivers.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Path.Combine(assemblies, "ShutdownAnalyzers.Runtime.dll")}" />
                <Analyzer Include="{Path.Combine(assemblies, "ShutdownAnalyzers.dll")}" />
                <Analyzer Include="{Path.Combine(assemblies, "ShutdownAnalyzers.CodeFixes.dll")}" />
              </ItemGroup>
            </Project>
            """);
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Build.targets", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        Write("NuGet.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        Write(".editorconfig", """
            root = true

            [*.cs]
            indent_style = space
            indent_size = 4
            end_of_line = lf
            """);
        foreach (var (file, before, _) in Files)
        {
            Write(file, before);
        }
    }

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(project.FullName, file), text.ReplaceLineEndings("\n"));
}
