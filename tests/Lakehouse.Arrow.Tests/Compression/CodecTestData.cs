using System.Text;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Deterministic inputs of several shapes and sizes for codec tests.</summary>
internal static class CodecTestData
{
    public static readonly string[] Shapes = ["empty", "one", "small-text", "runs", "columnar", "random", "text-1mb", "mixed-4mb"];

    public static byte[] Create(string shape, int seed = 42)
    {
        var random = new Random(seed);
        switch (shape)
        {
            case "empty":
                return [];
            case "one":
                return [0x5A];
            case "small-text":
                return Encoding.UTF8.GetBytes("hello hello hello, snappy and lz4 and zstd!");
            case "runs":
            {
                var bytes = new byte[100_000];
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)((i / 1000) % 3);
                }

                return bytes;
            }

            case "columnar":
            {
                // int64 values with small deltas, like a sorted id column.
                var values = new long[40_000];
                var v = 1_000_000L;
                for (var i = 0; i < values.Length; i++)
                {
                    v += random.Next(0, 20);
                    values[i] = v;
                }

                var bytes = new byte[values.Length * 8];
                Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
                return bytes;
            }

            case "random":
            {
                var bytes = new byte[70_000];
                random.NextBytes(bytes);
                return bytes;
            }

            case "text-1mb":
                return Text(random, 1 << 20);
            case "mixed-4mb":
            {
                // Alternating compressible and incompressible 64 KiB stretches, longer than one 4 MiB LZ4 frame block.
                var bytes = new byte[(4 << 20) + 123_457];
                var text = Text(random, bytes.Length);
                for (var start = 0; start < bytes.Length; start += 65536)
                {
                    var chunk = bytes.AsSpan(start, Math.Min(65536, bytes.Length - start));
                    if ((start / 65536) % 2 == 0)
                    {
                        random.NextBytes(chunk);
                    }
                    else
                    {
                        text.AsSpan(start, chunk.Length).CopyTo(chunk);
                    }
                }

                return bytes;
            }

            default:
                throw new ArgumentException(shape);
        }
    }

    public static byte[] Text(Random random, int length)
    {
        string[] words = ["lakehouse", "iceberg", "parquet", "arrow", "#kpi", "engagement", "the", "a", "of", "sentiment", "👍", "émoji", "42", "2026-11-22"];
        var sb = new StringBuilder(length + 32);
        while (sb.Length < length)
        {
            sb.Append(words[random.Next(words.Length)]).Append(random.Next(8) == 0 ? '\n' : ' ');
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return bytes.AsSpan(0, length).ToArray();
    }
}
