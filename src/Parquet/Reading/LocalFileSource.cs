using Microsoft.Win32.SafeHandles;

namespace Lakehouse.Parquet.Reading;

/// <summary>A local file read with positional reads (no shared stream position, safe for concurrent readers).</summary>
public sealed class LocalFileSource : IRandomAccessSource
{
    private readonly SafeFileHandle _handle;

    public LocalFileSource(string path)
    {
        Name = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous | FileOptions.RandomAccess);
        Length = RandomAccess.GetLength(_handle);
    }

    public string? Name { get; }

    public long Length { get; }

    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int length, CancellationToken cancellationToken = default)
    {
        if (offset < 0 || length < 0 || offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"range [{offset}, {offset + length}) is outside {Name} ({Length} bytes)");
        }

        var buffer = GC.AllocateUninitializedArray<byte>(length);
        await ReadIntoAsync(offset, buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/> (the caller checked the range).</summary>
    internal async ValueTask ReadIntoAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < destination.Length)
        {
            var n = await RandomAccess.ReadAsync(_handle, destination[read..], offset + read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new EndOfStreamException($"{Name}: file shrank while reading");
            }

            read += n;
        }
    }

    public ValueTask DisposeAsync()
    {
        _handle.Dispose();
        return ValueTask.CompletedTask;
    }
}
