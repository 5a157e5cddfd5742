using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>A sort key of a row group.</summary>
public sealed record SortingColumn(int ColumnIdx, bool Descending, bool NullsFirst)
{
    internal static SortingColumn Read(ref CompactReader r)
    {
        int column = 0;
        bool descending = false, nullsFirst = false;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: column = r.ReadI32(); break;
                case 2 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: descending = r.ReadBool(t); break;
                case 3 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: nullsFirst = r.ReadBool(t); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return new SortingColumn(column, descending, nullsFirst);
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32Field(1, ColumnIdx);
        w.WriteBoolField(2, Descending);
        w.WriteBoolField(3, NullsFirst);
        w.EndStruct();
    }
}
