using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Flatbuffers;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Decodes encapsulated IPC messages given as (Message flatbuffer bytes, body bytes) pairs — the unit that
/// stream and file framing carry and that Flight's FlightData holds as data_header + data_body. Keeps the
/// stream state: the schema and the current dictionaries (replacement and delta batches).
/// </summary>
public sealed class IpcMessageDecoder
{
    private readonly ArrowReadOptions _options;
    private DictionaryMemo? _memo;

    public IpcMessageDecoder(ArrowReadOptions? options = null) => _options = options ?? ArrowReadOptions.Default;

    /// <summary>A decoder for messages whose schema was received separately (e.g. FlightInfo.schema).</summary>
    public IpcMessageDecoder(Schema schema, ArrowReadOptions? options = null)
        : this(options) => SetSchema(schema);

    public Schema? Schema { get; private set; }

    /// <summary>The file format forbids dictionary replacement; the file reader sets this.</summary>
    internal bool FileFormat { get; init; }

    internal void SetSchema(Schema schema)
    {
        Schema = schema;
        try
        {
            _memo = new DictionaryMemo(schema);
        }
        catch (InvalidOperationException e)
        {
            throw new CorruptFileException(_options.SourceName, -1, e.Message, e);
        }
    }

    /// <summary>Decodes one message; record batches come back in <paramref name="batch"/>.</summary>
    public IpcMessageKind Decode(ReadOnlyMemory<byte> metadata, ReadOnlyMemory<byte> body, out RecordBatch? batch) =>
        Decode(metadata, body, -1, out batch);

    internal IpcMessageKind Decode(ReadOnlyMemory<byte> metadata, ReadOnlyMemory<byte> body, long offset, out RecordBatch? batch)
    {
        batch = null;
        var message = ParsedMessage.Parse(metadata, _options.SourceName, offset);
        if (message.BodyLength > body.Length)
        {
            throw new CorruptFileException(_options.SourceName, offset, $"message body is {body.Length} bytes but its metadata says {message.BodyLength}");
        }

        body = body[..(int)message.BodyLength];
        switch (message.HeaderType)
        {
            case MessageHeaderType.Schema:
                if (Schema is not null && !FileFormat)
                {
                    throw new CorruptFileException(_options.SourceName, offset, "a second Schema message in one stream");
                }

                if (Schema is null)
                {
                    SetSchema(SchemaReader.Read(message.Header, _options.SourceName));
                }

                return IpcMessageKind.Schema;
            case MessageHeaderType.DictionaryBatch:
                DecodeDictionary(message, body, offset);
                return IpcMessageKind.DictionaryBatch;
            case MessageHeaderType.RecordBatch:
                batch = DecodeBatch(message, body, offset);
                return IpcMessageKind.RecordBatch;
            case MessageHeaderType.Tensor or MessageHeaderType.SparseTensor:
                throw new NotSupportedException("Arrow IPC: Tensor and SparseTensor messages are not supported");
            default:
                throw new CorruptFileException(_options.SourceName, offset, $"unknown message header type {(int)message.HeaderType}");
        }
    }

    private DictionaryMemo RequireSchema(long offset) =>
        _memo ?? throw new CorruptFileException(_options.SourceName, offset, "a batch arrived before the Schema message");

    private RecordBatch DecodeBatch(ParsedMessage message, ReadOnlyMemory<byte> body, long offset)
    {
        var memo = RequireSchema(offset);
        var schema = Schema!;
        var decoder = new RecordBatchDecoder(message.Header, body, message.Version, memo, _options, offset);
        var columns = new ArrowArray[schema.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var field = schema[i];
            var data = decoder.Decode(field);
            if (data.Length != decoder.Length)
            {
                throw new CorruptFileException(_options.SourceName, offset, $"column '{field.Name}' has {data.Length} rows but the record batch has {decoder.Length}");
            }

            if (_options.Validate)
            {
                ArrayValidator.Validate(data, field.Name, _options.SourceName, _options.ValidateUtf8);
            }

            columns[i] = ArrowArray.Create(data);
        }

        return new RecordBatch(schema, columns, decoder.Length);
    }

    private void DecodeDictionary(ParsedMessage message, ReadOnlyMemory<byte> body, long offset)
    {
        var memo = RequireSchema(offset);
        var header = message.Header;
        if (!header.IsPresent)
        {
            throw new CorruptFileException(_options.SourceName, offset, "message has no DictionaryBatch table");
        }

        var id = header.GetInt64(FlatSlots.DictionaryBatchId);
        var isDelta = header.GetBool(FlatSlots.DictionaryBatchIsDelta);
        if (!memo.TryGetValueField(id, out var valueField))
        {
            throw new CorruptFileException(_options.SourceName, offset, $"DictionaryBatch id {id} is not used by any schema field");
        }

        var decoder = new RecordBatchDecoder(header.GetTable(FlatSlots.DictionaryBatchData), body, message.Version, memo, _options, offset);
        var values = decoder.Decode(valueField);
        if (values.Length != decoder.Length)
        {
            throw new CorruptFileException(_options.SourceName, offset, $"dictionary {id} has {values.Length} values but its batch says {decoder.Length}");
        }

        if (_options.Validate)
        {
            ArrayValidator.Validate(values, $"dictionary {id}", _options.SourceName, _options.ValidateUtf8);
        }

        if (memo.TryGet(id, out var existing))
        {
            if (isDelta)
            {
                values = values.Length == 0 ? existing : ArrayConcatenator.Concat(existing, values);
            }
            else if (FileFormat)
            {
                throw new CorruptFileException(_options.SourceName, offset, $"dictionary {id} is replaced, which the IPC file format does not allow (only deltas)");
            }
        }

        memo.Set(id, values);
    }
}
