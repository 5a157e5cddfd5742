using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>Expression utilities: conjuncts, column shifts, coercion and constant folding.</summary>
public sealed partial class Binder
{
    internal static IEnumerable<BoundExpression> Conjuncts(BoundExpression e)
    {
        if (e is BoundOperator { Kind: BoundOperatorKind.And } and)
        {
            foreach (var o in and.Operands)
            {
                foreach (var c in Conjuncts(o))
                {
                    yield return c;
                }
            }
        }
        else
        {
            yield return e;
        }
    }

    internal static BoundExpression And(IReadOnlyList<BoundExpression> items) =>
        items.Count == 1 ? items[0] : new BoundOperator(BoundOperatorKind.And, items.ToArray(), SqlType.Boolean);

    /// <summary>Adds <paramref name="delta"/> to every column index.</summary>
    internal static BoundExpression Shift(BoundExpression e, int delta) => delta == 0 ? e : Rewrite(e, x => x is BoundColumn c ? c with { Index = c.Index + delta } : null);

    /// <summary>Rewrites bottom-up where <paramref name="replace"/> returns non-null (checked top-down first).</summary>
    internal static BoundExpression Rewrite(BoundExpression e, Func<BoundExpression, BoundExpression?> replace)
    {
        if (replace(e) is { } r)
        {
            return r;
        }

        var children = e.Children;
        if (children.Count == 0)
        {
            return e;
        }

        var changed = false;
        var next = new BoundExpression[children.Count];
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = Rewrite(children[i], replace);
            changed |= !ReferenceEquals(next[i], children[i]);
        }

        return changed ? e.WithChildren(next) : e;
    }

    /// <summary>Smallest and largest column index used (-1, -1 when none).</summary>
    internal static (int Min, int Max) ColumnRange(BoundExpression e)
    {
        var min = int.MaxValue;
        var max = -1;
        Visit(e);
        return max < 0 ? (-1, -1) : (min, max);

        void Visit(BoundExpression x)
        {
            if (x is BoundColumn c)
            {
                min = Math.Min(min, c.Index);
                max = Math.Max(max, c.Index);
            }

            foreach (var child in x.Children)
            {
                Visit(child);
            }
        }
    }

    internal static bool UsesColumns(BoundExpression e) => ColumnRange(e).Max >= 0;

    /// <summary>Converts <paramref name="e"/> to <paramref name="target"/> with an implicit coercion, or fails naming the context.</summary>
    internal BoundExpression Coerce(BoundExpression e, SqlType target, string context)
    {
        if (e.Type == target)
        {
            return e;
        }

        if (e is BoundConstant { Value: null })
        {
            return BoundConstant.Null(target);
        }

        if (e is BoundParameter p && p.Type.Kind == SqlTypeKind.Unknown)
        {
            if (p.Index < ParameterTypes.Count)
            {
                ParameterTypes[p.Index] = target;
            }

            return p with { Type = target };
        }

        if (SqlType.CanCoerce(e.Type, target))
        {
            return new BoundCast(e, target, false);
        }

        // Extension (as DuckDB): a string literal converts to the type it is compared with.
        if (e is BoundConstant { Value: string } && e.Type.Kind == SqlTypeKind.Varchar && target.Kind is not (SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Row))
        {
            return Fold(new BoundCast(e, target, false));
        }

        throw new SqlException(SqlErrorKind.Binder, $"{context}: cannot convert {e.Type} to {target}");
    }

    /// <summary>Replaces constant subexpressions by their value (errors while folding leave the expression as it was).</summary>
    internal BoundExpression Fold(BoundExpression e)
    {
        if (e is BoundConstant or BoundColumn or BoundParameter)
        {
            return e;
        }

        if (e.IsConstant)
        {
            try
            {
                var v = ExpressionEvaluator.Evaluate(e, new DataChunk([], 1), _context.FunctionContext);
                return BoundConstant.FromArray(e.Type, v.Array, 0);
            }
            catch (SqlException)
            {
                // e.g. 1/0 in a branch that may never run: keep it for execution time.
            }
            catch (Exception ex) when (ex is InvalidCastException or NotSupportedException or InvalidOperationException or OverflowException or FormatException)
            {
            }
        }

        var children = e.Children;
        if (children.Count == 0)
        {
            return e;
        }

        var next = new BoundExpression[children.Count];
        var changed = false;
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = Fold(children[i]);
            changed |= !ReferenceEquals(next[i], children[i]);
        }

        return changed ? e.WithChildren(next) : e;
    }

    private BoundExpression BindCoalesce(IReadOnlyList<BoundExpression> args)
    {
        var f = Functions.ResolveScalar("coalesce", args.Select(a => a.Type).ToArray());
        return new BoundFunctionCall(f, args.Select((a, i) => Coerce(a, f.ArgumentTypes[i], "coalesce")).ToArray());
    }
}
