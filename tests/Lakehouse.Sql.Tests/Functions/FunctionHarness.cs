using System.Collections;
using System.Globalization;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Tests.Functions;

/// <summary>Calls registered functions on literal values and renders results as DuckDB prints them (tests only).</summary>
internal static class FunctionHarness
{
    public static readonly FunctionRegistry Registry = FunctionRegistry.CreateDefault();

    /// <summary>Scalar call with every argument as a one-row array (the vectorized path), rendered as text.</summary>
    public static string? Call(string name, params (object? Value, SqlType Type)[] args)
    {
        var bound = Registry.ResolveScalar(name, args.Select(a => a.Type).ToList());
        var vectors = new ColumnVector[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            // The binder casts to the bound parameter types; here literals are given in those types already or converted.
            var type = bound.ArgumentTypes[i];
            vectors[i] = ColumnVector.FromArray(type, ArrayFactory.FromValues(type, [Convert(args[i].Value, type)]));
        }

        var result = bound.Invoke(vectors, 1, new FunctionContext(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch));
        return Render(ArrayFactory.GetValue(result.Array, result.Index(0), bound.ReturnType), bound.ReturnType);
    }

    /// <summary>Scalar call with constant arguments (the folding path).</summary>
    public static string? CallConstant(string name, params (object? Value, SqlType Type)[] args)
    {
        var bound = Registry.ResolveScalar(name, args.Select(a => a.Type).ToList());
        var vectors = args.Select((a, i) => ColumnVector.Constant(bound.ArgumentTypes[i], ArrayFactory.FromValues(bound.ArgumentTypes[i], [Convert(a.Value, bound.ArgumentTypes[i])]), 3)).ToArray();
        var result = bound.Invoke(vectors, 3, new FunctionContext(TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch));
        return Render(ArrayFactory.GetValue(result.Array, result.Index(2), bound.ReturnType), bound.ReturnType);
    }

    /// <summary>Runs an aggregate over rows split into two partial states (merged), one result per group.</summary>
    public static string?[] Aggregate(string name, SqlType[] types, object?[][] columns, int[] groups, int groupCount)
    {
        var bound = Registry.ResolveAggregate(name, types, distinct: false);
        var half = groups.Length / 2;
        var a = bound.CreateState();
        var b = bound.CreateState();
        a.EnsureGroups(groupCount);
        b.EnsureGroups(groupCount);
        Feed(a, 0, half);
        Feed(b, half, groups.Length - half);
        var identity = Enumerable.Range(0, groupCount).ToArray();
        a.Merge(b, identity);
        var result = a.Finish(groupCount);
        return Enumerable.Range(0, groupCount).Select(g => Render(ArrayFactory.GetValue(result, g, bound.ReturnType), bound.ReturnType)).ToArray();

        void Feed(GroupedAggregateState state, int start, int count)
        {
            var vectors = new ColumnVector[types.Length];
            for (var i = 0; i < types.Length; i++)
            {
                var t = bound.ArgumentTypes[i];
                vectors[i] = ColumnVector.FromArray(t, ArrayFactory.FromValues(t, columns[i].Skip(start).Take(count).Select(v => Convert(v, t))));
            }

            state.Update(groups.AsSpan(start, count), vectors, count);
        }
    }

    public static object? Convert(object? value, SqlType type) => (value, type.Kind) switch
    {
        (null, _) => null,
        (int i, SqlTypeKind.BigInt) => (long)i,
        (int i, SqlTypeKind.Double) => (double)i,
        (long l, SqlTypeKind.Double) => (double)l,
        (string s, SqlTypeKind.Date) => DateOnly.Parse(s, CultureInfo.InvariantCulture),
        (string s, SqlTypeKind.Timestamp) => DateTime.Parse(s, CultureInfo.InvariantCulture),
        (string s, SqlTypeKind.TimestampWithTimeZone) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture),
        (string s, SqlTypeKind.Decimal) => SqlDecimal.Parse(s),
        (string s, SqlTypeKind.Varbinary) => System.Text.Encoding.UTF8.GetBytes(s),
        _ => value,
    };

    public static string? Render(object? value, SqlType type)
    {
        switch (value)
        {
            case null:
                return null;
            case bool b:
                return b ? "true" : "false";
            case double d:
                return d.ToString("R", CultureInfo.InvariantCulture);
            case byte[] bytes:
                return System.Convert.ToHexString(bytes);
            case DateOnly date:
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case DateTime dt:
                return dt.ToString(dt.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            case DateTimeOffset dto:
                return Render(dto.UtcDateTime, SqlType.Timestamp) + "+00";
            case string s:
                return s;
            case IEnumerable list when type.Kind == SqlTypeKind.Array:
                return "[" + string.Join(", ", list.Cast<object?>().Select(x => Render(x, type.ElementType!) ?? "NULL")) + "]";
            case IFormattable f:
                return f.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString();
        }
    }
}
