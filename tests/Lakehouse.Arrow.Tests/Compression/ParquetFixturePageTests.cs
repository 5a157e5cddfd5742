using Lakehouse.Arrow.Compression;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>
/// Decompresses every page of the parquet-testing files (../shared/fixtures/parquet/data, written by
/// parquet-mr, Arrow C++, parquet-rs, Impala and others): each must yield exactly its declared
/// uncompressed size, and pages that carry a CRC must match our CRC-32 of the stored bytes.
/// </summary>
public class ParquetFixturePageTests
{
    private const int MaxPageForTests = 64 << 20;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = SharedFixtures.Root;
        var folder = root is null ? null : Path.Combine(root, "parquet", "data");
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add("(fixtures absent)");
            return data;
        }

        foreach (var file in Directory.GetFiles(folder, "*.parquet").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void EveryPageDecompressesToItsDeclaredSize(string file)
    {
        var path = SharedFixtures.Require(Path.Combine("parquet", "data", file));
        var bytes = File.ReadAllBytes(path);
        Skip.If(!bytes.AsSpan(bytes.Length - 4).SequenceEqual("PAR1"u8), $"{file} has an encrypted footer");
        Skip.If(file is "nation.dict-malformed.parquet", $"{file} is malformed on purpose (a Parquet reader test)");
        Skip.If(file is "column_chunk_key_value_metadata.parquet", $"{file} holds metadata only; its column chunk offsets are placeholders");
        var pages = ParquetPageWalker.Pages(bytes);
        Assert.NotEmpty(pages);
        var corruptChecksums = 0;
        foreach (var page in pages)
        {
            if (page.Crc is { } crc && (uint)crc != Crc32.Compute(page.Payload.Span))
            {
                corruptChecksums++;
            }

            var size = page.UncompressedSize - page.LevelsLength;
            if (page.Codec == 0 || !page.IsCompressed || size > MaxPageForTests)
            {
                // Nothing to decompress (or, for one brotli file, a page of more than 2 GB).
                continue;
            }

            var kind = page.Codec switch
            {
                1 => CompressionKind.Snappy,
                2 => CompressionKind.Gzip,
                4 => CompressionKind.Brotli,
                5 => CompressionKind.Lz4Hadoop,
                6 => CompressionKind.Zstd,
                7 => CompressionKind.Lz4Raw,
                _ => throw new SkipException($"{file} uses Parquet codec {page.Codec}, which we do not support"),
            };
            var body = page.Payload.Span[page.LevelsLength..];
            if (size == 0 && body.IsEmpty)
            {
                continue;
            }

            CompressionCodecs.Decompress(kind, body, new byte[size]);
        }

        // The *-corrupt-checksum files have wrong page CRCs on purpose; every other CRC must match ours.
        Assert.Equal(file.Contains("corrupt-checksum", StringComparison.Ordinal), corruptChecksums > 0);
    }

    [SkippableFact]
    public void HadoopFramingIsDetectedOrFallsBack()
    {
        static ParquetPageWalker.Page FirstPage(string file) =>
            ParquetPageWalker.Pages(File.ReadAllBytes(SharedFixtures.Require(Path.Combine("parquet", "data", file))))[0];

        var framed = FirstPage("hadoop_lz4_compressed.parquet");
        Assert.True(Lz4Hadoop.TryDecompressHadoop(framed.Payload.Span, new byte[framed.UncompressedSize], out var problem), problem);

        var raw = FirstPage("non_hadoop_lz4_compressed.parquet");
        Assert.False(Lz4Hadoop.TryDecompressHadoop(raw.Payload.Span, new byte[raw.UncompressedSize], out _));
        Lz4Block.Decompress(raw.Payload.Span, new byte[raw.UncompressedSize]);
    }

    [SkippableFact]
    public void PageChecksumsAreVerified()
    {
        // datapage_v1-snappy-compressed-checksum carries page CRCs over the stored (compressed) bytes.
        var bytes = File.ReadAllBytes(SharedFixtures.Require(Path.Combine("parquet", "data", "datapage_v1-snappy-compressed-checksum.parquet")));
        var pages = ParquetPageWalker.Pages(bytes);
        Assert.Contains(pages, p => p.Crc is not null);
    }
}
