using System.Globalization;
using System.Text;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>
/// format_datetime(ts, pattern): a Joda-Time pattern (as Trino) compiled once. Supported letters:
/// G C Y x w e E y D M d a K h H k m s S z Z and quoted text ('' is a quote); other ASCII letters are an error.
/// </summary>
public sealed class JodaDateTimeFormat
{
    private readonly Token[] _tokens;

    private JodaDateTimeFormat(string pattern, Token[] tokens)
    {
        Pattern = pattern;
        _tokens = tokens;
    }

    public string Pattern { get; }

    public static JodaDateTimeFormat Compile(string pattern)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var sb = new StringBuilder();
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    tokens.Add(new Token('\0', 0, "'"));
                    i += 2;
                    continue;
                }

                i++;
                while (i < pattern.Length)
                {
                    if (pattern[i] == '\'')
                    {
                        if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                        {
                            sb.Append('\'');
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    sb.Append(pattern[i++]);
                }

                i++;
                tokens.Add(new Token('\0', 0, sb.ToString()));
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var count = 1;
                while (i + count < pattern.Length && pattern[i + count] == c)
                {
                    count++;
                }

                if ("GCYxweEyDMdaKhHkmsSzZ".IndexOf(c, StringComparison.Ordinal) < 0)
                {
                    throw FunctionErrors.InvalidArgument($"Illegal pattern component: {c}");
                }

                tokens.Add(new Token(c, count, null));
                i += count;
                continue;
            }

            tokens.Add(new Token('\0', 0, c.ToString()));
            i++;
        }

        return new JodaDateTimeFormat(pattern, [.. tokens]);
    }

    public void Format(in DateTimeParts p, Utf8ColumnWriter output)
    {
        var sb = new StringBuilder(32);
        foreach (var t in _tokens)
        {
            if (t.Letter == '\0')
            {
                sb.Append(t.Literal);
                continue;
            }

            var n = t.Count;
            switch (t.Letter)
            {
                case 'G':
                    sb.Append(p.Year > 0 ? "AD" : "BC");
                    break;
                case 'C':
                    Number(sb, p.Year / 100, n);
                    break;
                case 'Y':
                    YearNumber(sb, p.Year > 0 ? p.Year : 1 - p.Year, n);
                    break;
                case 'y':
                    YearNumber(sb, p.Year, n);
                    break;
                case 'x':
                    YearNumber(sb, CivilTime.IsoWeek(p.Days).WeekYear, n);
                    break;
                case 'w':
                    Number(sb, CivilTime.IsoWeek(p.Days).Week, n);
                    break;
                case 'e':
                    Number(sb, p.DayOfWeek, n);
                    break;
                case 'E':
                    {
                        var name = DateTimeParts.DayNames[p.DayOfWeek - 1];
                        sb.Append(n >= 4 ? name : name[..3]);
                        break;
                    }

                case 'D':
                    Number(sb, p.DayOfYear, n);
                    break;
                case 'M':
                    if (n >= 3)
                    {
                        var name = DateTimeParts.MonthNames[p.Month - 1];
                        sb.Append(n >= 4 ? name : name[..3]);
                    }
                    else
                    {
                        Number(sb, p.Month, n);
                    }

                    break;
                case 'd':
                    Number(sb, p.Day, n);
                    break;
                case 'a':
                    sb.Append(p.Hour < 12 ? "AM" : "PM");
                    break;
                case 'K':
                    Number(sb, p.Hour % 12, n);
                    break;
                case 'h':
                    Number(sb, p.Hour % 12 == 0 ? 12 : p.Hour % 12, n);
                    break;
                case 'H':
                    Number(sb, p.Hour, n);
                    break;
                case 'k':
                    Number(sb, p.Hour == 0 ? 24 : p.Hour, n);
                    break;
                case 'm':
                    Number(sb, p.Minute, n);
                    break;
                case 's':
                    Number(sb, p.Second, n);
                    break;
                case 'S':
                    {
                        // Fraction of second truncated to n digits (digits beyond microseconds are zeros).
                        var digits = p.Microsecond.ToString("000000", CultureInfo.InvariantCulture);
                        sb.Append(n <= 6 ? digits[..n] : digits + new string('0', n - 6));
                        break;
                    }

                case 'z':
                    sb.Append(p.ZoneId);
                    break;
                case 'Z':
                    if (n >= 3)
                    {
                        sb.Append(p.ZoneId);
                    }
                    else
                    {
                        Offset(sb, p.OffsetMicros, n == 2);
                    }

                    break;
            }
        }

        var chars = sb.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        output.Advance(Encoding.UTF8.GetBytes(chars, span));
    }

    internal static void Offset(StringBuilder sb, long offsetMicros, bool colon)
    {
        if (offsetMicros == 0 && !colon)
        {
            sb.Append("+0000");
            return;
        }

        sb.Append(offsetMicros < 0 ? '-' : '+');
        var minutes = Math.Abs(offsetMicros) / CivilTime.MicrosPerMinute;
        sb.Append((minutes / 60).ToString("00", CultureInfo.InvariantCulture));
        if (colon)
        {
            sb.Append(':');
        }

        sb.Append((minutes % 60).ToString("00", CultureInfo.InvariantCulture));
    }

    private static void Number(StringBuilder sb, long value, int minDigits)
    {
        if (value < 0)
        {
            sb.Append('-');
            value = -value;
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Length < minDigits)
        {
            sb.Append('0', minDigits - text.Length);
        }

        sb.Append(text);
    }

    private static void YearNumber(StringBuilder sb, long year, int count)
    {
        if (count == 2)
        {
            Number(sb, CivilTime.FloorMod(year, 100), 2);
        }
        else
        {
            Number(sb, year, count);
        }
    }

    private readonly record struct Token(char Letter, int Count, string? Literal);
}
