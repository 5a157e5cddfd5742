using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>Builds fixed_size_binary arrays; a <see cref="Guid"/> goes in as the 16 bytes of a UUID in RFC 4122 (big-endian) order.</summary>
public sealed class FixedSizeBinaryBuilder : ArrayBuilder
{
    private readonly BufferBuilder _values = new();

    public FixedSizeBinaryBuilder(FixedSizeBinaryType type)
        : base(type) => ByteWidth = type.ByteWidth;

    public int ByteWidth { get; }

    public FixedSizeBinaryBuilder Append(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteWidth)
        {
            throw new ArgumentException($"value of {value.Length} bytes appended to {Type}", nameof(value));
        }

        _values.Append(value);
        AppendValidSlot();
        return this;
    }

    public FixedSizeBinaryBuilder Append(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return Append(bytes);
    }

    public override void AppendNull()
    {
        _values.AppendZeros(ByteWidth);
        AppendNullSlot();
    }

    public override void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _values.AppendZeros(checked(count * ByteWidth));
        AppendNullSlots(count);
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _values.EnsureCapacity(checked(additional * ByteWidth));
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity) =>
        new(Type, length, nullCount, 0, [validity, _values.Build()]);

    protected override void AppendObjectCore(object value)
    {
        switch (value)
        {
            case byte[] b:
                Append(b.AsSpan());
                break;
            case Guid g:
                Append(g);
                break;
            case ReadOnlyMemory<byte> m:
                Append(m.Span);
                break;
            default:
                throw Unsupported(Type, value);
        }
    }
}
