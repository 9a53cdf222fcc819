using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>The inputs of one project of the test solution.</summary>
public class ProjectState
{
    public ProjectState(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public SourceFileList Sources { get; } = new();

    /// <summary>References beyond <see cref="ReferenceAssemblies.Default"/>.</summary>
    public List<MetadataReference> AdditionalReferences { get; } = new();

    /// <summary>Names of other projects of the solution this project references.</summary>
    public List<string> AdditionalProjectReferences { get; } = new();
}
