namespace Lakehouse.Avro.Container;

/// <summary>
/// One data block of a container file: <see cref="Count"/> objects encoded back to back in
/// <see cref="Data"/> (already decompressed). For compressed files the data lives in a buffer that the
/// next block reuses: decode it before moving on.
/// </summary>
public readonly record struct AvroBlock(long Count, ReadOnlyMemory<byte> Data, long FileOffset);
