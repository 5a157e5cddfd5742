using System.Numerics;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Projects one bound predicate on a source column through a partition transform into a predicate on the
/// partition field. Inclusive: every row matching the source predicate is in a partition matching the
/// result (so files outside it can be skipped). Strict: every row in a matching partition matches the
/// source predicate. A null result means "no projection" (true for inclusive, false for strict).
/// </summary>
public static class TransformProjection
{
    public static Expression? Inclusive(Transform transform, string partitionName, BoundPredicate predicate)
    {
        var source = predicate.Reference.Type;
        switch (transform)
        {
            case IdentityTransform:
                return new UnboundPredicate(predicate.Op, partitionName, predicate.Literals);
            case BucketTransform:
                return predicate.Op switch
                {
                    Operation.IsNull or Operation.NotNull => new UnboundPredicate(predicate.Op, partitionName),
                    Operation.Equal or Operation.In => SetOrEqual(predicate.Op, partitionName, ApplyAll(transform, predicate.Literals, source)),
                    _ => null,
                };
            case TruncateTransform truncate:
                return source.TypeId is TypeId.String or TypeId.Binary
                    ? TruncateArrayInclusive(truncate, partitionName, predicate)
                    : OrderedInclusive(transform, partitionName, predicate);
            case DateTimeTransform dt:
                {
                    var projected = OrderedInclusive(transform, partitionName, predicate);
                    return dt.Part == DatePart.Day && source.TypeId == TypeId.Date ? projected : FixNegativeTimeInclusive(projected);
                }

            default:
                return null;
        }
    }

    public static Expression? Strict(Transform transform, string partitionName, BoundPredicate predicate)
    {
        var source = predicate.Reference.Type;
        switch (transform)
        {
            case IdentityTransform:
                return new UnboundPredicate(predicate.Op, partitionName, predicate.Literals);
            case BucketTransform:
                return predicate.Op switch
                {
                    Operation.IsNull or Operation.NotNull => new UnboundPredicate(predicate.Op, partitionName),
                    Operation.NotEqual or Operation.NotIn => SetOrEqual(predicate.Op, partitionName, ApplyAll(transform, predicate.Literals, source)),
                    _ => null,
                };
            case TruncateTransform truncate:
                return source.TypeId is TypeId.String or TypeId.Binary
                    ? TruncateArrayStrict(truncate, partitionName, predicate)
                    : OrderedStrict(transform, partitionName, predicate);
            case DateTimeTransform dt:
                {
                    var projected = OrderedStrict(transform, partitionName, predicate);
                    if (dt.Part == DatePart.Day && source.TypeId == TypeId.Date)
                    {
                        return projected;
                    }

                    // Writers before the floor fix stored pre-1970 values one unit off; make no strict claim there.
                    return projected is UnboundPredicate { Op: not (Operation.IsNull or Operation.NotNull) } u && u.Literals.Any(l => (int)l < 0) ? null : projected;
                }

            default:
                return null;
        }
    }

    /// <summary>Integer-like transforms that preserve order (truncate of ints/longs/decimals, year/month/day/hour).</summary>
    private static Expression? OrderedInclusive(Transform t, string name, BoundPredicate p)
    {
        var source = p.Reference.Type;
        switch (p.Op)
        {
            case Operation.IsNull or Operation.NotNull:
                return new UnboundPredicate(p.Op, name);
            case Operation.LessThan:
                return Adjust(p.Literal, source, -1) is { } lt ? Single(Operation.LessThanOrEqual, name, t.Apply(lt, source)) : null;
            case Operation.LessThanOrEqual:
                return Single(Operation.LessThanOrEqual, name, t.Apply(p.Literal, source));
            case Operation.GreaterThan:
                return Adjust(p.Literal, source, 1) is { } gt ? Single(Operation.GreaterThanOrEqual, name, t.Apply(gt, source)) : null;
            case Operation.GreaterThanOrEqual:
                return Single(Operation.GreaterThanOrEqual, name, t.Apply(p.Literal, source));
            case Operation.Equal or Operation.In:
                return SetOrEqual(p.Op, name, ApplyAll(t, p.Literals, source));
            default:
                return null;
        }
    }

    private static Expression? OrderedStrict(Transform t, string name, BoundPredicate p)
    {
        var source = p.Reference.Type;
        switch (p.Op)
        {
            case Operation.IsNull or Operation.NotNull:
                return new UnboundPredicate(p.Op, name);
            case Operation.LessThan:
                return Single(Operation.LessThan, name, t.Apply(p.Literal, source));
            case Operation.LessThanOrEqual:
                return Adjust(p.Literal, source, 1) is { } le ? Single(Operation.LessThan, name, t.Apply(le, source)) : null;
            case Operation.GreaterThan:
                return Single(Operation.GreaterThan, name, t.Apply(p.Literal, source));
            case Operation.GreaterThanOrEqual:
                return Adjust(p.Literal, source, -1) is { } ge ? Single(Operation.GreaterThan, name, t.Apply(ge, source)) : null;
            case Operation.NotEqual or Operation.NotIn:
                return SetOrEqual(p.Op, name, ApplyAll(t, p.Literals, source));
            default:
                return null;
        }
    }

    private static Expression? TruncateArrayInclusive(TruncateTransform t, string name, BoundPredicate p)
    {
        var source = p.Reference.Type;
        switch (p.Op)
        {
            case Operation.IsNull or Operation.NotNull:
                return new UnboundPredicate(p.Op, name);
            case Operation.LessThan or Operation.LessThanOrEqual:
                return Single(Operation.LessThanOrEqual, name, t.Apply(p.Literal, source));
            case Operation.GreaterThan or Operation.GreaterThanOrEqual:
                return Single(Operation.GreaterThanOrEqual, name, t.Apply(p.Literal, source));
            case Operation.Equal or Operation.In:
                return SetOrEqual(p.Op, name, ApplyAll(t, p.Literals, source));
            case Operation.StartsWith:
                {
                    var prefix = (string)p.Literal;
                    return CodePoints(prefix) <= t.Width
                        ? Single(Operation.StartsWith, name, prefix)
                        : Single(Operation.Equal, name, Literals.TruncateString(prefix, t.Width));
                }

            case Operation.NotStartsWith:
                {
                    var prefix = (string)p.Literal;
                    var length = CodePoints(prefix);
                    return length < t.Width ? Single(Operation.NotStartsWith, name, prefix)
                        : length == t.Width ? Single(Operation.NotEqual, name, prefix)
                        : null;
                }

            default:
                return null;
        }
    }

    private static Expression? TruncateArrayStrict(TruncateTransform t, string name, BoundPredicate p)
    {
        var source = p.Reference.Type;
        switch (p.Op)
        {
            case Operation.IsNull or Operation.NotNull:
                return new UnboundPredicate(p.Op, name);
            case Operation.LessThan or Operation.LessThanOrEqual:
                return Single(Operation.LessThan, name, t.Apply(p.Literal, source));
            case Operation.GreaterThan or Operation.GreaterThanOrEqual:
                return Single(Operation.GreaterThan, name, t.Apply(p.Literal, source));
            case Operation.NotEqual or Operation.NotIn:
                return SetOrEqual(p.Op, name, ApplyAll(t, p.Literals, source));
            case Operation.StartsWith:
                {
                    var prefix = (string)p.Literal;
                    return CodePoints(prefix) <= t.Width ? Single(Operation.StartsWith, name, prefix) : null;
                }

            case Operation.NotStartsWith:
                {
                    var prefix = (string)p.Literal;
                    return CodePoints(prefix) <= t.Width
                        ? Single(Operation.NotStartsWith, name, prefix)
                        : Single(Operation.NotEqual, name, Literals.TruncateString(prefix, t.Width));
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// Compatibility with writers that rounded pre-1970 time partitions toward zero (as the reference
    /// implementation does): negative projected values also admit the next value.
    /// </summary>
    private static Expression? FixNegativeTimeInclusive(Expression? projected)
    {
        if (projected is not UnboundPredicate u || u.Op.IsUnary())
        {
            return projected;
        }

        switch (u.Op)
        {
            case Operation.LessThan or Operation.LessThanOrEqual when (int)u.Literal < 0:
                return Single(u.Op, u.Column, (int)u.Literal + 1);
            case Operation.Equal when (int)u.Literal < 0:
                return new UnboundPredicate(Operation.In, u.Column, [(int)u.Literal, (int)u.Literal + 1]);
            case Operation.In:
                {
                    var values = new List<object>(u.Literals);
                    foreach (var l in u.Literals)
                    {
                        if ((int)l < 0 && !values.Contains((int)l + 1))
                        {
                            values.Add((int)l + 1);
                        }
                    }

                    return new UnboundPredicate(Operation.In, u.Column, values);
                }

            default:
                return projected;
        }
    }

    private static UnboundPredicate? Single(Operation op, string name, object? value) => value is null ? null : new UnboundPredicate(op, name, [value]);

    private static UnboundPredicate? SetOrEqual(Operation op, string name, List<object> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (op.IsSet() && values.Count == 1)
        {
            op = op == Operation.In ? Operation.Equal : Operation.NotEqual;
        }

        return new UnboundPredicate(op, name, values);
    }

    private static List<object> ApplyAll(Transform t, IReadOnlyList<object> literals, PrimitiveType source)
    {
        var result = new List<object>(literals.Count);
        foreach (var l in literals)
        {
            var v = t.Apply(l, source);
            if (v is not null && !result.Exists(x => Literals.ValueEquals(x, v)))
            {
                result.Add(v);
            }
        }

        return result;
    }

    /// <summary>The literal plus <paramref name="delta"/> units of the source type, or null on overflow.</summary>
    private static object? Adjust(object value, PrimitiveType type, int delta)
    {
        switch (value)
        {
            case int i:
                return (delta > 0 && i == int.MaxValue) || (delta < 0 && i == int.MinValue) ? null : i + delta;
            case long l:
                return (delta > 0 && l == long.MaxValue) || (delta < 0 && l == long.MinValue) ? null : l + delta;
            case BigInteger b when type.TypeId == TypeId.Decimal:
                return b + delta;
            default:
                return null;
        }
    }

    private static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsLowSurrogate(s[i]))
            {
                n++;
            }
        }

        return n;
    }
}
