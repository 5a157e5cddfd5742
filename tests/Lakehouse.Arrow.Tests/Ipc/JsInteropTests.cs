using System.Text.Json;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Arrow.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>
/// Interop with apache-arrow (npm, the Arrow project's JS implementation): streams and files we write are
/// decoded by apache-arrow and dumped slot by slot (tests/interop/arrow-dump.mjs); streams and files
/// apache-arrow writes (tests/interop/arrow-write.mjs) are read by us and compared with its own dump.
/// apache-arrow 21 has no list-view, run-end-encoded or decimal32/64 support (covered by the golden files
/// and our own round trips instead) and ships no compression codecs: the compressed-body test registers
/// the reference lz4/zstd command-line tools as its codecs.
/// </summary>
public sealed class JsInteropTests
{
    internal static Schema AllTypesSchema()
    {
        var fields = new List<Field>
        {
            new("null", ArrowType.Null),
            new("bool", ArrowType.Boolean),
            new("int8", ArrowType.Int8),
            new("int16", ArrowType.Int16),
            new("int32", ArrowType.Int32, false),
            new("int64", ArrowType.Int64),
            new("uint8", ArrowType.UInt8),
            new("uint16", ArrowType.UInt16),
            new("uint32", ArrowType.UInt32),
            new("uint64", ArrowType.UInt64),
            new("float16", ArrowType.Float16),
            new("float32", ArrowType.Float32),
            new("float64", ArrowType.Float64),
            new("decimal128", new DecimalType(38, 10)),
            new("decimal256", new DecimalType(76, 20, 256)),
            new("date32", ArrowType.Date32),
            new("date64", ArrowType.Date64),
            new("time32s", new TimeType(TimeUnit.Second)),
            new("time32ms", new TimeType(TimeUnit.Millisecond)),
            new("time64us", new TimeType(TimeUnit.Microsecond)),
            new("time64ns", new TimeType(TimeUnit.Nanosecond)),
            new("ts_s", new TimestampType(TimeUnit.Second)),
            new("ts_ms", new TimestampType(TimeUnit.Millisecond)),
            new("ts_us_paris", new TimestampType(TimeUnit.Microsecond, "Europe/Paris")),
            new("ts_ns_utc", new TimestampType(TimeUnit.Nanosecond, "UTC")),
            new("dur_s", new DurationType(TimeUnit.Second)),
            new("dur_ms", new DurationType(TimeUnit.Millisecond)),
            new("dur_us", new DurationType(TimeUnit.Microsecond)),
            new("dur_ns", new DurationType(TimeUnit.Nanosecond)),
            new("interval_ym", new IntervalType(IntervalUnit.YearMonth)),
            new("interval_dt", new IntervalType(IntervalUnit.DayTime)),
            new("interval_mdn", new IntervalType(IntervalUnit.MonthDayNano)),
            new("binary", ArrowType.Binary),
            new("large_binary", ArrowType.LargeBinary),
            new("utf8", ArrowType.Utf8, false),
            new("large_utf8", ArrowType.LargeUtf8),
            new("binary_view", ArrowType.BinaryView),
            new("utf8_view", ArrowType.Utf8View),
            new("fixed5", new FixedSizeBinaryType(5)),
            new("list_int32", new ListType(ArrowType.Int32)),
            new("large_list_utf8", new ListType(new Field("item", ArrowType.Utf8), ArrowTypeId.LargeList)),
            new("fsl_int16", new FixedSizeListType(new Field("item", ArrowType.Int16), 3)),
            new("struct", new StructType([new Field("a", ArrowType.Int32), new Field("b", ArrowType.Utf8), new Field("c", new ListType(ArrowType.Boolean))])),
            new("map", new MapType(ArrowType.Utf8, ArrowType.Int64)),
            new("sparse_union", new UnionType([new Field("i", ArrowType.Int32), new Field("s", ArrowType.Utf8)], [3, 7], UnionMode.Sparse)),
            new("dense_union", new UnionType([new Field("d", ArrowType.Float64), new Field("s", ArrowType.Utf8)], null, UnionMode.Dense)),
            new("dict_utf8", new DictionaryType(ArrowType.Int32, ArrowType.Utf8)),
            new("dict_int8_int64", new DictionaryType(ArrowType.Int8, ArrowType.Int64, ordered: true)),
            new("list_struct", new ListType(new StructType([new Field("x", ArrowType.Int64), new Field("y", ArrowType.Float64)]))),
        };
        return new Schema(fields, [new("origin", "lakehouse"), new("purpose", "interop")]);
    }

    /// <summary>Batches with nulls, an empty batch, a slice with a nonzero offset and an all-null batch.</summary>
    internal static List<RecordBatch> AllTypesBatches(Schema schema, int seed)
    {
        var random = new RandomArrays(seed);
        var batches = new List<RecordBatch> { random.Batch(schema, 300), random.Batch(schema, 0) };
        batches.Add(random.Batch(schema, 140).Slice(13, 101));
        random.NullRate = 1.0;
        batches.Add(random.Batch(schema, 33));
        return batches;
    }

    private static JsonElement Dump(byte[] bytes, bool cliCodecs = false)
    {
        var dir = RepoPaths.NewTempDirectory("ipc-js");
        try
        {
            var path = Path.Combine(dir, "data.arrow");
            File.WriteAllBytes(path, bytes);
            using var doc = JsonDocument.Parse((cliCodecs ? NodeOracle.Run("arrow-dump.mjs", path, "--cli-codecs") : NodeOracle.Run("arrow-dump.mjs", path)), new JsonDocumentOptions { MaxDepth = 256 });
            return doc.RootElement.Clone();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void ApacheArrowDecodesOurStreamAndFile()
    {
        var schema = AllTypesSchema();
        var batches = AllTypesBatches(schema, 7);
        JsDump.AssertMatches(batches, Dump(ArrowIpc.WriteStream(schema, batches)), "stream");

        // The file format forbids dictionary replacement: keep one dictionary per column across batches.
        var fileBatches = ShareDictionaries(batches);
        JsDump.AssertMatches(fileBatches, Dump(ArrowIpc.WriteFile(schema, fileBatches)), "file");
    }

    [SkippableTheory]
    [InlineData(CompressionKind.Lz4Frame, "lz4")]
    [InlineData(CompressionKind.Zstd, "zstd")]
    public void ApacheArrowDecodesOurCompressedBodies(CompressionKind kind, string tool)
    {
        Skip.If(!OnPath(tool), $"the {tool} command-line tool is not installed (apache-arrow needs it to decode {kind})");
        var schema = AllTypesSchema();
        var batches = AllTypesBatches(schema, 11);
        var options = new ArrowWriteOptions { Compression = kind };
        var bytes = ArrowIpc.WriteStream(schema, batches, options);
        Assert.True(bytes.Length < ArrowIpc.WriteStream(schema, batches).Length, "compression should shrink the stream");
        JsDump.AssertMatches(batches, Dump(bytes, cliCodecs: true), $"{kind} stream");
        var fileBatches = ShareDictionaries(batches);
        JsDump.AssertMatches(fileBatches, Dump(ArrowIpc.WriteFile(schema, fileBatches, options), cliCodecs: true), $"{kind} file");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    [SkippableFact]
    public void ApacheArrowAppliesOurDictionaryDeltas()
    {
        var dictType = new DictionaryType(ArrowType.Int16, ArrowType.Utf8);
        var schema = new Schema([new Field("color", dictType), new Field("n", ArrowType.Int32)]);
        var random = new RandomArrays(99);
        var words = new[] { "red", "green", "", "blue", "yellow", "日本", "cyan", "magenta" };
        var batches = new List<RecordBatch>();
        foreach (var size in new[] { 3, 3, 5, 8, 2 })
        {
            // Dictionaries grow (delta), stay (nothing sent), then shrink (replacement, stream only).
            var dictionary = random.Generate(ArrowType.Utf8, 0);
            dictionary = Utf8(words[..size]);
            var length = 20;
            var (validity, nulls) = random.Validity(length, true);
            var column = ArrowArray.Create(random.WithIndices(dictType, dictionary, length, validity, nulls));
            batches.Add(new RecordBatch(schema, [column, ArrowArray.Create(random.Generate(ArrowType.Int32, length))], length));
        }

        var bytes = ArrowIpc.WriteStream(schema, batches);
        var kinds = MessageKinds(bytes);
        Assert.Equal("S D R R Dd R Dd R D R", kinds);
        JsDump.AssertMatches(batches, Dump(bytes), "deltas");
        LogicalComparer.AssertBatchesEqual(batches, ArrowIpc.ReadAll(bytes).Batches, "deltas (ours)");

        // The file format takes the deltas but refuses the final replacement.
        var error = Assert.Throws<InvalidOperationException>(() => ArrowIpc.WriteFile(schema, batches));
        Assert.Contains("replacement", error.Message, StringComparison.Ordinal);
        var fileBytes = ArrowIpc.WriteFile(schema, batches[..4]);
        JsDump.AssertMatches(batches[..4], Dump(fileBytes), "deltas in file");
        LogicalComparer.AssertBatchesEqual(batches[..4], ArrowIpc.ReadAll(fileBytes).Batches, "deltas in file (ours)");
    }

    public static IEnumerable<object[]> JsFiles() =>
        new[] { "primitives.arrows", "primitives.arrow", "nested.arrows", "nested.arrow", "empty_and_multi.arrows", "empty_and_multi.arrow", "nested_multi.arrows" }
            .Select(f => new object[] { f });

    private static readonly Lazy<string> s_jsOutput = new(() =>
    {
        var dir = RepoPaths.NewTempDirectory("ipc-js-write");
        NodeOracle.Run("arrow-write.mjs", dir);
        return dir;
    });

    [SkippableTheory]
    [MemberData(nameof(JsFiles))]
    public void WeReadWhatApacheArrowWrites(string file)
    {
        Skip.If(!Directory.Exists(Path.Combine(RepoPaths.Interop, "node_modules")), "tests/interop/node_modules is missing");
        var dir = s_jsOutput.Value;
        var bytes = File.ReadAllBytes(Path.Combine(dir, file));
        var (_, batches) = ArrowIpc.ReadAll(bytes);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, Path.GetFileNameWithoutExtension(file) + ".json")), new JsonDocumentOptions { MaxDepth = 256 });
        JsDump.AssertMatches(batches, doc.RootElement, file);

        // And through the Stream-based reader.
        using var reader = ArrowIpcReader.IsFileFormat(bytes) ? (IArrowBatchReader)new ArrowFileReader(bytes) : new ArrowStreamReader(new BufferedStream(new MemoryStream(bytes), 5));
        var again = new List<RecordBatch>();
        while (reader.ReadNextBatch() is { } b)
        {
            again.Add(b);
        }

        JsDump.AssertMatches(again, doc.RootElement, file + " (Stream)");
    }

    internal static ArrayData Utf8(string[] values)
    {
        var bytes = values.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var offsets = new int[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            offsets[i + 1] = offsets[i] + bytes[i].Length;
        }

        return new ArrayData(ArrowType.Utf8, values.Length, 0, 0, [Memory.ArrowBuffer.Empty, Memory.ArrowBuffer.FromArray(offsets), Memory.ArrowBuffer.FromArray(bytes.SelectMany(b => b).ToArray())]);
    }

    /// <summary>Rebuilds batches so every dictionary column uses the first batch's dictionary (indices clamped into it).</summary>
    internal static List<RecordBatch> ShareDictionaries(List<RecordBatch> batches)
    {
        var first = batches[0];
        var result = new List<RecordBatch>();
        foreach (var b in batches)
        {
            var cols = new ArrowArray[b.ColumnCount];
            for (var c = 0; c < cols.Length; c++)
            {
                var d = b.Column(c).Data;
                if (d.Type is not DictionaryType dict)
                {
                    cols[c] = b.Column(c);
                    continue;
                }

                var shared = first.Column(c).Data.Dictionary!;
                var random = new RandomArrays(c);
                random.NullRate = 0;
                var indices = random.WithIndices(dict, shared, d.Length, ArrowArray.Create(d).NullCount == 0 ? Memory.ArrowBuffer.Empty : CopyValidity(d), d.NullCount);
                cols[c] = ArrowArray.Create(indices);
            }

            result.Add(new RecordBatch(b.Schema, cols, b.Length));
        }

        return result;
    }

    private static Memory.ArrowBuffer CopyValidity(ArrayData d)
    {
        var bits = new byte[(d.Length + 7) / 8];
        Memory.BitUtil.CopyBits(d.Validity.Span, d.Offset, bits, 0, d.Length);
        return Memory.ArrowBuffer.FromArray(bits);
    }

    /// <summary>The message sequence of a stream: S schema, D dictionary, Dd delta dictionary, R record batch.</summary>
    internal static string MessageKinds(byte[] stream)
    {
        var kinds = new List<string>();
        var at = 0;
        while (at + 8 <= stream.Length)
        {
            var length = BitConverter.ToInt32(stream, at + 4);
            if (length == 0)
            {
                break;
            }

            var metadata = new ReadOnlyMemory<byte>(stream, at + 8, length);
            var message = Flatbuffers.FlatTable.Root(metadata);
            var header = message.GetByte(1);
            var bodyLength = message.GetInt64(3);
            kinds.Add(header switch
            {
                1 => "S",
                2 => message.GetTable(2).GetBool(2) ? "Dd" : "D",
                _ => "R",
            });
            at += 8 + length + (int)bodyLength;
        }

        return string.Join(' ', kinds);
    }
}
