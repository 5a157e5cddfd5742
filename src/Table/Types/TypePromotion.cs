namespace Lakehouse.Table.Types;

/// <summary>
/// The spec's valid primitive type promotions (schema evolution and reading older files): int -&gt; long,
/// float -&gt; double, decimal(P,S) -&gt; decimal(P',S) with P' &gt; P; from v3 also unknown -&gt; any type and
/// date -&gt; timestamp/timestamp_ns (not to the zoned types).
/// </summary>
public static class TypePromotion
{
    public static bool IsAllowed(PrimitiveType from, PrimitiveType to, int formatVersion)
    {
        if (from.Equals(to))
        {
            return true;
        }

        return (from.TypeId, to.TypeId) switch
        {
            (TypeId.Int, TypeId.Long) => true,
            (TypeId.Float, TypeId.Double) => true,
            (TypeId.Decimal, TypeId.Decimal) => to.Scale == from.Scale && to.Precision > from.Precision,
            (TypeId.Unknown, _) => formatVersion >= 3,
            (TypeId.Date, TypeId.Timestamp or TypeId.TimestampNs) => formatVersion >= 3,
            _ => false,
        };
    }
}
