using System.Globalization;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>Binding of scalar expressions: names, literals, operators with coercions, functions, CASE, CAST.</summary>
public sealed partial class Binder
{
    internal BoundExpression BindPredicate(Expression e, ExpressionContext ctx)
    {
        var bound = BindExpression(e, ctx);
        if (bound.Type.Kind == SqlTypeKind.Unknown)
        {
            return BoundConstant.Null(SqlType.Boolean);
        }

        if (bound.Type.Kind != SqlTypeKind.Boolean)
        {
            throw new SqlException(SqlErrorKind.Binder, $"{ctx.Clause} clause must be a boolean expression, not {bound.Type}: {e}");
        }

        return Fold(bound);
    }

    internal BoundExpression BindExpression(Expression e, ExpressionContext ctx)
    {
        if (ctx.Replace?.Invoke(e) is { } replaced)
        {
            return replaced;
        }

        switch (e)
        {
            case NullLiteral:
                return BoundConstant.Null(SqlType.Unknown);
            case BooleanLiteral b:
                return new BoundConstant(SqlType.Boolean, b.Value);
            case IntegerLiteral i:
                return i.Value is >= int.MinValue and <= int.MaxValue ? new BoundConstant(SqlType.Integer, (int)i.Value) : new BoundConstant(SqlType.BigInt, i.Value);
            case DecimalLiteral d:
                {
                    var v = SqlDecimal.Parse(d.Value);
                    return new BoundConstant(SqlType.Decimal(Math.Max(1, v.Precision), v.Scale), v);
                }

            case DoubleLiteral dbl:
                return new BoundConstant(SqlType.Double, dbl.Value);
            case StringLiteral s:
                return new BoundConstant(SqlType.Varchar, s.Value);
            case BinaryLiteral bin:
                return new BoundConstant(SqlType.Varbinary, Convert.FromHexString(BinaryText(bin)));
            case TypedLiteral t:
                return BindTypedLiteral(t);
            case IntervalLiteral iv:
                return BindInterval(iv);
            case Parameter p:
                return BindParameter(p);
            case ColumnReference c:
                return BindColumn(c, ctx);
            case FieldReference f:
                return BindField(BindExpression(f.Base, ctx), f.Field.Value);
            case UnaryExpression u:
                return BindUnary(u, ctx);
            case BinaryExpression b:
                return BindBinary(b.Operator, BindExpression(b.Left, ctx), BindExpression(b.Right, ctx));
            case BetweenExpression between:
                {
                    var value = BindExpression(between.Value, ctx);
                    var low = BindExpression(between.Low, ctx);
                    var high = BindExpression(between.High, ctx);
                    var both = new BoundOperator(BoundOperatorKind.And, [BindBinary(BinaryOperator.GreaterThanOrEqual, value, low), BindBinary(BinaryOperator.LessThanOrEqual, value, high)], SqlType.Boolean);
                    return between.Negated ? Not(both) : both;
                }

            case IsNullExpression isNull:
                return new BoundOperator(isNull.Negated ? BoundOperatorKind.IsNotNull : BoundOperatorKind.IsNull, [BindExpression(isNull.Value, ctx)], SqlType.Boolean);
            case InListExpression inList:
                {
                    var value = BindExpression(inList.Value, ctx);
                    var items = inList.Values.AsSpan().ToArray().Select(x => BindExpression(x, ctx)).ToArray();
                    var t = value.Type;
                    foreach (var item in items)
                    {
                        t = SqlType.CommonSuperType(t, item.Type) ?? (item is BoundConstant { Value: string } ? t : throw Mismatch("IN", value.Type, item.Type));
                    }

                    if (t.Kind == SqlTypeKind.Unknown)
                    {
                        return BoundConstant.Null(SqlType.Boolean);
                    }

                    var result = new BoundInList(Coerce(value, t, "IN"), items.Select(x => Fold(Coerce(x, t, "IN"))).ToArray());
                    return inList.Negated ? Not(result) : result;
                }

            case LikeExpression like:
                {
                    var value = Coerce(BindExpression(like.Value, ctx), SqlType.Varchar, "LIKE");
                    var pattern = Coerce(BindExpression(like.Pattern, ctx), SqlType.Varchar, "LIKE");
                    var escape = like.Escape is null ? null : Coerce(BindExpression(like.Escape, ctx), SqlType.Varchar, "LIKE ESCAPE");
                    var result = new BoundLike(value, pattern, escape, like.CaseInsensitive);
                    return like.Negated ? Not(result) : result;
                }

            case CastExpression cast:
                {
                    var value = BindExpression(cast.Value, ctx);
                    var target = SqlTypes.FromSyntax(cast.Type);
                    return value.Type == target ? value : value is BoundConstant { Value: null } ? BoundConstant.Null(target) : new BoundCast(value, target, cast.IsTry);
                }

            case CaseExpression cs:
                return BindCase(cs, ctx);
            case FunctionCall call:
                return BindFunctionCall(call, ctx);
            case ExtractExpression extract:
                return BindScalarCall(ExtractFunction(extract.Field.Value), [BindExpression(extract.Value, ctx)]);
            case CurrentValueExpression current:
                return BindCurrent(current);
            case AtTimeZoneExpression atz:
                return BindScalarCall("at_timezone", [BindExpression(atz.Value, ctx), BindExpression(atz.Zone, ctx)]);
            case SubscriptExpression sub:
                {
                    var container = BindExpression(sub.Base, ctx);
                    var index = BindExpression(sub.Index, ctx);
                    return container.Type.Kind switch
                    {
                        SqlTypeKind.Array => new BoundSpecialFunction("$subscript", [container, Coerce(index, SqlType.BigInt, "array subscript")], container.Type.ElementType!),
                        SqlTypeKind.Map => new BoundSpecialFunction("$subscript", [container, Coerce(index, container.Type.ElementType!, "map subscript")], container.Type.ValueType!),
                        SqlTypeKind.Row when index is BoundConstant { Value: int k } => BindFieldIndex(container, k - 1),
                        _ => throw new SqlException(SqlErrorKind.Binder, $"cannot subscript a value of type {container.Type}"),
                    };
                }

            case RowConstructor row:
                {
                    var fields = row.Fields.AsSpan().ToArray().Select(x => BindExpression(x, ctx)).Select(x => x.Type.Kind == SqlTypeKind.Unknown ? BoundConstant.Null(SqlType.Integer) : x).ToArray();
                    return new BoundSpecialFunction("$row", fields, SqlType.Row(fields.Select(f => new SqlRowField(null, f.Type)).ToArray()));
                }

            case ArrayConstructor array:
                {
                    var items = array.Elements.AsSpan().ToArray().Select(x => BindExpression(x, ctx)).ToArray();
                    var t = SqlType.Unknown;
                    foreach (var item in items)
                    {
                        t = SqlType.CommonSuperType(t, item.Type) ?? throw new SqlException(SqlErrorKind.Binder, $"ARRAY elements have incompatible types {t} and {item.Type}");
                    }

                    if (t.Kind == SqlTypeKind.Unknown)
                    {
                        t = SqlType.Integer;
                    }

                    return new BoundSpecialFunction("$array", items.Select(x => Coerce(x, t, "ARRAY")).ToArray(), SqlType.Array(t));
                }

            case SubqueryExpression or InSubqueryExpression or ExistsExpression or QuantifiedComparison:
                return BindSubquery(e, ctx);
            case LambdaExpression:
                throw new SqlException(SqlErrorKind.NotImplemented, "lambda expressions are not supported");
            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"expression {e.GetType().Name}: {e}");
        }
    }

    private static string BinaryText(BinaryLiteral bin) => bin.Hex;

    private static string ExtractFunction(string field) => field.ToLowerInvariant() switch
    {
        "dow" => "day_of_week",
        "doy" => "day_of_year",
        "week" => "week",
        var f => f,
    };

    private static BoundExpression Not(BoundExpression e) => new BoundOperator(BoundOperatorKind.Not, [e], SqlType.Boolean);

    internal static SqlException Mismatch(string op, SqlType a, SqlType b) =>
        new(SqlErrorKind.Binder, $"cannot apply operator {op} to {a} and {b}");

    private BoundExpression BindParameter(Parameter p)
    {
        var index = p.Number - 1;
        if (_context.Parameters is { } values)
        {
            if (index < 0 || index >= values.Count)
            {
                throw new SqlException(SqlErrorKind.Binder, $"parameter ${p.Number} has no value ({values.Count} given)");
            }

            var v = values[index];
            return v switch
            {
                null => BoundConstant.Null(SqlType.Unknown),
                bool b => new BoundConstant(SqlType.Boolean, b),
                sbyte or byte or short => new BoundConstant(SqlType.SmallInt, Convert.ToInt16(v, CultureInfo.InvariantCulture)),
                int i => new BoundConstant(SqlType.Integer, i),
                long l => new BoundConstant(SqlType.BigInt, l),
                float f => new BoundConstant(SqlType.Real, f),
                double d => new BoundConstant(SqlType.Double, d),
                decimal m => BindDecimal(SqlDecimal.Parse(m.ToString(CultureInfo.InvariantCulture))),
                SqlDecimal sd => BindDecimal(sd),
                string s => new BoundConstant(SqlType.Varchar, s),
                byte[] bytes => new BoundConstant(SqlType.Varbinary, bytes),
                DateOnly date => new BoundConstant(SqlType.Date, date),
                DateTime dt => new BoundConstant(SqlType.Timestamp, dt),
                DateTimeOffset o => new BoundConstant(SqlType.TimestampWithTimeZone, o),
                TimeOnly t => new BoundConstant(SqlType.Time, t),
                TimeSpan span => new BoundConstant(SqlType.IntervalDayToSecond, span),
                Guid g => new BoundConstant(SqlType.Uuid, g),
                _ => throw new SqlException(SqlErrorKind.Binder, $"parameter ${p.Number} has a value of unsupported type {v.GetType().Name}"),
            };
        }

        while (ParameterTypes.Count <= index)
        {
            ParameterTypes.Add(SqlType.Unknown);
        }

        return new BoundParameter(index, ParameterTypes[index]);
    }

    private static BoundConstant BindDecimal(SqlDecimal d) => new(SqlType.Decimal(Math.Max(1, d.Precision), d.Scale), d);

    private BoundExpression BindTypedLiteral(TypedLiteral t)
    {
        var type = SqlTypes.FromSyntax(t.Type);
        if (type.Kind == SqlTypeKind.Timestamp && HasZone(t.Value))
        {
            type = SqlType.TimestampWithTimeZone;
        }

        if (type.Kind == SqlTypeKind.Decimal && t.Type is NamedType { Parameters.Count: 0 })
        {
            var d = SqlDecimal.Parse(t.Value);
            return BindDecimal(d);
        }

        if (type.IsString)
        {
            return new BoundConstant(type, t.Value);
        }

        try
        {
            return new BoundConstant(type, ValueConversions.Parse(t.Value, type, _context.FunctionContext));
        }
        catch (SqlException ex)
        {
            throw new SqlException(SqlErrorKind.Binder, $"invalid {type} literal '{t.Value}': {ex.Detail}");
        }
    }

    private static bool HasZone(string text)
    {
        var s = text.Trim();
        if (s.EndsWith('Z') || s.EndsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var timePart = s.Length > 10 ? s[10..] : string.Empty;
        return timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal) || timePart.Trim().Contains(' ', StringComparison.Ordinal) || timePart.Contains('/', StringComparison.Ordinal);
    }

    private static BoundExpression BindInterval(IntervalLiteral iv)
    {
        var sign = iv.Negative ? -1 : 1;
        var text = iv.Value.Trim();
        if (text.StartsWith('-'))
        {
            sign = -sign;
            text = text[1..];
        }

        try
        {
            switch (iv.From)
            {
                case IntervalField.Year or IntervalField.Month:
                    {
                        int months;
                        if (iv.To == IntervalField.Month && iv.From == IntervalField.Year)
                        {
                            var parts = text.Split('-');
                            months = (int.Parse(parts[0], CultureInfo.InvariantCulture) * 12) + int.Parse(parts[1], CultureInfo.InvariantCulture);
                        }
                        else
                        {
                            var n = int.Parse(text, CultureInfo.InvariantCulture);
                            months = iv.From == IntervalField.Year ? n * 12 : n;
                        }

                        return new BoundConstant(SqlType.IntervalYearToMonth, sign * months);
                    }

                default:
                    {
                        TimeSpan span;
                        if (iv.To is null)
                        {
                            var n = double.Parse(text, CultureInfo.InvariantCulture);
                            span = iv.From switch
                            {
                                IntervalField.Week => TimeSpan.FromDays(7 * n),
                                IntervalField.Day => TimeSpan.FromDays(n),
                                IntervalField.Hour => TimeSpan.FromHours(n),
                                IntervalField.Minute => TimeSpan.FromMinutes(n),
                                _ => TimeSpan.FromSeconds(n),
                            };
                        }
                        else
                        {
                            // DAY TO SECOND: 'd hh:mm:ss[.fff]'; HOUR TO SECOND: 'hh:mm:ss'…
                            var days = 0;
                            var rest = text;
                            if (iv.From == IntervalField.Day)
                            {
                                var sp = text.IndexOf(' ', StringComparison.Ordinal);
                                days = int.Parse(sp < 0 ? text : text[..sp], CultureInfo.InvariantCulture);
                                rest = sp < 0 ? "0" : text[(sp + 1)..];
                            }

                            var pieces = rest.Split(':');
                            var seconds = 0.0;
                            var unit = iv.From == IntervalField.Minute ? 60.0 : 3600.0;
                            if (iv.From == IntervalField.Day)
                            {
                                unit = 3600.0;
                            }

                            foreach (var piece in pieces)
                            {
                                seconds += double.Parse(piece, CultureInfo.InvariantCulture) * unit;
                                unit /= 60;
                            }

                            span = TimeSpan.FromDays(days) + TimeSpan.FromSeconds(seconds);
                        }

                        return new BoundConstant(SqlType.IntervalDayToSecond, sign * span);
                    }
            }
        }
        catch (FormatException)
        {
            throw new SqlException(SqlErrorKind.Binder, $"invalid interval literal '{iv.Value}'");
        }
    }

    private BoundExpression BindCurrent(CurrentValueExpression current)
    {
        var now = _context.FunctionContext.QueryStart;
        var local = TimeZoneInfo.ConvertTime(now, _context.FunctionContext.TimeZone);
        return current.Kind switch
        {
            CurrentValue.Date => new BoundConstant(SqlType.Date, DateOnly.FromDateTime(local.DateTime)),
            CurrentValue.Time or CurrentValue.LocalTime => new BoundConstant(SqlType.Time, TimeOnly.FromDateTime(local.DateTime)),
            CurrentValue.Timestamp => new BoundConstant(SqlType.TimestampWithTimeZone, now),
            CurrentValue.LocalTimestamp => new BoundConstant(SqlType.Timestamp, local.DateTime),
            CurrentValue.User => new BoundConstant(SqlType.Varchar, Environment.UserName),
            CurrentValue.Catalog => new BoundConstant(SqlType.Varchar, _context.Catalog),
            _ => new BoundConstant(SqlType.Varchar, _context.Schema),
        };
    }

    private BoundExpression BindColumn(ColumnReference c, ExpressionContext ctx)
    {
        var parts = c.Name.Parts.AsSpan().ToArray().Select(p => p.Value).ToArray();
        var index = ctx.Scope.Find(parts, out var consumed);
        if (index >= 0)
        {
            var col = ctx.Scope.Columns[index];
            BoundExpression result = new BoundColumn(index, col.Type, col.Name);
            for (var i = consumed; i < parts.Length; i++)
            {
                result = BindField(result, parts[i]);
            }

            return result;
        }

        if (ctx.Outer is { } outer && outer.Find(parts, out _) >= 0)
        {
            throw new CorrelatedReferenceException(Scope.Display(c.Name));
        }

        var name = parts[^1];
        var suggestion = ctx.Scope.Suggest(name);
        throw new SqlException(SqlErrorKind.Binder, $"column \"{Scope.Display(c.Name)}\" not found{(suggestion is null ? string.Empty : $"; did you mean \"{suggestion}\"?")}");
    }

    private static BoundExpression BindField(BoundExpression row, string field)
    {
        if (row.Type.Kind != SqlTypeKind.Row)
        {
            throw new SqlException(SqlErrorKind.Binder, $"cannot access field \"{field}\" of a value of type {row.Type}");
        }

        for (var i = 0; i < row.Type.Fields.Count; i++)
        {
            if (string.Equals(row.Type.Fields[i].Name, field, StringComparison.OrdinalIgnoreCase))
            {
                return BindFieldIndex(row, i);
            }
        }

        throw new SqlException(SqlErrorKind.Binder, $"field \"{field}\" not found in {row.Type}");
    }

    private static BoundExpression BindFieldIndex(BoundExpression row, int i)
    {
        if (i < 0 || i >= row.Type.Fields.Count)
        {
            throw new SqlException(SqlErrorKind.Binder, $"row field index {i + 1} is out of range for {row.Type}");
        }

        return new BoundSpecialFunction("$field", [row], row.Type.Fields[i].Type, i);
    }

    private BoundExpression BindUnary(UnaryExpression u, ExpressionContext ctx)
    {
        var operand = BindExpression(u.Operand, ctx);
        switch (u.Operator)
        {
            case UnaryOperator.Not:
                return Not(Coerce(operand, SqlType.Boolean, "NOT"));
            case UnaryOperator.Plus:
                return operand;
            default:
                if (operand.Type.Kind == SqlTypeKind.Unknown)
                {
                    return BoundConstant.Null(SqlType.Integer);
                }

                if (!operand.Type.IsNumeric && !operand.Type.IsInterval)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"cannot apply operator - to {operand.Type}");
                }

                return new BoundOperator(BoundOperatorKind.Negate, [operand], operand.Type);
        }
    }

    internal BoundExpression BindBinary(BinaryOperator op, BoundExpression left, BoundExpression right)
    {
        switch (op)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                {
                    var kind = op == BinaryOperator.And ? BoundOperatorKind.And : BoundOperatorKind.Or;
                    var l = CoerceBoolean(left, op);
                    var r = CoerceBoolean(right, op);
                    var items = new List<BoundExpression>();
                    foreach (var x in new[] { l, r })
                    {
                        if (x is BoundOperator bo && bo.Kind == kind)
                        {
                            items.AddRange(bo.Operands);
                        }
                        else
                        {
                            items.Add(x);
                        }
                    }

                    return new BoundOperator(kind, items, SqlType.Boolean);
                }

            case BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual
                or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual or BinaryOperator.IsDistinctFrom or BinaryOperator.IsNotDistinctFrom:
                {
                    var symbol = Symbol(op);
                    var t = SqlType.CommonSuperType(left.Type, right.Type);
                    if (t is null)
                    {
                        // A string literal converts to the other side's type (extension, as DuckDB).
                        if (right is BoundConstant { Value: string })
                        {
                            t = left.Type;
                        }
                        else if (left is BoundConstant { Value: string })
                        {
                            t = right.Type;
                        }
                        else
                        {
                            throw Mismatch(symbol, left.Type, right.Type);
                        }
                    }

                    var ordering = op is BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual or BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual;
                    if ((ordering && !t.IsOrderable) || !t.IsComparable)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot apply operator {symbol} to {left.Type} and {right.Type}: {t} is not {(ordering ? "orderable" : "comparable")}");
                    }

                    if (t.Kind == SqlTypeKind.Unknown)
                    {
                        return op is BinaryOperator.IsDistinctFrom ? new BoundConstant(SqlType.Boolean, false)
                            : op is BinaryOperator.IsNotDistinctFrom ? new BoundConstant(SqlType.Boolean, true)
                            : BoundConstant.Null(SqlType.Boolean);
                    }

                    var kind = op switch
                    {
                        BinaryOperator.Equal => BoundOperatorKind.Equal,
                        BinaryOperator.NotEqual => BoundOperatorKind.NotEqual,
                        BinaryOperator.LessThan => BoundOperatorKind.LessThan,
                        BinaryOperator.LessThanOrEqual => BoundOperatorKind.LessThanOrEqual,
                        BinaryOperator.GreaterThan => BoundOperatorKind.GreaterThan,
                        BinaryOperator.GreaterThanOrEqual => BoundOperatorKind.GreaterThanOrEqual,
                        BinaryOperator.IsDistinctFrom => BoundOperatorKind.IsDistinctFrom,
                        _ => BoundOperatorKind.IsNotDistinctFrom,
                    };
                    return new BoundOperator(kind, [Coerce(left, t, symbol), Coerce(right, t, symbol)], SqlType.Boolean);
                }

            case BinaryOperator.Concatenate:
                {
                    if (left.Type.Kind == SqlTypeKind.Array || right.Type.Kind == SqlTypeKind.Array)
                    {
                        return BindScalarCall("concat", [left, right]);
                    }

                    var l = left.Type.IsString || left.Type.Kind == SqlTypeKind.Unknown ? Coerce(left, SqlType.Varchar, "||") : new BoundCast(left, SqlType.Varchar, false);
                    var r = right.Type.IsString || right.Type.Kind == SqlTypeKind.Unknown ? Coerce(right, SqlType.Varchar, "||") : new BoundCast(right, SqlType.Varchar, false);
                    return new BoundOperator(BoundOperatorKind.Concatenate, [l, r], SqlType.Varchar);
                }

            default:
                return BindArithmetic(op, left, right);
        }
    }

    private BoundExpression CoerceBoolean(BoundExpression e, BinaryOperator op)
    {
        if (e.Type.Kind is SqlTypeKind.Boolean)
        {
            return e;
        }

        if (e.Type.Kind == SqlTypeKind.Unknown)
        {
            return Coerce(e, SqlType.Boolean, Symbol(op));
        }

        throw new SqlException(SqlErrorKind.Binder, $"cannot apply operator {Symbol(op)} to {e.Type}: a boolean is required");
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "OR",
        BinaryOperator.And => "AND",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.IsDistinctFrom => "IS DISTINCT FROM",
        BinaryOperator.IsNotDistinctFrom => "IS NOT DISTINCT FROM",
        BinaryOperator.Concatenate => "||",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    private BoundExpression BindArithmetic(BinaryOperator op, BoundExpression left, BoundExpression right)
    {
        var symbol = Symbol(op);
        var kind = op switch
        {
            BinaryOperator.Add => BoundOperatorKind.Add,
            BinaryOperator.Subtract => BoundOperatorKind.Subtract,
            BinaryOperator.Multiply => BoundOperatorKind.Multiply,
            BinaryOperator.Divide => BoundOperatorKind.Divide,
            _ => BoundOperatorKind.Modulo,
        };
        var lt = left.Type;
        var rt = right.Type;
        if (lt.Kind == SqlTypeKind.Unknown && rt.Kind == SqlTypeKind.Unknown)
        {
            return BoundConstant.Null(SqlType.Integer);
        }

        if (lt.Kind == SqlTypeKind.Unknown)
        {
            lt = rt.IsNumeric ? rt : SqlType.Integer;
            left = Coerce(left, lt, symbol);
        }

        if (rt.Kind == SqlTypeKind.Unknown)
        {
            rt = lt.IsNumeric ? lt : lt.IsInterval ? lt : SqlType.IntervalDayToSecond;
            right = Coerce(right, rt, symbol);
        }

        if (lt.IsNumeric && rt.IsNumeric)
        {
            if (lt.Kind == SqlTypeKind.Decimal || rt.Kind == SqlTypeKind.Decimal)
            {
                if (!lt.IsFloatingPoint && !rt.IsFloatingPoint)
                {
                    var a = lt.Kind == SqlTypeKind.Decimal ? lt : SqlType.DecimalOfInteger(lt)!;
                    var b = rt.Kind == SqlTypeKind.Decimal ? rt : SqlType.DecimalOfInteger(rt)!;
                    var result = DecimalResult(kind, a, b);
                    return new BoundOperator(kind, [Coerce(left, a, symbol), Coerce(right, b, symbol)], result);
                }
            }

            var t = SqlType.CommonSuperType(lt, rt)!;
            return new BoundOperator(kind, [Coerce(left, t, symbol), Coerce(right, t, symbol)], t);
        }

        // Date/time arithmetic.
        if (kind is BoundOperatorKind.Add or BoundOperatorKind.Subtract)
        {
            if ((lt.IsTemporal || lt.IsInterval) && rt.IsInterval)
            {
                var resultType = lt.Kind == SqlTypeKind.Date && rt.Kind == SqlTypeKind.IntervalDayToSecond ? SqlType.Date : lt;
                if (lt.IsInterval && lt != rt)
                {
                    throw Mismatch(symbol, lt, rt);
                }

                return new BoundOperator(kind, [left, right], resultType);
            }

            if (kind == BoundOperatorKind.Add && lt.IsInterval && rt.IsTemporal)
            {
                return new BoundOperator(kind, [left, right], rt);
            }

            if (kind == BoundOperatorKind.Subtract && lt.IsTemporal && lt == rt && lt.Kind != SqlTypeKind.Date)
            {
                return new BoundOperator(kind, [left, right], SqlType.IntervalDayToSecond);
            }
        }

        throw Mismatch(symbol, lt, rt);
    }

    private static SqlType DecimalResult(BoundOperatorKind kind, SqlType a, SqlType b)
    {
        int p1 = a.Precision, s1 = a.Scale, p2 = b.Precision, s2 = b.Scale;
        const int Max = SqlType.MaxDecimalPrecision;
        switch (kind)
        {
            case BoundOperatorKind.Add or BoundOperatorKind.Subtract:
                {
                    var s = Math.Max(s1, s2);
                    return SqlType.Decimal(Math.Min(Max, Math.Max(p1 - s1, p2 - s2) + s + 1), s);
                }

            case BoundOperatorKind.Multiply:
                if (s1 + s2 > Max)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"decimal scale {s1 + s2} of the product is larger than {Max}");
                }

                return SqlType.Decimal(Math.Min(Max, p1 + p2), s1 + s2);
            case BoundOperatorKind.Divide:
                {
                    var s = Math.Max(s1, s2);
                    return SqlType.Decimal(Math.Min(Max, Math.Max(p1 + s2 + Math.Max(0, s2 - s1), s + 1)), s);
                }

            default:
                {
                    var s = Math.Max(s1, s2);
                    return SqlType.Decimal(Math.Min(Max, Math.Min(p1 - s1, p2 - s2) + s), s);
                }
        }
    }

    private BoundExpression BindCase(CaseExpression cs, ExpressionContext ctx)
    {
        var conditions = new List<BoundExpression>();
        var results = new List<BoundExpression>();
        var operand = cs.Operand is null ? null : BindExpression(cs.Operand, ctx);
        foreach (var when in cs.WhenClauses)
        {
            var cond = operand is null
                ? CoerceBoolean(BindExpression(when.Condition, ctx), BinaryOperator.And)
                : BindBinary(BinaryOperator.Equal, operand, BindExpression(when.Condition, ctx));
            conditions.Add(cond);
            results.Add(BindExpression(when.Result, ctx));
        }

        var otherwise = cs.Else is null ? BoundConstant.Null(SqlType.Unknown) : BindExpression(cs.Else, ctx);
        var t = otherwise.Type;
        foreach (var r in results)
        {
            t = SqlType.CommonSuperType(t, r.Type) ?? throw new SqlException(SqlErrorKind.Binder, $"CASE results have incompatible types {t} and {r.Type}");
        }

        return new BoundCase(conditions, results.Select(r => Coerce(r, t, "CASE")).ToArray(), Coerce(otherwise, t, "CASE"), t);
    }

    private BoundExpression BindFunctionCall(FunctionCall call, ExpressionContext ctx)
    {
        var name = Scope.Display(call.Name).ToLowerInvariant();
        if (call.Over is not null)
        {
            throw new SqlException(SqlErrorKind.Binder, $"window function {name} is not allowed in {ctx.Clause}");
        }

        if (Functions.IsAggregate(name) && !Functions.IsScalar(name))
        {
            throw new SqlException(SqlErrorKind.Binder, $"aggregate function {name} is not allowed in {ctx.Clause}");
        }

        if (FunctionRegistry.IsWindowFunction(name) && !Functions.IsScalar(name))
        {
            throw new SqlException(SqlErrorKind.Binder, $"window function {name} requires an OVER clause");
        }

        var args = call.Arguments.AsSpan().ToArray().Select(a => BindExpression(a, ctx)).ToArray();
        switch (name)
        {
            case "if" when args.Length is 2 or 3:
                {
                    var t = args.Length == 3 ? SqlType.CommonSuperType(args[1].Type, args[2].Type) ?? throw Mismatch("IF", args[1].Type, args[2].Type) : args[1].Type;
                    return new BoundCase([CoerceBoolean(args[0], BinaryOperator.And)], [Coerce(args[1], t, "IF")], args.Length == 3 ? Coerce(args[2], t, "IF") : BoundConstant.Null(t), t);
                }

            case "nullif" when args.Length == 2:
                return new BoundCase([BindBinary(BinaryOperator.Equal, args[0], args[1])], [BoundConstant.Null(args[0].Type)], args[0], args[0].Type);
            case "try" when args.Length == 1:
                return args[0];
        }

        return BindScalarCall(name, args);
    }

    internal BoundExpression BindScalarCall(string name, IReadOnlyList<BoundExpression> args)
    {
        var function = Functions.ResolveScalar(name, args.Select(a => a.Type).ToArray());
        return new BoundFunctionCall(function, args.Select((a, i) => Coerce(a, function.ArgumentTypes[i], name)).ToArray());
    }
}
