namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>The broken-down fields of one local date-time, computed once per value for the formatters.</summary>
public readonly struct DateTimeParts
{
    public DateTimeParts(long localMicros, long offsetMicros, string zoneId)
    {
        Days = CivilTime.DayOf(localMicros);
        (Year, Month, Day) = CivilTime.CivilFromDays(Days);
        var timeOfDay = localMicros - (Days * CivilTime.MicrosPerDay);
        Hour = (int)(timeOfDay / CivilTime.MicrosPerHour);
        Minute = (int)(timeOfDay / CivilTime.MicrosPerMinute % 60);
        Second = (int)(timeOfDay / CivilTime.MicrosPerSecond % 60);
        Microsecond = (int)(timeOfDay % CivilTime.MicrosPerSecond);
        OffsetMicros = offsetMicros;
        ZoneId = zoneId;
    }

    public long Days { get; }

    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    public int Microsecond { get; }

    public long OffsetMicros { get; }

    public string ZoneId { get; }

    public int DayOfWeek => CivilTime.IsoDayOfWeek(Days);

    public int DayOfYear => (int)(Days - CivilTime.DaysFromCivil(Year, 1, 1)) + 1;

    public static ReadOnlySpan<string> MonthNames => s_monthNames;

    public static ReadOnlySpan<string> DayNames => s_dayNames;

    private static readonly string[] s_monthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] s_dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
}
