using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds run_end_encoded arrays: append a run's value to <see cref="ValueBuilder"/> and call
/// <see cref="AppendRun"/> with its length (or <see cref="AppendNulls"/> for a null run). Boxed appends
/// (<see cref="ArrayBuilder.AppendObject"/>) extend the last run when the value equals the previous one.
/// Run-end encoded arrays have no validity bitmap: nulls are null values of a run.
/// </summary>
public sealed class RunEndEncodedBuilder : ArrayBuilder
{
    private readonly ArrayBuilder _runEnds;
    private object? _lastValue;
    private bool _lastIsNull;

    public RunEndEncodedBuilder(RunEndEncodedType type)
        : base(type)
    {
        _runEnds = Create(type.RunEndsField.Type);
        ValueBuilder = Create(type.ValuesField.Type);
    }

    public ArrayBuilder ValueBuilder { get; }

    public override int NullCount => 0;

    /// <summary>Closes a run of <paramref name="length"/> slots whose value was just appended to <see cref="ValueBuilder"/>.</summary>
    public RunEndEncodedBuilder AppendRun(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (ValueBuilder.Length != _runEnds.Length + 1)
        {
            throw new InvalidOperationException("append exactly one value to ValueBuilder before each AppendRun");
        }

        AddSlots(length);
        switch (_runEnds)
        {
            case PrimitiveBuilder<short> s:
                s.Append(checked((short)Length));
                break;
            case PrimitiveBuilder<int> i:
                i.Append(Length);
                break;
            default:
                ((PrimitiveBuilder<long>)_runEnds).Append((long)Length);
                break;
        }

        _lastValue = null;
        _lastIsNull = false;
        return this;
    }

    public override void AppendNull() => AppendNulls(1);

    public override void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        if (_lastIsNull)
        {
            ExtendLastRun(count);
            return;
        }

        ValueBuilder.AppendNull();
        AppendRun(count);
        _lastIsNull = true;
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        _lastValue = null;
        _lastIsNull = false;
        return new ArrayData(Type, length, 0, 0, [ArrowBuffer.Empty], [_runEnds.BuildData(), ValueBuilder.BuildData()]);
    }

    protected override void AppendObjectCore(object value)
    {
        if (_lastValue is not null && _lastValue.Equals(value))
        {
            ExtendLastRun(1);
            return;
        }

        ValueBuilder.AppendObject(value);
        AppendRun(1);
        _lastValue = value;
    }

    private void ExtendLastRun(int count)
    {
        // Move the last run's end (run ends are the only values of their builder).
        AddSlots(count);
        switch (_runEnds)
        {
            case PrimitiveBuilder<short> s:
                s.SetLast(checked((short)Length));
                break;
            case PrimitiveBuilder<int> i:
                i.SetLast(Length);
                break;
            default:
                ((PrimitiveBuilder<long>)_runEnds).SetLast(Length);
                break;
        }
    }
}
