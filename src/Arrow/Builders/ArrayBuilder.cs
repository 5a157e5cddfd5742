using System.Runtime.CompilerServices;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Base of every array builder: appends values slot by slot into growable aligned buffers and hands them
/// out as <see cref="ArrayData"/> without copying. The validity bitmap is only materialized once the
/// first null arrives, so arrays without nulls get an empty validity buffer. Building resets the
/// builder to empty, ready for the next array.
/// </summary>
public abstract partial class ArrayBuilder
{
    private BitmapBuilder? _validity;

    protected ArrayBuilder(ArrowType type) => Type = type;

    public ArrowType Type { get; }

    /// <summary>Slots appended since the last build.</summary>
    public int Length { get; private set; }

    public virtual int NullCount => _validity?.UnsetCount ?? 0;

    public abstract void AppendNull();

    public virtual void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            AppendNull();
        }
    }

    /// <summary>Makes room for <paramref name="additional"/> more slots (value buffers only; nested children reserve their own).</summary>
    public virtual void Reserve(int additional)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(additional);
        _validity?.Reserve(additional);
    }

    /// <summary>
    /// Appends a boxed value (cold paths and tests): null, or a CLR value matching the type, e.g. long for
    /// int64, DateTime for timestamps, string for utf8, an enumerable for lists, object?[] for structs.
    /// </summary>
    public void AppendObject(object? value)
    {
        if (value is null)
        {
            AppendNull();
        }
        else
        {
            AppendObjectCore(value);
        }
    }

    /// <summary>Hands out the appended slots as array data and resets the builder.</summary>
    public ArrayData BuildData()
    {
        var length = Length;
        var nullCount = NullCount;
        var validity = ArrowBuffer.Empty;
        if (_validity is not null)
        {
            var bitmap = _validity.Build();
            if (nullCount > 0)
            {
                validity = bitmap;
            }

            _validity = null;
        }

        Length = 0;
        return BuildCore(length, nullCount, validity);
    }

    public ArrowArray Build() => ArrowArray.Create(BuildData());

    protected abstract ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity);

    protected abstract void AppendObjectCore(object value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void AppendValidSlot()
    {
        _validity?.Append(true);
        Length++;
    }

    protected void AppendValidSlots(int count)
    {
        _validity?.AppendMany(true, count);
        Length += count;
    }

    protected void AppendNullSlot()
    {
        (_validity ??= CreateValidity()).Append(false);
        Length++;
    }

    protected void AppendNullSlots(int count)
    {
        if (count == 0)
        {
            return;
        }

        (_validity ??= CreateValidity()).AppendMany(false, count);
        Length += count;
    }

    /// <summary>Counts slots without touching validity (for layouts that have none: null, union).</summary>
    protected void AddSlots(int count) => Length += count;

    protected static ArgumentException Unsupported(ArrowType type, object value) =>
        new($"cannot append a {value.GetType().Name} to a {type} builder", nameof(value));

    private BitmapBuilder CreateValidity()
    {
        var bitmap = new BitmapBuilder();
        bitmap.AppendMany(true, Length);
        return bitmap;
    }
}
