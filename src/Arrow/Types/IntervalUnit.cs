namespace Lakehouse.Arrow.Types;

/// <summary>Layout of interval values (Schema.fbs IntervalUnit).</summary>
public enum IntervalUnit
{
    /// <summary>int32 months.</summary>
    YearMonth = 0,

    /// <summary>int32 days + int32 milliseconds.</summary>
    DayTime = 1,

    /// <summary>int32 months + int32 days + int64 nanoseconds.</summary>
    MonthDayNano = 2,
}
