using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// UNNEST: per input row, as many output rows as its longest array (shorter arrays padded with nulls);
/// element values are gathered from the list children, input columns are repeated by index.
/// </summary>
public sealed class UnnestOperator(LogicalUnnest unnest, PhysicalOperator input) : PhysicalOperator(unnest, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            var n = chunk.Length;
            var lists = new ListArray?[unnest.Arrays.Count];
            for (var a = 0; a < lists.Length; a++)
            {
                lists[a] = ExpressionEvaluator.Evaluate(unnest.Arrays[a], chunk, context.Functions).ToArray() as ListArray;
            }

            var total = CountOutputRows(lists, n, unnest.KeepEmpty);
            if (total == 0)
            {
                continue;
            }

            var rows = new int[total];
            var elementRows = new int[lists.Length][];
            for (var a = 0; a < lists.Length; a++)
            {
                elementRows[a] = new int[total];
            }

            var ordinals = unnest.WithOrdinality ? new long[total] : null;
            var o = 0;
            for (var r = 0; r < n; r++)
            {
                var max = RowLength(lists, r);
                if (max == 0 && unnest.KeepEmpty)
                {
                    rows[o] = r;
                    for (var a = 0; a < lists.Length; a++)
                    {
                        elementRows[a][o] = -1;
                    }

                    o++;
                    continue;
                }

                for (var a = 0; a < lists.Length; a++)
                {
                    var l = lists[a];
                    var length = l is not null && l.IsValid(r) ? l.ValueLength(r) : 0;
                    var first = length > 0 ? l!.ValueOffsets[r] : 0;
                    var target = elementRows[a].AsSpan(o, max);
                    for (var k = 0; k < max; k++)
                    {
                        target[k] = k < length ? first + k : -1;
                    }
                }

                rows.AsSpan(o, max).Fill(r);
                if (ordinals is not null)
                {
                    for (var k = 0; k < max; k++)
                    {
                        ordinals[o + k] = k + 1;
                    }
                }

                o += max;
            }

            var cols = new List<ArrowArray>();
            if (unnest.Passthrough is { } passthrough)
            {
                foreach (var c in passthrough)
                {
                    cols.Add(ArrayGather.Gather(chunk.Columns[c], rows));
                }
            }
            else
            {
                foreach (var c in chunk.Columns)
                {
                    cols.Add(ArrayGather.Gather(c, rows));
                }
            }

            for (var a = 0; a < lists.Length; a++)
            {
                var type = unnest.Arrays[a].Type;
                var idx = elementRows[a];
                if (lists[a] is not { } list)
                {
                    foreach (var t in ColumnsOf(type))
                    {
                        cols.Add(ArrayFactory.Nulls(t.ArrowType, idx.Length));
                    }

                    continue;
                }

                var values = IsContiguous(idx) ? list.Values.Slice(idx[0], idx.Length) : ArrayGather.Gather(list.Values, idx);
                if (type.Kind == SqlTypeKind.Map)
                {
                    var entries = (StructArray)values;
                    cols.Add(entries.Field(0));
                    cols.Add(entries.Field(1));
                }
                else if (type.ElementType!.Kind == SqlTypeKind.Row)
                {
                    var st = (StructArray)values;
                    var fieldRows = new int[idx.Length];
                    for (var i = 0; i < fieldRows.Length; i++)
                    {
                        fieldRows[i] = st.IsNull(i) ? -1 : i;
                    }

                    for (var f = 0; f < type.ElementType.Fields.Count; f++)
                    {
                        cols.Add(ArrayGather.Gather(st.Field(f), fieldRows));
                    }
                }
                else
                {
                    cols.Add(values);
                }
            }

            if (ordinals is not null)
            {
                cols.Add(ArrayFactory.FromSpan<long>(SqlType.BigInt, ordinals, null, 0));
            }

            var all = new DataChunk(cols.ToArray(), total);
            for (var start = 0; start < all.Length; start += context.BatchSize)
            {
                yield return all.Slice(start, Math.Min(context.BatchSize, all.Length - start));
            }
        }
    }

    private static int RowLength(ListArray?[] lists, int row)
    {
        var max = 0;
        foreach (var l in lists)
        {
            if (l is not null && l.IsValid(row))
            {
                max = Math.Max(max, l.ValueLength(row));
            }
        }

        return max;
    }

    private static int CountOutputRows(ListArray?[] lists, int n, bool keepEmpty)
    {
        var total = 0L;
        for (var r = 0; r < n; r++)
        {
            var max = RowLength(lists, r);
            total += max == 0 && keepEmpty ? 1 : max;
        }

        return total <= Array.MaxLength ? (int)total : throw new SqlException(SqlErrorKind.Execution, $"UNNEST of one batch would produce {total} rows, more than one batch can hold");
    }

    /// <summary>True when the element indexes are one ascending run with no gaps or nulls, so the values slice instead of copying.</summary>
    private static bool IsContiguous(int[] idx)
    {
        if (idx.Length == 0 || idx[0] < 0)
        {
            return false;
        }

        for (var i = 1; i < idx.Length; i++)
        {
            if (idx[i] != idx[0] + i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The output column types one unnested expression contributes.</summary>
    public static IReadOnlyList<SqlType> ColumnsOf(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Map => [type.ElementType!, type.ValueType!],
        SqlTypeKind.Array when type.ElementType!.Kind == SqlTypeKind.Row => type.ElementType.Fields.Select(f => f.Type).ToArray(),
        SqlTypeKind.Array => [type.ElementType!],
        _ => throw new SqlException(SqlErrorKind.Binder, $"Cannot unnest type: {type}"),
    };
}
