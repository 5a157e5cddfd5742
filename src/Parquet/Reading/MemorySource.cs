namespace Lakehouse.Parquet.Reading;

/// <summary>A Parquet file already in memory; reads are zero-copy slices.</summary>
public sealed class MemorySource : IRandomAccessSource
{
    private readonly ReadOnlyMemory<byte> _bytes;

    public MemorySource(ReadOnlyMemory<byte> bytes, string? name = null)
    {
        _bytes = bytes;
        Name = name;
    }

    public string? Name { get; }

    public long Length => _bytes.Length;

    public ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int length, CancellationToken cancellationToken = default)
    {
        if (offset < 0 || length < 0 || offset + length > _bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"range [{offset}, {offset + length}) is outside {_bytes.Length} bytes");
        }

        return ValueTask.FromResult(_bytes.Slice((int)offset, length));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
