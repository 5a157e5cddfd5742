using System.Runtime.CompilerServices;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// A counter-based random stream (SplitMix64 steps) keyed by (seed, table, row): every row draws from its
/// own stream, so generated data does not depend on batch sizes or on which rows were generated before.
/// </summary>
public struct RowRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state;

    public RowRandom(long seed, ulong table, long row)
    {
        _state = Mix((ulong)seed ^ Mix(table + ((ulong)row * Golden)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="bound"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int bound) => (int)(((NextUInt64() >> 32) * (ulong)bound) >> 32);

    /// <summary>Skewed towards 0: index = bound * u^power (a cheap long-tail distribution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextSkewed(int bound, int power)
    {
        var u = NextDouble();
        var p = u;
        for (var i = 1; i < power; i++)
        {
            p *= u;
        }

        return (int)(p * bound);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
