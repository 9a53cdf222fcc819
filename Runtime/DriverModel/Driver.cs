using System;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>What every driver is, whatever its bus.</summary>
public interface IDriver
{
    string Name { get; }
}

/// <summary>
/// A driver for devices of type <typeparamref name="TDevice"/>, as <c>struct device_driver</c>.
/// The base bodies of Remove, Shutdown, Suspend and Resume do nothing, exactly like a kernel driver
/// that leaves the callback out: a driver that needs one must override it.
/// </summary>
public abstract class Driver<TDevice> : IDriver, IDriverBinding
    where TDevice : Device
{
    public abstract string Name { get; }

    /// <summary>
    /// True for a driver that cannot be unbound or bound by hand through sysfs (<c>suppress_bind_attrs</c>),
    /// as an interrupt controller the system cannot run without: unbind/rebind leaves its devices bound.
    /// </summary>
    public virtual bool SuppressBindAttributes => false;

    /// <summary>The bus's match function: true when this driver can bind <paramref name="device"/>.</summary>
    public virtual bool Matches(TDevice device) => true;

    /// <summary>Takes the device over. Throwing means the probe failed and the device stays unbound.</summary>
    public abstract void Probe(TDevice device);

    /// <summary>Unbinds: quiesce the hardware and free what Probe took.</summary>
    public virtual void Remove(TDevice device)
    {
    }

    /// <summary>Before reboot, power-off and kexec: quiesce the hardware; freeing memory is optional.</summary>
    public virtual void Shutdown(TDevice device)
    {
    }

    /// <summary>Before system suspend or hibernation: no I/O may reach the device afterwards.</summary>
    public virtual void Suspend(TDevice device)
    {
    }

    /// <summary>After system resume or restore from hibernation.</summary>
    public virtual void Resume(TDevice device)
    {
    }

    public override string ToString() => Name;

    Type IDriverBinding.DeviceType => typeof(TDevice);

    bool IDriverBinding.SuppressBindAttributes => SuppressBindAttributes;

    bool IDriverBinding.Matches(Device device) => device is TDevice typed && Matches(typed);

    void IDriverBinding.Probe(Device device) => Probe((TDevice)device);

    void IDriverBinding.Remove(Device device) => Remove((TDevice)device);

    void IDriverBinding.Shutdown(Device device) => Shutdown((TDevice)device);

    void IDriverBinding.Suspend(Device device) => Suspend((TDevice)device);

    void IDriverBinding.Resume(Device device) => Resume((TDevice)device);

    bool IDriverBinding.Implements(DriverCallback callback) => DriverCallbacks.IsImplemented(this, callback);
}
