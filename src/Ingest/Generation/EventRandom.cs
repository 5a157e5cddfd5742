namespace Lakehouse.Ingest.Generation;

/// <summary>
/// A small counter-based random stream: the values for event <c>index</c> of seed <c>seed</c> depend only
/// on (seed, index), so any event can be regenerated alone (SplitMix64 finalizer over a running state).
/// </summary>
internal struct EventRandom
{
    private ulong _state;

    public EventRandom(long seed, long index)
    {
        _state = Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Mix(unchecked((ulong)index + 0x632BE59BD9B4E019UL)));
    }

    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => (int)((NextUInt64() >> 33) % (ulong)bound);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
