using System.Collections.Generic;

namespace ShutdownAnalyzers.Package.Tests.Consumer;

/// <summary>
/// The driver model a user writes in the new project: a Fibre Channel HBA driver with Remove but no
/// Shutdown (SHD001, lpfc before its 2017 fix) and a NIC driver whose Shutdown puts the device in
/// D3hot on every shutdown (SHD002, igb with the power-off made unconditional), on a machine whose
/// platform cuts a slot's power in D3hot. Everything else is written as the samples are, so the two
/// flaws are the only findings, and the fixed project builds clean and survives kexec.
/// </summary>
internal static class FlawedDriverModel
{
    public const string HbaAddress = "0000:01:00.0";

    public const string NicAddress = "0000:02:00.0";

    public const string MachineName = "server";

    public const string DriversFile = "Drivers.cs";

    public static readonly IReadOnlyList<(string File, string Text)> Files = new[]
    {
        (DriversFile, """
            using ShutdownAnalyzers.DriverModel;
            using ShutdownAnalyzers.Hardware;

            namespace Consumer;

            /// <summary>Remove takes the adapter down; kexec calls only Shutdown, and there is none.</summary>
            public sealed class HbaDriver : PciDriver
            {
                public override string Name => "hba";

                public override IReadOnlyList<PciDeviceId> IdTable => new[] { new PciDeviceId(LightPulseAdapter.EmulexVendorId, LightPulseAdapter.SaturnDeviceId) };

                public override void Probe(PciDevice device)
                {
                    device.EnableDevice();
                    device.RequestRegions();
                    var status = device.IssueMailboxCommand(LightPulseAdapter.ConfigPort, TimeSpan.FromSeconds(30));
                    if (status != MailboxStatus.Success)
                    {
                        device.ReleaseRegions();
                        device.DisableDevice();
                        throw new InvalidOperationException($"adapter failed to init, mbxStatus {status}");
                    }

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
                    device.RestartFirmware();
                    device.ReleaseRegions();
                    device.DisableDevice();
                }
            }

            /// <summary>Shutdown idles the NIC, then powers it down even when the system restarts.</summary>
            public sealed class NicDriver : PciDriver
            {
                public override string Name => "nic";

                public override IReadOnlyList<PciDeviceId> IdTable => new[] { new PciDeviceId(0x8086, 0x10c9) };

                public override void Probe(PciDevice device)
                {
                    device.EnableDevice();
                    device.RequestRegions();
                    var rings = device.MapDma(pages: 2);
                    device.RequestIrq(static _ => IrqReturn.Handled);
                    device.SetMaster();
                    device.StartDma(rings);
                    device.DriverData = rings;
                }

                public override void Remove(PciDevice device)
                {
                    Quiesce(device);
                    device.UnmapDma((DmaBuffer)device.DriverData!);
                    device.ReleaseRegions();
                }

                public override void Shutdown(PciDevice device)
                {
                    Quiesce(device);
                    device.SetPowerState(PciPowerState.D3Hot);
                }

                private static void Quiesce(PciDevice device)
                {
                    device.StopDma();
                    device.ClearMaster();
                    device.MaskInterrupts();
                    device.FreeIrq();
                    device.DisableDevice();
                }
            }

            /// <summary>The server both cards sit in; its platform cuts a slot's power once the function is in D3hot.</summary>
            public sealed class Server : ShutdownAnalyzers.Simulation.MachineModel
            {
                public override string Name => "server";

                public override string Description => "an HBA and a NIC";

                public override void Build(ShutdownAnalyzers.Simulation.MachineBuilder machine) =>
                    machine
                        .AddPciFunction("0000:01:00.0", LightPulseAdapter.Create())
                        .AddDriver(() => new HbaDriver())
                        .AddPciFunction("0000:02:00.0", new PciFunction(0x8086, 0x10c9, InterruptMode.Msi) { PlatformRemovesPowerInD3Hot = true })
                        .AddDriver(() => new NicDriver());
            }

            """),
    };
}
