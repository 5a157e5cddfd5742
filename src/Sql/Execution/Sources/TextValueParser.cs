using System.Globalization;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// Types of text columns (read_csv, strings in read_json): the narrowest of bigint, double, boolean, date,
/// timestamp, varchar that every sampled value parses as; and the parse of one value into that type (dates and
/// timestamps exactly as CAST from varchar reads them).
/// </summary>
internal static class TextValueParser
{
    private static readonly SqlType[] s_candidates = [SqlType.BigInt, SqlType.Double, SqlType.Boolean, SqlType.Date, SqlType.Timestamp];

    /// <summary>The candidate types still possible after <paramref name="text"/> (a bit set over the candidates).</summary>
    public static int Narrow(int possible, string text, FunctionContext context)
    {
        for (var i = 0; i < s_candidates.Length; i++)
        {
            if ((possible & (1 << i)) != 0 && !TryParse(text, s_candidates[i], context, out _))
            {
                possible &= ~(1 << i);
            }
        }

        return possible;
    }

    public static int AllCandidates => (1 << s_candidates.Length) - 1;

    /// <summary>The first (narrowest) remaining candidate, or varchar.</summary>
    public static SqlType Choose(int possible, bool sawValue)
    {
        if (!sawValue)
        {
            return SqlType.Varchar;
        }

        for (var i = 0; i < s_candidates.Length; i++)
        {
            if ((possible & (1 << i)) != 0)
            {
                return s_candidates[i];
            }
        }

        return SqlType.Varchar;
    }

    public static bool TryParse(string text, SqlType type, FunctionContext context, out object? value)
    {
        value = null;
        switch (type.Kind)
        {
            case SqlTypeKind.BigInt:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    value = l;
                    return true;
                }

                return false;
            case SqlTypeKind.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    value = d;
                    return true;
                }

                return false;
            case SqlTypeKind.Boolean:
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    value = text.Length == 4;
                    return true;
                }

                return false;
            case SqlTypeKind.Date or SqlTypeKind.Timestamp:
                if (text.Length < 8 || !char.IsAsciiDigit(text[0]) || (type.Kind == SqlTypeKind.Date && text.Length > 10))
                {
                    return false;
                }

                try
                {
                    value = ValueConversions.Convert(text, SqlType.Varchar, type, context);
                    return value is not null;
                }
                catch (SqlException)
                {
                    return false;
                }

            default:
                value = text;
                return true;
        }
    }
}
