namespace Lakehouse.Arrow.Types;

/// <summary>Resolution of time, timestamp and duration values (Schema.fbs TimeUnit).</summary>
public enum TimeUnit
{
    Second = 0,
    Millisecond = 1,
    Microsecond = 2,
    Nanosecond = 3,
}
