using Lakehouse.Arrow.Compression;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Options for the IPC writers.</summary>
public sealed record ArrowWriteOptions
{
    public static ArrowWriteOptions Default { get; } = new();

    /// <summary>Body compression: <see cref="CompressionKind.None"/>, <see cref="CompressionKind.Lz4Frame"/> or <see cref="CompressionKind.Zstd"/>.</summary>
    public CompressionKind Compression { get; init; } = CompressionKind.None;

    /// <summary>Codec level; null for the codec's default.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>
    /// When a dictionary column's dictionary changes between batches and the new dictionary starts with
    /// the old values, write only the new values as a delta batch (otherwise, or when false, a
    /// replacement — which the file format forbids).
    /// </summary>
    public bool EmitDictionaryDeltas { get; init; } = true;
}
