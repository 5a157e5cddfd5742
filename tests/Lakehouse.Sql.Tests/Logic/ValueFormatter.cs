using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Tests.Logic;

/// <summary>
/// The text of result values in .test files (the DuckDB oracle script formats the same way): NULL,
/// true/false, integers, floats rounded to 6 decimals without trailing zeros, exact decimals, strings
/// ("(empty)" for ''), dates, timestamps without trailing fractional zeros, [lists], {'field': rows}.
/// </summary>
public static class ValueFormatter
{
    public static List<string[]> Rows(IReadOnlyList<RecordBatch> batches)
    {
        var rows = new List<string[]>();
        foreach (var batch in batches)
        {
            var types = batch.Schema.Fields.Select(f => SqlType.FromArrow(f.Type) ?? SqlType.Unknown).ToArray();
            for (var r = 0; r < batch.Length; r++)
            {
                var row = new string[batch.ColumnCount];
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = Format(ArrayFactory.GetValue(batch.Column(c), r, types[c]), types[c], true);
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    public static string Format(object? value, SqlType type, bool top) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        float f => FormatDouble(f),
        double d => FormatDouble(d),
        SqlDecimal m => m.ToString(),
        string s => top && s.Length == 0 ? "(empty)" : top ? s : $"'{s}'",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => FormatTimestamp(t),
        DateTimeOffset o => FormatTimestamp(o.UtcDateTime) + "+00",
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + (t.Ticks % TimeSpan.TicksPerSecond == 0 ? string.Empty : "." + (t.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0')),
        byte[] bytes => "\\x" + Convert.ToHexString(bytes),
        object?[] items when type.Kind == SqlTypeKind.Array => "[" + string.Join(", ", items.Select(i => Format(i, type.ElementType!, false))) + "]",
        object?[] fields when type.Kind == SqlTypeKind.Row => "{" + string.Join(", ", fields.Select((f, i) => $"'{type.Fields[i].Name ?? $"field{i}"}': {Format(f, type.Fields[i].Type, false)}")) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatTimestamp(DateTime t)
    {
        var s = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var frac = t.Ticks % TimeSpan.TicksPerSecond;
        return frac == 0 ? s : s + "." + frac.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        var r = Math.Round(d, 6);
        if (r == 0)
        {
            r = 0;
        }

        return r.ToString("0.######", CultureInfo.InvariantCulture);
    }
}
