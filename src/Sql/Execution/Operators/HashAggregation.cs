using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// The hash table and aggregate states of one hash aggregation (or, in a parallel aggregate, of one worker's part).
/// Group keys are encoded per chunk and mapped to dense group ids (one integer-like key as a 64-bit value, one
/// string key on its raw bytes, others as normalized bytes in a <see cref="KeyHashTable"/>); states update from
/// (group ids, argument vectors); new groups' key values are gathered from the chunk that created them. Grouping
/// sets add the set number to the key and null out the columns outside the set. DISTINCT aggregates pass only
/// first-seen (group, arguments) rows. Partial aggregations merge (<see cref="MergeFrom"/>) by re-inserting the
/// other part's group keys, which yields the group map its states merge through.
/// </summary>
internal sealed class HashAggregation
{
    private readonly LogicalAggregate _aggregate;
    private readonly QueryContext _context;
    private readonly int _groupCount;
    private readonly SqlType[] _groupTypes;
    private readonly IReadOnlyList<IReadOnlyList<int>> _sets;
    private readonly bool _multipleSets;
    private readonly KeyHashTable _table = new();
    private readonly GroupedAggregateState[] _states;
    private readonly KeyHashTable?[] _distinct;
    private readonly GroupValueSet?[] _distinctValues;
    private readonly List<ArrowArray>[] _keyParts;
    private readonly List<int> _setOfGroup = [];
    private long _accounted;
    private LongKeyTable? _longTable;
    private KeyHashTable? _stringTable;
    private int[] _stringGroups = [];
    private int _nullGroup = -1;
    private int _nextGroup;

    public HashAggregation(LogicalAggregate aggregate, QueryContext context)
    {
        _aggregate = aggregate;
        _context = context;
        _groupCount = aggregate.Groups.Count;
        _groupTypes = aggregate.Groups.Select(g => g.Type).ToArray();
        _sets = aggregate.GroupingSets ?? [Enumerable.Range(0, _groupCount).ToArray()];
        _multipleSets = _sets.Count > 1 || aggregate.GroupingSets is not null;
        _states = aggregate.Aggregates.Select(a => a.Function.CreateState()).ToArray();
        _distinct = aggregate.Aggregates.Select(a => a.Distinct ? new KeyHashTable() : null).ToArray();
        _distinctValues = aggregate.Aggregates.Select(a => a.Distinct && a.Arguments.Count == 1 && IntegerKeys.IsIntegerLike(a.Arguments[0].Type) ? new GroupValueSet() : null).ToArray();
        _keyParts = new List<ArrowArray>[_groupCount];
        for (var i = 0; i < _groupCount; i++)
        {
            _keyParts[i] = [];
        }
    }

    /// <summary>
    /// Whether partial aggregations of this aggregate can be merged: no DISTINCT aggregate (a value seen by two workers
    /// would count twice) and no grouping sets.
    /// </summary>
    public static bool IsMergeable(LogicalAggregate aggregate) =>
        aggregate.GroupingSets is null && aggregate.Aggregates.All(a => !a.Distinct);

    public int GroupCount => _nextGroup;

    /// <summary>Adds a chunk of input rows.</summary>
    public void Consume(DataChunk chunk)
    {
        var n = chunk.Length;
        var groupValues = new ArrowArray[_groupCount];
        for (var g = 0; g < _groupCount; g++)
        {
            groupValues[g] = ExpressionEvaluator.Evaluate(_aggregate.Groups[g], chunk, _context.Functions).ToArray();
        }

        for (var s = 0; s < _sets.Count; s++)
        {
            var groupIds = AssignGroups(groupValues, s, n);
            for (var a = 0; a < _states.Length; a++)
            {
                UpdateAggregate(a, chunk, groupIds, n, _states[a], _distinct[a], _distinctValues[a]);
            }
        }

        Account();
    }

    /// <summary>Folds another part of the same aggregate in (see <see cref="IsMergeable"/>); the other part is consumed.</summary>
    public void MergeFrom(HashAggregation other)
    {
        var n = other._nextGroup;
        if (n == 0)
        {
            return;
        }

        var keys = new ArrowArray[_groupCount];
        for (var g = 0; g < _groupCount; g++)
        {
            keys[g] = ArrayGather.Concat(other._keyParts[g], _groupTypes[g].ArrowType);
        }

        var groupMap = AssignGroups(keys, 0, n);
        for (var a = 0; a < _states.Length; a++)
        {
            _states[a].Merge(other._states[a], groupMap);
        }

        other.Release();
        Account();
    }

    /// <summary>The result rows: group keys, then aggregate values (then the grouping id with grouping sets).</summary>
    public DataChunk Finish()
    {
        if (_nextGroup == 0 && _sets.Any(s => s.Count == 0))
        {
            // Global aggregation (or the () grouping set) over no rows still yields one row.
            _table.GetOrAdd(_multipleSets ? [0xFF] : [], out _);
            _nextGroup = 1;
            for (var g = 0; g < _groupCount; g++)
            {
                _keyParts[g].Add(ArrayFactory.Nulls(_groupTypes[g].ArrowType, 1));
            }

            _setOfGroup.Add(_sets.Select((s, i) => (s, i)).First(x => x.s.Count == 0).i);
            foreach (var state in _states)
            {
                state.EnsureGroups(1);
            }
        }

        var total = _nextGroup;
        var outputs = new ArrowArray[_aggregate.Columns.Count];
        for (var g = 0; g < _groupCount; g++)
        {
            outputs[g] = ArrayGather.Concat(_keyParts[g], _groupTypes[g].ArrowType);
        }

        for (var a = 0; a < _states.Length; a++)
        {
            outputs[_groupCount + a] = _states[a].Finish(total);
        }

        if (_aggregate.GroupingSets is not null)
        {
            var ids = new long[total];
            for (var i = 0; i < total; i++)
            {
                var set = _sets[_setOfGroup[i]];
                long mask = 0;
                for (var g = 0; g < _groupCount; g++)
                {
                    if (!set.Contains(g))
                    {
                        mask |= 1L << (_groupCount - 1 - g);
                    }
                }

                ids[i] = mask;
            }

            outputs[^1] = ArrayFactory.FromSpan<long>(SqlType.BigInt, ids, null, 0);
        }

        return new DataChunk(outputs, total);
    }

    /// <summary>Gives the accounted memory back to the query.</summary>
    public void Release()
    {
        _context.Memory.Add(-_accounted, "hash aggregate");
        _accounted = 0;
    }

    private void Account()
    {
        var bytes = _table.MemoryBytes + (_longTable?.MemoryBytes ?? 0) + (_stringTable?.MemoryBytes ?? 0) + _states.Sum(st => st.MemoryBytes) + _distinct.Sum(d => d?.MemoryBytes ?? 0) + _distinctValues.Sum(d => d?.MemoryBytes ?? 0);
        _context.Memory.Add(bytes - _accounted, "hash aggregate");
        _accounted = bytes;
    }

    /// <summary>Maps each row's key (in grouping set <paramref name="s"/>) to its group id, creating groups for new keys.</summary>
    private int[] AssignGroups(ArrowArray[] groupValues, int s, int n)
    {
        var set = _sets[s];
        var keyCols = new List<ArrowArray>();
        var keyTypes = new List<SqlType>();
        if (_multipleSets)
        {
            keyCols.Add(ArrayGather.Repeat(ArrayFactory.Single(SqlType.Integer, s), n));
            keyTypes.Add(SqlType.Integer);
        }

        foreach (var g in set)
        {
            keyCols.Add(groupValues[g]);
            keyTypes.Add(_groupTypes[g]);
        }

        var groupIds = new int[n];
        var newRows = new List<int>();
        if (!_multipleSets && keyCols.Count == 1 && IntegerKeys.IsIntegerLike(keyTypes[0]))
        {
            // Fast path: one integer-like key column, hashed as a long (null is its own group).
            _longTable ??= new LongKeyTable();
            AssignLongGroups(keyCols[0], keyTypes[0], n, groupIds, newRows, _longTable, ref _nullGroup, ref _nextGroup);
        }
        else if (!_multipleSets && keyCols.Count == 1 && keyTypes[0].Kind is SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json)
        {
            // Fast path: one string key, hashed on its raw bytes (null is its own group).
            _stringTable ??= new KeyHashTable();
            AssignStringGroups((BinaryArray)keyCols[0], groupIds, newRows, _stringTable, ref _stringGroups, ref _nullGroup, ref _nextGroup);
        }
        else if (keyCols.Count == 0)
        {
            if (_table.Count == 0)
            {
                _table.GetOrAdd([], out _);
                newRows.Add(0);
            }

            _nextGroup = _table.Count;
        }
        else
        {
            var keys = SortKeyEncoder.EncodeForEquality(keyCols, keyTypes, n);
            for (var r = 0; r < n; r++)
            {
                groupIds[r] = _table.GetOrAdd(keys.Key(r), out var added);
                if (added)
                {
                    newRows.Add(r);
                }
            }

            _nextGroup = _table.Count;
        }

        if (newRows.Count > 0)
        {
            var rows = newRows.ToArray();
            var nulls = new int[rows.Length];
            Array.Fill(nulls, -1);
            for (var g = 0; g < _groupCount; g++)
            {
                _keyParts[g].Add(ArrayGather.Gather(groupValues[g], set.Contains(g) ? rows : nulls));
            }

            for (var i = 0; i < rows.Length; i++)
            {
                _setOfGroup.Add(s);
            }
        }

        foreach (var state in _states)
        {
            state.EnsureGroups(_nextGroup);
        }

        return groupIds;
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

    private void UpdateAggregate(int a, DataChunk chunk, int[] groupIds, int n, GroupedAggregateState state, KeyHashTable? distinctTable, GroupValueSet? distinctValues)
    {
        var spec = _aggregate.Aggregates[a];
        var args = new ColumnVector[spec.Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = ExpressionEvaluator.Evaluate(spec.Arguments[i], chunk, _context.Functions);
        }

        int[]? selection = null;
        var count = n;
        if (spec.Filter is not null)
        {
            selection = ExpressionEvaluator.Select(spec.Filter, chunk, _context.Functions, out count);
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
