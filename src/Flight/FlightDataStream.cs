using Google.Protobuf;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

namespace Lakehouse.Flight;

/// <summary>
/// Writes an Arrow stream as FlightData messages: the schema first, then each batch as one record-batch
/// message, split by rows so no message body exceeds <c>maxBodyBytes</c> (a single row that is larger
/// still goes alone). Uncompressed, dictionaries are sent as dictionary batches when present. Every write
/// awaits the transport, so a slow reader slows the producer. Counts rows and bytes for the query log.
/// </summary>
public sealed class FlightDataStream(IServerStreamWriter<FlightData> output, Schema schema, int maxBodyBytes)
{
    private readonly IpcMessageEncoder _encoder = new(schema);
    private readonly List<IpcEncodedMessage> _messages = [];
    private byte[] _prefix = new byte[256];
    private bool _schemaSent;

    public long Rows { get; private set; }

    public long Bytes { get; private set; }

    public int Messages { get; private set; }

    public async Task WriteSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaSent)
        {
            return;
        }

        _schemaSent = true;
        await WriteAsync(_encoder.EncodeSchema(), cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteBatchAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        await WriteSchemaAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Length == 0)
        {
            return;
        }

        _messages.Clear();
        _encoder.Encode(batch, _messages);
        var last = _messages[^1];
        if (last.BodyLength <= maxBodyBytes || batch.Length == 1)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            Rows += batch.Length;
            return;
        }

        // Too big for one message: slice into row ranges of about maxBodyBytes each.
        var chunks = (int)Math.Min(batch.Length, (last.BodyLength + maxBodyBytes - 1) / maxBodyBytes);
        var rowsPerChunk = Math.Max(1, batch.Length / Math.Max(1, chunks) - 1);
        for (var offset = 0; offset < batch.Length; offset += rowsPerChunk)
        {
            var slice = batch.Slice(offset, Math.Min(rowsPerChunk, batch.Length - offset));
            _messages.Clear();
            _encoder.Encode(slice, _messages);
            if (_messages[^1].BodyLength > maxBodyBytes && slice.Length > 1)
            {
                // Uneven rows (long strings): halve this slice again.
                await WriteBatchAsync(slice.Slice(0, slice.Length / 2), cancellationToken).ConfigureAwait(false);
                await WriteBatchAsync(slice.Slice(slice.Length / 2, slice.Length - (slice.Length / 2)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
            Rows += slice.Length;
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var message in _messages)
        {
            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes data_header (field 2) and the tag and length of data_body (field 1000) into <c>_prefix</c>.</summary>
    private int EncodePrefix(ReadOnlySpan<byte> header, long bodyLength)
    {
        var needed = header.Length + 24;
        if (_prefix.Length < needed)
        {
            _prefix = new byte[Math.Max(needed, _prefix.Length * 2)];
        }

        var span = _prefix.AsSpan();
        var at = 0;
        if (header.Length > 0)
        {
            span[at++] = (2 << 3) | 2;
            at += WriteVarint(span[at..], (ulong)header.Length);
            header.CopyTo(span[at..]);
            at += header.Length;
        }

        if (bodyLength > 0)
        {
            at += WriteVarint(span[at..], (1000 << 3) | 2);
            at += WriteVarint(span[at..], (ulong)bodyLength);
        }

        return at;
    }

    private static int WriteVarint(Span<byte> span, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        return i;
    }

    private async Task WriteAsync(IpcEncodedMessage message, CancellationToken cancellationToken)
    {
        if (output is IRawMessageWriter { CanWriteRaw: true } raw)
        {
            // FlightData { data_header = 2; data_body = 1000 } encoded by hand: the protobuf prefix is
            // built in a small reused buffer and the IPC body segments go straight into the HTTP/2 stream.
            var prefixLength = EncodePrefix(message.Metadata.Span, message.BodyLength);
            Bytes += message.Metadata.Length + message.BodyLength;
            Messages++;
            await raw.WriteRawAsync(_prefix.AsMemory(0, prefixLength), message.BodySegments, prefixLength + message.BodyLength, cancellationToken).ConfigureAwait(false);
            return;
        }

        var data = new FlightData
        {
            DataHeader = UnsafeByteOperations.UnsafeWrap(message.Metadata),
            DataBody = message.BodyLength == 0 ? ByteString.Empty : UnsafeByteOperations.UnsafeWrap(message.BodyToArray()),
        };
        Bytes += message.Metadata.Length + message.BodyLength;
        Messages++;
        await output.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }
}
