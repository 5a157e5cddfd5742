using System.Buffers.Binary;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Helpers for protocols that carry IPC messages individually (Arrow Flight): the encapsulated schema
/// message of FlightInfo.schema / SchemaResult, and whole-stream conveniences.
/// </summary>
public static class ArrowIpc
{
    /// <summary>The schema as an encapsulated IPC message: 0xFFFFFFFF, int32 length, Message flatbuffer, padding.</summary>
    public static byte[] SerializeSchema(Schema schema)
    {
        var message = new IpcMessageEncoder(schema).EncodeSchema();
        var padded = (message.Metadata.Length + 7) & ~7;
        var result = new byte[8 + padded];
        BinaryPrimitives.WriteUInt32LittleEndian(result, 0xFFFFFFFF);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4), padded);
        message.Metadata.Span.CopyTo(result.AsSpan(8));
        return result;
    }

    /// <summary>Reads an encapsulated schema message (with or without the continuation marker, or a bare Message flatbuffer).</summary>
    public static Schema DeserializeSchema(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null)
    {
        var span = bytes.Span;
        ReadOnlyMemory<byte> metadata = bytes;
        if (span.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(span) == 0xFFFFFFFF)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
            if (length < 0 || length > span.Length - 8)
            {
                throw new CorruptFileException(options?.SourceName, 4, $"schema message length {length} exceeds the {span.Length - 8} bytes given");
            }

            metadata = bytes.Slice(8, length);
        }

        var decoder = new IpcMessageDecoder(options);
        if (decoder.Decode(metadata, ReadOnlyMemory<byte>.Empty, out _) != IpcMessageKind.Schema)
        {
            throw new CorruptFileException(options?.SourceName, 0, "message is not a Schema message");
        }

        return decoder.Schema!;
    }

    /// <summary>Writes <paramref name="batches"/> as one IPC stream in memory.</summary>
    public static byte[] WriteStream(Schema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null)
    {
        using var ms = new MemoryStream();
        using (var writer = new ArrowStreamWriter(ms, schema, options, leaveOpen: true))
        {
            foreach (var b in batches)
            {
                writer.WriteRecordBatch(b);
            }
        }

        return ms.ToArray();
    }

    /// <summary>Writes <paramref name="batches"/> as one IPC file in memory.</summary>
    public static byte[] WriteFile(Schema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null)
    {
        using var ms = new MemoryStream();
        using (var writer = new ArrowFileWriter(ms, schema, options, leaveOpen: true))
        {
            foreach (var b in batches)
            {
                writer.WriteRecordBatch(b);
            }
        }

        return ms.ToArray();
    }

    /// <summary>Reads every record batch of a stream or file held in memory.</summary>
    public static (Schema Schema, List<RecordBatch> Batches) ReadAll(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null)
    {
        using var reader = ArrowIpcReader.Open(bytes, options);
        var list = new List<RecordBatch>();
        while (reader.ReadNextBatch() is { } b)
        {
            list.Add(b);
        }

        return (reader.Schema, list);
    }
}
