using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// Builds and opens gRPC length-prefixed messages: <c>[compressed flag: 1 byte][length: uint32 BE][payload]</c>.
/// </summary>
internal static class MessageFraming
{
    /// <summary>
    /// Serializes <paramref name="message"/> into <paramref name="frame"/> (cleared first) with its 5-byte
    /// prefix, gzip-compressing the payload when <paramref name="gzip"/> is set.
    /// </summary>
    public static void WriteFrame<T>(PooledBufferWriter frame, Marshaller<T> marshaller, T message, int? maxMessageSize, bool gzip)
    {
        frame.Reset();
        frame.Advance(GrpcProtocol.FrameHeaderSize);
        marshaller.Serializer(message, frame);
        var length = frame.WrittenCount - GrpcProtocol.FrameHeaderSize;
        if (maxMessageSize is { } max && length > max)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({length} > {max} bytes).");
        }

        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(frame.WrittenSpan[GrpcProtocol.FrameHeaderSize..]);
            }

            frame.Reset();
            frame.Advance(GrpcProtocol.FrameHeaderSize);
            compressed.Position = 0;
            var length2 = (int)compressed.Length;
            compressed.ReadExactly(frame.GetSpan(length2)[..length2]);
            frame.Advance(length2);
            length = length2;
        }

        var header = frame.WrittenSpan;
        header[0] = gzip ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
    }

    /// <summary>
    /// Tries to take one complete message off the front of <paramref name="buffer"/>. Throws
    /// RESOURCE_EXHAUSTED as soon as a prefix announces a message above <paramref name="maxMessageSize"/>, so
    /// that oversized messages are refused without being buffered.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int? maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.FrameHeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.FrameHeaderSize];
        buffer.Slice(0, GrpcProtocol.FrameHeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {flag} in message prefix.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (maxMessageSize is { } max ? (uint)max : (uint)Array.MaxLength))
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {maxMessageSize ?? Array.MaxLength} bytes).");
        }

        if (buffer.Length - GrpcProtocol.FrameHeaderSize < length)
        {
            return false;
        }

        compressed = flag == 1;
        payload = buffer.Slice(GrpcProtocol.FrameHeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>Inflates a gzip payload into <paramref name="output"/>, refusing more than <paramref name="maxMessageSize"/> bytes.</summary>
    public static ReadOnlySequence<byte> Gunzip(ReadOnlySequence<byte> payload, PooledBufferWriter output, int? maxMessageSize)
    {
        output.Reset();
        var limit = maxMessageSize ?? Array.MaxLength;
        try
        {
            using var source = new SequenceStream(payload);
            using var zip = new GZipStream(source, CompressionMode.Decompress);
            while (true)
            {
                var span = output.GetSpan(16 * 1024);
                var read = zip.Read(span);
                if (read == 0)
                {
                    break;
                }

                output.Advance(read);
                if (output.WrittenCount > limit)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size after decompression (> {limit} bytes).");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(StatusCode.Internal, "Received message could not be decompressed (invalid gzip data).", e);
        }

        return new ReadOnlySequence<byte>(output.WrittenMemory);
    }
}
