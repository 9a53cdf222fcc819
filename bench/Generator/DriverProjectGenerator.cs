using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace ShutdownAnalyzers.Bench.Generator;

/// <summary>
/// Writes a driver-model project: <c>count</c> drivers, one file each, cycling through every
/// <see cref="DriverKind"/> (seven kinds in twelve carry a flaw the SHD rules report: SHD001–SHD004,
/// SHD006, SHD007 on the platform driver, SHD010), against the
/// bus API assembly; or a plain project of the same size that never references the bus API. The
/// output is the same for the same arguments.
/// </summary>
public static class DriverProjectGenerator
{
    private static readonly DriverKind[] Kinds = Enum.GetValues<DriverKind>();

    /// <summary>The kind of the <paramref name="index"/>-th driver.</summary>
    public static DriverKind KindOf(int index) => Kinds[index % Kinds.Length];

    /// <summary>The source of driver <paramref name="index"/>, a file of its own.</summary>
    public static string DriverSource(int index)
    {
        var kind = KindOf(index);
        var id = (0x1000 + index).ToString("x4", CultureInfo.InvariantCulture);
        var body = kind switch
        {
            DriverKind.Correct => Correct(index, id),
            DriverKind.MappedToRemove => MappedToRemove(index, id),
            DriverKind.RemoveWithoutShutdown => RemoveWithoutShutdown(index, id),
            DriverKind.PowerOffOnRestart => PowerOff(index, id, guarded: false),
            DriverKind.GuardedPowerOff => PowerOff(index, id, guarded: true),
            DriverKind.Hierarchy => Hierarchy(index, id),
            DriverKind.Platform => Platform(index),
            DriverKind.HelperChain => HelperChain(index, id),
            DriverKind.DmaLeftRunning => DmaLeftRunning(index, id),
            DriverKind.InterruptLeftEnabled => InterruptLeftEnabled(index, id),
            DriverKind.RemoveLeaksRegions => RemoveLeaksRegions(index, id),
            DriverKind.WaitsForever => WaitsForever(index, id),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using ShutdownAnalyzers.DriverModel;

            namespace Generated.Drivers.Group{{index / 100}};

            {{body}}
            """;
    }

    /// <summary>Writes a driver project of <paramref name="drivers"/> drivers under <paramref name="directory"/>; returns the project file.</summary>
    public static string WriteDriverProject(string directory, int drivers, string runtimeAssembly)
    {
        PrepareDirectory(directory);
        for (var i = 0; i < drivers; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Driver{i:D5}.cs"), DriverSource(i));
        }

        return WriteProjectFile(directory, $"""
            <ItemGroup>
              <Reference Include="ShutdownAnalyzers.Runtime" HintPath="{runtimeAssembly}" />
            </ItemGroup>
            """);
    }

    /// <summary>Writes a project of <paramref name="files"/> ordinary classes (services, records, disposables) that never mentions the bus API.</summary>
    public static string WritePlainProject(string directory, int files)
    {
        PrepareDirectory(directory);
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Service{i:D5}.cs"), PlainSource(i));
        }

        return WriteProjectFile(directory, "");
    }

    /// <summary>
    /// A library with the SHD analyzers attached when <c>ShdAnalyzers</c> is set to their assembly's
    /// path, warnings left as warnings, and its own empty Directory.Build files so nothing of the
    /// surrounding repository leaks in.
    /// </summary>
    private static string WriteProjectFile(string directory, string items)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, name), "<Project />\n");
        }

        var project = Path.Combine(directory, Path.GetFileName(directory) + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <EnableNETAnalyzers Condition="'$(EnableNETAnalyzers)' == ''">false</EnableNETAnalyzers>
              </PropertyGroup>
              {items}
              <ItemGroup Condition="'$(ShdAnalyzers)' != ''">
                <Analyzer Include="$(ShdAnalyzers)" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    private static void PrepareDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
    }

    private static string Ids(string id) =>
        $"private static readonly IReadOnlyList<PciDeviceId> Ids = new[] {{ new PciDeviceId(0x8086, 0x{id}) }};";

    private static string Correct(int i, string id) => $$"""
        /// <summary>A NIC driver that quiesces its device in Shutdown.</summary>
        public sealed class Nic{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "nic{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device) => Nic{{i}}Hardware.Start(device);

            public override void Remove(PciDevice device) => Nic{{i}}Hardware.Stop(device);

            public override void Shutdown(PciDevice device) => Nic{{i}}Hardware.Quiesce(device);
        }

        internal static class Nic{{i}}Hardware
        {
            public static void Start(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                device.RequestRegions();
                var rings = device.MapDma(pages: 2);
                device.RequestIrq(static _ => IrqReturn.Handled);
                device.SetMaster();
                device.StartDma(rings);
                device.DriverData = rings;
            }

            public static void Quiesce(PciDevice device)
            {
                device.StopDma();
                device.ClearMaster();
                device.MaskInterrupts();
                device.FreeIrq();
                device.DisableDevice();
            }

            public static void Stop(PciDevice device)
            {
                Quiesce(device);
                device.UnmapDma((DmaBuffer)device.DriverData!);
                device.ReleaseRegions();
            }
        }
        """;

    private static string MappedToRemove(int i, string id) => $$"""
        /// <summary>An HBA driver whose Shutdown is its Remove (the lpfc fix).</summary>
        public sealed class Hba{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "hba{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                device.RequestRegions();
                var rings = device.MapDma(pages: 4);
                device.RequestIrq(static _ => IrqReturn.Handled);
                device.SetMaster();
                device.StartDma(rings);
                device.DriverData = rings;
            }

            public override void Remove(PciDevice device)
            {
                device.StopDma();
                device.ClearMaster();
                device.FreeIrq();
                device.UnmapDma((DmaBuffer)device.DriverData!);
                device.ReleaseRegions();
                device.DisableDevice();
            }

            public override void Shutdown(PciDevice device) => Remove(device);
        }
        """;

    private static string RemoveWithoutShutdown(int i, string id) => $$"""
        /// <summary>Remove stops the adapter; kexec calls only Shutdown, and there is none.</summary>
        public sealed class Fc{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "fc{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                var rings = device.MapDma(pages: 4);
                device.SetMaster();
                device.StartDma(rings);
                device.DriverData = rings;
            }

            public override void Remove(PciDevice device)
            {
                device.StopDma();
                device.ClearMaster();
                device.UnmapDma((DmaBuffer)device.DriverData!);
                device.DisableDevice();
            }
        }
        """;

    private static string PowerOff(int i, string id, bool guarded)
    {
        var call = guarded
            ? """
                if (device.Kernel.SystemState == SystemState.PowerOff)
                    {
                        PrepareForPowerOff(device);
                    }
            """
            : "    PrepareForPowerOff(device);";
        return $$"""
            /// <summary>A NIC driver that idles the device in Shutdown and then puts it in D3hot{{(guarded ? " when the system powers off" : "")}}.</summary>
            public sealed class Eth{{i}}Driver : PciDriver
            {
                {{Ids(id)}}

                public override string Name => "eth{{i}}";

                public override IReadOnlyList<PciDeviceId> IdTable => Ids;

                public override void Probe(PciDevice device)
                {
                    device.FunctionReset();
                    device.EnableDevice();
                    device.RequestIrq(static _ => IrqReturn.Handled);
                }

                public override void Remove(PciDevice device)
                {
                    device.FreeIrq();
                    device.DisableDevice();
                }

                public override void Shutdown(PciDevice device)
                {
                    device.FreeIrq();
                    device.DisableDevice();
                {{call}}
                }

                private static void PrepareForPowerOff(PciDevice device) => device.SetPowerState(PciPowerState.D3Hot);
            }
            """;
    }

    private static string Hierarchy(int i, string id) => $$"""
        /// <summary>The lifecycle a family of controllers shares.</summary>
        public abstract class Raid{{i}}DriverBase : PciDriver
        {
            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                device.RequestIrq(static _ => IrqReturn.Handled);
                Configure(device);
            }

            public override void Remove(PciDevice device)
            {
                device.FreeIrq();
                device.DisableDevice();
            }

            public override void Shutdown(PciDevice device) => Remove(device);

            protected abstract void Configure(PciDevice device);
        }

        /// <summary>One controller of the family.</summary>
        public sealed class Raid{{i}}Driver : Raid{{i}}DriverBase
        {
            {{Ids(id)}}

            public override string Name => "raid{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            protected override void Configure(PciDevice device) => device.SetMaster();
        }
        """;

    private static string Platform(int i) => $$"""
        /// <summary>A SoC block described by the device tree.</summary>
        public sealed class Soc{{i}}Driver : PlatformDriver
        {
            public override string Name => "vendor,soc-block-{{i}}";

            public override void Probe(PlatformDevice device) => device.RequestIrq(static _ => IrqReturn.Handled);

            public override void Remove(PlatformDevice device) => device.FreeIrq();

            public override void Shutdown(PlatformDevice device) => Remove(device);
        }
        """;

    private static string HelperChain(int i, string id) => $$"""
        /// <summary>A capture card whose Shutdown and Suspend go through the same private helpers.</summary>
        public sealed class Capture{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "capture{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                var buffer = device.MapDma(pages: 1);
                device.SetMaster();
                device.StartDma(buffer);
                device.DriverData = buffer;
            }

            public override void Remove(PciDevice device)
            {
                Quiesce(device);
                device.UnmapDma((DmaBuffer)device.DriverData!);
            }

            public override void Shutdown(PciDevice device) => Quiesce(device);

            public override void Suspend(PciDevice device) => Quiesce(device);

            public override void Resume(PciDevice device)
            {
                device.EnableDevice();
                device.SetMaster();
                device.StartDma((DmaBuffer)device.DriverData!);
            }

            private static void Quiesce(PciDevice device)
            {
                StopEngine(device);
                device.DisableDevice();
            }

            private static void StopEngine(PciDevice device)
            {
                device.StopDma();
                device.ClearMaster();
            }
        }
        """;

    private static string DmaLeftRunning(int i, string id) => $$"""
        /// <summary>A video encoder whose Shutdown disables the device but never stops the DMA engine.</summary>
        public sealed class Enc{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "enc{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                var frames = device.MapDma(pages: 8);
                device.StartDma(frames);
                device.DriverData = frames;
            }

            public override void Remove(PciDevice device)
            {
                device.StopDma();
                device.UnmapDma((DmaBuffer)device.DriverData!);
            }

            public override void Shutdown(PciDevice device) => device.WriteRegister(0x10, 0);
        }
        """;

    private static string InterruptLeftEnabled(int i, string id) => $$"""
        /// <summary>A serial card whose Shutdown stops DMA and leaves its interrupt requested.</summary>
        public sealed class Uart{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "uart{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                device.RequestIrq(static _ => IrqReturn.Handled);
            }

            public override void Remove(PciDevice device)
            {
                device.FreeIrq();
                device.DisableDevice();
            }

            public override void Shutdown(PciDevice device) => device.ClearMaster();
        }
        """;

    private static string RemoveLeaksRegions(int i, string id) => $$"""
        /// <summary>A sensor hub whose Remove forgets the regions Probe requested.</summary>
        public sealed class Hub{{i}}Driver : PciDriver
        {
            {{Ids(id)}}

            public override string Name => "hub{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
                device.RequestRegions();
            }

            public override void Remove(PciDevice device) => device.DisableDevice();

            public override void Shutdown(PciDevice device) => Remove(device);
        }
        """;

    private static string WaitsForever(int i, string id) => $$"""
        /// <summary>A storage controller whose Remove waits for it to go idle with no timeout.</summary>
        public sealed class Ctl{{i}}Driver : PciDriver
        {
            private const int Status = 0x1c;

            {{Ids(id)}}

            public override string Name => "ctl{{i}}";

            public override IReadOnlyList<PciDeviceId> IdTable => Ids;

            public override void Probe(PciDevice device)
            {
                device.FunctionReset();
                device.EnableDevice();
            }

            public override void Remove(PciDevice device)
            {
                device.WriteRegister(0x14, 1);
                device.WaitForRegister(Status, 1, 0, Timeout.InfiniteTimeSpan);
                device.DisableDevice();
            }

            public override void Shutdown(PciDevice device) => Remove(device);
        }
        """;

    public static string PlainSource(int i)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Generated.Services.Group{{i / 100}};

            /// <summary>An order line.</summary>
            public sealed record Line{{i}}(string Sku, int Quantity, decimal Price)
            {
                public decimal Total => Quantity * Price;
            }

            /// <summary>A service with state, a disposable resource, and some LINQ.</summary>
            public sealed class Service{{i}} : IDisposable
            {
                private readonly List<Line{{i}}> lines = new();
                private readonly System.IO.MemoryStream buffer = new();
                private bool disposed;

                public event EventHandler? Changed;

                public IReadOnlyList<Line{{i}}> Lines => lines;

                public void Add(string sku, int quantity, decimal price)
                {
                    if (disposed)
                    {
                        throw new ObjectDisposedException(nameof(Service{{i}}));
                    }

                    lines.Add(new Line{{i}}(sku, quantity, price));
                    buffer.WriteByte((byte)quantity);
                    Changed?.Invoke(this, EventArgs.Empty);
                }

                public decimal Total() => lines.Sum(l => l.Total);

                public IEnumerable<string> Expensive(decimal over) =>
                    lines.Where(l => l.Price > over).OrderBy(l => l.Sku, StringComparer.Ordinal).Select(l => l.Sku.ToUpperInvariant());

                public override string ToString() => $"{lines.Count} lines, {Total()}";

                public void Dispose()
                {
                    if (!disposed)
                    {
                        disposed = true;
                        buffer.Dispose();
                    }
                }
            }
            """);
        return text.ToString();
    }
}
