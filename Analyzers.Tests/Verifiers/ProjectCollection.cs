using System.Collections.Generic;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// The additional projects of a solution state, by name. Reading a name that is not there adds an
/// empty project, so <c>TestState.AdditionalProjects["Other"].Sources.Add(...)</c> just works.
/// </summary>
public sealed class ProjectCollection : Dictionary<string, ProjectState>
{
    public new ProjectState this[string name]
    {
        get
        {
            if (!TryGetValue(name, out var project))
            {
                project = new ProjectState(name);
                Add(name, project);
            }

            return project;
        }
    }
}
