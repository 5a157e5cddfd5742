using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Joins by building the right input (materialized, keys in a <see cref="KeyHashTable"/> with row chains)
/// and streaming the left input through it. Without equi-keys it pairs every left row with every right row
/// in blocks (nested loop). Candidate pairs are checked against the residual condition; outer, semi, anti
/// and mark joins then decide per left row (and, for right/full, per right row at the end).
/// </summary>
public sealed class HashJoinOperator(LogicalJoin join, PhysicalOperator left, PhysicalOperator right) : PhysicalOperator(join, left, right)
{
    /// <summary>
    /// Whether the join can run inside a parallel pipeline (probe side split among workers, one shared build): every
    /// output row depends on one probe row, so RIGHT and FULL joins (which also emit unmatched build rows) cannot.
    /// </summary>
    public bool CanProbeInParallel => join.Type is LogicalJoinType.Inner or LogicalJoinType.Left or LogicalJoinType.Cross or LogicalJoinType.Semi or LogicalJoinType.Anti or LogicalJoinType.Mark;

    public PhysicalOperator ProbeInput => left;

    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        var shared = context.SharedBuilds is { } builds && CanProbeInParallel;
        var build = shared
            ? await context.SharedBuilds!.GetAsync(this, BuildAsync).ConfigureAwait(false)
            : await BuildAsync(context).ConfigureAwait(false);
        try
        {
            var buildChunk = build.Rows;
            var rightMatched = join.Type is LogicalJoinType.Right or LogicalJoinType.Full ? new bool[build.RowCount] : null;
            await foreach (var chunk in left.ExecuteAsync(context).ConfigureAwait(false))
            {
                foreach (var output in Probe(chunk, buildChunk, build.Table, build.First, build.Next, build.BuildHasNullKey, rightMatched, context))
                {
                    yield return output;
                }
            }

            if (rightMatched is not null)
            {
                var unmatched = new List<int>();
                for (var r = 0; r < rightMatched.Length; r++)
                {
                    if (!rightMatched[r])
                    {
                        unmatched.Add(r);
                    }
                }

                for (var start = 0; start < unmatched.Count; start += context.BatchSize)
                {
                    var rows = unmatched.GetRange(start, Math.Min(context.BatchSize, unmatched.Count - start)).ToArray();
                    var nulls = new int[rows.Length];
                    Array.Fill(nulls, -1);
                    yield return Combine(NullLeft(rows.Length), nulls, buildChunk, rows);
                }
            }
        }
        finally
        {
            if (!shared)
            {
                build.Release(context);
            }
        }
    }

    /// <summary>Collects the build (right) input and indexes its keys.</summary>
    private async Task<JoinBuild> BuildAsync(QueryContext context)
    {
        var build = await MaterializedTable.CollectAsync(right, join.Right.Columns, context, "hash join build").ConfigureAwait(false);
        long tableBytes = 0;
        try
        {
            var buildChunk = build.AsChunk();
            var hasKeys = join.LeftKeys.Count > 0;
            var table = new JoinKeyTable();
            int[] first = [];
            int[] next = [];
            var buildHasNullKey = false;
            if (hasKeys && build.RowCount > 0 && LongKeys)
            {
                var keyColumn = ExpressionEvaluator.Evaluate(join.RightKeys[0], buildChunk, context.Functions).ToArray();
                var values = IntegerKeys.Widen(keyColumn);
                var hasNulls = keyColumn.NullCount > 0;
                table.Longs = new LongKeyTable(build.RowCount);
                first = new int[build.RowCount];
                next = new int[build.RowCount];
                for (var r = build.RowCount - 1; r >= 0; r--)
                {
                    if (hasNulls && keyColumn.IsNull(r))
                    {
                        buildHasNullKey = true;
                        next[r] = -1;
                        continue;
                    }

                    var id = table.Longs.GetOrAdd(values[r], table.Longs.Count, out var added);
                    next[r] = added ? -1 : first[id];
                    first[id] = r;
                }

                tableBytes = table.Longs.MemoryBytes + (build.RowCount * 8L);
                context.Memory.Add(tableBytes, "hash join table");
            }
            else if (hasKeys && build.RowCount > 0 && StringKey)
            {
                // One string key: its bytes are the key as they are (null rows never match, so no null marker is needed).
                var keyColumn = (BinaryArray)ExpressionEvaluator.Evaluate(join.RightKeys[0], buildChunk, context.Functions).ToArray();
                var hasNulls = keyColumn.NullCount > 0;
                table.Bytes = new KeyHashTable(build.RowCount);
                table.RawStrings = true;
                first = new int[build.RowCount];
                next = new int[build.RowCount];
                for (var r = build.RowCount - 1; r >= 0; r--)
                {
                    if (hasNulls && keyColumn.IsNull(r))
                    {
                        buildHasNullKey = true;
                        next[r] = -1;
                        continue;
                    }

                    var id = table.Bytes.GetOrAdd(keyColumn.GetBytes(r), out var added);
                    next[r] = added ? -1 : first[id];
                    first[id] = r;
                }

                tableBytes = table.Bytes.MemoryBytes + (build.RowCount * 8L);
                context.Memory.Add(tableBytes, "hash join table");
            }
            else if (hasKeys && build.RowCount > 0)
            {
                var keyCols = join.RightKeys.Select(k => ExpressionEvaluator.Evaluate(k, buildChunk, context.Functions).ToArray()).ToArray();
                var keys = SortKeyEncoder.EncodeForEquality(keyCols, join.RightKeys.Select(k => k.Type).ToArray(), build.RowCount);
                table.Bytes = new KeyHashTable(build.RowCount);
                first = new int[build.RowCount];
                next = new int[build.RowCount];
                for (var r = build.RowCount - 1; r >= 0; r--)
                {
                    if (keys.HasNull(r))
                    {
                        buildHasNullKey = true;
                        next[r] = -1;
                        continue;
                    }

                    var id = table.Bytes.GetOrAdd(keys.Key(r), out var added);
                    next[r] = added ? -1 : first[id];
                    first[id] = r;
                }

                tableBytes = table.Bytes.MemoryBytes + (build.RowCount * 8L);
                context.Memory.Add(tableBytes, "hash join table");
            }

            return new JoinBuild(buildChunk, build.RowCount, table, first, next, buildHasNullKey, build.Bytes, tableBytes);
        }
        catch
        {
            context.Memory.Add(-build.Bytes - tableBytes, "hash join build");
            throw;
        }
    }

    /// <summary>One integer-like key on both sides: the build side is hashed as 64-bit values, not encoded bytes.</summary>
    private bool LongKeys => join.LeftKeys.Count == 1 && IntegerKeys.IsIntegerLike(join.LeftKeys[0].Type) && IntegerKeys.IsIntegerLike(join.RightKeys[0].Type);

    /// <summary>One string key of the same kind on both sides: hashed on the raw bytes, not encoded keys.</summary>
    private bool StringKey => join.LeftKeys.Count == 1 && join.LeftKeys[0].Type.Kind is SqlTypeKind.Varchar or SqlTypeKind.Varbinary
        && join.RightKeys[0].Type.Kind == join.LeftKeys[0].Type.Kind;

    private DataChunk NullLeft(int rows)
    {
        var cols = join.Left.Columns.Select(c => ArrayFactory.Nulls(c.Type.ArrowType, 1)).ToArray();
        return new DataChunk(cols, 1);
    }

    private IEnumerable<DataChunk> Probe(DataChunk chunk, DataChunk buildChunk, JoinKeyTable table, int[] first, int[] next, bool buildHasNullKey, bool[]? rightMatched, QueryContext context)
    {
        var n = chunk.Length;
        var leftMatched = new bool[n];
        var leftNullKey = new bool[n];
        var emitPairs = join.Type is LogicalJoinType.Inner or LogicalJoinType.Left or LogicalJoinType.Right or LogicalJoinType.Full or LogicalJoinType.Cross;
        var li = new List<int>();
        var ri = new List<int>();

        IEnumerable<DataChunk> Flush()
        {
            if (li.Count == 0)
            {
                yield break;
            }

            var lrows = li.ToArray();
            var rrows = ri.ToArray();
            li.Clear();
            ri.Clear();
            var keep = lrows.Length;
            int[]? sel = null;
            if (join.Condition is not null)
            {
                var pairChunk = Combine(chunk, lrows, buildChunk, rrows);
                sel = ExpressionEvaluator.Select(join.Condition, pairChunk, context.Functions, out keep);
                if (keep == lrows.Length)
                {
                    sel = null;
                }
            }

            var outL = sel is null ? lrows : new int[keep];
            var outR = sel is null ? rrows : new int[keep];
            if (sel is not null)
            {
                for (var k = 0; k < keep; k++)
                {
                    outL[k] = lrows[sel[k]];
                    outR[k] = rrows[sel[k]];
                }
            }

            for (var k = 0; k < keep; k++)
            {
                leftMatched[outL[k]] = true;
                if (rightMatched is not null)
                {
                    rightMatched[outR[k]] = true;
                }
            }

            if (emitPairs && keep > 0)
            {
                yield return Combine(chunk, outL, buildChunk, outR);
            }
        }

        if (table.Longs is not null || table.Bytes is not null)
        {
            var keyCols = join.LeftKeys.Select(k => ExpressionEvaluator.Evaluate(k, chunk, context.Functions).ToArray()).ToArray();
            var keys = table.Longs is null && !table.RawStrings ? SortKeyEncoder.EncodeForEquality(keyCols, join.LeftKeys.Select(k => k.Type).ToArray(), n) : null;
            var longs = table.Longs is null ? null : IntegerKeys.Widen(keyCols[0]);
            var strings = table.RawStrings ? (BinaryArray)keyCols[0] : null;
            var singleNulls = keys is null && keyCols[0].NullCount > 0;
            for (var r = 0; r < n; r++)
            {
                if (keys is null ? singleNulls && keyCols[0].IsNull(r) : keys.HasNull(r))
                {
                    leftNullKey[r] = true;
                    continue;
                }

                var id = longs is not null ? table.Longs!.Find(longs[r]) : strings is not null ? table.Bytes!.Find(strings.GetBytes(r)) : table.Bytes!.Find(keys!.Key(r));
                if (id < 0)
                {
                    continue;
                }

                for (var b = first[id]; b >= 0; b = next[b])
                {
                    li.Add(r);
                    ri.Add(b);
                }

                if (li.Count >= context.BatchSize)
                {
                    foreach (var o in Flush())
                    {
                        yield return o;
                    }
                }
            }
        }
        else if (join.LeftKeys.Count == 0 && buildChunk.Length > 0)
        {
            var block = Math.Max(1, context.BatchSize / Math.Max(1, n));
            for (var start = 0; start < buildChunk.Length; start += block)
            {
                var end = Math.Min(buildChunk.Length, start + block);
                for (var b = start; b < end; b++)
                {
                    for (var r = 0; r < n; r++)
                    {
                        li.Add(r);
                        ri.Add(b);
                    }
                }

                foreach (var o in Flush())
                {
                    yield return o;
                }
            }
        }
        else if (join.LeftKeys.Count > 0)
        {
            // Empty build side: still note null probe keys for IN semantics.
            var keyCols = join.LeftKeys.Select(k => ExpressionEvaluator.Evaluate(k, chunk, context.Functions).ToArray()).ToArray();
            for (var r = 0; r < n; r++)
            {
                foreach (var k in keyCols)
                {
                    leftNullKey[r] |= k.IsNull(r);
                }
            }
        }

        foreach (var o in Flush())
        {
            yield return o;
        }

        switch (join.Type)
        {
            case LogicalJoinType.Left or LogicalJoinType.Full:
                {
                    var rows = Enumerable.Range(0, n).Where(r => !leftMatched[r]).ToArray();
                    if (rows.Length > 0)
                    {
                        var nulls = new int[rows.Length];
                        Array.Fill(nulls, -1);
                        yield return Combine(chunk, rows, buildChunk, nulls);
                    }

                    break;
                }

            case LogicalJoinType.Semi or LogicalJoinType.Anti:
                {
                    var wantMatch = join.Type == LogicalJoinType.Semi;
                    var rows = new List<int>();
                    for (var r = 0; r < n; r++)
                    {
                        var matched = leftMatched[r];
                        if (join.Type == LogicalJoinType.Anti && join.NullAware && !matched && buildChunk.Length > 0 && (leftNullKey[r] || buildHasNullKey))
                        {
                            continue; // NOT IN with a null involved is unknown: the row is dropped
                        }

                        if (matched == wantMatch)
                        {
                            rows.Add(r);
                        }
                    }

                    if (rows.Count == n)
                    {
                        yield return chunk;
                    }
                    else if (rows.Count > 0)
                    {
                        yield return chunk.Gather(rows.ToArray());
                    }

                    break;
                }

            case LogicalJoinType.Mark:
                {
                    var mark = new BoolVectorBuilder(n);
                    for (var r = 0; r < n; r++)
                    {
                        if (leftMatched[r])
                        {
                            mark.Set(r, true);
                        }
                        else if (join.NullAware && buildChunk.Length > 0 && (leftNullKey[r] || buildHasNullKey))
                        {
                            mark.SetNull(r);
                        }
                    }

                    yield return new DataChunk([.. chunk.Columns, mark.BuildArray()], n);
                    break;
                }
        }
    }

    private static DataChunk Combine(DataChunk leftChunk, int[] leftRows, DataChunk rightChunk, int[] rightRows)
    {
        var cols = new ArrowArray[leftChunk.ColumnCount + rightChunk.ColumnCount];
        for (var c = 0; c < leftChunk.ColumnCount; c++)
        {
            cols[c] = ArrayGather.Gather(leftChunk.Columns[c], leftRows);
        }

        for (var c = 0; c < rightChunk.ColumnCount; c++)
        {
            cols[leftChunk.ColumnCount + c] = ArrayGather.Gather(rightChunk.Columns[c], rightRows);
        }

        return new DataChunk(cols, leftRows.Length);
    }
}
