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
        var read = 0;
        while (read < length)
        {
            var n = await RandomAccess.ReadAsync(_handle, buffer.AsMemory(read), offset + read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new EndOfStreamException($"{Name}: file shrank while reading");
            }

            read += n;
        }

        return buffer;
    }

    public ValueTask DisposeAsync()
    {
        _handle.Dispose();
        return ValueTask.CompletedTask;
    }
}
