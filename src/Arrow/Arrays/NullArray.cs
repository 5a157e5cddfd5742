namespace Lakehouse.Arrow.Arrays;

/// <summary>An array of the null type: every slot is null and there are no buffers.</summary>
public sealed class NullArray : ArrowArray
{
    public NullArray(ArrayData data)
        : base(data)
    {
    }

    public NullArray(int length)
        : base(new ArrayData(Types.ArrowType.Null, length, length, 0, []))
    {
    }

    public override bool IsValid(int index) => false;
}
