namespace Lakehouse.Sql.Types;

/// <summary>Trino's implicit coercions: which type converts to which without a CAST, and common super types.</summary>
public sealed partial class SqlType
{
    /// <summary>The decimal an integer type converts to exactly: tinyint → decimal(3,0) … bigint → decimal(19,0).</summary>
    public static SqlType? DecimalOfInteger(SqlType type) => type.Kind switch
    {
        SqlTypeKind.TinyInt => Decimal(3, 0),
        SqlTypeKind.SmallInt => Decimal(5, 0),
        SqlTypeKind.Integer => Decimal(10, 0),
        SqlTypeKind.BigInt => Decimal(19, 0),
        _ => null,
    };

    private static int IntegerRank(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.TinyInt => 1,
        SqlTypeKind.SmallInt => 2,
        SqlTypeKind.Integer => 3,
        SqlTypeKind.BigInt => 4,
        _ => 0,
    };

    /// <summary>Whether a value of <paramref name="from"/> converts implicitly (without loss of meaning) to <paramref name="to"/>.</summary>
    public static bool CanCoerce(SqlType from, SqlType to)
    {
        if (from == to || from.Kind == SqlTypeKind.Unknown)
        {
            return true;
        }

        switch (from.Kind)
        {
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt:
                if (to.IsInteger)
                {
                    return IntegerRank(to.Kind) >= IntegerRank(from.Kind);
                }

                if (to.IsFloatingPoint)
                {
                    return true;
                }

                if (to.Kind == SqlTypeKind.Decimal)
                {
                    var d = DecimalOfInteger(from)!;
                    return to.Precision - to.Scale >= d.Precision;
                }

                return false;
            case SqlTypeKind.Decimal:
                if (to.IsFloatingPoint)
                {
                    return true;
                }

                return to.Kind == SqlTypeKind.Decimal && to.Scale >= from.Scale && to.Precision - to.Scale >= from.Precision - from.Scale;
            case SqlTypeKind.Real:
                return to.Kind == SqlTypeKind.Double;
            case SqlTypeKind.Date:
                return to.Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone;
            case SqlTypeKind.Timestamp:
                return to.Kind == SqlTypeKind.TimestampWithTimeZone;
            case SqlTypeKind.Array:
                return to.Kind == SqlTypeKind.Array && CanCoerce(from.ElementType!, to.ElementType!);
            case SqlTypeKind.Map:
                return to.Kind == SqlTypeKind.Map && CanCoerce(from.ElementType!, to.ElementType!) && CanCoerce(from.ValueType!, to.ValueType!);
            case SqlTypeKind.Row:
                if (to.Kind != SqlTypeKind.Row || to.Fields.Count != from.Fields.Count)
                {
                    return false;
                }

                for (var i = 0; i < from.Fields.Count; i++)
                {
                    if (!CanCoerce(from.Fields[i].Type, to.Fields[i].Type))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The narrowest type both <paramref name="a"/> and <paramref name="b"/> coerce to (for comparisons, CASE,
    /// UNION, IN lists, arithmetic), or null when there is none.
    /// </summary>
    public static SqlType? CommonSuperType(SqlType a, SqlType b)
    {
        if (a == b)
        {
            return a;
        }

        if (a.Kind == SqlTypeKind.Unknown)
        {
            return b;
        }

        if (b.Kind == SqlTypeKind.Unknown)
        {
            return a;
        }

        if (a.IsInteger && b.IsInteger)
        {
            return IntegerRank(a.Kind) >= IntegerRank(b.Kind) ? a : b;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            if (a.Kind == SqlTypeKind.Double || b.Kind == SqlTypeKind.Double)
            {
                return Double;
            }

            if (a.Kind == SqlTypeKind.Real || b.Kind == SqlTypeKind.Real)
            {
                return Real;
            }

            var da = a.Kind == SqlTypeKind.Decimal ? a : DecimalOfInteger(a)!;
            var db = b.Kind == SqlTypeKind.Decimal ? b : DecimalOfInteger(b)!;
            var scale = Math.Max(da.Scale, db.Scale);
            var integral = Math.Max(da.Precision - da.Scale, db.Precision - db.Scale);
            return Decimal(Math.Min(MaxDecimalPrecision, integral + scale), scale);
        }

        if (a.Kind == SqlTypeKind.Array && b.Kind == SqlTypeKind.Array)
        {
            return CommonSuperType(a.ElementType!, b.ElementType!) is { } e ? Array(e) : null;
        }

        if (a.Kind == SqlTypeKind.Map && b.Kind == SqlTypeKind.Map)
        {
            return CommonSuperType(a.ElementType!, b.ElementType!) is { } k && CommonSuperType(a.ValueType!, b.ValueType!) is { } v ? Map(k, v) : null;
        }

        if (a.Kind == SqlTypeKind.Row && b.Kind == SqlTypeKind.Row && a.Fields.Count == b.Fields.Count)
        {
            var fields = new SqlRowField[a.Fields.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                if (CommonSuperType(a.Fields[i].Type, b.Fields[i].Type) is not { } f)
                {
                    return null;
                }

                fields[i] = new SqlRowField(a.Fields[i].Name ?? b.Fields[i].Name, f);
            }

            return Row(fields);
        }

        if (CanCoerce(a, b))
        {
            return b;
        }

        return CanCoerce(b, a) ? a : null;
    }
}
