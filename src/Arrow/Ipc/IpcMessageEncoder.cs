using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Flatbuffers;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Encodes a schema and record batches as IPC messages (metadata flatbuffer + body segments), tracking
/// which dictionaries the receiver already has: before each batch it emits the dictionary batches that
/// are new or changed — a delta when the new dictionary extends the previous one, otherwise a
/// replacement (rejected for the file format, which only allows deltas).
/// </summary>
public sealed class IpcMessageEncoder
{
    private readonly ArrowWriteOptions _options;
    private readonly Dictionary<long, ArrayData> _sent = [];
    private readonly FlatBufferBuilder _builder = new(1024);

    public IpcMessageEncoder(Schema schema, ArrowWriteOptions? options = null)
    {
        _options = options ?? ArrowWriteOptions.Default;
        Schema = DictionaryIds.Assign(schema);
    }

    /// <summary>The schema as written: every dictionary field carries its dictionary id.</summary>
    public Schema Schema { get; }

    internal bool FileFormat { get; init; }

    public IpcEncodedMessage EncodeSchema()
    {
        var b = _builder;
        b.Clear();
        var schema = SchemaWriter.Write(b, Schema);
        return Finish(MessageHeaderType.Schema, schema, 0, []);
    }

    /// <summary>Appends to <paramref name="output"/> the dictionary batches <paramref name="batch"/> needs, then the batch itself.</summary>
    public void Encode(RecordBatch batch, List<IpcEncodedMessage> output)
    {
        if (batch.ColumnCount != Schema.Count)
        {
            throw new ArgumentException($"batch has {batch.ColumnCount} columns, the schema {Schema.Count}", nameof(batch));
        }

        for (var i = 0; i < Schema.Count; i++)
        {
            if (!batch.Schema[i].Type.Equals(Schema[i].Type))
            {
                throw new ArgumentException($"column {i} has type {batch.Schema[i].Type}, the writer's schema says {Schema[i].Type}", nameof(batch));
            }

            CollectDictionaries(Schema[i], batch.Columns[i].Data, output, 0);
        }

        var body = new BodyBuilder(_options.Compression, _options.CompressionLevel);
        foreach (var column in batch.Columns)
        {
            body.AddArray(column.Data);
        }

        output.Add(EncodeBatch(MessageHeaderType.RecordBatch, batch.Length, body, 0, false));
    }

    private void CollectDictionaries(Field field, ArrayData data, List<IpcEncodedMessage> output, int depth)
    {
        if (depth > 64)
        {
            throw new ArgumentException("arrays nest deeper than 64 levels");
        }

        var type = field.Type;
        if (type is DictionaryType dict)
        {
            var values = data.Dictionary ?? throw new ArgumentException($"dictionary column '{field.Name}' has no dictionary");
            var valueField = new Field(field.Name, dict.ValueType, true);
            CollectDictionaries(valueField, values, output, depth + 1);
            EmitDictionary(field.DictionaryId!.Value, values, output);
            return;
        }

        var children = SchemaWriter.ChildFields(type);
        for (var i = 0; i < children.Count && i < data.Children.Length; i++)
        {
            CollectDictionaries(children[i], data.Children[i], output, depth + 1);
        }
    }

    private void EmitDictionary(long id, ArrayData values, List<IpcEncodedMessage> output)
    {
        var isDelta = false;
        var toWrite = values;
        if (_sent.TryGetValue(id, out var previous))
        {
            if (ReferenceEquals(previous, values))
            {
                return;
            }

            var extends = values.Length >= previous.Length && ArrayPrefix.StartsWith(values, previous);
            if (extends && values.Length == previous.Length)
            {
                _sent[id] = values;
                return;
            }

            if (extends && (_options.EmitDictionaryDeltas || FileFormat))
            {
                isDelta = true;
                toWrite = values.Slice(previous.Length, values.Length - previous.Length);
            }
            else if (FileFormat)
            {
                throw new InvalidOperationException($"dictionary {id} changed to values that do not extend the previous dictionary; the IPC file format allows only delta dictionaries, not replacement (use the stream format)");
            }
        }

        var body = new BodyBuilder(_options.Compression, _options.CompressionLevel);
        body.AddArray(toWrite);
        output.Add(EncodeBatch(MessageHeaderType.DictionaryBatch, toWrite.Length, body, id, isDelta));
        _sent[id] = values;
    }

    private IpcEncodedMessage EncodeBatch(MessageHeaderType kind, int length, BodyBuilder body, long dictionaryId, bool isDelta)
    {
        body.Seal();
        var b = _builder;
        b.Clear();
        var variadic = body.VariadicCounts.Count > 0 ? b.CreateInt64Vector(body.VariadicCounts.ToArray()) : 0;
        var compression = 0;
        if (body.Compression != CompressionKind.None)
        {
            b.StartTable(2);
            b.AddByte(FlatSlots.CompressionCodec, body.Compression == CompressionKind.Zstd ? (byte)1 : (byte)0, 255);
            compression = b.EndTable();
        }

        var buffers = b.CreateInt64PairVector(body.BufferOffsets.ToArray(), body.BufferLengths.ToArray());
        var nodes = b.CreateInt64PairVector(body.NodeLengths.ToArray(), body.NodeNulls.ToArray());
        b.StartTable(5);
        b.AddInt64(FlatSlots.BatchLength, length, -1);
        b.AddOffset(FlatSlots.BatchNodes, nodes);
        b.AddOffset(FlatSlots.BatchBuffers, buffers);
        b.AddOffset(FlatSlots.BatchCompression, compression);
        b.AddOffset(FlatSlots.BatchVariadicCounts, variadic);
        var header = b.EndTable();
        if (kind == MessageHeaderType.DictionaryBatch)
        {
            b.StartTable(3);
            b.AddInt64(FlatSlots.DictionaryBatchId, dictionaryId, -1);
            b.AddOffset(FlatSlots.DictionaryBatchData, header);
            b.AddBool(FlatSlots.DictionaryBatchIsDelta, isDelta, false);
            header = b.EndTable();
        }

        return Finish(kind, header, body.BodyLength, body.Segments);
    }

    private IpcEncodedMessage Finish(MessageHeaderType kind, int header, long bodyLength, List<ReadOnlyMemory<byte>> segments)
    {
        var b = _builder;
        b.StartTable(5);
        b.AddInt16(FlatSlots.MessageVersion, (short)MetadataVersion.V5, -1);
        b.AddByte(FlatSlots.MessageHeaderType, (byte)kind, 0);
        b.AddOffset(FlatSlots.MessageHeader, header);
        b.AddInt64(FlatSlots.MessageBodyLength, bodyLength, -1);
        var message = b.EndTable();
        return new IpcEncodedMessage(kind, b.Finish(message), segments, bodyLength);
    }
}
