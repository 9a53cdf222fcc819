namespace ShutdownAnalyzers.Runner;

internal static class Program
{
    private static int Main(string[] args) => RunnerApp.Run(args, RunnerConsole.ForProcess());
}
