namespace Lakehouse.Arrow.Arrays;

/// <summary>Run-end encoded values: child 0 = run ends (int16/32/64), child 1 = values (read support).</summary>
public sealed class RunEndEncodedArray : ArrowArray
{
    private ArrowArray? _runEnds;
    private ArrowArray? _values;

    public RunEndEncodedArray(ArrayData data)
        : base(data)
    {
    }

    public ArrowArray RunEnds => _runEnds ??= Create(Data.Children[0]);

    public ArrowArray Values => _values ??= Create(Data.Children[1]);

    /// <summary>The index into <see cref="Values"/> of logical slot <paramref name="index"/> (binary search).</summary>
    public int PhysicalIndex(int index)
    {
        var target = (long)Data.Offset + index;
        int lo = 0, hi = RunEnds.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (RunEnd(mid) <= target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public override bool IsValid(int index) => Values.IsValid(PhysicalIndex(index));

    private long RunEnd(int i) => RunEnds switch
    {
        PrimitiveArray<short> s => s.Values[i],
        PrimitiveArray<int> s => s.Values[i],
        PrimitiveArray<long> s => s.Values[i],
        _ => throw new InvalidOperationException("run ends must be int16, int32 or int64"),
    };
}
