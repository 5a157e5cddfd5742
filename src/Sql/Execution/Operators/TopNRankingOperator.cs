using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Passes on only the rows that can still rank within the limit of their partition (see
/// <see cref="LogicalTopNRanking"/>): partition keys map to dense ids through a <see cref="KeyHashTable"/>,
/// order keys are normalized bytes checked against each partition's <see cref="RankingBound"/>. Rows admitted
/// early may be overtaken later; the kept rows are re-checked against the final bounds whenever they pile up
/// and once at the end, so what reaches the window is about N rows per partition.
/// </summary>
public sealed class TopNRankingOperator(LogicalTopNRanking topN, PhysicalOperator input) : PhysicalOperator(topN, input)
{
    private const int MinimumCompactionRows = 65_536;

    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        if (topN.Limit <= 0)
        {
            yield break;
        }

        var partitions = new KeyHashTable();
        var bounds = new List<RankingBound>();
        var survivors = new List<DataChunk>();
        long survivorRows = 0;
        long compactAt = MinimumCompactionRows;
        var distinct = topN.Function == "dense_rank";
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            var (partitionIds, orderKeys) = Encode(chunk, partitions, context);
            var keep = new int[chunk.Length];
            var kept = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                var p = partitionIds[r];
                while (bounds.Count <= p)
                {
                    bounds.Add(new RankingBound(topN.Limit, distinct));
                }

                if (bounds[p].Offer(orderKeys.Key(r)))
                {
                    keep[kept++] = r;
                }
            }

            if (kept > 0)
            {
                survivors.Add(kept == chunk.Length ? chunk : chunk.Gather(keep.AsSpan(0, kept)));
                survivorRows += kept;
            }

            if (survivorRows > compactAt)
            {
                survivorRows = Compact(survivors, partitions, bounds, context);
                compactAt = Math.Max(MinimumCompactionRows, survivorRows * 2);
            }
        }

        Compact(survivors, partitions, bounds, context);
        foreach (var chunk in survivors)
        {
            for (var start = 0; start < chunk.Length; start += context.BatchSize)
            {
                yield return chunk.Slice(start, Math.Min(context.BatchSize, chunk.Length - start));
            }
        }
    }

    /// <summary>Drops the kept rows that the bounds have since overtaken; returns the rows left.</summary>
    private long Compact(List<DataChunk> survivors, KeyHashTable partitions, List<RankingBound> bounds, QueryContext context)
    {
        long total = 0;
        for (var i = 0; i < survivors.Count; i++)
        {
            var chunk = survivors[i];
            var (partitionIds, orderKeys) = Encode(chunk, partitions, context);
            var keep = new int[chunk.Length];
            var kept = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                if (bounds[partitionIds[r]].Admits(orderKeys.Key(r)))
                {
                    keep[kept++] = r;
                }
            }

            survivors[i] = kept == chunk.Length ? chunk : chunk.Gather(keep.AsSpan(0, kept));
            total += kept;
        }

        survivors.RemoveAll(c => c.Length == 0);
        return total;
    }

    private (int[] PartitionIds, EncodedKeys OrderKeys) Encode(DataChunk chunk, KeyHashTable partitions, QueryContext context)
    {
        var n = chunk.Length;
        var ids = new int[n];
        if (topN.PartitionBy.Count > 0)
        {
            var columns = new ArrowArray[topN.PartitionBy.Count];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = ExpressionEvaluator.Evaluate(topN.PartitionBy[i], chunk, context.Functions).ToArray();
            }

            var keys = SortKeyEncoder.EncodeForEquality(columns, topN.PartitionBy.Select(p => p.Type).ToArray(), n);
            for (var r = 0; r < n; r++)
            {
                ids[r] = partitions.GetOrAdd(keys.Key(r), out _);
            }
        }

        var orderColumns = new ArrowArray[topN.OrderBy.Count];
        for (var i = 0; i < orderColumns.Length; i++)
        {
            orderColumns[i] = ExpressionEvaluator.Evaluate(topN.OrderBy[i].Expression, chunk, context.Functions).ToArray();
        }

        var orderKeys = SortKeyEncoder.Encode(
            orderColumns,
            topN.OrderBy.Select(k => k.Expression.Type).ToArray(),
            topN.OrderBy.Select(k => k.Descending).ToArray(),
            topN.OrderBy.Select(k => k.NullsFirst).ToArray(),
            n);
        return (ids, orderKeys);
    }
}
