using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// A machine a model assembly declares: its hardware and the drivers its kernels load. Derive from
/// it in a public class with a public parameterless constructor; tools find every such subclass by reflection
/// (<see cref="DiscoverIn"/>). <see cref="Build"/> runs once per simulation, so each run starts
/// from new hardware.
/// </summary>
public abstract class MachineModel
{
    public abstract string Name { get; }

    public virtual string Description => "";

    /// <summary>Declares the hardware (in bus order) and the drivers (in load order).</summary>
    public abstract void Build(MachineBuilder machine);

    /// <summary>
    /// Creates one instance of every public, concrete <see cref="MachineModel"/> in
    /// <paramref name="assembly"/> that has a public parameterless constructor, sorted by name.
    /// Internal subclasses stay private to their assembly (test helpers, bases).
    /// </summary>
    public static IReadOnlyList<MachineModel> DiscoverIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return LoadableTypes(assembly)
            .Where(t => t is { IsVisible: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(MachineModel).IsAssignableFrom(t))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is { IsPublic: true })
            .Select(t => (MachineModel)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.GetType().FullName, StringComparer.Ordinal)
            .ToList();
    }

    public override string ToString() => Name;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.Where(t => t is not null)!;
        }
    }
}
