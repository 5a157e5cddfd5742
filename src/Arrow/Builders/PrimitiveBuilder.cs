using System.Runtime.CompilerServices;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds fixed-width arrays whose values are <typeparamref name="T"/>: integers, floats (incl. Half), dates,
/// times, timestamps, durations and intervals (int for year-month, <see cref="DayTimeInterval"/>,
/// <see cref="MonthDayNanoInterval"/>).
/// </summary>
public sealed class PrimitiveBuilder<T> : ArrayBuilder
    where T : unmanaged
{
    private readonly BufferBuilder _values = new();

    public PrimitiveBuilder(ArrowType type)
        : base(type)
    {
        if (type.BitWidth != Unsafe.SizeOf<T>() * 8 || type.Id is ArrowTypeId.Boolean or ArrowTypeId.FixedSizeBinary or ArrowTypeId.Dictionary
            || type.Id is >= ArrowTypeId.Decimal32 and <= ArrowTypeId.Decimal256)
        {
            throw new ArgumentException($"{type} is not a primitive type with {Unsafe.SizeOf<T>() * 8}-bit values of {typeof(T).Name}", nameof(type));
        }
    }

    /// <summary>The values appended so far (null slots hold default).</summary>
    public ReadOnlySpan<T> Values => _values.AsSpan<T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PrimitiveBuilder<T> Append(T value)
    {
        _values.Append(value);
        AppendValidSlot();
        return this;
    }

    public PrimitiveBuilder<T> Append(T? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }

        return this;
    }

    public PrimitiveBuilder<T> Append(ReadOnlySpan<T> values)
    {
        _values.Append(values);
        AppendValidSlots(values.Length);
        return this;
    }

    /// <summary>Overwrites the most recently appended value.</summary>
    internal void SetLast(T value) => _values.AsSpan<T>()[^1] = value;

    public override void AppendNull()
    {
        _values.Append(default(T));
        AppendNullSlot();
    }

    public override void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _values.AppendZeros(checked(count * Unsafe.SizeOf<T>()));
        AppendNullSlots(count);
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _values.EnsureCapacity(checked(additional * Unsafe.SizeOf<T>()));
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity) =>
        new(Type, length, nullCount, 0, [validity, _values.Build()]);

    protected override void AppendObjectCore(object value) =>
        Append(value is T t ? t : (T)TemporalConversions.ToPhysical(Type, value, typeof(T)));
}
