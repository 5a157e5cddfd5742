namespace Lakehouse.Arrow.Arrays;

/// <summary>Lists with 64-bit offsets.</summary>
public sealed class LargeListArray : ArrowArray
{
    private ArrowArray? _values;

    public LargeListArray(ArrayData data)
        : base(data)
    {
    }

    public ReadOnlySpan<long> ValueOffsets => Data.Buffers[1].As<long>().Slice(Data.Offset, Data.Length + 1);

    public ArrowArray Values => _values ??= Create(Data.Children[0]);

    public ArrowArray GetList(int index)
    {
        var o = ValueOffsets;
        return Values.Slice(checked((int)o[index]), checked((int)(o[index + 1] - o[index])));
    }
}
