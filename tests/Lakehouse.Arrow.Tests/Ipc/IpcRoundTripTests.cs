using System.Buffers;
using System.Buffers.Binary;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Arrow.Types;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>Our writers and readers against each other: every type (including those apache-arrow lacks), framing variants, APIs.</summary>
public sealed class IpcRoundTripTests
{
    private static Schema EveryTypeSchema()
    {
        var fields = JsInteropTests.AllTypesSchema().Fields.ToList();
        fields.Add(new Field("decimal32", new DecimalType(9, 2, 32)));
        fields.Add(new Field("decimal64", new DecimalType(18, 4, 64)));
        fields.Add(new Field("list_view", new ListType(new Field("item", ArrowType.Int32), ArrowTypeId.ListView)));
        fields.Add(new Field("large_list_view", new ListType(new Field("item", ArrowType.Utf8), ArrowTypeId.LargeListView)));
        fields.Add(new Field("ree_int32", new RunEndEncodedType(new Field("run_ends", ArrowType.Int32, false), new Field("values", ArrowType.Utf8))));
        fields.Add(new Field("ree_int64", new RunEndEncodedType(new Field("run_ends", ArrowType.Int64, false), new Field("values", ArrowType.Float64))));
        fields.Add(new Field("nested_dict", new DictionaryType(ArrowType.Int32, new ListType(new DictionaryType(ArrowType.Int8, ArrowType.Utf8)))));
        fields.Add(new Field("meta", ArrowType.Int32, true, [new("k1", "v1"), new("k2", "")]));
        return new Schema(fields, [new("schema-level", "yes")]);
    }

    private static List<RecordBatch> Batches(Schema schema, bool slices)
    {
        var random = new RandomArrays(3);
        var batches = new List<RecordBatch> { random.Batch(schema, 257), random.Batch(schema, 0), random.Batch(schema, 1) };
        if (slices)
        {
            batches.Add(random.Batch(schema, 90).Slice(9, 71));
        }

        return batches;
    }

    [Theory]
    [InlineData(CompressionKind.None)]
    [InlineData(CompressionKind.Lz4Frame)]
    [InlineData(CompressionKind.Zstd)]
    public void EveryTypeRoundTripsThroughStreamAndFile(CompressionKind compression)
    {
        var schema = EveryTypeSchema();
        var options = new ArrowWriteOptions { Compression = compression };
        var streamBatches = Batches(schema, slices: true);
        var (s1, b1) = ArrowIpc.ReadAll(ArrowIpc.WriteStream(schema, streamBatches, options));
        LogicalComparer.AssertSchemasEqual(schema, s1, "stream");
        LogicalComparer.AssertBatchesEqual(streamBatches, b1, "stream");

        var fileBatches = JsInteropTests.ShareDictionaries(Batches(schema, slices: false));
        fileBatches = fileBatches.Select(b => WithSharedNestedDictionary(b, fileBatches[0])).ToList();
        var file = ArrowIpc.WriteFile(schema, fileBatches, options);
        using var reader = new ArrowFileReader(file);
        Assert.Equal(fileBatches.Count, reader.RecordBatchCount);
        for (var i = fileBatches.Count - 1; i >= 0; i--)
        {
            LogicalComparer.AssertBatchesEqual([fileBatches[i]], [reader.ReadRecordBatch(i)], $"file batch {i} (random access)");
        }
    }

    /// <summary>The nested dictionary column also needs one dictionary (and inner dictionary) across a file.</summary>
    private static RecordBatch WithSharedNestedDictionary(RecordBatch b, RecordBatch first)
    {
        var i = b.Schema.IndexOf("nested_dict");
        var cols = b.Columns.ToArray();
        var d = cols[i].Data;
        var shared = first.Column(i).Data.Dictionary!;
        var random = new RandomArrays(5) { NullRate = 0 };
        cols[i] = ArrowArray.Create(random.WithIndices((DictionaryType)d.Type, shared, d.Length, Memory.ArrowBuffer.Empty, 0));
        return new RecordBatch(b.Schema, cols, b.Length);
    }

    [Fact]
    public void IncompressibleBuffersAreStoredRawWithMinusOnePrefix()
    {
        var random = new Random(1);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var schema = new Schema([new Field("noise", new FixedSizeBinaryType(16), false)]);
        var data = new ArrayData(schema[0].Type, 256, 0, 0, [Memory.ArrowBuffer.Empty, Memory.ArrowBuffer.FromArray(bytes)]);
        var batch = new RecordBatch(schema, [ArrowArray.Create(data)], 256);
        var encoder = new IpcMessageEncoder(schema, new ArrowWriteOptions { Compression = CompressionKind.Zstd });
        var messages = new List<IpcEncodedMessage>();
        encoder.Encode(batch, messages);
        var body = messages[0].BodyToArray();
        Assert.Equal(-1L, BinaryPrimitives.ReadInt64LittleEndian(body));
        Assert.Equal(bytes, body.AsSpan(8, 4096).ToArray());
        var decoder = new IpcMessageDecoder(encoder.Schema);
        Assert.Equal(IpcMessageKind.RecordBatch, decoder.Decode(messages[0].Metadata, body, out var read));
        LogicalComparer.AssertBatchesEqual([batch], [read!], "raw");
    }

    [Fact]
    public void FlightSchemaMessageRoundTrips()
    {
        var schema = EveryTypeSchema();
        var bytes = ArrowIpc.SerializeSchema(schema);
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(0, bytes.Length % 8);
        LogicalComparer.AssertSchemasEqual(schema, ArrowIpc.DeserializeSchema(bytes), "flight schema");

        // A bare Message flatbuffer (no prefix) is accepted too.
        LogicalComparer.AssertSchemasEqual(schema, ArrowIpc.DeserializeSchema(bytes.AsMemory(8)), "bare flight schema");
    }

    [Fact]
    public void FlightDataPairsRoundTripThroughEncoderAndDecoder()
    {
        var schema = EveryTypeSchema();
        var batches = Batches(schema, slices: true);
        var encoder = new IpcMessageEncoder(schema, new ArrowWriteOptions { Compression = CompressionKind.Lz4Frame });
        var decoder = new IpcMessageDecoder(ArrowIpc.DeserializeSchema(ArrowIpc.SerializeSchema(encoder.Schema)));
        var read = new List<RecordBatch>();
        foreach (var batch in batches)
        {
            var messages = new List<IpcEncodedMessage>();
            encoder.Encode(batch, messages);
            foreach (var m in messages)
            {
                // FlightData carries data_header and data_body as separate byte strings.
                var header = m.Metadata.ToArray();
                var body = m.BodyToArray();
                var kind = decoder.Decode(header, body, out var b);
                Assert.Equal(m.HeaderType == MessageHeaderType.RecordBatch ? IpcMessageKind.RecordBatch : IpcMessageKind.DictionaryBatch, kind);
                if (b is not null)
                {
                    read.Add(b);
                }
            }
        }

        LogicalComparer.AssertBatchesEqual(batches, read, "flight pairs");
    }

    [Fact]
    public void LegacyFramingWithoutContinuationMarkerIsRead()
    {
        var schema = JsInteropTests.AllTypesSchema();
        var batches = JsInteropTests.AllTypesBatches(schema, 4);
        var modern = ArrowIpc.WriteStream(schema, batches);

        // Rewrite every 0xFFFFFFFF <len> prefix as the pre-0.15 <len> prefix, and end with a 4-byte 0.
        var legacy = new List<byte>();
        var at = 0;
        while (true)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(modern.AsSpan(at + 4));
            legacy.AddRange(modern.AsSpan(at + 4, 4).ToArray());
            if (length == 0)
            {
                break;
            }

            var message = Flatbuffers.FlatTable.Root(new ReadOnlyMemory<byte>(modern, at + 8, length));
            var total = length + (int)message.GetInt64(3);
            legacy.AddRange(modern.AsSpan(at + 8, total).ToArray());
            at += 8 + total;
        }

        var (s, read) = ArrowIpc.ReadAll(legacy.ToArray());
        LogicalComparer.AssertSchemasEqual(schema, s, "legacy");
        LogicalComparer.AssertBatchesEqual(batches, read, "legacy");

        using var reader = new ArrowStreamReader(new BufferedStream(new MemoryStream(legacy.ToArray()), 3));
        var viaStream = new List<RecordBatch>();
        while (reader.ReadNextBatch() is { } b)
        {
            viaStream.Add(b);
        }

        LogicalComparer.AssertBatchesEqual(batches, viaStream, "legacy over Stream");
    }

    [Fact]
    public void StreamWithoutEndMarkerEndsAtEndOfInput()
    {
        var schema = JsInteropTests.AllTypesSchema();
        var batches = JsInteropTests.AllTypesBatches(schema, 5);
        var bytes = ArrowIpc.WriteStream(schema, batches);
        var (_, read) = ArrowIpc.ReadAll(bytes.AsMemory(0, bytes.Length - 8));
        LogicalComparer.AssertBatchesEqual(batches, read, "no EOS");
    }

    [Fact]
    public async Task AsyncWriterAndReaderOverStreamsWithBufferWriterAndCancellation()
    {
        var schema = JsInteropTests.AllTypesSchema();
        var batches = JsInteropTests.AllTypesBatches(schema, 6);
        using var ms = new MemoryStream();
        await using (var writer = new ArrowStreamWriter(ms, schema, new ArrowWriteOptions { Compression = CompressionKind.Zstd }, leaveOpen: true))
        {
            foreach (var b in batches)
            {
                await writer.WriteRecordBatchAsync(b);
            }
        }

        // Same bytes through an IBufferWriter.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new ArrowStreamWriter(buffer, schema, new ArrowWriteOptions { Compression = CompressionKind.Zstd }))
        {
            foreach (var b in batches)
            {
                writer.WriteRecordBatch(b);
            }
        }

        Assert.Equal(ms.ToArray(), buffer.WrittenSpan.ToArray());

        using var reader = new ArrowStreamReader(new BufferedStream(new MemoryStream(ms.ToArray()), 64));
        var read = new List<RecordBatch>();
        while (await reader.ReadNextBatchAsync() is { } b)
        {
            read.Add(b);
        }

        LogicalComparer.AssertBatchesEqual(batches, read, "async");

        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var cancelled = new ArrowStreamReader(new BufferedStream(new MemoryStream(ms.ToArray())));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled.ReadNextBatchAsync(cts.Token));
    }

    [Fact]
    public void FileWriterToBufferWriterAndFormatDetection()
    {
        var schema = JsInteropTests.AllTypesSchema();
        var batches = JsInteropTests.ShareDictionaries(JsInteropTests.AllTypesBatches(schema, 8));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new ArrowFileWriter(buffer, schema))
        {
            foreach (var b in batches)
            {
                writer.WriteRecordBatch(b);
            }
        }

        var bytes = buffer.WrittenSpan.ToArray();
        Assert.True(ArrowIpcReader.IsFileFormat(bytes));
        Assert.Equal("ARROW1"u8.ToArray(), bytes[^6..]);
        var path = Path.Combine(Path.GetTempPath(), $"lakehouse-ipc-{Guid.NewGuid():N}.arrow");
        try
        {
            File.WriteAllBytes(path, bytes);
            using var reader = ArrowIpcReader.Open(path);
            Assert.IsType<ArrowFileReader>(reader);
            var read = new List<RecordBatch>();
            while (reader.ReadNextBatch() is { } b)
            {
                read.Add(b);
            }

            LogicalComparer.AssertBatchesEqual(batches, read, "file via Open");
            File.WriteAllBytes(path, ArrowIpc.WriteStream(schema, batches));
            using var streamReader = ArrowIpcReader.Open(path);
            Assert.IsType<ArrowStreamReader>(streamReader);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SchemaOnlyStreamAndFile()
    {
        var schema = JsInteropTests.AllTypesSchema();
        var (s1, b1) = ArrowIpc.ReadAll(ArrowIpc.WriteStream(schema, []));
        LogicalComparer.AssertSchemasEqual(schema, s1, "empty stream");
        Assert.Empty(b1);
        var (s2, b2) = ArrowIpc.ReadAll(ArrowIpc.WriteFile(schema, []));
        LogicalComparer.AssertSchemasEqual(schema, s2, "empty file");
        Assert.Empty(b2);
    }

    [Theory]
    [InlineData(ArrowTypeId.Int16)]
    [InlineData(ArrowTypeId.Int32)]
    [InlineData(ArrowTypeId.Int64)]
    public void SlicedRunEndEncodedArraysAreRebased(ArrowTypeId runEndType)
    {
        var runEnds = runEndType switch { ArrowTypeId.Int16 => ArrowType.Int16, ArrowTypeId.Int32 => ArrowType.Int32, _ => ArrowType.Int64 };
        var type = new RunEndEncodedType(new Field("run_ends", runEnds, false), new Field("values", ArrowType.Utf8));
        var schema = new Schema([new Field("r", type)]);
        var whole = ArrowArray.Create(new RandomArrays((int)runEndType).Generate(type, 60));
        foreach (var (offset, length) in new[] { (0, 60), (1, 59), (7, 20), (59, 1), (30, 0), (13, 47) })
        {
            var slice = whole.Slice(offset, length);
            var batch = new RecordBatch(schema, [slice], length);
            var (_, read) = ArrowIpc.ReadAll(ArrowIpc.WriteStream(schema, [batch]));
            LogicalComparer.AssertBatchesEqual([batch], read, $"ree slice {offset}+{length}");
        }
    }

    [Fact]
    public void InvalidDataIsReportedWithFieldAndProblem()
    {
        // The writer does not validate; the reader's full validation names the field and the problem.
        var dictType = new DictionaryType(ArrowType.Int16, ArrowType.Utf8);
        var schema = new Schema([new Field("colors", dictType)]);
        var dictionary = JsInteropTests.Utf8(["red", "green"]);
        var indices = new ArrayData(dictType, 3, 0, 0, [Memory.ArrowBuffer.Empty, Memory.ArrowBuffer.FromArray(new short[] { 0, 1, 5 })], null, dictionary);
        var bytes = ArrowIpc.WriteStream(schema, [new RecordBatch(schema, [ArrowArray.Create(indices)], 3)]);
        var e = Assert.Throws<CorruptFileException>(() => ArrowIpc.ReadAll(bytes));
        Assert.Contains("colors", e.Message, StringComparison.Ordinal);
        Assert.Contains("dictionary index 5", e.Message, StringComparison.Ordinal);

        // A union slot with an undeclared type code.
        var unionType = new UnionType([new Field("i", ArrowType.Int32)], [4], UnionMode.Sparse);
        var unionSchema = new Schema([new Field("u", unionType)]);
        var child = new RandomArrays(1).Generate(ArrowType.Int32, 2);
        var union = new ArrayData(unionType, 2, 0, 0, [Memory.ArrowBuffer.Empty, Memory.ArrowBuffer.FromArray(new sbyte[] { 4, 9 })], [child]);
        var unionBytes = ArrowIpc.WriteStream(unionSchema, [new RecordBatch(unionSchema, [ArrowArray.Create(union)], 2)]);
        var ue = Assert.Throws<CorruptFileException>(() => ArrowIpc.ReadAll(unionBytes));
        Assert.Contains("union type id 9", ue.Message, StringComparison.Ordinal);

        // Validation can be turned off for trusted input.
        Assert.Single(ArrowIpc.ReadAll(bytes, new ArrowReadOptions { Validate = false }).Batches);
    }

    [Fact]
    public void Utf8ValidationIsOptIn()
    {
        var schema = new Schema([new Field("s", ArrowType.Utf8), new Field("v", ArrowType.Utf8View)]);
        byte[] bad = [0x61, 0xC3, 0x28];
        var utf8 = new ArrayData(ArrowType.Utf8, 2, 0, 0, [Memory.ArrowBuffer.Empty, Memory.ArrowBuffer.FromArray(new[] { 0, 1, 3 }), Memory.ArrowBuffer.FromArray(bad)]);
        var views = new byte[32];
        views[0] = 3;
        bad.CopyTo(views, 4);
        var view = new ArrayData(ArrowType.Utf8View, 2, 0, 0, [Memory.ArrowBuffer.Empty, Memory.ArrowBuffer.FromArray(views)]);
        var bytes = ArrowIpc.WriteStream(schema, [new RecordBatch(schema, [ArrowArray.Create(utf8), ArrowArray.Create(view)], 2)]);
        Assert.Single(ArrowIpc.ReadAll(bytes).Batches);
        var e = Assert.Throws<CorruptFileException>(() => ArrowIpc.ReadAll(bytes, new ArrowReadOptions { ValidateUtf8 = true }));
        Assert.Contains("field 's': string at slot 1 is not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataVersion4UnionsWithValidityBufferAreRead()
    {
        // Before V5 a union had a validity buffer ahead of its type ids. Re-encode a V5 batch that way.
        var unionType = new UnionType([new Field("i", ArrowType.Int32), new Field("s", ArrowType.Utf8)], [2, 5], UnionMode.Dense);
        var schema = new Schema([new Field("u", unionType), new Field("n", ArrowType.Int64)]);
        var batch = new RandomArrays(3).Batch(schema, 40);
        var encoder = new IpcMessageEncoder(schema);
        var messages = new List<IpcEncodedMessage>();
        encoder.Encode(batch, messages);
        var original = Flatbuffers.FlatTable.Root(messages[0].Metadata);
        var header = original.GetTable(2);
        var nodes = header.GetVector(1, 16);
        var buffers = header.GetVector(2, 16);
        var nodeFirst = Enumerable.Range(0, nodes.Count).Select(k => BinaryPrimitives.ReadInt64LittleEndian(nodes.Element(k))).ToArray();
        var nodeSecond = Enumerable.Range(0, nodes.Count).Select(k => BinaryPrimitives.ReadInt64LittleEndian(nodes.Element(k)[8..])).ToArray();
        var offsets = Enumerable.Range(0, buffers.Count).Select(k => BinaryPrimitives.ReadInt64LittleEndian(buffers.Element(k))).ToList();
        var lengths = Enumerable.Range(0, buffers.Count).Select(k => BinaryPrimitives.ReadInt64LittleEndian(buffers.Element(k)[8..])).ToList();
        offsets.Insert(0, 0);
        lengths.Insert(0, 0);

        var b = new Flatbuffers.FlatBufferBuilder();
        var bufferVector = b.CreateInt64PairVector(offsets.ToArray(), lengths.ToArray());
        var nodeVector = b.CreateInt64PairVector(nodeFirst, nodeSecond);
        b.StartTable(3);
        b.AddInt64(0, 40, -1);
        b.AddOffset(1, nodeVector);
        b.AddOffset(2, bufferVector);
        var recordBatch = b.EndTable();
        b.StartTable(4);
        b.AddInt16(0, (short)MetadataVersion.V4, -1);
        b.AddByte(1, (byte)MessageHeaderType.RecordBatch, 0);
        b.AddOffset(2, recordBatch);
        b.AddInt64(3, messages[0].BodyLength, -1);
        var v4 = b.Finish(b.EndTable());

        var decoder = new IpcMessageDecoder(encoder.Schema);
        Assert.Equal(IpcMessageKind.RecordBatch, decoder.Decode(v4, messages[0].BodyToArray(), out var read));
        LogicalComparer.AssertBatchesEqual([batch], [read!], "V4 union");
    }

    [Theory]
    [InlineData(CompressionKind.Lz4Frame)]
    [InlineData(CompressionKind.Zstd)]
    public void LargeBatchesCompressBuffersInParallel(CompressionKind kind)
    {
        var schema = new Schema([new Field("a", ArrowType.Int64), new Field("s", ArrowType.Utf8), new Field("l", new ListType(ArrowType.Int16))]);
        var batch = new RandomArrays(17) { NullRate = 0.01 }.Batch(schema, 100_000);
        var bytes = ArrowIpc.WriteStream(schema, [batch, batch.Slice(1, 80_000)], new ArrowWriteOptions { Compression = kind });
        Assert.True(bytes.Length > 2 << 20, $"compressed stream is only {bytes.Length} bytes; the parallel paths need bodies over 1 MB");
        var (_, read) = ArrowIpc.ReadAll(bytes);
        LogicalComparer.AssertBatchesEqual([batch, batch.Slice(1, 80_000)], read, $"large {kind}");
    }
}
