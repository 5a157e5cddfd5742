namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>from_unixtime / to_unixtime.</summary>
public static class UnixTime
{
    /// <summary>from_unixtime(seconds): the instant in microseconds, rounded to the nearest microsecond.</summary>
    public static long FromUnixTime(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > 9.2e12)
        {
            throw FunctionErrors.InvalidArgument($"Invalid unix time: {seconds}");
        }

        return (long)Math.Round(seconds * CivilTime.MicrosPerSecond, MidpointRounding.AwayFromZero);
    }

    /// <summary>to_unixtime(ts): seconds since the epoch as a double.</summary>
    public static double ToUnixTime(long micros) => micros / (double)CivilTime.MicrosPerSecond;
}
