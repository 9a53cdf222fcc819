using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Infrastructure;

/// <summary>
/// The bus-API symbols the rules need, resolved once per compilation. <see cref="TryCreate"/> fails
/// when the compilation does not reference the bus API, and the rules then register nothing.
/// </summary>
internal sealed class DriverModelSymbols
{
    public const string Namespace = "ShutdownAnalyzers.DriverModel";

    /// <summary>The assembly that declares <see cref="Namespace"/>: a compilation is it or references it, or has no bus API.</summary>
    public const string AssemblyName = "ShutdownAnalyzers.Runtime";

    /// <summary>The names of the <c>Driver&lt;TDevice&gt;</c> callbacks, for <see cref="GetCallback"/>.</summary>
    public const string Probe = nameof(Probe);
    public const string Remove = nameof(Remove);
    public const string Shutdown = nameof(Shutdown);
    public const string Suspend = nameof(Suspend);
    public const string Resume = nameof(Resume);

    /// <summary>How messages name a driver: <c>LpfcDriver</c>, <c>Outer.Driver</c>, <c>GenericDriver&lt;TDevice&gt;</c>.</summary>
    public static readonly SymbolDisplayFormat DriverNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    /// <summary>One instance per compilation, shared by every rule (null inside when the bus API is not there).</summary>
    private static readonly ConditionalWeakTable<Compilation, StrongBox<DriverModelSymbols?>> Instances = new();

    /// <summary>
    /// <see cref="GetCallback"/>'s answers for each closed base, asked for every driver by every rule: the
    /// members of a constructed generic type are new public symbols on each <c>GetMembers</c>.
    /// </summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, ConcurrentDictionary<string, IMethodSymbol?>> CallbacksByBase = new();

    private Dictionary<SyntaxTree, int>? treeOrder;

    private DriverModelSymbols(Compilation compilation, INamedTypeSymbol driver, INamedTypeSymbol device)
    {
        Compilation = compilation;
        Driver = driver;
        Device = device;
        Kernel = compilation.GetTypeByMetadataName(Namespace + ".Kernel");
        SystemState = compilation.GetTypeByMetadataName(Namespace + ".SystemState");
        PciDevice = compilation.GetTypeByMetadataName(Namespace + ".PciDevice");
        PciDriver = compilation.GetTypeByMetadataName(Namespace + ".PciDriver");
        PciPowerState = compilation.GetTypeByMetadataName(Namespace + ".PciPowerState");
        PowersOffAttribute = compilation.GetTypeByMetadataName(Namespace + ".PowersOffAttribute");
        AcquiresAttribute = compilation.GetTypeByMetadataName(Namespace + ".AcquiresAttribute");
        ReleasesAttribute = compilation.GetTypeByMetadataName(Namespace + ".ReleasesAttribute");
        EnablesDmaAttribute = compilation.GetTypeByMetadataName(Namespace + ".EnablesDmaAttribute");
        QuiescesDmaAttribute = compilation.GetTypeByMetadataName(Namespace + ".QuiescesDmaAttribute");
        MasksInterruptAttribute = compilation.GetTypeByMetadataName(Namespace + ".MasksInterruptAttribute");
        FlushesCacheAttribute = compilation.GetTypeByMetadataName(Namespace + ".FlushesCacheAttribute");
        ResetsAttribute = compilation.GetTypeByMetadataName(Namespace + ".ResetsAttribute");
        WaitsOnHardwareAttribute = compilation.GetTypeByMetadataName(Namespace + ".WaitsOnHardwareAttribute");
        PerformsIoAttribute = compilation.GetTypeByMetadataName(Namespace + ".PerformsIoAttribute");
        IndicatesNonVolatileCacheAttribute = compilation.GetTypeByMetadataName(Namespace + ".IndicatesNonVolatileCacheAttribute");
        IndicatesRunningAttribute = compilation.GetTypeByMetadataName(Namespace + ".IndicatesRunningAttribute");
        ReservesAcrossKexecAttribute = compilation.GetTypeByMetadataName(Namespace + ".ReservesAcrossKexecAttribute");
        DeviceLink = compilation.GetTypeByMetadataName(Namespace + ".DeviceLink");
        DeviceParent = GetProperty(device, "Parent");
        DeviceIsAdded = GetProperty(device, "IsAdded");
        DeviceDriver = GetProperty(device, "Driver");
        DeviceDriverData = GetProperty(device, "DriverData");
        KernelDevices = Kernel is null ? null : GetProperty(Kernel, "Devices");
    }

    public Compilation Compilation { get; }

    /// <summary>Each syntax tree's position in the compilation, built once: partial drivers are ordered by it.</summary>
    private Dictionary<SyntaxTree, int> TreeOrder =>
        treeOrder ??= Compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(entry => entry.tree, entry => entry.index);

    /// <summary><c>Driver&lt;TDevice&gt;</c>, the open generic every driver derives from.</summary>
    public INamedTypeSymbol Driver { get; }

    public INamedTypeSymbol Device { get; }

    public INamedTypeSymbol? Kernel { get; }

    public INamedTypeSymbol? SystemState { get; }

    public INamedTypeSymbol? PciDevice { get; }

    public INamedTypeSymbol? PciDriver { get; }

    public INamedTypeSymbol? PciPowerState { get; }

    public INamedTypeSymbol? PowersOffAttribute { get; }

    public INamedTypeSymbol? AcquiresAttribute { get; }

    public INamedTypeSymbol? ReleasesAttribute { get; }

    public INamedTypeSymbol? EnablesDmaAttribute { get; }

    public INamedTypeSymbol? QuiescesDmaAttribute { get; }

    public INamedTypeSymbol? MasksInterruptAttribute { get; }

    public INamedTypeSymbol? FlushesCacheAttribute { get; }

    public INamedTypeSymbol? ResetsAttribute { get; }

    public INamedTypeSymbol? WaitsOnHardwareAttribute { get; }

    public INamedTypeSymbol? PerformsIoAttribute { get; }

    /// <summary><c>[IndicatesNonVolatileCache]</c>: the marked property is true when a write cache survives a reset.</summary>
    public INamedTypeSymbol? IndicatesNonVolatileCacheAttribute { get; }

    /// <summary><c>[IndicatesRunning]</c>: a property that reads true while the hardware runs on its own.</summary>
    public INamedTypeSymbol? IndicatesRunningAttribute { get; }

    /// <summary><c>[ReservesAcrossKexec]</c>: memory kept from the next kernel, so DMA into it survives kexec harmlessly.</summary>
    public INamedTypeSymbol? ReservesAcrossKexecAttribute { get; }

    public INamedTypeSymbol? DeviceLink { get; }

    /// <summary><c>Device.Parent</c>: an ancestor is suspended and shut down after its children.</summary>
    public IPropertySymbol? DeviceParent { get; }

    /// <summary><c>Device.IsAdded</c> (<c>pci_dev_is_added</c>): the test for "the device is still there".</summary>
    public IPropertySymbol? DeviceIsAdded { get; }

    /// <summary><c>Device.Driver</c>, the bound driver: no test for the device still being there.</summary>
    public IPropertySymbol? DeviceDriver { get; }

    /// <summary><c>Device.DriverData</c>, the bound driver's per-device state.</summary>
    public IPropertySymbol? DeviceDriverData { get; }

    /// <summary><c>Kernel.Devices</c>: every registered device, where a driver looks other devices up.</summary>
    public IPropertySymbol? KernelDevices { get; }

    public static bool TryCreate(Compilation compilation, out DriverModelSymbols symbols)
    {
        // The first GetTypeByMetadataName of a compilation builds lookup tables over every reference;
        // a project without the bus API must not pay for that (or for anything else) on our behalf.
        if (!MayDeclareBusApi(compilation))
        {
            symbols = null!;
            return false;
        }

        symbols = Instances.GetValue(compilation, static c => new StrongBox<DriverModelSymbols?>(Resolve(c))).Value!;
        return symbols is not null;
    }

    private static DriverModelSymbols? Resolve(Compilation compilation)
    {
        var driver = compilation.GetTypeByMetadataName(Namespace + ".Driver`1");
        var device = compilation.GetTypeByMetadataName(Namespace + ".Device");
        return driver is null || device is null ? null : new DriverModelSymbols(compilation, driver, device);
    }

    /// <summary>
    /// False when neither the compilation itself nor any assembly it references is
    /// <see cref="AssemblyName"/>: then no bus-API type can be found. Decided from the references as
    /// given (file names, referenced compilations' names) without binding them, so the check costs no
    /// symbol lookup and does not make the first analyzer to run pay for the compiler's reference binding;
    /// only a reference with no file (an in-memory image) makes it read the referenced assemblies' names.
    /// </summary>
    public static bool MayDeclareBusApi(Compilation compilation)
    {
        if (IsBusApiAssembly(compilation.AssemblyName))
        {
            return true;
        }

        var hasUnnamedReference = false;
        // ExternalReferences, not References: the latter adds #r directives, and finding them binds every reference.
        foreach (var reference in compilation.ExternalReferences)
        {
            switch (reference)
            {
                case CompilationReference { Compilation: var referenced } when IsBusApiAssembly(referenced.AssemblyName):
                    return true;
                case PortableExecutableReference { FilePath: { Length: > 0 } path } when IsBusApiAssembly(System.IO.Path.GetFileNameWithoutExtension(path)):
                    return true;
                case PortableExecutableReference { FilePath: null or "" }:
                    hasUnnamedReference = true;
                    break;
            }
        }

        return hasUnnamedReference && compilation.ReferencedAssemblyNames.Any(identity => IsBusApiAssembly(identity.Name));
    }

    private static bool IsBusApiAssembly(string? name) => string.Equals(name, AssemblyName, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The closed <c>Driver&lt;TDevice&gt;</c> that <paramref name="type"/> derives from, or null when
    /// it is not a driver of the bus API (whatever its members are called).
    /// </summary>
    public INamedTypeSymbol? GetDriverBase(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Driver))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="symbol"/> is declared by the bus API itself, not by a driver.</summary>
    public bool IsBusApi(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Driver.ContainingAssembly);

    /// <summary>
    /// Where to report on <paramref name="type"/>: its identifier in the first declaration in source
    /// order (syntax trees in compilation order, then position), so a partial driver gets one
    /// diagnostic at a stable place.
    /// </summary>
    public Location GetFirstDeclarationLocation(INamedTypeSymbol type)
    {
        var locations = type.Locations;
        if (locations.Length <= 1)
        {
            return locations.FirstOrDefault() ?? Location.None;
        }

        var treeOrder = TreeOrder;
        return locations
            .Where(location => location.SourceTree is not null && treeOrder.ContainsKey(location.SourceTree))
            .OrderBy(location => treeOrder[location.SourceTree!])
            .ThenBy(location => location.SourceSpan.Start)
            .DefaultIfEmpty(locations[0])
            .First();
    }

    /// <summary>
    /// The member of the API's <c>Driver&lt;TDevice&gt;</c> named <paramref name="callback"/>
    /// (Probe, Remove, Shutdown, Suspend, Resume) in the closed base <paramref name="driverBase"/>.
    /// </summary>
    public static IMethodSymbol? GetCallback(INamedTypeSymbol driverBase, string callback)
    {
        var known = CallbacksByBase.GetValue(driverBase, static _ => new ConcurrentDictionary<string, IMethodSymbol?>());
        return known.TryGetValue(callback, out var method) ? method : known.GetOrAdd(callback, FindCallback(driverBase, callback));
    }

    private static IMethodSymbol? FindCallback(INamedTypeSymbol driverBase, string callback)
    {
        foreach (var member in driverBase.GetMembers(callback))
        {
            if (member is IMethodSymbol { Parameters.Length: 1 } method)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>
    /// The override of <paramref name="apiCallback"/> that <paramref name="type"/> declares itself, or
    /// null when it inherits the callback or leaves the API's default: the callback a rule checks where
    /// it is written, once, rather than in every driver that inherits it.
    /// </summary>
    public static IMethodSymbol? FindDeclaredOverride(INamedTypeSymbol type, IMethodSymbol apiCallback)
    {
        if (SymbolEqualityComparer.Default.Equals(type, apiCallback.ContainingType))
        {
            return null;
        }

        foreach (var member in type.GetMembers(apiCallback.Name))
        {
            if (member is IMethodSymbol { IsOverride: true } method && Overrides(method, apiCallback))
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>
    /// The callback named <paramref name="callback"/> (Probe, Remove, Shutdown, …) that
    /// <paramref name="driverType"/> declares itself, its closed base being <paramref name="driverBase"/>;
    /// null when it inherits it or leaves the API's default (<see cref="FindDeclaredOverride"/>).
    /// </summary>
    public static IMethodSymbol? FindDeclaredCallback(INamedTypeSymbol driverType, INamedTypeSymbol driverBase, string callback) =>
        GetCallback(driverBase, callback) is { } apiCallback ? FindDeclaredOverride(driverType, apiCallback) : null;

    /// <summary>
    /// The most derived override of <paramref name="apiCallback"/> in <paramref name="type"/> or its
    /// bases, or null when the API's empty default is still in force.
    /// </summary>
    public static IMethodSymbol? FindOverride(INamedTypeSymbol type, IMethodSymbol apiCallback)
    {
        for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, apiCallback.ContainingType); current = current.BaseType)
        {
            if (FindDeclaredOverride(current, apiCallback) is { } method)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> is the API's <c>Device</c> or derives from it.</summary>
    public bool IsDevice(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol ?? (type as ITypeParameterSymbol)?.ConstraintTypes.OfType<INamedTypeSymbol>().FirstOrDefault();
             current is not null;
             current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Device))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="property"/> is <paramref name="apiProperty"/> (also through a constructed generic).</summary>
    public static bool Is(IPropertySymbol property, IPropertySymbol? apiProperty) =>
        apiProperty is not null && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, apiProperty);

    private static IPropertySymbol? GetProperty(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol { IsIndexer: false } property)
            {
                return property;
            }
        }

        return null;
    }

    private static bool Overrides(IMethodSymbol method, IMethodSymbol apiCallback)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, apiCallback.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
