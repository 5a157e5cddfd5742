using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Hash aggregation: group keys are encoded per chunk into normalized bytes and mapped to dense group ids
/// by a <see cref="KeyHashTable"/>; aggregate states update from (group ids, argument vectors). New groups'
/// key values are gathered from the chunk that created them. Grouping sets add the set number to the key and
/// null out the columns outside the set. DISTINCT aggregates pass only first-seen (group, arguments) rows.
/// </summary>
public sealed class HashAggregateOperator(LogicalAggregate aggregate, PhysicalOperator input) : PhysicalOperator(aggregate, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        var groupCount = aggregate.Groups.Count;
        var groupTypes = aggregate.Groups.Select(g => g.Type).ToArray();
        IReadOnlyList<IReadOnlyList<int>> sets = aggregate.GroupingSets ?? [Enumerable.Range(0, groupCount).ToArray()];
        var multipleSets = sets.Count > 1 || aggregate.GroupingSets is not null;
        var table = new KeyHashTable();
        var states = aggregate.Aggregates.Select(a => a.Function.CreateState()).ToArray();
        var distinct = aggregate.Aggregates.Select(a => a.Distinct ? new KeyHashTable() : null).ToArray();
        var distinctValues = aggregate.Aggregates.Select(a => a.Distinct && a.Arguments.Count == 1 && IntegerKeys.IsIntegerLike(a.Arguments[0].Type) ? new GroupValueSet() : null).ToArray();
        var keyParts = new List<ArrowArray>[groupCount];
        for (var i = 0; i < groupCount; i++)
        {
            keyParts[i] = [];
        }

        var setOfGroup = new List<int>();
        long accounted = 0;
        LongKeyTable? longTable = null;
        KeyHashTable? stringTable = null;
        var stringGroups = Array.Empty<int>();
        var nullGroup = -1;
        var nextGroup = 0;
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            var n = chunk.Length;
            var groupValues = new ArrowArray[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                groupValues[g] = ExpressionEvaluator.Evaluate(aggregate.Groups[g], chunk, context.Functions).ToArray();
            }

            for (var s = 0; s < sets.Count; s++)
            {
                var set = sets[s];
                var keyCols = new List<ArrowArray>();
                var keyTypes = new List<SqlType>();
                if (multipleSets)
                {
                    keyCols.Add(ArrayGather.Repeat(ArrayFactory.Single(SqlType.Integer, s), n));
                    keyTypes.Add(SqlType.Integer);
                }

                foreach (var g in set)
                {
                    keyCols.Add(groupValues[g]);
                    keyTypes.Add(groupTypes[g]);
                }

                var groupIds = new int[n];
                var newRows = new List<int>();
                if (!multipleSets && keyCols.Count == 1 && IntegerKeys.IsIntegerLike(keyTypes[0]))
                {
                    // Fast path: one integer-like key column, hashed as a long (null is its own group).
                    longTable ??= new LongKeyTable();
                    AssignLongGroups(keyCols[0], keyTypes[0], n, groupIds, newRows, longTable, ref nullGroup, ref nextGroup);
                }
                else if (!multipleSets && keyCols.Count == 1 && keyTypes[0].Kind is SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json)
                {
                    // Fast path: one string key, hashed on its raw bytes (null is its own group).
                    stringTable ??= new KeyHashTable();
                    AssignStringGroups((BinaryArray)keyCols[0], groupIds, newRows, stringTable, ref stringGroups, ref nullGroup, ref nextGroup);
                }
                else if (keyCols.Count == 0)
                {
                    if (table.Count == 0)
                    {
                        table.GetOrAdd([], out _);
                        newRows.Add(0);
                    }
                }
                else
                {
                    var keys = SortKeyEncoder.EncodeForEquality(keyCols, keyTypes, n);
                    for (var r = 0; r < n; r++)
                    {
                        groupIds[r] = table.GetOrAdd(keys.Key(r), out var added);
                        if (added)
                        {
                            newRows.Add(r);
                        }
                    }

                    nextGroup = table.Count;
                }

                if (newRows.Count > 0)
                {
                    var rows = newRows.ToArray();
                    var nulls = new int[rows.Length];
                    Array.Fill(nulls, -1);
                    for (var g = 0; g < groupCount; g++)
                    {
                        keyParts[g].Add(ArrayGather.Gather(groupValues[g], set.Contains(g) ? rows : nulls));
                    }

                    for (var i = 0; i < rows.Length; i++)
                    {
                        setOfGroup.Add(s);
                    }
                }

                if (keyCols.Count == 0)
                {
                    nextGroup = table.Count;
                }

                foreach (var state in states)
                {
                    state.EnsureGroups(nextGroup);
                }

                for (var a = 0; a < states.Length; a++)
                {
                    UpdateAggregate(a, chunk, groupIds, n, states[a], distinct[a], distinctValues[a], context);
                }
            }

            var bytes = table.MemoryBytes + (longTable?.MemoryBytes ?? 0) + (stringTable?.MemoryBytes ?? 0) + states.Sum(st => st.MemoryBytes) + distinct.Sum(d => d?.MemoryBytes ?? 0) + distinctValues.Sum(d => d?.MemoryBytes ?? 0);
            context.Memory.Add(bytes - accounted, "hash aggregate");
            accounted = bytes;
        }

        if (nextGroup == 0 && sets.Any(s => s.Count == 0))
        {
            // Global aggregation (or the () grouping set) over no rows still yields one row.
            table.GetOrAdd(multipleSets ? [0xFF] : [], out _);
            nextGroup = 1;
            for (var g = 0; g < groupCount; g++)
            {
                keyParts[g].Add(ArrayFactory.Nulls(groupTypes[g].ArrowType, 1));
            }

            setOfGroup.Add(sets.Select((s, i) => (s, i)).First(x => x.s.Count == 0).i);
            foreach (var state in states)
            {
                state.EnsureGroups(1);
            }
        }

        var total = nextGroup;
        var outputs = new ArrowArray[aggregate.Columns.Count];
        for (var g = 0; g < groupCount; g++)
        {
            outputs[g] = ArrayGather.Concat(keyParts[g], groupTypes[g].ArrowType);
        }

        for (var a = 0; a < states.Length; a++)
        {
            outputs[groupCount + a] = states[a].Finish(total);
        }

        if (aggregate.GroupingSets is not null)
        {
            var ids = new long[total];
            for (var i = 0; i < total; i++)
            {
                var set = sets[setOfGroup[i]];
                long mask = 0;
                for (var g = 0; g < groupCount; g++)
                {
                    if (!set.Contains(g))
                    {
                        mask |= 1L << (groupCount - 1 - g);
                    }
                }

                ids[i] = mask;
            }

            outputs[^1] = ArrayFactory.FromSpan<long>(SqlType.BigInt, ids, null, 0);
        }

        context.Memory.Add(-accounted, "hash aggregate");
        var all = new DataChunk(outputs, total);
        for (var start = 0; start < total; start += context.BatchSize)
        {
            yield return all.Slice(start, Math.Min(context.BatchSize, total - start));
        }
    }

    private static void AssignLongGroups(ArrowArray column, SqlType type, int n, int[] groupIds, List<int> newRows, LongKeyTable table, ref int nullGroup, ref int nextGroup)
    {
        var hasNulls = column.NullCount > 0;
        switch (column)
        {
            case PrimitiveArray<long> p:
                Assign(p.Values, column, hasNulls, groupIds, newRows, table, ref nullGroup, ref nextGroup);
                break;
            case PrimitiveArray<int> p:
                Assign(p.Values, column, hasNulls, groupIds, newRows, table, ref nullGroup, ref nextGroup);
                break;
            case PrimitiveArray<short> p:
                Assign(p.Values, column, hasNulls, groupIds, newRows, table, ref nullGroup, ref nextGroup);
                break;
            case PrimitiveArray<sbyte> p:
                Assign(p.Values, column, hasNulls, groupIds, newRows, table, ref nullGroup, ref nextGroup);
                break;
            default:
                throw new InvalidOperationException($"{type} is not integer-like");
        }
    }

    private static void AssignStringGroups(BinaryArray column, int[] groupIds, List<int> newRows, KeyHashTable table, ref int[] groupOf, ref int nullGroup, ref int nextGroup)
    {
        var hasNulls = column.NullCount > 0;
        for (var r = 0; r < column.Length; r++)
        {
            if (hasNulls && column.IsNull(r))
            {
                if (nullGroup < 0)
                {
                    nullGroup = nextGroup++;
                    newRows.Add(r);
                }

                groupIds[r] = nullGroup;
                continue;
            }

            var id = table.GetOrAdd(column.GetBytes(r), out var added);
            if (added)
            {
                if (id == groupOf.Length)
                {
                    Array.Resize(ref groupOf, Math.Max(16, groupOf.Length * 2));
                }

                groupOf[id] = nextGroup++;
                newRows.Add(r);
            }

            groupIds[r] = groupOf[id];
        }
    }

    private static void Assign<T>(ReadOnlySpan<T> values, ArrowArray column, bool hasNulls, int[] groupIds, List<int> newRows, LongKeyTable table, ref int nullGroup, ref int nextGroup)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        for (var r = 0; r < values.Length; r++)
        {
            if (hasNulls && column.IsNull(r))
            {
                if (nullGroup < 0)
                {
                    nullGroup = nextGroup++;
                    newRows.Add(r);
                }

                groupIds[r] = nullGroup;
                continue;
            }

            var id = table.GetOrAdd(long.CreateTruncating(values[r]), nextGroup, out var added);
            if (added)
            {
                nextGroup++;
                newRows.Add(r);
            }

            groupIds[r] = id;
        }
    }

    private void UpdateAggregate(int a, DataChunk chunk, int[] groupIds, int n, GroupedAggregateState state, KeyHashTable? distinctTable, GroupValueSet? distinctValues, QueryContext context)
    {
        var spec = aggregate.Aggregates[a];
        var args = new ColumnVector[spec.Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = ExpressionEvaluator.Evaluate(spec.Arguments[i], chunk, context.Functions);
        }

        int[]? selection = null;
        var count = n;
        if (spec.Filter is not null)
        {
            selection = ExpressionEvaluator.Select(spec.Filter, chunk, context.Functions, out count);
            if (count == n)
            {
                selection = null;
            }
        }

        if (distinctValues is not null && !args[0].IsConstant)
        {
            // One integer-like argument: (group, value) pairs hashed directly. Nulls take the general path below so
            // that one null per group still reaches the state (which decides whether nulls count).
            var column = args[0].ToArray();
            var values = IntegerKeys.Widen(column);
            var hasNulls = column.NullCount > 0;
            var keep = new int[count];
            var kept = 0;
            Span<byte> nullKey = stackalloc byte[4];
            for (var k = 0; k < count; k++)
            {
                var r = selection is null ? k : selection[k];
                if (hasNulls && column.IsNull(r))
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(nullKey, groupIds[r]);
                    if (distinctTable!.GetOrAdd(nullKey, out var firstNull) >= 0 && firstNull)
                    {
                        keep[kept++] = r;
                    }

                    continue;
                }

                if (distinctValues.Add(groupIds[r], values[r]))
                {
                    keep[kept++] = r;
                }
            }

            selection = keep;
            count = kept;
        }
        else if (distinctTable is not null)
        {
            // Keep rows whose (group, arguments) were not seen before.
            var keyCols = new List<ArrowArray> { ArrayFactory.FromSpan<int>(SqlType.Integer, groupIds, null, 0) };
            var keyTypes = new List<SqlType> { SqlType.Integer };
            for (var i = 0; i < args.Length; i++)
            {
                keyCols.Add(args[i].ToArray());
                keyTypes.Add(args[i].Type);
            }

            var keys = SortKeyEncoder.EncodeForEquality(keyCols, keyTypes, n);
            var keep = new int[count];
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                var r = selection is null ? k : selection[k];
                distinctTable.GetOrAdd(keys.Key(r), out var added);
                if (added)
                {
                    keep[kept++] = r;
                }
            }

            selection = keep;
            count = kept;
        }

        if (selection is null)
        {
            state.Update(groupIds, args, n);
            return;
        }

        if (count == 0)
        {
            return;
        }

        var rows = selection.AsSpan(0, count);
        var subIds = new int[count];
        for (var k = 0; k < count; k++)
        {
            subIds[k] = groupIds[rows[k]];
        }

        var subArgs = new ColumnVector[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            subArgs[i] = args[i].IsConstant ? args[i].WithLength(count) : ColumnVector.FromArray(args[i].Type, ArrayGather.Gather(args[i].Array, rows));
        }

        state.Update(subIds, subArgs, count);
    }
}
