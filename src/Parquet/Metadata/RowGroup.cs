using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>A horizontal slice of the file: one column chunk per leaf column.</summary>
public sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public List<SortingColumn>? SortingColumns { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    internal static RowGroup Read(ref CompactReader r)
    {
        var g = new RowGroup();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Struct);
                        g.Columns = new List<ColumnChunk>(n);
                        for (var i = 0; i < n; i++)
                        {
                            g.Columns.Add(ColumnChunk.Read(ref r));
                        }

                        break;
                    }

                case 2 when t == CompactType.I64: g.TotalByteSize = r.ReadI64(); break;
                case 3 when t == CompactType.I64: g.NumRows = r.ReadI64(); break;
                case 4 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Struct);
                        g.SortingColumns = new List<SortingColumn>(n);
                        for (var i = 0; i < n; i++)
                        {
                            g.SortingColumns.Add(SortingColumn.Read(ref r));
                        }

                        break;
                    }

                case 5 when t == CompactType.I64: g.FileOffset = r.ReadI64(); break;
                case 6 when t == CompactType.I64: g.TotalCompressedSize = r.ReadI64(); break;
                case 7 when t == CompactType.I16: g.Ordinal = r.ReadI16(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        if (g.NumRows < 0)
        {
            throw r.Corrupt($"row group with negative row count {g.NumRows}");
        }

        return g;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteListField(1, CompactType.Struct, Columns.Count);
        foreach (var c in Columns)
        {
            c.Write(w);
        }

        w.WriteI64Field(2, TotalByteSize);
        w.WriteI64Field(3, NumRows);
        if (SortingColumns is { Count: > 0 } sc)
        {
            w.WriteListField(4, CompactType.Struct, sc.Count);
            foreach (var s in sc)
            {
                s.Write(w);
            }
        }

        if (FileOffset is { } fo)
        {
            w.WriteI64Field(5, fo);
        }

        if (TotalCompressedSize is { } tcs)
        {
            w.WriteI64Field(6, tcs);
        }

        if (Ordinal is { } ord)
        {
            w.WriteI16Field(7, ord);
        }

        w.EndStruct();
    }
}
