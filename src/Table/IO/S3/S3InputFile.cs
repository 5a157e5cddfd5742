using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Parquet.Reading;

namespace Lakehouse.Table.IO.S3;

/// <summary>An S3 object to read (see <see cref="S3FileIO"/>).</summary>
internal sealed class S3InputFile : IInputFile
{
    private readonly S3FileIO _io;
    private readonly S3Location _parsed;
    private long _length = -1;

    public S3InputFile(S3FileIO io, string location, S3Location parsed)
    {
        _io = io;
        Location = location;
        _parsed = parsed;
    }

    public string Location { get; }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await TryGetLengthAsync(cancellationToken).ConfigureAwait(false) >= 0;

    public async Task<long> GetLengthAsync(CancellationToken cancellationToken = default)
    {
        var length = await TryGetLengthAsync(cancellationToken).ConfigureAwait(false);
        return length >= 0 ? length : throw S3FileIO.NotFound(Location, null);
    }

    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _io.Client.GetObjectAsync(_parsed.Bucket, _parsed.Key, cancellationToken).ConfigureAwait(false);
            var length = response.ContentLength;
            if (length < 0 || length > Array.MaxLength)
            {
                throw IcebergException.Invalid($"{Location}: object of {length} bytes is too large to read at once");
            }

            var buffer = GC.AllocateUninitializedArray<byte>((int)length);
            await response.ResponseStream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            _length = length;
            return buffer;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw S3FileIO.NotFound(Location, e);
        }
    }

    public async Task<IRandomAccessSource> OpenAsync(CancellationToken cancellationToken = default)
    {
        var length = await GetLengthAsync(cancellationToken).ConfigureAwait(false);
        return new S3RandomAccessSource(_io, Location, _parsed, length);
    }

    private async Task<long> TryGetLengthAsync(CancellationToken cancellationToken)
    {
        if (_length >= 0)
        {
            return _length;
        }

        try
        {
            var response = await _io.Client.GetObjectMetadataAsync(_parsed.Bucket, _parsed.Key, cancellationToken).ConfigureAwait(false);
            _length = response.ContentLength;
            return _length;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return -1;
        }
    }
}
