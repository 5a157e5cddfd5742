using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Lakehouse.Table.IO.S3;

/// <summary>
/// The stream of an <see cref="S3OutputFile"/>. Bytes are buffered; a file that stays below
/// <see cref="S3Options.MultipartThreshold"/> is published by one PUT when the stream is disposed, a larger one is sent
/// as a multipart upload (parts of <see cref="S3Options.MultipartPartSize"/> uploaded while writing) completed on
/// dispose. Nothing is visible at the location before that; a failed upload is aborted. Dispose with
/// <c>await using</c> (a synchronous Dispose blocks on the upload).
/// </summary>
internal sealed class S3OutputStream : Stream
{
    private readonly S3FileIO _io;
    private readonly S3OutputFile _file;
    private readonly S3Location _parsed;
    private readonly bool _overwrite;
    private readonly List<PartETag> _parts = [];
    private MemoryStream _buffer = new();
    private string? _uploadId;
    private long _written;
    private bool _completed;

    public S3OutputStream(S3FileIO io, S3OutputFile file, S3Location parsed, bool overwrite)
    {
        _io = io;
        _file = file;
        _parsed = parsed;
        _overwrite = overwrite;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    private S3Options Options => _io.Options;

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _buffer.Write(buffer);
        _written += buffer.Length;
        if (ShouldUploadPart)
        {
            UploadFullPartsAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _buffer.Write(buffer.Span);
        _written += buffer.Length;
        if (ShouldUploadPart)
        {
            await UploadFullPartsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Multipart starts once the file reaches the threshold; then every full part goes out as soon as it is buffered.
    private bool ShouldUploadPart =>
        _buffer.Length >= Options.MultipartPartSize && (_uploadId is not null || _written >= Options.MultipartThreshold);

    private async Task UploadFullPartsAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_uploadId is null)
            {
                var initiate = await _io.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _parsed.Bucket, Key = _parsed.Key }, cancellationToken).ConfigureAwait(false);
                _uploadId = initiate.UploadId;
            }

            var partSize = Options.MultipartPartSize;
            var data = _buffer.GetBuffer();
            var available = (int)_buffer.Length;
            var offset = 0;
            while (available - offset >= partSize)
            {
                await UploadPartAsync(data, offset, partSize, cancellationToken).ConfigureAwait(false);
                offset += partSize;
            }

            var rest = new MemoryStream();
            rest.Write(data, offset, available - offset);
            _buffer = rest;
        }
        catch
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task UploadPartAsync(byte[] data, int offset, int count, CancellationToken cancellationToken)
    {
        var partNumber = _parts.Count + 1;
        using var body = new MemoryStream(data, offset, count, writable: false);
        var response = await _io.Client.UploadPartAsync(
            new UploadPartRequest
            {
                BucketName = _parsed.Bucket,
                Key = _parsed.Key,
                UploadId = _uploadId,
                PartNumber = partNumber,
                PartSize = count,
                InputStream = body,
                UseChunkEncoding = Options.ChunkEncoding,
            },
            cancellationToken).ConfigureAwait(false);
        _parts.Add(new PartETag(partNumber, response.ETag));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed)
        {
            CompleteAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await CompleteAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _completed = true;
        try
        {
            if (_uploadId is null)
            {
                await PutAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_buffer.Length > 0 || _parts.Count == 0)
            {
                await UploadPartAsync(_buffer.GetBuffer(), 0, (int)_buffer.Length, cancellationToken).ConfigureAwait(false);
            }

            if (!_overwrite && await _file.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                throw _file.AlreadyExists(null);
            }

            await _io.Client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _parsed.Bucket, Key = _parsed.Key, UploadId = _uploadId, PartETags = _parts },
                cancellationToken).ConfigureAwait(false);
            _uploadId = null;
        }
        catch
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _buffer = new MemoryStream();
        }
    }

    private async Task PutAsync(CancellationToken cancellationToken)
    {
        _buffer.Position = 0;
        var request = new PutObjectRequest
        {
            BucketName = _parsed.Bucket,
            Key = _parsed.Key,
            InputStream = _buffer,
            AutoCloseStream = false,
            AutoResetStreamPosition = true,
            UseChunkEncoding = Options.ChunkEncoding,
        };
        if (!_overwrite && Options.ConditionalWrites)
        {
            request.Headers["If-None-Match"] = "*";
        }

        try
        {
            await _io.Client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (!_overwrite && e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            throw _file.AlreadyExists(e);
        }
    }

    private async Task AbortAsync()
    {
        if (_uploadId is null)
        {
            return;
        }

        var uploadId = _uploadId;
        _uploadId = null;
        try
        {
            await _io.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _parsed.Bucket, Key = _parsed.Key, UploadId = uploadId }).ConfigureAwait(false);
        }
        catch (AmazonServiceException)
        {
            // The store removes abandoned uploads by its own lifecycle rules; the original error matters more.
        }
    }
}
