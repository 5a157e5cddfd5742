using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// UNION ALL streams both inputs. UNION, INTERSECT and EXCEPT [ALL] count rows per distinct key on each
/// side (normalized keys, nulls equal) and emit each distinct row the number of times the operator says:
/// UNION 1, INTERSECT [ALL] min(l, r) or 1, EXCEPT [ALL] l - r or (l &gt; 0 and r = 0).
/// </summary>
public sealed class SetOperationOperator(LogicalSetOperation setOperation, PhysicalOperator left, PhysicalOperator right) : PhysicalOperator(setOperation, left, right)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        if (setOperation.Operator == SetOperator.Union && setOperation.All)
        {
            await foreach (var c in left.ExecuteAsync(context).ConfigureAwait(false))
            {
                yield return c;
            }

            await foreach (var c in right.ExecuteAsync(context).ConfigureAwait(false))
            {
                yield return c;
            }

            yield break;
        }

        var types = setOperation.Columns.Select(c => c.Type).ToArray();
        var table = new KeyHashTable();
        var leftCounts = new List<long>();
        var rightCounts = new List<long>();
        var parts = new List<ArrowArray>[types.Length];
        for (var c = 0; c < parts.Length; c++)
        {
            parts[c] = [];
        }

        async Task Consume(PhysicalOperator input, bool isLeft)
        {
            await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
            {
                var keys = SortKeyEncoder.EncodeForEquality(chunk.Columns, types, chunk.Length);
                var newRows = new List<int>();
                for (var r = 0; r < chunk.Length; r++)
                {
                    var id = table.GetOrAdd(keys.Key(r), out var added);
                    if (added)
                    {
                        newRows.Add(r);
                        leftCounts.Add(0);
                        rightCounts.Add(0);
                    }

                    if (isLeft)
                    {
                        leftCounts[id]++;
                    }
                    else
                    {
                        rightCounts[id]++;
                    }
                }

                if (newRows.Count > 0)
                {
                    var rows = newRows.ToArray();
                    for (var c = 0; c < parts.Length; c++)
                    {
                        parts[c].Add(Vectors.ArrayGather.Gather(chunk.Columns[c], rows));
                    }
                }

                context.Memory.Add(0, "set operation");
            }
        }

        await Consume(left, true).ConfigureAwait(false);
        await Consume(right, false).ConfigureAwait(false);
        var distinctRows = new DataChunk(parts.Select((p, c) => Vectors.ArrayGather.Concat(p, types[c].ArrowType)).ToArray(), table.Count);
        var output = new List<int>();
        for (var id = 0; id < table.Count; id++)
        {
            var l = leftCounts[id];
            var r = rightCounts[id];
            var times = (setOperation.Operator, setOperation.All) switch
            {
                (SetOperator.Union, _) => 1,
                (SetOperator.Intersect, true) => Math.Min(l, r),
                (SetOperator.Intersect, false) => l > 0 && r > 0 ? 1 : 0,
                (SetOperator.Except, true) => Math.Max(0, l - r),
                _ => l > 0 && r == 0 ? 1 : 0,
            };
            for (var t = 0; t < times; t++)
            {
                output.Add(id);
            }

            if (output.Count >= context.BatchSize)
            {
                yield return distinctRows.Gather(output.ToArray());
                output.Clear();
            }
        }

        if (output.Count > 0)
        {
            yield return distinctRows.Gather(output.ToArray());
        }
    }
}
