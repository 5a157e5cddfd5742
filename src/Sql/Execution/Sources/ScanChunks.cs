using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// Turns a batch read by a scan into engine chunks: slices of at most the query's batch size, columns normalized to
/// their SQL storage types, the pushed filter applied exactly (chunks with no surviving row are dropped).
/// </summary>
internal static class ScanChunks
{
    public static IEnumerable<DataChunk> Split(RecordBatch batch, SqlType[] types, BoundExpression? filter, QueryContext context)
    {
        for (var start = 0; start < batch.Length; start += context.BatchSize)
        {
            var length = Math.Min(context.BatchSize, batch.Length - start);
            var columns = new ArrowArray[types.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                var array = batch.Column(c);
                if (start != 0 || length != batch.Length)
                {
                    array = array.Slice(start, length);
                }

                columns[c] = StorageNormalizer.Normalize(array, types[c]);
            }

            if (ScanFilter.Apply(new DataChunk(columns, length), filter, context) is { } chunk)
            {
                yield return chunk;
            }
        }
    }
}
