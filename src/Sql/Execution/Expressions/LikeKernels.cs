using System.Text;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>
/// LIKE / ILIKE with optional ESCAPE over UTF-8 bytes through the compiled <see cref="LikePattern"/> (literal,
/// prefix, suffix and contains fast paths). A constant pattern compiles once; a pattern column recompiles only
/// when the pattern changes from one row to the next.
/// </summary>
internal static class LikeKernels
{
    public static ColumnVector Like(ColumnVector value, ColumnVector pattern, ColumnVector? escape, bool caseInsensitive, int n)
    {
        var result = new BoolVectorBuilder(n);
        LikePattern? compiled = null;
        byte[]? compiledPattern = null;
        string? compiledEscape = null;
        var constantEscape = escape is { IsConstant: true } && !escape.IsNull(0) ? Encoding.UTF8.GetString(escape.GetBytes(0)) : null;
        for (var i = 0; i < n; i++)
        {
            if (value.IsNull(i) || pattern.IsNull(i) || (escape is not null && escape.IsNull(i)))
            {
                result.SetNull(i);
                continue;
            }

            var p = pattern.GetBytes(i);
            var e = escape is null ? null : constantEscape ?? Encoding.UTF8.GetString(escape.GetBytes(i));
            if (compiled is null || !p.SequenceEqual(compiledPattern) || e != compiledEscape)
            {
                compiled = LikePattern.Compile(Encoding.UTF8.GetString(p), e, caseInsensitive);
                compiledPattern = p.ToArray();
                compiledEscape = e;
            }

            result.Set(i, compiled.IsMatch(value.GetBytes(i)));
        }

        return result.Build();
    }
}
