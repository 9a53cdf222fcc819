using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace ShutdownAnalyzers.DriverModel;

/// <summary>
/// Tells whether a driver implements a callback: the run-time form of "the driver leaves
/// <c>.shutdown</c> out", which the kexec policies that fall back to Remove need.
/// </summary>
internal static class DriverCallbacks
{
    private static readonly ConcurrentDictionary<(Type, DriverCallback), bool> Cache = new();

    public static bool IsImplemented(IDriverBinding driver, DriverCallback callback) =>
        callback == DriverCallback.Probe
        || Cache.GetOrAdd((driver.GetType(), callback), static key => Overrides(key.Item1, key.Item2));

    private static bool Overrides(Type driverType, DriverCallback callback)
    {
        var apiBase = FindApiBase(driverType);
        var method = driverType.GetMethod(
            callback.ToString(),
            BindingFlags.Instance | BindingFlags.Public,
            binder: null,
            types: apiBase.GetGenericArguments(),
            modifiers: null);
        return method is not null
            && method.DeclaringType != apiBase
            && method.GetBaseDefinition().DeclaringType == apiBase;
    }

    private static Type FindApiBase(Type driverType)
    {
        for (var type = driverType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Driver<>))
            {
                return type;
            }
        }

        throw new ArgumentException($"{driverType} does not derive from Driver<TDevice>.", nameof(driverType));
    }
}
