namespace ShutdownAnalyzers.Simulation;

/// <summary>
/// SplitMix64: the same seed gives the same sequence on every runtime and platform, which
/// <see cref="System.Random"/> does not promise.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong state;

    public DeterministicRandom(int seed) => state = unchecked((ulong)(long)seed);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max)
    {
        var span = (ulong)(max - min + 1);
        return min + (int)(Next() % span);
    }

    private ulong Next()
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
