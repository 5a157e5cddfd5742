using Lakehouse.Sql.Functions.Numeric;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>Math functions (abs is the engine core's).</summary>
internal static class MathLibrary
{
    private static readonly SqlType D = SqlType.Double;
    private static readonly SqlType B = SqlType.BigInt;

    public static void Register(FunctionRegistry registry)
    {
        Unary(registry, "sqrt", "square root", Math.Sqrt);
        Unary(registry, "cbrt", "cube root", Math.Cbrt);
        Unary(registry, "exp", "e to the power x", Math.Exp);
        Unary(registry, "ln", "natural logarithm", Math.Log);
        Unary(registry, "log10", "base-10 logarithm", Math.Log10);
        Unary(registry, "log2", "base-2 logarithm", Math.Log2);
        Unary(registry, "sin", "sine", Math.Sin);
        Unary(registry, "cos", "cosine", Math.Cos);
        Unary(registry, "tan", "tangent", Math.Tan);
        Unary(registry, "asin", "arc sine", Math.Asin);
        Unary(registry, "acos", "arc cosine", Math.Acos);
        Unary(registry, "atan", "arc tangent", Math.Atan);
        Unary(registry, "sinh", "hyperbolic sine", Math.Sinh);
        Unary(registry, "cosh", "hyperbolic cosine", Math.Cosh);
        Unary(registry, "tanh", "hyperbolic tangent", Math.Tanh);
        Unary(registry, "degrees", "radians to degrees", static x => x * 180.0 / Math.PI);
        Unary(registry, "radians", "degrees to radians", static x => x * Math.PI / 180.0);
        Binary(registry, "power", "x to the power p", Math.Pow);
        Binary(registry, "pow", "x to the power p", Math.Pow);
        Binary(registry, "atan2", "arc tangent of y / x", Math.Atan2);
        Binary(registry, "log", "logarithm of x to base b: log(b, x)", MathFunctions.Log);
        Constant(registry, "pi", "π", Math.PI);
        Constant(registry, "e", "Euler's number", Math.E);
        Constant(registry, "infinity", "positive infinity", double.PositiveInfinity);
        Constant(registry, "nan", "not a number", double.NaN);
        registry.Register(new LibraryScalarFunction("is_nan", "whether x is NaN")
            .Add([D], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => { v = double.IsNaN(Arg.Double(a[0], r)); return true; })));
        registry.Register(new LibraryScalarFunction("is_finite", "whether x is finite")
            .Add([D], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => { v = double.IsFinite(Arg.Double(a[0], r)); return true; })));
        registry.Register(new LibraryScalarFunction("is_infinite", "whether x is infinite")
            .Add([D], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => { v = double.IsInfinity(Arg.Double(a[0], r)); return true; })));

        registry.Register(new LibraryScalarFunction("mod", "remainder with the dividend's sign (integer division by zero is an error)")
            .Add([B, B], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = MathFunctions.Mod(Arg.Int64(a[0], r), Arg.Int64(a[1], r)); return true; }))
            .Add([D, D], D, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = MathFunctions.Mod(Arg.Double(a[0], r), Arg.Double(a[1], r)); return true; })));
        registry.Register(new LibraryScalarFunction("sign", "-1, 0 or 1")
            .Add([B], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = Math.Sign(Arg.Int64(a[0], r)); return true; }))
            .Add([D], D, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = MathFunctions.Sign(Arg.Double(a[0], r)); return true; }))
            .Add(new ScalarOverload([], SqlType.Decimal(1, 0), static (a, n, _, t) => Rows.Values<Int128>(t, a, n, static (a, r, out v) => { v = Int128.Sign(Arg.Decimal(a[0], r)); return true; }),
                Resolve: static args => args.Count == 1 && args[0].Kind == SqlTypeKind.Decimal ? ([args[0]], SqlType.Decimal(1, 0)) : null, Signature: "sign(decimal(p,s)) → decimal(1,0)")));

        var round = new LibraryScalarFunction("round", "rounds half away from zero (to d decimals)");
        var truncate = new LibraryScalarFunction("truncate", "rounds toward zero (to d decimals)");
        var ceil = new LibraryScalarFunction("ceiling", "smallest integer not below x");
        var ceilAlias = new LibraryScalarFunction("ceil", "smallest integer not below x");
        var floor = new LibraryScalarFunction("floor", "largest integer not above x");
        foreach (var integer in new[] { SqlType.TinyInt, SqlType.SmallInt, SqlType.Integer, SqlType.BigInt })
        {
            // Integers keep their type; rounding to negative decimals works on tens, hundreds…
            round.Add(new ScalarOverload([integer], integer, static (a, n, _, t) => a[0], Resolve: null));
            ceil.Add([integer], integer, static (a, n, _, t) => a[0]);
            ceilAlias.Add([integer], integer, static (a, n, _, t) => a[0]);
            floor.Add([integer], integer, static (a, n, _, t) => a[0]);
        }

        round.Add([B, B], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = MathFunctions.Round(Arg.Int64(a[0], r), Arg.Int64(a[1], r)); return true; }));
        round.Add([D], D, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = MathFunctions.Round(Arg.Double(a[0], r)); return true; }));
        round.Add([D, B], D, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = MathFunctions.Round(Arg.Double(a[0], r), Arg.Int64(a[1], r)); return true; }));
        round.Add(Decimal("round(decimal(p,s)) → decimal(p-s+1,0)", 1, static (x, scale, _) => DecimalRounding.Round(x, scale, 0) / DecimalRounding.Pow10(scale), keepScale: false));
        round.Add(Decimal("round(decimal(p,s), integer) → decimal(p+1,s)", 2, static (x, scale, d) => DecimalRounding.Round(x, scale, d), keepScale: true));
        truncate.Add([D], D, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = MathFunctions.Truncate(Arg.Double(a[0], r)); return true; }));
        truncate.Add([D, B], D, static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = MathFunctions.Truncate(Arg.Double(a[0], r), Arg.Int64(a[1], r)); return true; }));
        truncate.Add(Decimal("truncate(decimal(p,s)) → decimal(p-s,0)", 1, static (x, scale, _) => DecimalRounding.Truncate(x, scale, 0) / DecimalRounding.Pow10(scale), keepScale: false, growPrecision: false));
        truncate.Add(Decimal("truncate(decimal(p,s), integer) → decimal(p,s)", 2, static (x, scale, d) => DecimalRounding.Truncate(x, scale, d), keepScale: true, growPrecision: false));
        foreach (var (f, up) in new[] { (ceil, true), (ceilAlias, true), (floor, false) })
        {
            f.Add([D], D, up
                ? static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = Math.Ceiling(Arg.Double(a[0], r)); return true; })
                : static (a, n, _, t) => Rows.Values<double>(t, a, n, static (a, r, out v) => { v = Math.Floor(Arg.Double(a[0], r)); return true; }));
            f.Add(Decimal($"{f.Name}(decimal(p,s)) → decimal(p-s+1,0)", 1, up
                ? static (x, scale, _) => DecimalRounding.CeilOrFloor(x, scale, ceil: true)
                : static (x, scale, _) => DecimalRounding.CeilOrFloor(x, scale, ceil: false), keepScale: false));
        }

        registry.Register(round);
        registry.Register(truncate);
        registry.Register(ceil);
        registry.Register(ceilAlias);
        registry.Register(floor);

        registry.Register(new LibraryScalarFunction("width_bucket", "bucket number of x in n equal-width buckets between two bounds")
            .Add([D, D, D, B], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                v = MathFunctions.WidthBucket(Arg.Double(a[0], r), Arg.Double(a[1], r), Arg.Double(a[2], r), Arg.Int64(a[3], r));
                return true;
            })));
        registry.Register(new LibraryScalarFunction("random", "uniform random double in [0, 1), or bigint in [0, n)")
            .Add([], D, static (a, n, _, t) => RandomDoubles(t, n), deterministic: false)
            .Add([B], B, static (a, n, _, t) => RandomLongs(t, a[0], n), deterministic: false));
        registry.Register(new LibraryScalarFunction("rand", "uniform random double in [0, 1)")
            .Add([], D, static (a, n, _, t) => RandomDoubles(t, n), deterministic: false));
    }

    private static ColumnVector RandomLongs(SqlType type, ColumnVector bounds, int n)
    {
        var memory = Execution.Vectors.ArrayFactory.Allocate<long>(n, out var values);
        for (var i = 0; i < n; i++)
        {
            var bound = bounds.IsNull(i) ? 1 : Arg.Int64(bounds, i);
            if (bound <= 0)
            {
                throw FunctionErrors.InvalidArgument("bound must be positive");
            }

            values[i] = Random.Shared.NextInt64(bound);
        }

        return ColumnVector.FromArray(type, Execution.Vectors.ArrayFactory.Wrap(type, n, memory, null, 0));
    }

    private static ColumnVector RandomDoubles(SqlType type, int n)
    {
        var memory = Execution.Vectors.ArrayFactory.Allocate<double>(n, out var values);
        for (var i = 0; i < n; i++)
        {
            values[i] = Random.Shared.NextDouble();
        }

        return ColumnVector.FromArray(type, Execution.Vectors.ArrayFactory.Wrap(type, n, memory, null, 0));
    }

    private delegate Int128 DecimalOp(Int128 unscaled, int scale, long decimals);

    /// <summary>A decimal overload: the result keeps the scale (round to d places) or becomes scale 0.</summary>
    private static ScalarOverload Decimal(string signature, int arity, DecimalOp op, bool keepScale, bool growPrecision = true) =>
        new([], SqlType.Decimal(38, 0), (a, n, _, t) =>
        {
            var scale = a[0].Type.Scale;
            var limit = DecimalRounding.MaxUnscaled(t.Precision);
            return Rows.Values<Int128>(t, a, n, (a, r, out v) =>
            {
                v = op(Arg.Decimal(a[0], r), scale, a.Length > 1 ? Arg.Int64(a[1], r) : 0);
                if (Int128.Abs(v) > limit)
                {
                    throw FunctionErrors.Overflow($"decimal overflow in {signature}");
                }

                return true;
            });
        },
        Resolve: args =>
        {
            if (args.Count != arity || args[0].Kind != SqlTypeKind.Decimal || (arity == 2 && !(args[1].IsInteger || args[1].Kind == SqlTypeKind.Unknown)))
            {
                return null;
            }

            var p = args[0].Precision;
            var s = args[0].Scale;
            var result = keepScale
                ? SqlType.Decimal(Math.Min(38, p + (growPrecision ? 1 : 0)), s)
                : SqlType.Decimal(Math.Max(1, Math.Min(38, p - s + (growPrecision ? 1 : 0))), 0);
            return (arity == 2 ? [args[0], SqlType.BigInt] : [args[0]], result);
        },
        Signature: signature);

    private static void Unary(FunctionRegistry registry, string name, string description, Func<double, double> f) =>
        registry.Register(new LibraryScalarFunction(name, description)
            .Add([D], D, (a, n, _, t) => Rows.Values<double>(t, a, n, (a, r, out v) => { v = f(Arg.Double(a[0], r)); return true; })));

    private static void Binary(FunctionRegistry registry, string name, string description, Func<double, double, double> f) =>
        registry.Register(new LibraryScalarFunction(name, description)
            .Add([D, D], D, (a, n, _, t) => Rows.Values<double>(t, a, n, (a, r, out v) => { v = f(Arg.Double(a[0], r), Arg.Double(a[1], r)); return true; })));

    private static void Constant(FunctionRegistry registry, string name, string description, double value) =>
        registry.Register(new LibraryScalarFunction(name, description)
            .Add([], D, (a, n, _, t) => ColumnVector.Constant(t, Execution.Vectors.ArrayFactory.Single(t, value), n)));
}
