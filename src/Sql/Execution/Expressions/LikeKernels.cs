using System.Text;
using System.Text.RegularExpressions;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>
/// LIKE / ILIKE with optional ESCAPE. Constant patterns of the shapes 'abc', 'abc%', '%abc', '%abc%' match
/// bytes directly; others compile once to a regular expression (one per distinct pattern in the chunk).
/// </summary>
internal static class LikeKernels
{
    public static ColumnVector Like(ColumnVector value, ColumnVector pattern, ColumnVector? escape, bool caseInsensitive, int n)
    {
        var result = new BoolVectorBuilder(n);
        var values = (BinaryArray)value.Array;
        if (pattern.IsConstant && (escape is null || escape.IsConstant) && !caseInsensitive)
        {
            if (pattern.IsNull(0) || (escape is not null && escape.IsNull(0)))
            {
                for (var i = 0; i < n; i++)
                {
                    result.SetNull(i);
                }

                return result.Build();
            }

            var p = Encoding.UTF8.GetString(pattern.GetBytes(0));
            var e = escape is null ? (char?)null : Encoding.UTF8.GetString(escape.GetBytes(0)) is { Length: 1 } es ? es[0] : throw new SqlException(SqlErrorKind.Execution, "Escape string must be a single character");
            if (e is null && SimpleShape(p) is { } shape)
            {
                var needle = Encoding.UTF8.GetBytes(shape.Text);
                for (var i = 0; i < n; i++)
                {
                    var idx = value.Index(i);
                    if (values.IsNull(idx))
                    {
                        result.SetNull(i);
                        continue;
                    }

                    var s = values.GetBytes(idx);
                    result.Set(i, shape.Kind switch
                    {
                        0 => s.SequenceEqual(needle),
                        1 => s.StartsWith(needle),
                        2 => s.EndsWith(needle),
                        _ => s.IndexOf(needle) >= 0,
                    });
                }

                return result.Build();
            }
        }

        Regex? cached = null;
        string? cachedPattern = null;
        for (var i = 0; i < n; i++)
        {
            if (value.IsNull(i) || pattern.IsNull(i) || (escape is not null && escape.IsNull(i)))
            {
                result.SetNull(i);
                continue;
            }

            var p = Encoding.UTF8.GetString(pattern.GetBytes(i));
            if (cached is null || cachedPattern != p)
            {
                var e = escape is null ? (char?)null : Encoding.UTF8.GetString(escape.GetBytes(i)) is { Length: 1 } es ? es[0] : throw new SqlException(SqlErrorKind.Execution, "Escape string must be a single character");
                cached = ToRegex(p, e, caseInsensitive);
                cachedPattern = p;
            }

            result.Set(i, cached.IsMatch(Encoding.UTF8.GetString(value.GetBytes(i))));
        }

        return result.Build();
    }

    /// <summary>0 exact, 1 prefix, 2 suffix, 3 contains; null for other patterns.</summary>
    private static (int Kind, string Text)? SimpleShape(string p)
    {
        if (p.Contains('_', StringComparison.Ordinal))
        {
            return null;
        }

        var inner = p.Trim('%');
        if (inner.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        var starts = p.StartsWith('%');
        var ends = p.EndsWith('%') && p.Length > 1;
        return (starts, ends) switch
        {
            (false, false) => (0, p),
            (false, true) => (1, inner),
            (true, false) => (2, inner),
            _ => (3, inner),
        };
    }

    public static Regex ToRegex(string pattern, char? escape, bool caseInsensitive)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (escape is { } e && c == e)
            {
                if (i + 1 >= pattern.Length || (pattern[i + 1] != '%' && pattern[i + 1] != '_' && pattern[i + 1] != e))
                {
                    throw new SqlException(SqlErrorKind.Execution, "Escape character must be followed by '%', '_' or the escape character");
                }

                sb.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '%')
            {
                sb.Append(".*");
            }
            else if (c == '_')
            {
                sb.Append('.');
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | (caseInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None));
    }
}
