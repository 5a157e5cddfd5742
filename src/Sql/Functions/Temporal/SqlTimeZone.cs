using System.Collections.Concurrent;
using System.Globalization;

namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>
/// A time zone for SQL values: an IANA zone (<c>America/New_York</c>), <c>UTC</c>, or a fixed offset
/// (<c>+05:30</c>, <c>-08</c>). Converts between UTC instants and local wall-clock microseconds.
/// </summary>
public sealed class SqlTimeZone
{
    private static readonly ConcurrentDictionary<string, SqlTimeZone> s_zones = new(StringComparer.OrdinalIgnoreCase);

    private readonly TimeZoneInfo? _zone;
    private readonly long _fixedOffsetMicros;

    private SqlTimeZone(string id, TimeZoneInfo? zone, long fixedOffsetMicros)
    {
        Id = id;
        _zone = zone;
        _fixedOffsetMicros = fixedOffsetMicros;
    }

    public static SqlTimeZone Utc { get; } = new("UTC", null, 0);

    public string Id { get; }

    public bool IsFixed => _zone is null;

    /// <summary>Looks a zone up by IANA id or offset; an unknown zone is an error as in Trino.</summary>
    public static SqlTimeZone Get(string id)
    {
        if (s_zones.TryGetValue(id, out var zone))
        {
            return zone;
        }

        zone = Create(id.Trim());
        s_zones[id] = zone;
        return zone;
    }

    private static SqlTimeZone Create(string id)
    {
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Z", StringComparison.OrdinalIgnoreCase)
            || id.Equals("GMT", StringComparison.OrdinalIgnoreCase) || id.Equals("UT", StringComparison.OrdinalIgnoreCase))
        {
            return Utc;
        }

        if (id.Length > 0 && (id[0] == '+' || id[0] == '-'))
        {
            return FromOffset(id);
        }

        try
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(id);
            return new SqlTimeZone(info.Id, info, 0);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw FunctionErrors.InvalidArgument($"Time zone not supported: {id}");
        }
    }

    private static SqlTimeZone FromOffset(string id)
    {
        var sign = id[0] == '-' ? -1 : 1;
        var body = id[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (body.Length is not (2 or 4) || !int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw FunctionErrors.InvalidArgument($"Time zone not supported: {id}");
        }

        var hours = body.Length == 2 ? value : value / 100;
        var minutes = body.Length == 2 ? 0 : value % 100;
        if (hours > 14 || minutes > 59)
        {
            throw FunctionErrors.InvalidArgument($"Invalid offset minutes {id}");
        }

        var offset = sign * ((hours * CivilTime.MicrosPerHour) + (minutes * CivilTime.MicrosPerMinute));
        var canonical = offset == 0 ? "UTC" : $"{(sign < 0 ? '-' : '+')}{hours:00}:{minutes:00}";
        return new SqlTimeZone(canonical, null, offset);
    }

    /// <summary>UTC offset in microseconds at the UTC instant <paramref name="utcMicros"/>.</summary>
    public long OffsetAtUtc(long utcMicros)
    {
        if (_zone is null)
        {
            return _fixedOffsetMicros;
        }

        var utc = ToDateTime(utcMicros);
        return _zone.GetUtcOffset(new System.DateTime(utc.Ticks, DateTimeKind.Utc)).Ticks / 10;
    }

    public long UtcToLocal(long utcMicros) => utcMicros + OffsetAtUtc(utcMicros);

    /// <summary>
    /// The UTC instant of a local wall-clock time. In a gap (spring forward) the time is moved forward by the
    /// gap; in an overlap (fall back) the earlier instant is chosen (as Joda/Trino).
    /// </summary>
    public long LocalToUtc(long localMicros)
    {
        if (_zone is null)
        {
            return localMicros - _fixedOffsetMicros;
        }

        // At most one transition lies within a day of any local time: try the offsets on both sides.
        var early = OffsetAtUtc(localMicros - CivilTime.MicrosPerDay);
        var late = OffsetAtUtc(localMicros + CivilTime.MicrosPerDay);
        var earlyValid = OffsetAtUtc(localMicros - early) == early;
        var lateValid = OffsetAtUtc(localMicros - late) == late;
        if (earlyValid && lateValid)
        {
            return Math.Min(localMicros - early, localMicros - late);
        }

        if (lateValid)
        {
            return localMicros - late;
        }

        return localMicros - early;
    }

    private static System.DateTime ToDateTime(long micros)
    {
        var ticks = (micros * 10) + System.DateTime.UnixEpoch.Ticks;
        ticks = Math.Clamp(ticks, System.DateTime.MinValue.Ticks, System.DateTime.MaxValue.Ticks);
        return new System.DateTime(ticks, DateTimeKind.Utc);
    }

    public override string ToString() => Id;
}
