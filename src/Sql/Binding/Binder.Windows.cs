using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>Window function calls: OVER (PARTITION BY … ORDER BY … frame), named windows.</summary>
public sealed partial class Binder
{
    private ExpressionContext BindWindows(QuerySpecification spec, List<FunctionCall> calls, ExpressionContext ctx)
    {
        var functions = new List<WindowFunctionCall>();
        foreach (var call in calls)
        {
            functions.Add(BindWindowCall(spec, call, ctx));
        }

        var baseCount = ctx.Holder.Plan.Columns.Count;
        var window = new LogicalWindow(ctx.Holder.Plan, functions);
        var holder = new PlanHolder(window, ctx.Holder.Scope.Append(functions.Select((f, i) => new ScopeColumn(null, $"$window{i}", f.Type, Hidden: true))));
        var inner = ctx.Replace;
        BoundExpression? Replace(Expression e)
        {
            if (e is FunctionCall { Over: not null } f)
            {
                var i = calls.IndexOf(f);
                if (i >= 0)
                {
                    return new BoundColumn(baseCount + i, functions[i].Type, $"window{i}");
                }
            }

            return inner?.Invoke(e);
        }

        return new ExpressionContext(holder, ctx.Clause) { Replace = Replace, Outer = ctx.Outer };
    }

    private WindowSpecification ResolveWindow(QuerySpecification spec, Window window)
    {
        WindowSpecification Lookup(string name)
        {
            foreach (var def in spec.Windows)
            {
                if (def.Name.Value == name)
                {
                    return ResolveWindow(spec, def.Specification);
                }
            }

            throw new SqlException(SqlErrorKind.Binder, $"window \"{name}\" is not defined");
        }

        switch (window)
        {
            case WindowReference r:
                return Lookup(r.Name.Value);
            case WindowSpecification { BaseWindow: { } baseName } s:
                {
                    var b = Lookup(baseName.Value);
                    return s with
                    {
                        BaseWindow = null,
                        PartitionBy = s.PartitionBy.IsEmpty ? b.PartitionBy : s.PartitionBy,
                        OrderBy = s.OrderBy ?? b.OrderBy,
                        Frame = s.Frame ?? b.Frame,
                    };
                }

            default:
                return (WindowSpecification)window;
        }
    }

    private WindowFunctionCall BindWindowCall(QuerySpecification spec, FunctionCall call, ExpressionContext ctx)
    {
        var name = Scope.Display(call.Name).ToLowerInvariant();
        var w = ResolveWindow(spec, call.Over!);
        var argCtx = new ExpressionContext(ctx.Holder, $"window function {name}") { Replace = ctx.Replace, Outer = ctx.Outer };
        var args = call.Star ? [] : call.Arguments.AsSpan().ToArray().Select(a => Fold(BindExpression(a, argCtx))).ToList();
        var partition = w.PartitionBy.AsSpan().ToArray().Select(p => Fold(BindExpression(p, argCtx))).ToArray();
        var order = (w.OrderBy?.Items.AsSpan().ToArray() ?? []).Select(o => new SortKey(Fold(BindExpression(o.Key, argCtx)), o.Order == SortOrder.Descending, o.Nulls == NullOrder.First)).ToArray();
        foreach (var k in order)
        {
            if (!k.Expression.Type.IsOrderable)
            {
                throw new SqlException(SqlErrorKind.Binder, $"window ORDER BY key of type {k.Expression.Type} is not orderable");
            }
        }

        FrameUnit unit;
        FrameBoundKind startKind, endKind;
        long startOffset = 0, endOffset = 0;
        if (w.Frame is { } frame)
        {
            unit = frame.Unit;
            if (unit == FrameUnit.Groups)
            {
                throw new SqlException(SqlErrorKind.NotImplemented, "GROUPS frames are not supported");
            }

            (startKind, startOffset) = (frame.Start.Kind, FrameOffset(frame.Start));
            (endKind, endOffset) = frame.End is { } end ? (end.Kind, FrameOffset(end)) : (FrameBoundKind.CurrentRow, 0);
            if (startKind == FrameBoundKind.UnboundedFollowing || endKind == FrameBoundKind.UnboundedPreceding)
            {
                throw new SqlException(SqlErrorKind.Binder, "invalid window frame: it starts after it ends");
            }
        }
        else if (order.Length > 0)
        {
            (unit, startKind, endKind) = (FrameUnit.Range, FrameBoundKind.UnboundedPreceding, FrameBoundKind.CurrentRow);
        }
        else
        {
            (unit, startKind, endKind) = (FrameUnit.Rows, FrameBoundKind.UnboundedPreceding, FrameBoundKind.UnboundedFollowing);
        }

        SqlType type;
        BoundAggregateFunction? aggregate = null;
        switch (name)
        {
            case "row_number" or "rank" or "dense_rank":
                Expect(0);
                type = SqlType.BigInt;
                break;
            case "percent_rank" or "cume_dist":
                Expect(0);
                type = SqlType.Double;
                break;
            case "ntile":
                Expect(1);
                args[0] = Fold(Coerce(args[0], SqlType.BigInt, name));
                type = SqlType.BigInt;
                break;
            case "lag" or "lead":
                if (args.Count is < 1 or > 3)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"{name} takes 1 to 3 arguments");
                }

                type = args[0].Type.Kind == SqlTypeKind.Unknown ? SqlType.Integer : args[0].Type;
                args[0] = Coerce(args[0], type, name);
                if (args.Count > 1)
                {
                    args[1] = Fold(Coerce(args[1], SqlType.BigInt, name));
                }

                if (args.Count > 2)
                {
                    args[2] = Coerce(args[2], type, name);
                }

                break;
            case "first_value" or "last_value" or "nth_value":
                Expect(name == "nth_value" ? 2 : 1);
                type = args[0].Type.Kind == SqlTypeKind.Unknown ? SqlType.Integer : args[0].Type;
                args[0] = Coerce(args[0], type, name);
                if (name == "nth_value")
                {
                    args[1] = Fold(Coerce(args[1], SqlType.BigInt, name));
                }

                break;
            default:
                if (!Functions.IsAggregate(name))
                {
                    throw new SqlException(SqlErrorKind.Binder, $"function {name} is not a window or aggregate function");
                }

                aggregate = Functions.ResolveAggregate(name, args.Select(a => a.Type).ToArray(), call.Distinct);
                if (call.Distinct)
                {
                    throw new SqlException(SqlErrorKind.NotImplemented, "DISTINCT aggregates over windows are not supported");
                }

                for (var i = 0; i < args.Count; i++)
                {
                    args[i] = Coerce(args[i], aggregate.ArgumentTypes[i], name);
                }

                type = aggregate.ReturnType;
                break;
        }

        return new WindowFunctionCall(name, aggregate, args, partition, order, unit, startKind, startOffset, endKind, endOffset, type, call.NullTreatment == NullTreatment.IgnoreNulls);

        void Expect(int count)
        {
            if (args.Count != count)
            {
                throw new SqlException(SqlErrorKind.Binder, $"{name} takes {count} argument{(count == 1 ? string.Empty : "s")}, got {args.Count}");
            }
        }
    }

    private long FrameOffset(FrameBound bound)
    {
        if (bound.Offset is null)
        {
            return 0;
        }

        var v = Fold(BindExpression(bound.Offset, new ExpressionContext(new PlanHolder(SingleRow(), Scope.Empty), "window frame")));
        if (v is BoundConstant { Value: not null } k && k.Type.IsInteger)
        {
            var n = Convert.ToInt64(k.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n < 0)
            {
                throw new SqlException(SqlErrorKind.Binder, "window frame offset must not be negative");
            }

            return n;
        }

        throw new SqlException(SqlErrorKind.NotImplemented, "window frame offsets must be integer constants");
    }
}
