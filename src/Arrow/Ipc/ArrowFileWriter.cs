using System.Buffers;
using System.Buffers.Binary;
using Lakehouse.Arrow.Flatbuffers;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Writes the Arrow IPC file format: "ARROW1" + padding, the schema and batches as in the stream format,
/// the end-of-stream marker, then the Footer (schema + Block records of every dictionary and record
/// batch), its length and "ARROW1". Dictionaries may only grow by deltas (the format forbids replacement).
/// </summary>
public sealed class ArrowFileWriter : IDisposable, IAsyncDisposable
{
    private readonly IpcSink _sink;
    private readonly IpcMessageEncoder _encoder;
    private readonly bool _leaveOpen;
    private readonly List<IpcEncodedMessage> _pending = [];
    private readonly List<(long Offset, int MetaDataLength, long BodyLength)> _dictionaries = [];
    private readonly List<(long Offset, int MetaDataLength, long BodyLength)> _recordBatches = [];
    private bool _started;
    private bool _ended;

    public ArrowFileWriter(Stream stream, Schema schema, ArrowWriteOptions? options = null, bool leaveOpen = false)
    {
        _sink = new IpcSink(stream);
        _encoder = new IpcMessageEncoder(schema, options) { FileFormat = true };
        _leaveOpen = leaveOpen;
    }

    public ArrowFileWriter(IBufferWriter<byte> output, Schema schema, ArrowWriteOptions? options = null)
    {
        _sink = new IpcSink(output);
        _encoder = new IpcMessageEncoder(schema, options) { FileFormat = true };
        _leaveOpen = true;
    }

    public Schema Schema => _encoder.Schema;

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _sink.Write("ARROW1\0\0"u8);
        _sink.WriteMessage(_encoder.EncodeSchema());
        _started = true;
    }

    public void WriteRecordBatch(RecordBatch batch)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        Start();
        _pending.Clear();
        _encoder.Encode(batch, _pending);
        foreach (var m in _pending)
        {
            var offset = _sink.Position;
            var metaLength = _sink.WriteMessage(m);
            Record(m, offset, metaLength);
        }
    }

    public async ValueTask WriteRecordBatchAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        Start();
        _pending.Clear();
        _encoder.Encode(batch, _pending);
        foreach (var m in _pending)
        {
            var offset = _sink.Position;
            var metaLength = await _sink.WriteMessageAsync(m, cancellationToken).ConfigureAwait(false);
            Record(m, offset, metaLength);
        }
    }

    private void Record(IpcEncodedMessage m, long offset, int metaLength)
    {
        var list = m.HeaderType == MessageHeaderType.DictionaryBatch ? _dictionaries : _recordBatches;
        list.Add((offset, metaLength, m.BodyLength));
    }

    /// <summary>Writes the end-of-stream marker and the footer.</summary>
    public void WriteEnd()
    {
        if (_ended)
        {
            return;
        }

        Start();
        _sink.WriteEndOfStream();
        var footer = BuildFooter();
        _sink.Write(footer);
        Span<byte> tail = stackalloc byte[10];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "ARROW1"u8.CopyTo(tail[4..]);
        _sink.Write(tail);
        _sink.Stream?.Flush();
        _ended = true;
    }

    private byte[] BuildFooter()
    {
        var b = new FlatBufferBuilder(1024);
        var schema = SchemaWriter.Write(b, _encoder.Schema);
        var dictionaries = Blocks(b, _dictionaries);
        var batches = Blocks(b, _recordBatches);
        b.StartTable(5);
        b.AddInt16(FlatSlots.FooterVersion, (short)MetadataVersion.V5, -1);
        b.AddOffset(FlatSlots.FooterSchema, schema);
        b.AddOffset(FlatSlots.FooterDictionaries, dictionaries);
        b.AddOffset(FlatSlots.FooterRecordBatches, batches);
        return b.Finish(b.EndTable());
    }

    private static int Blocks(FlatBufferBuilder b, List<(long Offset, int MetaDataLength, long BodyLength)> blocks)
    {
        b.StartVector(24, blocks.Count, 8);
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            b.PutInt64(blocks[i].BodyLength);
            b.PutInt32(0);
            b.PutInt32(blocks[i].MetaDataLength);
            b.PutInt64(blocks[i].Offset);
        }

        return b.EndVector(blocks.Count);
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
        WriteEnd();
        if (!_leaveOpen && _sink.Stream is { } s)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }
    }
}
