using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Ipc;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>
/// Every golden stream and file written by Arrow C++ is read and compared value by value with its JSON;
/// then written back by our writers (stream and file, uncompressed and compressed), read again and compared.
/// </summary>
public sealed class GoldenFileTests
{
    public static IEnumerable<object[]> Cases() => GoldenFiles.All();

    public static IEnumerable<object[]> UncompressedCases() => GoldenFiles.Cases.Select(c => new object[] { c });

    private static (Schema Schema, List<RecordBatch> Batches) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return ArrowIpc.ReadAll(bytes, new ArrowReadOptions { SourceName = path });
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void StreamAndFileMatchJson(string name)
    {
        var expected = IntegrationJson.Load(GoldenFiles.Path(name + ".json.gz"));
        foreach (var ext in new[] { ".stream", ".arrow_file" })
        {
            var (schema, batches) = Read(GoldenFiles.Path(name + ext));
            LogicalComparer.AssertSchemasEqual(expected.Schema, schema, name + ext);
            LogicalComparer.AssertBatchesEqual(expected.Batches, batches, name + ext);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(UncompressedCases))]
    public void StreamReaderOverNonSeekableStreamMatchesJson(string name)
    {
        var expected = IntegrationJson.Load(GoldenFiles.Path(name + ".json.gz"));
        using var source = new NonSeekableStream(File.ReadAllBytes(GoldenFiles.Path(name + ".stream")));
        using var reader = new ArrowStreamReader(source);
        var batches = new List<RecordBatch>();
        while (reader.ReadNextBatchAsync().AsTask().GetAwaiter().GetResult() is { } b)
        {
            batches.Add(b);
        }

        LogicalComparer.AssertSchemasEqual(expected.Schema, reader.Schema, name);
        LogicalComparer.AssertBatchesEqual(expected.Batches, batches, name);
    }

    [SkippableTheory]
    [MemberData(nameof(UncompressedCases))]
    public void RoundTripUncompressed(string name) => RoundTrip(name, CompressionKind.None);

    [SkippableTheory]
    [MemberData(nameof(UncompressedCases))]
    public void RoundTripLz4(string name) => RoundTrip(name, CompressionKind.Lz4Frame);

    [SkippableTheory]
    [MemberData(nameof(UncompressedCases))]
    public void RoundTripZstd(string name) => RoundTrip(name, CompressionKind.Zstd);

    private static void RoundTrip(string name, CompressionKind compression)
    {
        var expected = IntegrationJson.Load(GoldenFiles.Path(name + ".json.gz"));
        var (readSchema, read) = Read(GoldenFiles.Path(name + ".stream"));
        var options = new ArrowWriteOptions { Compression = compression };

        // Data that came through our reader, and data built straight from the JSON (writer tested on its own).
        foreach (var (label, source, batches) in new[] { ("read", readSchema, read), ("json", expected.Schema, expected.Batches) })
        {
            var stream = ArrowIpc.WriteStream(source, batches, options);
            var (s1, b1) = ArrowIpc.ReadAll(stream);
            LogicalComparer.AssertSchemasEqual(expected.Schema, s1, $"{name} {label} -> stream {compression}");
            LogicalComparer.AssertBatchesEqual(expected.Batches, b1, $"{name} {label} -> stream {compression}");

            var file = ArrowIpc.WriteFile(source, batches, options);
            var (s2, b2) = ArrowIpc.ReadAll(file);
            LogicalComparer.AssertSchemasEqual(expected.Schema, s2, $"{name} {label} -> file {compression}");
            LogicalComparer.AssertBatchesEqual(expected.Batches, b2, $"{name} {label} -> file {compression}");
        }
    }

    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Short reads on purpose: at most 7 bytes at a time exercise the reassembly paths.
            var n = Math.Min(Math.Min(count, 7), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
