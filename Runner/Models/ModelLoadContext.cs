using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using ShutdownAnalyzers.Simulation;

namespace ShutdownAnalyzers.Runner.Models;

/// <summary>
/// Loads a model assembly and its dependencies from its own folder (through its .deps.json when it
/// has one), except ShutdownAnalyzers.Runtime: the model gets the runner's copy, so its machines are
/// the <see cref="MachineModel"/> the simulator knows. Framework assemblies come from the default context.
/// </summary>
internal sealed class ModelLoadContext : AssemblyLoadContext
{
    private static readonly Assembly SharedRuntime = typeof(MachineModel).Assembly;

    private readonly AssemblyDependencyResolver resolver;

    public ModelLoadContext(string modelPath)
        : base($"shutdown-sim model {Path.GetFileName(modelPath)}", isCollectible: true)
    {
        resolver = new AssemblyDependencyResolver(modelPath);
    }

    public static string SharedRuntimeName => SharedRuntime.GetName().Name!;

    public static Version SharedRuntimeVersion => SharedRuntime.GetName().Version!;

    protected override Assembly? Load(AssemblyName name)
    {
        if (string.Equals(name.Name, SharedRuntimeName, StringComparison.OrdinalIgnoreCase))
        {
            return SharedRuntime;
        }

        return resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
