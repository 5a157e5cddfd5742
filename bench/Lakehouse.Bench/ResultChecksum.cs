using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Bench;

/// <summary>
/// Row count and one double per result column, the same figures bench/duckdb/sql.mjs asks DuckDB for: numbers
/// summed as doubles, timestamps as epoch microseconds, dates as days, strings as byte lengths; nulls skipped.
/// </summary>
public sealed class ResultChecksum
{
    public long Rows { get; private set; }

    public List<double> Sums { get; } = [];

    public void Add(RecordBatch batch)
    {
        Rows += batch.Length;
        while (Sums.Count < batch.ColumnCount)
        {
            Sums.Add(0);
        }

        for (var c = 0; c < batch.ColumnCount; c++)
        {
            Sums[c] += Of(batch.Column(c));
        }
    }

    private static double Of(ArrowArray array)
    {
        var sum = 0.0;
        switch (array)
        {
            case PrimitiveArray<long> longs:
                for (var i = 0; i < longs.Length; i++)
                {
                    sum += longs.IsValid(i) ? longs.Values[i] : 0;
                }

                return sum;
            case PrimitiveArray<int> ints:
                for (var i = 0; i < ints.Length; i++)
                {
                    sum += ints.IsValid(i) ? ints.Values[i] : 0;
                }

                return sum;
            case PrimitiveArray<double> doubles:
                for (var i = 0; i < doubles.Length; i++)
                {
                    sum += doubles.IsValid(i) ? doubles.Values[i] : 0;
                }

                return sum;
            case BinaryArray strings:
                {
                    var offsets = strings.ValueOffsets;
                    return offsets[^1] - offsets[0];
                }

            case DictionaryArray dictionary:
                {
                    var values = (BinaryArray)dictionary.Dictionary;
                    for (var i = 0; i < dictionary.Length; i++)
                    {
                        if (dictionary.IsValid(i))
                        {
                            var k = (int)dictionary.GetIndex(i);
                            sum += values.ValueOffsets[k + 1] - values.ValueOffsets[k];
                        }
                    }

                    return sum;
                }

            default:
                throw new NotSupportedException($"checksum of {array.Type}");
        }
    }
}
