using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace ShutdownAnalyzers.Bench.Runtime;

/// <summary>
/// Every benchmark twice in one table: under the runner's non-concurrent GC (<c>shutdown-sim</c> sets
/// <c>ConcurrentGarbageCollection=false</c>), and under the background GC any other process gets by
/// default — what a user who embeds the runtime in their own process sees.
/// </summary>
public sealed class GcModesConfig : ManualConfig
{
    public GcModesConfig()
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8);
        AddJob(job.WithGcConcurrent(false).WithId("runner GC"));
        AddJob(job.WithGcConcurrent(true).WithId("default GC"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
