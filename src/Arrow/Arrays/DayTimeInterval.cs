using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Arrays;

/// <summary>An interval[DAY_TIME] value: days and milliseconds.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct DayTimeInterval(int Days, int Milliseconds);
