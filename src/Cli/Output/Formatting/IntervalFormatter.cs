using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Intervals as objects of their exact components: <c>{"months":14}</c>,
/// <c>{"days":1,"milliseconds":500}</c>, <c>{"months":1,"days":2,"nanoseconds":3}</c>.
/// </summary>
public sealed class IntervalFormatter : ValueFormatter
{
    private readonly IntervalUnit _unit;

    public IntervalFormatter(ArrowArray array)
        : base(array) => _unit = ((IntervalType)array.Type).Unit;

    public override bool IsNested => true;

    public override void WriteJson(Utf8Output output, int index)
    {
        switch (_unit)
        {
            case IntervalUnit.YearMonth:
                output.Write("{\"months\":"u8);
                NumberText.WriteInteger(output, ((PrimitiveArray<int>)Array).Values[index]);
                break;
            case IntervalUnit.DayTime:
                var dt = ((PrimitiveArray<DayTimeInterval>)Array).Values[index];
                output.Write("{\"days\":"u8);
                NumberText.WriteInteger(output, dt.Days);
                output.Write(",\"milliseconds\":"u8);
                NumberText.WriteInteger(output, dt.Milliseconds);
                break;
            default:
                var mdn = ((PrimitiveArray<MonthDayNanoInterval>)Array).Values[index];
                output.Write("{\"months\":"u8);
                NumberText.WriteInteger(output, mdn.Months);
                output.Write(",\"days\":"u8);
                NumberText.WriteInteger(output, mdn.Days);
                output.Write(",\"nanoseconds\":"u8);
                NumberText.WriteInteger(output, mdn.Nanoseconds);
                break;
        }

        output.Write((byte)'}');
    }
}
