using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>Date/time arithmetic: date|timestamp ± interval, interval ± interval, timestamp - timestamp.</summary>
internal static class TemporalKernels
{
    public static ColumnVector Arithmetic(BoundOperatorKind kind, ColumnVector l, ColumnVector r, SqlType type, int n)
    {
        var builder = ArrayBuilder.Create(type.ArrowType);
        var sign = kind == BoundOperatorKind.Subtract ? -1 : 1;
        for (var i = 0; i < n; i++)
        {
            var a = ArrayFactory.GetValue(l.Array, l.Index(i), l.Type);
            var b = ArrayFactory.GetValue(r.Array, r.Index(i), r.Type);
            if (a is null || b is null)
            {
                builder.AppendNull();
                continue;
            }

            // Interval on the left of + is commutative.
            if (l.Type.IsInterval && !r.Type.IsInterval && kind == BoundOperatorKind.Add)
            {
                (a, b) = (b, a);
            }

            object result = (a, b) switch
            {
                (DateTime t, TimeSpan s) => t + (sign * s),
                (DateTime t, int m) => t.AddMonths(sign * m),
                (DateTimeOffset t, TimeSpan s) => t + (sign * s),
                (DateTimeOffset t, int m) => t.AddMonths(sign * m),
                (DateOnly d, TimeSpan s) when type.Kind == SqlTypeKind.Date => d.AddDays(sign * (int)s.TotalDays),
                (DateOnly d, TimeSpan s) => d.ToDateTime(TimeOnly.MinValue) + (sign * s),
                (DateOnly d, int m) => d.AddMonths(sign * m),
                (TimeSpan x, TimeSpan y) => x + (sign * y),
                (int x, int y) when l.Type.IsInterval && r.Type.IsInterval => x + (sign * y),
                (DateTime x, DateTime y) when kind == BoundOperatorKind.Subtract => x - y,
                (DateTimeOffset x, DateTimeOffset y) when kind == BoundOperatorKind.Subtract => x - y,
                (TimeOnly t, TimeSpan s) => t.Add(sign * s),
                _ => throw new SqlException(SqlErrorKind.Execution, $"cannot apply {BoundOperator.Symbol(kind)} to {l.Type} and {r.Type}"),
            };
            ArrayFactory.Append(builder, type, result);
        }

        return ColumnVector.FromArray(type, builder.Build());
    }
}
