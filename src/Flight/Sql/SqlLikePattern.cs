using System.Text;
using System.Text.RegularExpressions;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// The filter patterns of GetDbSchemas/GetTables: SQL LIKE semantics, <c>%</c> any sequence, <c>_</c> one
/// character, <c>\</c> escapes the next character; matching is case-sensitive over the whole name.
/// </summary>
public sealed class SqlLikePattern
{
    private readonly Regex _regex;

    public SqlLikePattern(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
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

        _regex = new Regex(sb.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public bool IsMatch(string? value) => value is not null && _regex.IsMatch(value);

    /// <summary>A null (absent) pattern matches everything, including null names.</summary>
    public static bool Matches(string? pattern, string? value) => pattern is null || new SqlLikePattern(pattern).IsMatch(value);
}
