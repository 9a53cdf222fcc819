using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// The driver callback kexec runs for one driver under a <see cref="KexecPolicy"/>: Shutdown, Remove, or
/// none at all when the driver leaves that callback to the API's empty default.
/// </summary>
internal readonly struct RestartCallback
{
    private RestartCallback(string name, IMethodSymbol? method, KexecPolicy policy)
    {
        Name = name;
        Method = method;
        Policy = policy;
    }

    /// <summary><see cref="DriverModelSymbols.Shutdown"/> or <see cref="DriverModelSymbols.Remove"/>: the callback kexec calls.</summary>
    public string Name { get; }

    /// <summary>The driver's override that runs, or null when the API's empty body runs: nothing stops anything.</summary>
    public IMethodSymbol? Method { get; }

    public KexecPolicy Policy { get; }

    /// <summary>
    /// Under <c>shutdown</c>, Shutdown; under <c>shutdown-else-remove</c>, Shutdown if overridden, else
    /// Remove; under <c>remove</c>, Remove (kexec unbinds the driver, so its Shutdown never runs).
    /// </summary>
    public static RestartCallback Resolve(INamedTypeSymbol driverType, INamedTypeSymbol driverBase, KexecPolicy policy)
    {
        var shutdown = Find(driverType, driverBase, DriverModelSymbols.Shutdown);
        var remove = Find(driverType, driverBase, DriverModelSymbols.Remove);
        return policy switch
        {
            KexecPolicy.Remove => new RestartCallback(DriverModelSymbols.Remove, remove, policy),
            KexecPolicy.ShutdownElseRemove when shutdown is null && remove is not null => new RestartCallback(DriverModelSymbols.Remove, remove, policy),
            _ => new RestartCallback(DriverModelSymbols.Shutdown, shutdown, policy),
        };
    }

    /// <summary>The most derived override of the API callback <paramref name="name"/> in the driver, or null.</summary>
    public static IMethodSymbol? Find(INamedTypeSymbol driverType, INamedTypeSymbol driverBase, string name) =>
        DriverModelSymbols.GetCallback(driverBase, name) is { } apiCallback ? DriverModelSymbols.FindOverride(driverType, apiCallback) : null;

    /// <summary>
    /// How a message names what runs: "its Shutdown", "its Remove (kexec policy 'remove')",
    /// "kexec, with no Shutdown to call,", "kexec, with neither Shutdown nor Remove to call (kexec policy 'shutdown-else-remove'),".
    /// </summary>
    public string Describe()
    {
        var policy = Policy == KexecPolicy.Shutdown ? "" : $" (kexec policy '{KexecPolicyOption.Format(Policy)}')";
        if (Method is not null)
        {
            return $"its {Name}{policy}";
        }

        return Policy == KexecPolicy.ShutdownElseRemove
            ? $"kexec, with neither Shutdown nor Remove to call{policy},"
            : $"kexec, with no {Name} to call{policy},";
    }
}
