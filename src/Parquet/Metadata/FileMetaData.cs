using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>The file footer: schema, row groups, key/value metadata, writer and column orders.</summary>
public sealed class FileMetaData
{
    public int Version { get; set; } = 1;

    public List<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; set; } = [];

    public List<KeyValue>? KeyValueMetadata { get; set; }

    public string? CreatedBy { get; set; }

    public List<ColumnOrder>? ColumnOrders { get; set; }

    /// <summary>True when the footer names an encryption algorithm (plaintext-footer encrypted files).</summary>
    public bool IsEncrypted { get; set; }

    /// <summary>Parses a serialized FileMetaData.</summary>
    public static FileMetaData Read(ReadOnlySpan<byte> bytes, string? source = null, long baseOffset = 0)
    {
        var r = new CompactReader(bytes, source, baseOffset);
        return Read(ref r);
    }

    internal static FileMetaData Read(ref CompactReader r)
    {
        var m = new FileMetaData();
        var hasSchema = false;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: m.Version = r.ReadI32(); break;
                case 2 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Struct);
                        m.Schema = new List<SchemaElement>(n);
                        for (var i = 0; i < n; i++)
                        {
                            m.Schema.Add(SchemaElement.Read(ref r));
                        }

                        hasSchema = true;
                        break;
                    }

                case 3 when t == CompactType.I64: m.NumRows = r.ReadI64(); break;
                case 4 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Struct);
                        m.RowGroups = new List<RowGroup>(n);
                        for (var i = 0; i < n; i++)
                        {
                            m.RowGroups.Add(RowGroup.Read(ref r));
                        }

                        break;
                    }

                case 5 when t == CompactType.List: m.KeyValueMetadata = KeyValue.ReadList(ref r); break;
                case 6 when t == CompactType.Binary: m.CreatedBy = r.ReadString(); break;
                case 7 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Struct);
                        m.ColumnOrders = new List<ColumnOrder>(n);
                        for (var i = 0; i < n; i++)
                        {
                            m.ColumnOrders.Add(ColumnOrder.Read(ref r));
                        }

                        break;
                    }

                case 8:
                    m.IsEncrypted = true;
                    r.Skip(t);
                    break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        if (!hasSchema || m.Schema.Count == 0)
        {
            throw r.Corrupt("FileMetaData without schema");
        }

        return m;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32Field(1, Version);
        w.WriteListField(2, CompactType.Struct, Schema.Count);
        foreach (var e in Schema)
        {
            e.Write(w);
        }

        w.WriteI64Field(3, NumRows);
        w.WriteListField(4, CompactType.Struct, RowGroups.Count);
        foreach (var g in RowGroups)
        {
            g.Write(w);
        }

        if (KeyValueMetadata is { Count: > 0 } kv)
        {
            KeyValue.WriteList(w, 5, kv);
        }

        if (CreatedBy is not null)
        {
            w.WriteStringField(6, CreatedBy);
        }

        if (ColumnOrders is { Count: > 0 } co)
        {
            w.WriteListField(7, CompactType.Struct, co.Count);
            foreach (var o in co)
            {
                o.Write(w);
            }
        }

        w.EndStruct();
    }
}
