using System.Buffers;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Writes the Arrow IPC streaming format: Schema message, then for every batch the dictionary batches it
/// needs and the record batch, then the end-of-stream marker (written by <see cref="WriteEnd"/> or on
/// dispose). Buffers go to the output as whole spans (never value by value), padded to 8 bytes.
/// </summary>
public sealed class ArrowStreamWriter : IDisposable, IAsyncDisposable
{
    private readonly IpcSink _sink;
    private readonly IpcMessageEncoder _encoder;
    private readonly bool _leaveOpen;
    private readonly List<IpcEncodedMessage> _pending = [];
    private bool _started;
    private bool _ended;

    public ArrowStreamWriter(Stream stream, Schema schema, ArrowWriteOptions? options = null, bool leaveOpen = false)
    {
        _sink = new IpcSink(stream);
        _encoder = new IpcMessageEncoder(schema, options);
        _leaveOpen = leaveOpen;
    }

    public ArrowStreamWriter(IBufferWriter<byte> output, Schema schema, ArrowWriteOptions? options = null)
    {
        _sink = new IpcSink(output);
        _encoder = new IpcMessageEncoder(schema, options);
        _leaveOpen = true;
    }

    /// <summary>The schema as written (dictionary ids assigned).</summary>
    public Schema Schema => _encoder.Schema;

    public void WriteRecordBatch(RecordBatch batch)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (!_started)
        {
            _sink.WriteMessage(_encoder.EncodeSchema());
            _started = true;
        }

        _pending.Clear();
        _encoder.Encode(batch, _pending);
        foreach (var m in _pending)
        {
            _sink.WriteMessage(m);
        }
    }

    public async ValueTask WriteRecordBatchAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (!_started)
        {
            await _sink.WriteMessageAsync(_encoder.EncodeSchema(), cancellationToken).ConfigureAwait(false);
            _started = true;
        }

        _pending.Clear();
        _encoder.Encode(batch, _pending);
        foreach (var m in _pending)
        {
            await _sink.WriteMessageAsync(m, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the schema (if no batch was written) and the end-of-stream marker.</summary>
    public void WriteEnd()
    {
        if (_ended)
        {
            return;
        }

        if (!_started)
        {
            _sink.WriteMessage(_encoder.EncodeSchema());
            _started = true;
        }

        _sink.WriteEndOfStream();
        _sink.Stream?.Flush();
        _ended = true;
    }

    public async ValueTask WriteEndAsync(CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return;
        }

        if (!_started)
        {
            await _sink.WriteMessageAsync(_encoder.EncodeSchema(), cancellationToken).ConfigureAwait(false);
            _started = true;
        }

        await _sink.WriteEndOfStreamAsync(cancellationToken).ConfigureAwait(false);
        if (_sink.Stream is { } s)
        {
            await s.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _ended = true;
    }

    public void Dispose()
    {
        WriteEnd();
        if (!_leaveOpen)
        {
            _sink.Stream?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await WriteEndAsync().ConfigureAwait(false);
        if (!_leaveOpen && _sink.Stream is { } s)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }
    }
}
