using System.IO;
using System.Threading.Tasks;

namespace ShutdownAnalyzers.Package.Tests.Consumer;

/// <summary>One test's copy of the consumer project, and the commands a user runs on it.</summary>
public sealed class ConsumerProject
{
    private readonly ConsumerWorkspace workspace;

    internal ConsumerProject(ConsumerWorkspace workspace, string folder)
    {
        this.workspace = workspace;
        Folder = folder;
    }

    public string Folder { get; }

    public string PathOf(string file) => Path.Combine(Folder, file);

    public string Read(string file) => File.ReadAllText(PathOf(file));

    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text);

    /// <summary><c>dotnet build</c> with the given arguments; every copy builds from scratch, so every build compiles.</summary>
    public Task<CommandResult> BuildAsync(params string[] arguments) =>
        workspace.DotnetAsync(Folder, ["build", .. arguments]);

    public Task<CommandResult> DotnetAsync(params string[] arguments) =>
        workspace.DotnetAsync(Folder, arguments);

    /// <summary>The installed <c>shutdown-sim</c>, run in the project's folder.</summary>
    public Task<CommandResult> ShutdownSimAsync(params string[] arguments) =>
        workspace.ShutdownSimAsync(Folder, arguments);
}
