using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>Builds arrays of the null type (no buffers; every slot is null).</summary>
public sealed class NullBuilder : ArrayBuilder
{
    public NullBuilder()
        : base(ArrowType.Null)
    {
    }

    public override int NullCount => Length;

    public override void AppendNull() => AddSlots(1);

    public override void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        AddSlots(count);
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity) =>
        new(Type, length, length, 0, []);

    protected override void AppendObjectCore(object value) => throw Unsupported(Type, value);
}
