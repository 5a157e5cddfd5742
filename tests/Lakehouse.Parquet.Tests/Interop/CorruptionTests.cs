using Lakehouse.Parquet.Tests.Writing;
using Lakehouse.Parquet.Writing;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>
/// Seeded corruptions of good files (truncations, bit flips anywhere and in the footer, rewritten footer
/// lengths) must end in success, CorruptFileException or NotSupportedException: never another exception,
/// a hang, or a runaway allocation.
/// </summary>
public class CorruptionTests
{
    public static TheoryData<string> Files() =>
    [
        "data/alltypes_plain.parquet",
        "data/alltypes_dictionary.parquet",
        "data/nested_lists.snappy.parquet",
        "data/nested_maps.snappy.parquet",
        "data/datapage_v2.snappy.parquet",
        "data/delta_byte_array.parquet",
        "data/delta_encoding_optional_column.parquet",
        "data/byte_stream_split.zstd.parquet",
        "data/nulls.snappy.parquet",
        "data/list_columns.parquet",
        "data/old_list_structure.parquet",
        "data/rle_boolean_encoding.parquet",
        "data/fixed_length_decimal.parquet",
        "data/int96_from_spark.parquet",
        "data/lz4_raw_compressed.parquet",
        "data/concatenated_gzip_members.parquet",
    ];

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task CorruptedFixturesFailCleanly(string relative)
    {
        var path = Path.Combine(SharedFixtures.Require("parquet"), relative);
        await MutateAndReadAsync(await File.ReadAllBytesAsync(path), relative, relative.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
    }

    [Fact]
    public async Task CorruptedFilesOfOursFailCleanly()
    {
        var bytes = await WriterRoundTripTests.WriteAsync(new ParquetWriteOptions { RowGroupSize = 40, PageSize = 512 }, SampleBatches.AllTypes(100));
        await MutateAndReadAsync(bytes, "ours", 12345);
    }

    private static async Task MutateAndReadAsync(byte[] original, string name, int seed)
    {
        var rng = new Random(seed);
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var bytes = (byte[])original.Clone();
            string mutation;
            switch (attempt % 5)
            {
                case 0:
                    {
                        var length = rng.Next(bytes.Length);
                        bytes = bytes[..length];
                        mutation = $"truncated to {length}";
                        break;
                    }

                case 1:
                case 2:
                    {
                        var flips = 1 + rng.Next(8);
                        for (var k = 0; k < flips; k++)
                        {
                            bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                        }

                        mutation = $"{flips} bit flips";
                        break;
                    }

                case 3:
                    {
                        var footerStart = Math.Max(0, bytes.Length - 8 - BitConverter.ToInt32(bytes, bytes.Length - 8));
                        var at = footerStart + rng.Next(bytes.Length - footerStart - 8);
                        bytes[at] = (byte)rng.Next(256);
                        mutation = $"footer byte {at} = {bytes[at]}";
                        break;
                    }

                default:
                    {
                        var at = rng.Next(bytes.Length - 8);
                        var value = rng.Next(4) == 0 ? 0xFF : rng.Next(256);
                        for (var k = 0; k < 1 + rng.Next(4); k++)
                        {
                            bytes[Math.Min(at + k, bytes.Length - 9)] = (byte)value;
                        }

                        mutation = $"run of {value} at {at}";
                        break;
                    }
            }

            var read = Task.Run(() => FixtureTests.ReadExpectingCleanOutcomeAsync(bytes, name));
            try
            {
                await read.WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{name}, attempt {attempt} ({mutation}): reading did not finish in 20 s");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{name}, attempt {attempt} ({mutation}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
    }
}
