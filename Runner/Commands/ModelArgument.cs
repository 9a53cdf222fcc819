using System.CommandLine;

namespace ShutdownAnalyzers.Runner.Commands;

/// <summary>The model argument <c>run</c> and <c>list</c> share.</summary>
internal static class ModelArgument
{
    public static Argument<string> Create(bool required) =>
        new("model")
        {
            Description = "A model assembly (.dll), or a project (.csproj) or folder with one project, built with 'dotnet build -c Release' first.",
            Arity = required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
        };
}
