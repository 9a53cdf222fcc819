using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Models;

/// <summary>
/// A model assembly loaded in its own <see cref="ModelLoadContext"/>, with the machines it declares.
/// Disposing unloads it.
/// </summary>
internal sealed class LoadedModel : IDisposable
{
    private readonly ModelLoadContext context;

    private LoadedModel(ModelLoadContext context, string assemblyPath, IReadOnlyList<MachineModel> machines)
    {
        this.context = context;
        AssemblyPath = assemblyPath;
        Machines = machines;
    }

    public string AssemblyPath { get; }

    public string AssemblyFileName => Path.GetFileName(AssemblyPath);

    /// <summary>The machines, sorted by name; never empty.</summary>
    public IReadOnlyList<MachineModel> Machines { get; }

    /// <summary>Locates (building a project if need be), loads and discovers the model the argument names.</summary>
    public static LoadedModel Open(string argument) =>
        Load(ModelLocator.LocateAssembly(argument, ProjectBuild.BuildAndLocate));

    public static LoadedModel Load(string assemblyPath)
    {
        var context = new ModelLoadContext(assemblyPath);
        try
        {
            var assembly = LoadAssembly(context, assemblyPath);
            return new LoadedModel(context, assemblyPath, DiscoverMachines(assembly, Path.GetFileName(assemblyPath)));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>The machines named on the command line, in the order given; all of them when none is.</summary>
    public IReadOnlyList<MachineModel> Select(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return Machines;
        }

        var selected = new List<MachineModel>();
        foreach (var name in names)
        {
            var machine = Machines.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
                ?? throw new BadInputException($"unknown machine '{name}'; {AssemblyFileName} declares: {string.Join(", ", Machines.Select(m => m.Name))}");
            if (!selected.Contains(machine))
            {
                selected.Add(machine);
            }
        }

        return selected;
    }

    public void Dispose() => context.Unload();

    private static Assembly LoadAssembly(ModelLoadContext context, string path)
    {
        try
        {
            return context.LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException)
        {
            throw new BadInputException($"'{path}' is not a .NET assembly");
        }
        catch (FileLoadException e)
        {
            throw new BadInputException($"cannot load '{path}': {e.Message}");
        }
    }

    private static IReadOnlyList<MachineModel> DiscoverMachines(Assembly assembly, string fileName)
    {
        var runtime = assembly.GetReferencedAssemblies()
            .FirstOrDefault(r => string.Equals(r.Name, ModelLoadContext.SharedRuntimeName, StringComparison.OrdinalIgnoreCase));
        if (runtime is null)
        {
            throw new BadInputException($"no machines found in {fileName}: it does not reference {ModelLoadContext.SharedRuntimeName}");
        }

        if (runtime.Version is { } wanted && wanted > ModelLoadContext.SharedRuntimeVersion)
        {
            throw new BadInputException($"{fileName} is built against {runtime.Name} {wanted}, newer than this shutdown-sim's {ModelLoadContext.SharedRuntimeVersion}; update shutdown-sim");
        }

        IReadOnlyList<MachineModel> machines;
        try
        {
            machines = MachineModel.DiscoverIn(assembly);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            throw new BadInputException($"a machine in {fileName} could not be created: its constructor threw {thrown.GetType().Name}: {thrown.Message}");
        }

        if (machines.Count == 0)
        {
            throw new BadInputException($"no machines found in {fileName}: declare a public class deriving from {typeof(MachineModel).FullName} with a public parameterless constructor");
        }

        var duplicate = machines.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new BadInputException($"{fileName} declares several machines named '{duplicate.Key}' ({string.Join(", ", duplicate.Select(m => m.GetType().FullName))}); machine names must be unique");
        }

        return machines;
    }
}
