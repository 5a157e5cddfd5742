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

            var inputRows = new List<int>();
            var elementRows = new List<int>[lists.Length];
            for (var a = 0; a < lists.Length; a++)
            {
                elementRows[a] = [];
            }

            var ordinals = new List<long>();
            for (var r = 0; r < n; r++)
            {
                var max = 0;
                foreach (var l in lists)
                {
                    if (l is not null && l.IsValid(r))
                    {
                        max = Math.Max(max, l.ValueLength(r));
                    }
                }

                if (max == 0 && unnest.KeepEmpty)
                {
                    inputRows.Add(r);
                    for (var a = 0; a < lists.Length; a++)
                    {
                        elementRows[a].Add(-1);
                    }

                    ordinals.Add(0);
                    continue;
                }

                for (var k = 0; k < max; k++)
                {
                    inputRows.Add(r);
                    for (var a = 0; a < lists.Length; a++)
                    {
                        var l = lists[a];
                        elementRows[a].Add(l is not null && l.IsValid(r) && k < l.ValueLength(r) ? l.ValueOffsets[r] + k : -1);
                    }

                    ordinals.Add(k + 1);
                }
            }

            if (inputRows.Count == 0)
            {
                continue;
            }

            var cols = new List<ArrowArray>();
            var rows = inputRows.ToArray();
            foreach (var c in chunk.Columns)
            {
                cols.Add(ArrayGather.Gather(c, rows));
            }

            for (var a = 0; a < lists.Length; a++)
            {
                var type = unnest.Arrays[a].Type;
                var idx = elementRows[a].ToArray();
                if (lists[a] is not { } list)
                {
                    foreach (var _ in ColumnsOf(type))
                    {
                        cols.Add(ArrayFactory.Nulls(_.ArrowType, idx.Length));
                    }

                    continue;
                }

                var values = ArrayGather.Gather(list.Values, idx);
                if (type.Kind == SqlTypeKind.Map)
                {
                    var entries = (StructArray)values;
                    cols.Add(entries.Field(0));
                    cols.Add(entries.Field(1));
                }
                else if (type.ElementType!.Kind == SqlTypeKind.Row)
                {
                    var st = (StructArray)values;
                    for (var f = 0; f < type.ElementType.Fields.Count; f++)
                    {
                        cols.Add(ArrayGather.Gather(st.Field(f), Enumerable.Range(0, idx.Length).Select(i => st.IsNull(i) ? -1 : i).ToArray()));
                    }
                }
                else
                {
                    cols.Add(values);
                }
            }

            if (unnest.WithOrdinality)
            {
                cols.Add(ArrayFactory.FromSpan<long>(SqlType.BigInt, ordinals.ToArray(), null, 0));
            }

            var all = new DataChunk(cols.ToArray(), rows.Length);
            for (var start = 0; start < all.Length; start += context.BatchSize)
            {
                yield return all.Slice(start, Math.Min(context.BatchSize, all.Length - start));
            }
        }
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
