namespace Lakehouse.Arrow.Arrays;

/// <summary>Lists with 32-bit offsets: list i is Values[offsets[i]..offsets[i+1]).</summary>
public class ListArray : ArrowArray
{
    private ArrowArray? _values;

    public ListArray(ArrayData data)
        : base(data)
    {
    }

    public ReadOnlySpan<int> ValueOffsets => Data.Buffers[1].As<int>().Slice(Data.Offset, Data.Length + 1);

    /// <summary>The whole child array (not sliced; use <see cref="ValueOffsets"/>).</summary>
    public ArrowArray Values => _values ??= Create(Data.Children[0]);

    public int ValueLength(int index)
    {
        var o = ValueOffsets;
        return o[index + 1] - o[index];
    }

    /// <summary>The child values of list <paramref name="index"/> as a zero-copy slice.</summary>
    public ArrowArray GetList(int index)
    {
        var o = ValueOffsets;
        return Values.Slice(o[index], o[index + 1] - o[index]);
    }
}
