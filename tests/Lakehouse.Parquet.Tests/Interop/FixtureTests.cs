using System.Text.Json.Nodes;
using Lakehouse.Arrow;
using Lakehouse.Parquet.Reading;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>parquet-testing files: footers parse, values match DuckDB's reading, bad files fail cleanly.</summary>
public class FixtureTests
{
    public static IEnumerable<object[]> DataCases() => ParquetFixtures.DataCases();

    public static IEnumerable<object[]> BadCases() => ParquetFixtures.BadCases();

    [SkippableTheory]
    [MemberData(nameof(DataCases))]
    public async Task FooterParses(string relative)
    {
        var path = Path.Combine(SharedFixtures.Require("parquet"), relative);
        if (ParquetFixtures.IsEncrypted(path))
        {
            var ex = await Assert.ThrowsAsync<NotSupportedException>(() => ParquetReader.OpenFileAsync(path));
            Assert.Contains("encryption", ex.Message, StringComparison.Ordinal);
            return;
        }

        await using var reader = await ParquetReader.OpenFileAsync(path);
        Assert.NotEmpty(reader.ParquetSchema.Leaves);
        Assert.True(reader.Metadata.RowGroups.All(g => g.NumRows >= 0));
        Assert.Contains("row groups:", Inspection.ParquetInspector.Describe(reader), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(DataCases))]
    public async Task ValuesMatchDuckDb(string relative)
    {
        var path = Path.Combine(SharedFixtures.Require("parquet"), relative);
        Skip.If(ParquetFixtures.IsEncrypted(path), "encrypted files are refused (see FooterParses)");
        if (ParquetFixtures.Refused.TryGetValue(relative, out var reason))
        {
            var failure = await FixtureTests.ReadExpectingCleanOutcomeAsync(await File.ReadAllBytesAsync(path), relative);
            Assert.True(failure is not null, $"{relative} should be refused: {reason}");
            return;
        }

        var expected = DuckDbOracle.ReadFixture(path);
        JsonArray? ours = null;
        Exception? error = null;
        try
        {
            ours = await ReadAllAsync(path);
        }
        catch (Exception e) when (e is CorruptFileException or NotSupportedException)
        {
            error = e;
        }

        if (expected["error"] is { } duckError)
        {
            // DuckDB refuses the file too: we must fail cleanly or read it.
            Skip.If(true, $"DuckDB cannot read it ({duckError}); ours: {(error is null ? "read" : error.Message)}");
        }

        Assert.True(error is null, $"DuckDB reads {relative} but we fail: {error}");
        var rows = expected["rows"]!.AsArray();
        Assert.Equal(rows.Count, ours!.Count);
        var difference = CanonicalComparer.Difference(rows, ours, "rows");
        Assert.True(difference is null, $"{relative}: {difference}\ncolumns: {expected["columns"]!.ToJsonString()} types: {expected["types"]!.ToJsonString()}");
    }

    [SkippableTheory]
    [MemberData(nameof(BadCases))]
    public async Task BadDataFailsCleanly(string relative)
    {
        var path = Path.Combine(SharedFixtures.Require("parquet"), relative);
        await ReadExpectingCleanOutcomeAsync(await File.ReadAllBytesAsync(path), relative);
    }

    [SkippableTheory]
    [InlineData("data/hadoop_lz4_compressed.parquet", "data/lz4_raw_compressed.parquet")]
    [InlineData("data/non_hadoop_lz4_compressed.parquet", "data/lz4_raw_compressed.parquet")]
    [InlineData("data/hadoop_lz4_compressed_larger.parquet", "data/lz4_raw_compressed_larger.parquet")]
    public async Task Lz4FilesDuckDbCannotReadMatchTheirLz4RawTwins(string relative, string twin)
    {
        // DuckDB has no Hadoop-framed LZ4: compare with its reading of the same data compressed as LZ4_RAW.
        var root = SharedFixtures.Require("parquet");
        var expected = DuckDbOracle.ReadFixture(Path.Combine(root, twin));
        var ours = await ReadAllAsync(Path.Combine(root, relative));
        Assert.Null(CanonicalComparer.Difference(expected["rows"], ours, "rows"));
    }

    [SkippableFact]
    public async Task ByteStreamSplitColumnsMatchTheirPlainTwins()
    {
        // DuckDB cannot read this file; each BYTE_STREAM_SPLIT column has an identical PLAIN twin.
        var path = Path.Combine(SharedFixtures.Require("parquet"), "data/byte_stream_split_extended.gzip.parquet");
        await using var reader = await ParquetReader.OpenFileAsync(path);
        var batch = await reader.ReadRowGroupAsync(0);
        var pairs = 0;
        for (var c = 0; c < batch.ColumnCount; c++)
        {
            var name = batch.Schema[c].Name;
            if (!name.EndsWith("_byte_stream_split", StringComparison.Ordinal))
            {
                continue;
            }

            var twin = batch.Column(name[..^"_byte_stream_split".Length] + "_plain")!;
            Assert.Null(ArrayComparer.Compare(twin, batch.Column(c)));
            pairs++;
        }

        Assert.Equal(7, pairs);
        Assert.Equal(200, batch.Length);
    }

    [SkippableTheory]
    [InlineData("data/datapage_v1-uncompressed-checksum.parquet", true)]
    [InlineData("data/datapage_v1-snappy-compressed-checksum.parquet", true)]
    [InlineData("data/plain-dict-uncompressed-checksum.parquet", true)]
    [InlineData("data/rle-dict-snappy-checksum.parquet", true)]
    [InlineData("data/datapage_v1-corrupt-checksum.parquet", false)]
    [InlineData("data/rle-dict-uncompressed-corrupt-checksum.parquet", false)]
    public async Task PageChecksumsAreVerifiedWhenAsked(string relative, bool valid)
    {
        var path = Path.Combine(SharedFixtures.Require("parquet"), relative);
        var options = new ParquetReadOptions { VerifyPageChecksums = true };
        if (valid)
        {
            Assert.NotEmpty(await ReadAllAsync(path, options));
            return;
        }

        var e = await Assert.ThrowsAsync<CorruptFileException>(() => ReadAllAsync(path, options));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await ReadAllAsync(path));
    }

    internal static async Task<JsonArray> ReadAllAsync(string path, ParquetReadOptions? options = null)
    {
        await using var reader = await ParquetReader.OpenFileAsync(path, options);
        var rows = new JsonArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var batch = await reader.ReadRowGroupAsync(g);
            foreach (var row in ArrowCanonical.Rows(batch).ToArray())
            {
                rows.Add(row!.DeepClone());
            }
        }

        return rows;
    }

    /// <summary>Reads every row group; only success, CorruptFileException or NotSupportedException are acceptable.</summary>
    internal static async Task<Exception?> ReadExpectingCleanOutcomeAsync(byte[] bytes, string name)
    {
        try
        {
            await using var reader = await ParquetReader.OpenAsync(new MemorySource(bytes, name));
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                await reader.ReadRowGroupAsync(g);
            }

            return null;
        }
        catch (Exception e) when (e is CorruptFileException or NotSupportedException)
        {
            return e;
        }
    }
}
