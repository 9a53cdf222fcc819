using ShutdownAnalyzers.DriverModel;

namespace ShutdownAnalyzers.KernelCore;

/// <summary>Calling one lifecycle callback of a device's bound driver, if the driver implements it.</summary>
internal static class DriverCore
{
    /// <summary>Runs <paramref name="callback"/> if the bound driver implements it. False when it threw.</summary>
    public static bool Invoke(Device device, DriverCallback callback)
    {
        if (device.Binding is not { } driver || !driver.Implements(callback))
        {
            return true;
        }

        var frame = new CallbackFrame(device, driver, NameOf(callback));
        return device.Kernel.Context.Invoke(frame, (driver, device, callback), static call => Call(call.driver, call.device, call.callback));
    }

    /// <summary>The callback's name, without the box <c>ToString</c> makes of the enum for every device's Shutdown.</summary>
    private static string NameOf(DriverCallback callback) => callback switch
    {
        DriverCallback.Shutdown => nameof(DriverCallback.Shutdown),
        DriverCallback.Suspend => nameof(DriverCallback.Suspend),
        DriverCallback.Resume => nameof(DriverCallback.Resume),
        DriverCallback.Remove => nameof(DriverCallback.Remove),
        DriverCallback.Probe => nameof(DriverCallback.Probe),
        _ => callback.ToString(),
    };

    private static void Call(IDriverBinding driver, Device device, DriverCallback callback)
    {
        switch (callback)
        {
            case DriverCallback.Shutdown:
                driver.Shutdown(device);
                break;
            case DriverCallback.Suspend:
                driver.Suspend(device);
                break;
            case DriverCallback.Resume:
                driver.Resume(device);
                break;
            case DriverCallback.Remove:
                driver.Remove(device);
                break;
            default:
                driver.Probe(device);
                break;
        }
    }
}
