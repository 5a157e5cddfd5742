using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Sql.Execution.Vectors;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>
/// Input batches kept by reference for aggregates that return input values (arbitrary, min_by/max_by,
/// array_agg, string_agg): a value is a global index over the retained chunks; finishing concatenates the
/// chunks once and gathers.
/// </summary>
internal sealed class RetainedValues(ArrowType type)
{
    private readonly List<ArrowArray> _chunks = [];
    private readonly List<int> _starts = [];

    public int Count { get; private set; }

    public long MemoryBytes { get; private set; }

    /// <summary>Retains a vector's values; returns the global index of its storage slot 0.</summary>
    public int Add(ColumnVector vector)
    {
        var array = vector.Array;
        var start = Count;
        _chunks.Add(array);
        _starts.Add(start);
        Count = checked(Count + array.Length);
        foreach (var b in array.Data.Buffers)
        {
            MemoryBytes += b.Length;
        }

        return start;
    }

    /// <summary>Appends another instance's chunks; returns the offset to add to its global indices.</summary>
    public int AddAll(RetainedValues other)
    {
        var offset = Count;
        foreach (var c in other._chunks)
        {
            _chunks.Add(c);
            _starts.Add(Count);
            Count = checked(Count + c.Length);
        }

        MemoryBytes += other.MemoryBytes;
        return offset;
    }

    /// <summary>The chunk and slot of a global index.</summary>
    public (ArrowArray Chunk, int Slot) Locate(int index)
    {
        var i = _starts.BinarySearch(index);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return (_chunks[i], index - _starts[i]);
    }

    /// <summary>The values at <paramref name="indices"/> (-1 gives null) as one array.</summary>
    public ArrowArray Gather(ReadOnlySpan<int> indices)
    {
        var all = _chunks.Count == 1 ? _chunks[0] : ArrayGather.Concat(_chunks.Count == 0 ? [ArrayFactory.Empty(type)] : _chunks, type);
        return ArrayGather.Gather(all, indices);
    }
}
