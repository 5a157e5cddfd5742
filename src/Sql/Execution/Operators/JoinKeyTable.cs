using Lakehouse.Sql.Execution.Keys;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>The hash join's build-side key index: 64-bit keys for one integer-like key, normalized bytes otherwise; neither when the build side is empty or has no keys.</summary>
internal sealed class JoinKeyTable
{
    public LongKeyTable? Longs { get; set; }

    public KeyHashTable? Bytes { get; set; }

    /// <summary>Whether <see cref="Bytes"/> holds one string key's raw bytes rather than normalized keys.</summary>
    public bool RawStrings { get; set; }
}
