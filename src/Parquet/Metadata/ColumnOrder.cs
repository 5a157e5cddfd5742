using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>The <c>ColumnOrder</c> union: which ordering a column's min/max statistics use.</summary>
public sealed record ColumnOrder(ColumnOrderKind Kind)
{
    internal static ColumnOrder Read(ref CompactReader r)
    {
        var kind = ColumnOrderKind.Unknown;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            if (t == CompactType.Struct && id is >= 1 and <= 3)
            {
                kind = (ColumnOrderKind)id;
            }

            r.Skip(t);
        }

        r.EndStruct(saved);
        return new ColumnOrder(kind);
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (Kind != ColumnOrderKind.Unknown)
        {
            w.WriteEmptyStructField((short)Kind);
        }

        w.EndStruct();
    }
}
