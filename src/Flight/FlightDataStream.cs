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

    private async Task WriteAsync(IpcEncodedMessage message, CancellationToken cancellationToken)
    {
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
