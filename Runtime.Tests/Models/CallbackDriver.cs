using System;
using System.Collections.Generic;
using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.Runtime.Tests.Models;

/// <summary>
/// A PCI driver whose probe enables the function and whose other callbacks run what the test
/// passes; a callback left null is left out, as a kernel driver leaves out <c>.shutdown</c>.
/// </summary>
internal class CallbackDriver(
    Action<PciDevice>? probe = null,
    Action<PciDevice>? shutdown = null,
    Action<PciDevice>? remove = null,
    string name = "callbacks",
    PciDeviceId? id = null) : PciDriver
{
    public override string Name => name;

    public override IReadOnlyList<PciDeviceId> IdTable => new[] { id ?? PciDeviceId.Any };

    public override void Probe(PciDevice device)
    {
        device.EnableDevice();
        probe?.Invoke(device);
    }

    public override void Shutdown(PciDevice device) => shutdown?.Invoke(device);

    public override void Remove(PciDevice device) => remove?.Invoke(device);
}
