using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ShutdownAnalyzers.Tests.Verifiers;

/// <summary>
/// Builds the solution of a <see cref="ResolvedState"/> in an <see cref="AdhocWorkspace"/>. Keeps the
/// workspaces it made until disposed, since code actions use the workspace's services.
/// </summary>
internal sealed class SolutionFactory : IDisposable
{
    private readonly List<AdhocWorkspace> workspaces = new();
    private readonly Func<OutputKind, CSharpCompilationOptions> compilationOptions;
    private readonly CSharpParseOptions parseOptions;

    public SolutionFactory(Func<OutputKind, CSharpCompilationOptions> compilationOptions, CSharpParseOptions parseOptions)
    {
        this.compilationOptions = compilationOptions;
        this.parseOptions = parseOptions;
    }

    public Solution Create(ResolvedState state)
    {
        var workspace = new AdhocWorkspace();
        workspaces.Add(workspace);

        var solution = workspace.CurrentSolution;
        var projectIds = state.Projects.ToDictionary(p => p.Name, p => ProjectId.CreateNewId(p.Name));
        foreach (var project in state.Projects)
        {
            var projectId = projectIds[project.Name];
            var info = ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                name: project.Name,
                assemblyName: project.Name,
                language: LanguageNames.CSharp,
                compilationOptions: compilationOptions(state.OutputKind),
                parseOptions: parseOptions,
                metadataReferences: ReferenceAssemblies.Default.AddRange(project.AdditionalReferences));
            solution = solution.AddProject(info);

            foreach (var document in project.Documents)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, document.Path), document.FileName, document.SourceText, filePath: document.Path);
            }

            // Each project gets the config files: on disk they would apply to every file below their folder.
            foreach (var (path, content) in state.AnalyzerConfigFiles)
            {
                var name = path.Substring(path.LastIndexOf('/') + 1);
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, path), name, SourceText.From(content), filePath: path);
            }
        }

        foreach (var project in state.Projects)
        {
            foreach (var referenced in project.ProjectReferences)
            {
                if (!projectIds.TryGetValue(referenced, out var referencedId))
                {
                    throw new InvalidOperationException($"Project '{project.Name}' references '{referenced}', which is not in the test solution.");
                }

                solution = solution.AddProjectReference(projectIds[project.Name], new ProjectReference(referencedId));
            }
        }

        return solution;
    }

    public void Dispose()
    {
        foreach (var workspace in workspaces)
        {
            workspace.Dispose();
        }

        workspaces.Clear();
    }
}
