using Lakehouse.Sql.Functions.Temporal;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>
/// Date/time functions on date (days), timestamp(6) (local microseconds) and timestamp(6) with time zone
/// (UTC microseconds, seen in the session time zone).
/// </summary>
internal static class TemporalLibrary
{
    private static readonly SqlType V = SqlType.Varchar;
    private static readonly SqlType B = SqlType.BigInt;
    private static readonly SqlType D = SqlType.Date;
    private static readonly SqlType TS = SqlType.Timestamp;
    private static readonly SqlType TZ = SqlType.TimestampWithTimeZone;
    private static readonly CompiledCache<JodaDateTimeFormat> s_joda = new(JodaDateTimeFormat.Compile);
    private static readonly CompiledCache<MySqlDateFormat> s_mysql = new(MySqlDateFormat.Compile);
    private static readonly CompiledCache<SqlTimeZone> s_zones = new(SqlTimeZone.Get);

    public static void Register(FunctionRegistry registry)
    {
        registry.Register(new LibraryScalarFunction("date_trunc", "truncates to the start of a unit (weeks start on Monday)")
            .Add([V, D], D, static (a, n, _, t) => Rows.Values<int>(t, a, n, static (a, r, out v) =>
            {
                v = (int)TemporalArithmetic.TruncateDays(DateTimeUnits.Parse(Arg.Bytes(a[0], r), forDate: true), Arg.Int32(a[1], r));
                return true;
            }))
            .Add([V, TS], TS, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                v = TemporalArithmetic.TruncateMicros(DateTimeUnits.Parse(Arg.Bytes(a[0], r)), Arg.Int64(a[1], r));
                return true;
            }))
            .Add([V, TZ], TZ, static (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Values<long>(t, a, n, (a, r, out v) =>
                {
                    v = TemporalArithmetic.TruncateMicrosWithZone(DateTimeUnits.Parse(Arg.Bytes(a[0], r)), Arg.Int64(a[1], r), zone);
                    return true;
                });
            }));
        registry.Register(new LibraryScalarFunction("date_add", "adds value units (months clamp the day of month)")
            .Add([V, B, D], D, static (a, n, _, t) => Rows.Values<int>(t, a, n, static (a, r, out v) =>
            {
                v = TemporalArithmetic.AddDays(DateTimeUnits.Parse(Arg.Bytes(a[0], r), forDate: true), Arg.Int64(a[1], r), Arg.Int32(a[2], r));
                return true;
            }))
            .Add([V, B, TS], TS, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                v = TemporalArithmetic.AddMicros(DateTimeUnits.Parse(Arg.Bytes(a[0], r)), Arg.Int64(a[1], r), Arg.Int64(a[2], r));
                return true;
            }))
            .Add([V, B, TZ], TZ, static (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Values<long>(t, a, n, (a, r, out v) =>
                {
                    v = TemporalArithmetic.AddMicrosWithZone(DateTimeUnits.Parse(Arg.Bytes(a[0], r)), Arg.Int64(a[1], r), Arg.Int64(a[2], r), zone);
                    return true;
                });
            }));
        registry.Register(new LibraryScalarFunction("date_diff", "whole units from the second to the third argument (truncated toward zero)")
            .Add([V, D, D], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                v = TemporalArithmetic.DiffDays(DateTimeUnits.Parse(Arg.Bytes(a[0], r), forDate: true), Arg.Int32(a[1], r), Arg.Int32(a[2], r));
                return true;
            }))
            .Add([V, TS, TS], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                v = TemporalArithmetic.DiffMicros(DateTimeUnits.Parse(Arg.Bytes(a[0], r)), Arg.Int64(a[1], r), Arg.Int64(a[2], r));
                return true;
            }))
            .Add([V, TZ, TZ], B, static (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Values<long>(t, a, n, (a, r, out v) =>
                {
                    v = TemporalArithmetic.DiffMicrosWithZone(DateTimeUnits.Parse(Arg.Bytes(a[0], r)), Arg.Int64(a[1], r), Arg.Int64(a[2], r), zone);
                    return true;
                });
            }));

        foreach (var (name, field) in new[]
        {
            ("year", DateField.Year), ("quarter", DateField.Quarter), ("month", DateField.Month), ("week", DateField.Week),
            ("week_of_year", DateField.Week), ("day", DateField.Day), ("day_of_month", DateField.Day), ("day_of_week", DateField.DayOfWeek),
            ("dow", DateField.DayOfWeek), ("day_of_year", DateField.DayOfYear), ("doy", DateField.DayOfYear), ("year_of_week", DateField.YearOfWeek),
            ("yow", DateField.YearOfWeek), ("hour", DateField.Hour), ("minute", DateField.Minute), ("second", DateField.Second),
            ("millisecond", DateField.Millisecond), ("timezone_hour", DateField.TimezoneHour), ("timezone_minute", DateField.TimezoneMinute),
        })
        {
            var f = new LibraryScalarFunction(name, $"the {name.Replace('_', ' ')} field");
            if (field is not (DateField.Hour or DateField.Minute or DateField.Second or DateField.Millisecond or DateField.TimezoneHour or DateField.TimezoneMinute))
            {
                f.Add([D], B, (a, n, _, t) => Rows.Values<long>(t, a, n, (a, r, out v) => { v = DateFields.OfDate(field, Arg.Int32(a[0], r)); return true; }));
            }

            if (field is not (DateField.TimezoneHour or DateField.TimezoneMinute))
            {
                f.Add([TS], B, (a, n, _, t) => Rows.Values<long>(t, a, n, (a, r, out v) => { v = DateFields.OfTimestamp(field, Arg.Int64(a[0], r)); return true; }));
            }

            f.Add([TZ], B, (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Values<long>(t, a, n, (a, r, out v) => { v = DateFields.OfTimestampWithZone(field, Arg.Int64(a[0], r), zone); return true; });
            });
            registry.Register(f);
        }

        registry.Register(new LibraryScalarFunction("date_part", "date_part(field, x): the named field (as extract)")
            .Add([V, D], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = DateFields.OfDate(DateFields.Parse(Arg.Text(a[0], r)), Arg.Int32(a[1], r)); return true; }))
            .Add([V, TS], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = DateFields.OfTimestamp(DateFields.Parse(Arg.Text(a[0], r)), Arg.Int64(a[1], r)); return true; }))
            .Add([V, TZ], B, static (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Values<long>(t, a, n, (a, r, out v) => { v = DateFields.OfTimestampWithZone(DateFields.Parse(Arg.Text(a[0], r)), Arg.Int64(a[1], r), zone); return true; });
            }));

        registry.Register(new LibraryScalarFunction("from_unixtime", "the instant of a unix time in seconds")
            .Add([SqlType.Double], TZ, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = UnixTime.FromUnixTime(Arg.Double(a[0], r)); return true; }))
            .Add([SqlType.Double, V], TZ, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                s_zones.Get(Arg.Bytes(a[1], r)); // validates the zone; values are instants
                v = UnixTime.FromUnixTime(Arg.Double(a[0], r));
                return true;
            })));
        registry.Register(new LibraryScalarFunction("to_unixtime", "seconds since the epoch as double")
            .Add([TZ], SqlType.Double, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = UnixTime.ToUnixTime(Arg.Int64(a[0], r)); return true; }))
            .Add([TS], SqlType.Double, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = UnixTime.ToUnixTime(Arg.Int64(a[0], r)); return true; })));
        registry.Register(new LibraryScalarFunction("format_datetime", "formats with a Joda-Time pattern")
            .Add([TS, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                s_joda.Get(Arg.Bytes(a[1], r)).Format(new DateTimeParts(Arg.Int64(a[0], r), 0, "UTC"), w);
                return true;
            }))
            .Add([TZ, V], V, static (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Utf8(t, a, n, (a, r, w) =>
                {
                    var utc = Arg.Int64(a[0], r);
                    var offset = zone.OffsetAtUtc(utc);
                    s_joda.Get(Arg.Bytes(a[1], r)).Format(new DateTimeParts(utc + offset, offset, zone.Id), w);
                    return true;
                });
            }));
        registry.Register(new LibraryScalarFunction("date_format", "formats with MySQL-style specifiers")
            .Add([TS, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                s_mysql.Get(Arg.Bytes(a[1], r)).Format(new DateTimeParts(Arg.Int64(a[0], r), 0, "UTC"), w);
                return true;
            }))
            .Add([TZ, V], V, static (a, n, c, t) =>
            {
                var zone = Zone(c);
                return Rows.Utf8(t, a, n, (a, r, w) =>
                {
                    var utc = Arg.Int64(a[0], r);
                    var offset = zone.OffsetAtUtc(utc);
                    s_mysql.Get(Arg.Bytes(a[1], r)).Format(new DateTimeParts(utc + offset, offset, zone.Id), w);
                    return true;
                });
            }));
        registry.Register(new LibraryScalarFunction("with_timezone", "reads a timestamp's wall-clock time in a zone: the instant")
            .Add([TS, V], TZ, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = s_zones.Get(Arg.Bytes(a[1], r)).LocalToUtc(Arg.Int64(a[0], r)); return true; })));
        registry.Register(new LibraryScalarFunction("at_timezone", "the wall-clock time of an instant in a zone (as timestamp; see spec/sql.md)")
            .Add([TZ, V], TS, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = s_zones.Get(Arg.Bytes(a[1], r)).UtcToLocal(Arg.Int64(a[0], r)); return true; })));
        registry.Register(new LibraryScalarFunction("last_day_of_month", "the last day of the month")
            .Add([D], D, static (a, n, _, t) => Rows.Values<int>(t, a, n, static (a, r, out v) => { v = (int)LastDay(Arg.Int32(a[0], r)); return true; }))
            .Add([TS], D, static (a, n, _, t) => Rows.Values<int>(t, a, n, static (a, r, out v) => { v = (int)LastDay(CivilTime.DayOf(Arg.Int64(a[0], r))); return true; })));

        var bin = new LibraryScalarFunction("date_bin", "date_bin(stride, ts[, origin]): start of the stride-wide bucket holding ts, aligned to origin (default 1970-01-01)");
        foreach (var ts in new[] { TS, TZ })
        {
            bin.Add([SqlType.IntervalDayToSecond, ts], ts, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = TemporalArithmetic.BinMicros(Arg.Int64(a[0], r), Arg.Int64(a[1], r), 0); return true; }));
            bin.Add([SqlType.IntervalDayToSecond, ts, ts], ts, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = TemporalArithmetic.BinMicros(Arg.Int64(a[0], r), Arg.Int64(a[1], r), Arg.Int64(a[2], r)); return true; }));
            bin.Add([SqlType.IntervalYearToMonth, ts], ts, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = TemporalArithmetic.BinMonthsMicros(Arg.Int32(a[0], r), Arg.Int64(a[1], r), 0); return true; }));
            bin.Add([SqlType.IntervalYearToMonth, ts, ts], ts, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = TemporalArithmetic.BinMonthsMicros(Arg.Int32(a[0], r), Arg.Int64(a[1], r), Arg.Int64(a[2], r)); return true; }));
        }

        registry.Register(bin);
        registry.Register(new LibraryScalarFunction("now", "the query start instant")
            .Add([], TZ, static (a, n, c, t) => ColumnVector.Constant(t, Execution.Vectors.ArrayFactory.Single(t, c.QueryStart.UtcDateTime), n)));
    }

    private static long LastDay(long days)
    {
        var (y, m, _) = CivilTime.CivilFromDays(days);
        return CivilTime.DaysFromCivil(y, m, CivilTime.DaysInMonth(y, m));
    }

    private static SqlTimeZone Zone(FunctionContext context) => SqlTimeZone.Get(context.TimeZone.Id);
}
