using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>
/// array_agg(x): every value (nulls included, as Trino) in arrival order per group; null for groups without
/// rows. Entries are (group, value index) pairs; finishing sorts them by group with a counting sort.
/// </summary>
public sealed class ArrayAggState(SqlType returnType) : GroupedAggregateState
{
    private readonly RetainedValues _values = new(returnType.ElementType!.ArrowType);
    private int[] _groups = new int[64];
    private int[] _indices = new int[64];
    private int _count;
    private int _groupCount;

    public override long MemoryBytes => _values.MemoryBytes + (_groups.Length * 8L);

    public override void EnsureGroups(int groupCount) => _groupCount = Math.Max(_groupCount, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var start = _values.Add(v);
        Reserve(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            _groups[_count] = groupIds[r];
            _indices[_count] = start + v.Index(r);
            _count++;
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (ArrayAggState)other;
        var offset = _values.AddAll(o._values);
        Reserve(o._count);
        for (var k = 0; k < o._count; k++)
        {
            _groups[_count] = groupMap[o._groups[k]];
            _indices[_count] = o._indices[k] + offset;
            _count++;
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var offsets = new int[groupCount + 1];
        for (var k = 0; k < _count; k++)
        {
            offsets[_groups[k] + 1]++;
        }

        var validity = new byte[BitUtil.BytesForBits(groupCount)];
        var nulls = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (offsets[g + 1] == 0)
            {
                nulls++;
            }
            else
            {
                BitUtil.SetBit(validity, g);
            }

            offsets[g + 1] += offsets[g];
        }

        var order = new int[_count];
        var next = offsets.AsSpan(0, groupCount).ToArray();
        for (var k = 0; k < _count; k++)
        {
            order[next[_groups[k]]++] = _indices[k];
        }

        var child = _values.Gather(order);
        return ArrowArray.Create(new ArrayData(returnType.ArrowType, groupCount, nulls, 0,
            [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), ArrowBuffer.FromArray(offsets)], [child.Data]));
    }

    private void Reserve(int more)
    {
        if (_count + more > _groups.Length)
        {
            var size = Math.Max(_count + more, _groups.Length * 2);
            Array.Resize(ref _groups, size);
            Array.Resize(ref _indices, size);
        }
    }
}
