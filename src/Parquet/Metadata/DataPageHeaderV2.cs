using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>Header of a version 2 data page (uncompressed levels ahead of the possibly compressed values).</summary>
public sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public Encoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    public Statistics? Statistics { get; set; }

    internal static DataPageHeaderV2 Read(ref CompactReader r)
    {
        var h = new DataPageHeaderV2();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when t == CompactType.I32: h.NumNulls = r.ReadI32(); break;
                case 3 when t == CompactType.I32: h.NumRows = r.ReadI32(); break;
                case 4 when t == CompactType.I32: h.Encoding = (Encoding)r.ReadI32(); break;
                case 5 when t == CompactType.I32: h.DefinitionLevelsByteLength = r.ReadI32(); break;
                case 6 when t == CompactType.I32: h.RepetitionLevelsByteLength = r.ReadI32(); break;
                case 7 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: h.IsCompressed = r.ReadBool(t); break;
                case 8 when t == CompactType.Struct: h.Statistics = Statistics.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return h;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32Field(1, NumValues);
        w.WriteI32Field(2, NumNulls);
        w.WriteI32Field(3, NumRows);
        w.WriteI32Field(4, (int)Encoding);
        w.WriteI32Field(5, DefinitionLevelsByteLength);
        w.WriteI32Field(6, RepetitionLevelsByteLength);
        w.WriteBoolField(7, IsCompressed);
        if (Statistics is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 8);
            Statistics.Write(w);
        }

        w.EndStruct();
    }
}
