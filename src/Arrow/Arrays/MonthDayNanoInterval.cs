using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Arrays;

/// <summary>An interval[MONTH_DAY_NANO] value.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct MonthDayNanoInterval(int Months, int Days, long Nanoseconds);
