using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>Where one column of a row group lives and its metadata.</summary>
public sealed class ColumnChunk
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    public long? OffsetIndexOffset { get; set; }

    public int? OffsetIndexLength { get; set; }

    public long? ColumnIndexOffset { get; set; }

    public int? ColumnIndexLength { get; set; }

    /// <summary>True when the chunk carries column encryption metadata (not supported by this reader).</summary>
    public bool IsEncrypted { get; set; }

    internal static ColumnChunk Read(ref CompactReader r)
    {
        var c = new ColumnChunk();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.Binary: c.FilePath = r.ReadString(); break;
                case 2 when t == CompactType.I64: c.FileOffset = r.ReadI64(); break;
                case 3 when t == CompactType.Struct: c.MetaData = ColumnMetaData.Read(ref r); break;
                case 4 when t == CompactType.I64: c.OffsetIndexOffset = r.ReadI64(); break;
                case 5 when t == CompactType.I32: c.OffsetIndexLength = r.ReadI32(); break;
                case 6 when t == CompactType.I64: c.ColumnIndexOffset = r.ReadI64(); break;
                case 7 when t == CompactType.I32: c.ColumnIndexLength = r.ReadI32(); break;
                case 8:
                case 9:
                    c.IsEncrypted = true;
                    r.Skip(t);
                    break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return c;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (FilePath is not null)
        {
            w.WriteStringField(1, FilePath);
        }

        w.WriteI64Field(2, FileOffset);
        if (MetaData is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 3);
            MetaData.Write(w);
        }

        if (OffsetIndexOffset is { } oio)
        {
            w.WriteI64Field(4, oio);
        }

        if (OffsetIndexLength is { } oil)
        {
            w.WriteI32Field(5, oil);
        }

        if (ColumnIndexOffset is { } cio)
        {
            w.WriteI64Field(6, cio);
        }

        if (ColumnIndexLength is { } cil)
        {
            w.WriteI32Field(7, cil);
        }

        w.EndStruct();
    }
}
