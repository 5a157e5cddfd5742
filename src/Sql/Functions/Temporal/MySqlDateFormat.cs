using System.Globalization;
using System.Text;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>
/// date_format(ts, format): MySQL-style specifiers as Trino supports them (%a %b %c %D %d %e %f %H %h %I %i
/// %j %k %l %M %m %p %r %S %s %T %v %W %x %Y %y %%); %U %u %V %w %X are errors as in Trino; any other
/// %c prints c.
/// </summary>
public sealed class MySqlDateFormat
{
    private readonly string _format;

    private MySqlDateFormat(string format) => _format = format;

    public static MySqlDateFormat Compile(string format)
    {
        for (var i = 0; i < format.Length - 1; i++)
        {
            if (format[i] != '%')
            {
                continue;
            }

            var c = format[++i];
            if (c is 'U' or 'u' or 'V' or 'w' or 'X')
            {
                throw FunctionErrors.InvalidArgument($"%{c} not supported in date format string");
            }
        }

        return new MySqlDateFormat(format);
    }

    public void Format(in DateTimeParts p, Utf8ColumnWriter output)
    {
        var sb = new StringBuilder(32);
        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < _format.Length; i++)
        {
            var c = _format[i];
            if (c != '%' || i == _format.Length - 1)
            {
                sb.Append(c);
                continue;
            }

            c = _format[++i];
            var hour12 = p.Hour % 12 == 0 ? 12 : p.Hour % 12;
            switch (c)
            {
                case 'a': sb.Append(DateTimeParts.DayNames[p.DayOfWeek - 1].AsSpan(0, 3)); break;
                case 'b': sb.Append(DateTimeParts.MonthNames[p.Month - 1].AsSpan(0, 3)); break;
                case 'c': sb.Append(p.Month.ToString(inv)); break;
                case 'D': sb.Append(p.Day.ToString(inv)).Append(Suffix(p.Day)); break;
                case 'd': sb.Append(p.Day.ToString("00", inv)); break;
                case 'e': sb.Append(p.Day.ToString(inv)); break;
                case 'f': sb.Append(p.Microsecond.ToString("000000", inv)); break;
                case 'H': sb.Append(p.Hour.ToString("00", inv)); break;
                case 'h' or 'I': sb.Append(hour12.ToString("00", inv)); break;
                case 'i': sb.Append(p.Minute.ToString("00", inv)); break;
                case 'j': sb.Append(p.DayOfYear.ToString("000", inv)); break;
                case 'k': sb.Append(p.Hour.ToString(inv)); break;
                case 'l': sb.Append(hour12.ToString(inv)); break;
                case 'M': sb.Append(DateTimeParts.MonthNames[p.Month - 1]); break;
                case 'm': sb.Append(p.Month.ToString("00", inv)); break;
                case 'p': sb.Append(p.Hour < 12 ? "AM" : "PM"); break;
                case 'r':
                    sb.Append(hour12.ToString("00", inv)).Append(':').Append(p.Minute.ToString("00", inv)).Append(':')
                        .Append(p.Second.ToString("00", inv)).Append(p.Hour < 12 ? " AM" : " PM");
                    break;
                case 'S' or 's': sb.Append(p.Second.ToString("00", inv)); break;
                case 'T':
                    sb.Append(p.Hour.ToString("00", inv)).Append(':').Append(p.Minute.ToString("00", inv)).Append(':')
                        .Append(p.Second.ToString("00", inv));
                    break;
                case 'v': sb.Append(CivilTime.IsoWeek(p.Days).Week.ToString("00", inv)); break;
                case 'W': sb.Append(DateTimeParts.DayNames[p.DayOfWeek - 1]); break;
                case 'x': sb.Append(CivilTime.IsoWeek(p.Days).WeekYear.ToString("0000", inv)); break;
                case 'Y': sb.Append(p.Year.ToString("0000", inv)); break;
                case 'y': sb.Append(CivilTime.FloorMod(p.Year, 100).ToString("00", inv)); break;
                default: sb.Append(c); break;
            }
        }

        var chars = sb.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        output.Advance(Encoding.UTF8.GetBytes(chars, span));
    }

    private static string Suffix(int day) => day switch
    {
        1 or 21 or 31 => "st",
        2 or 22 => "nd",
        3 or 23 => "rd",
        _ => "th",
    };
}
