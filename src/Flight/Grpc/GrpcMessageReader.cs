using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// Reads length-prefixed messages one at a time from a <see cref="PipeReader"/> (a request body on the
/// server, a response body on the client). Only the bytes of the current message are held: the pipe
/// applies back-pressure to the sender for the rest.
/// </summary>
internal sealed class GrpcMessageReader<T>
{
    private readonly PipeReader _reader;
    private readonly Marshaller<T> _marshaller;
    private readonly int? _maxMessageSize;
    private readonly bool _gzip;
    private PooledBufferWriter? _inflated;

    public GrpcMessageReader(PipeReader reader, Marshaller<T> marshaller, int? maxMessageSize, string? encoding)
    {
        _reader = reader;
        _marshaller = marshaller;
        _maxMessageSize = maxMessageSize;
        _gzip = string.Equals(encoding, GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The next message, or <c>HasMessage == false</c> at the clean end of the stream.</summary>
    public async ValueTask<(bool HasMessage, T Message)> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            bool found;
            bool compressed;
            ReadOnlySequence<byte> payload;
            try
            {
                found = MessageFraming.TryReadFrame(ref buffer, _maxMessageSize, out compressed, out payload);
            }
            catch
            {
                _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw;
            }

            if (found)
            {
                try
                {
                    return (true, Decode(payload, compressed));
                }
                finally
                {
                    _reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCanceled)
            {
                _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw new OperationCanceledException("reading messages was cancelled");
            }

            if (result.IsCompleted)
            {
                var remaining = result.Buffer.Length;
                _reader.AdvanceTo(result.Buffer.End);
                if (remaining == 0)
                {
                    return (false, default!);
                }

                throw new RpcException(StatusCode.Internal, $"The stream ended inside a message ({remaining} bytes of an incomplete message).");
            }

            _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var (hasMessage, message) = await ReadAsync(cancellationToken);
            if (!hasMessage)
            {
                yield break;
            }

            yield return message;
        }
    }

    private T Decode(ReadOnlySequence<byte> payload, bool compressed)
    {
        if (compressed)
        {
            if (!_gzip)
            {
                throw new RpcException(StatusCode.Internal, "A compressed message arrived but the stream's grpc-encoding is not gzip.");
            }

            _inflated ??= new PooledBufferWriter(64 * 1024);
            payload = MessageFraming.Gunzip(payload, _inflated, _maxMessageSize);
        }

        try
        {
            return _marshaller.Deserializer(payload);
        }
        catch (Exception e) when (e is not RpcException and not OperationCanceledException)
        {
            throw new RpcException(StatusCode.Internal, "Failed to deserialize message: " + e.Message, e);
        }
    }
}
