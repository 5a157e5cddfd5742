using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Parquet.Reading;

namespace Lakehouse.Table.IO.S3;

/// <summary>
/// Ranged reads of one S3 object (GET with <c>Range: bytes=a-b</c>). The first read near the end of the object fetches
/// the whole tail (<see cref="S3Options.TailPrefetchBytes"/>) and keeps it, so a Parquet footer (length, then
/// metadata) costs one request. Safe for concurrent reads.
/// </summary>
internal sealed class S3RandomAccessSource : IRandomAccessSource
{
    private readonly S3FileIO _io;
    private readonly S3Location _parsed;
    private readonly long _tailStart;
    private Task<byte[]>? _tail;

    public S3RandomAccessSource(S3FileIO io, string location, S3Location parsed, long length)
    {
        _io = io;
        Name = location;
        _parsed = parsed;
        Length = length;
        _tailStart = Math.Max(0, length - io.Options.TailPrefetchBytes);
    }

    public string? Name { get; }

    public long Length { get; }

    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int length, CancellationToken cancellationToken = default)
    {
        if (offset < 0 || length < 0 || offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"range [{offset}, {offset + length}) is outside {Name} ({Length} bytes)");
        }

        if (length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (offset >= _tailStart && Length > _tailStart)
        {
            var tail = _tail;
            if (tail is null || tail.IsFaulted || tail.IsCanceled)
            {
                // A failed fetch is not kept: the next read tries again. Two racing first reads may both fetch.
                tail = _tail = FetchAsync(_tailStart, (int)(Length - _tailStart), CancellationToken.None);
            }

            var bytes = await tail.WaitAsync(cancellationToken).ConfigureAwait(false);
            return bytes.AsMemory((int)(offset - _tailStart), length);
        }

        return await FetchAsync(offset, length, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> FetchAsync(long offset, int length, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = _parsed.Bucket,
            Key = _parsed.Key,
            ByteRange = new ByteRange(offset, offset + length - 1),
        };
        try
        {
            using var response = await _io.Client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            var buffer = GC.AllocateUninitializedArray<byte>(length);
            try
            {
                await response.ResponseStream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException e)
            {
                throw new IOException($"{Name}: object shorter than expected while reading [{offset}, {offset + length})", e);
            }

            return buffer;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw S3FileIO.NotFound(Name!, e);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
