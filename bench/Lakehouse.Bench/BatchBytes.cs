using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Bench;

/// <summary>Bytes held by the buffers of a batch (children and dictionaries included).</summary>
public static class BatchBytes
{
    public static long Of(RecordBatch batch)
    {
        var total = 0L;
        foreach (var column in batch.Columns)
        {
            total += Of(column.Data);
        }

        return total;
    }

    public static long Of(ArrayData data)
    {
        var total = 0L;
        foreach (var buffer in data.Buffers)
        {
            total += buffer.Length;
        }

        foreach (var child in data.Children)
        {
            total += Of(child);
        }

        return total + (data.Dictionary is null ? 0 : Of(data.Dictionary));
    }
}
