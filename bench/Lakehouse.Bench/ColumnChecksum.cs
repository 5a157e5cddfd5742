using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Bench;

/// <summary>
/// The per-column figures the DuckDB full-scan query computes (bench/duckdb/parquet.mjs): integer sums,
/// string byte lengths (nulls count 0), list lengths, double sums; computed from decoded Arrow arrays, one
/// span loop per column and batch.
/// </summary>
public sealed class ColumnChecksum
{
    public long Rows { get; private set; }

    /// <summary>Per column: integer figures summed with 64-bit wrap-around, double figures summed as doubles.</summary>
    public Dictionary<string, (long Integer, double Float)> Values { get; } = [];

    public void Add(RecordBatch batch)
    {
        Rows += batch.Length;
        for (var c = 0; c < batch.ColumnCount; c++)
        {
            var name = batch.Schema[c].Name;
            var (integer, floating) = Values.GetValueOrDefault(name);
            var (i, f) = Of(batch.Column(c));
            Values[name] = (unchecked(integer + i), floating + f);
        }
    }

    /// <summary>Integer sums for integers/timestamps, double sums, total byte length of strings, total list length.</summary>
    public static (long Integer, double Float) Of(ArrowArray array)
    {
        switch (array)
        {
            case PrimitiveArray<long> longs:
                {
                    var sum = 0L;
                    foreach (var v in longs.Values)
                    {
                        sum = unchecked(sum + v);
                    }

                    return (sum, 0);
                }

            case PrimitiveArray<int> ints:
                {
                    var sum = 0L;
                    foreach (var v in ints.Values)
                    {
                        sum += v;
                    }

                    return (sum, 0);
                }

            case PrimitiveArray<double> doubles:
                {
                    var sum = 0.0;
                    foreach (var v in doubles.Values)
                    {
                        sum += v;
                    }

                    return (0, sum);
                }

            case BinaryArray strings:
                {
                    var offsets = strings.ValueOffsets;
                    return (offsets[^1] - offsets[0], 0);
                }

            case ListArray lists:
                {
                    var offsets = lists.ValueOffsets;
                    _ = lists.Values;
                    return (offsets[^1] - offsets[0], 0);
                }

            default:
                throw new NotSupportedException($"checksum of {array.Type}");
        }
    }
}
