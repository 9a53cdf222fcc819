using System.Collections.Generic;
using System.Reflection;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// A PCI driver (<c>struct pci_driver</c>): an ID table and, optionally, error handlers
/// (<c>struct pci_error_handlers</c>) whose base bodies say "not implemented", as a missing handler does.
/// </summary>
public abstract class PciDriver : Driver<PciDevice>
{
    private static readonly IReadOnlyList<PciDeviceId> MatchAll = new[] { PciDeviceId.Any };

    /// <summary>The functions this driver binds; the default matches any, as a table of <c>PCI_ANY_ID</c>.</summary>
    public virtual IReadOnlyList<PciDeviceId> IdTable => MatchAll;

    public override bool Matches(PciDevice device)
    {
        // A loop, not Any(): every registered driver is matched against every unbound device.
        var ids = IdTable;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].Matches(device))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An error froze the device's link: the driver stops I/O and votes.</summary>
    public virtual PciErsResult ErrorDetected(PciDevice device, PciChannelState state) => PciErsResult.None;

    /// <summary>After the slot was reset: the driver re-initialises the device and votes.</summary>
    public virtual PciErsResult SlotReset(PciDevice device) => PciErsResult.None;

    /// <summary>Recovery finished: the driver may resume I/O.</summary>
    public virtual void ResumeAfterError(PciDevice device)
    {
    }

    /// <summary>
    /// The driver overrides <see cref="ErrorDetected"/> (has <c>err_handler->error_detected</c>); without
    /// it recovery falls back to unbind, reset, rebind.
    /// </summary>
    internal bool HasErrorHandlers =>
        GetType().GetMethod(nameof(ErrorDetected), BindingFlags.Instance | BindingFlags.Public, new[] { typeof(PciDevice), typeof(PciChannelState) })
            is { } method && method.DeclaringType != typeof(PciDriver);
}
