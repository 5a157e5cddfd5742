using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>Header of a version 1 data page (levels and values compressed together).</summary>
public sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public Encoding DefinitionLevelEncoding { get; set; } = Encoding.Rle;

    public Encoding RepetitionLevelEncoding { get; set; } = Encoding.Rle;

    public Statistics? Statistics { get; set; }

    internal static DataPageHeader Read(ref CompactReader r)
    {
        var h = new DataPageHeader();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when t == CompactType.I32: h.Encoding = (Encoding)r.ReadI32(); break;
                case 3 when t == CompactType.I32: h.DefinitionLevelEncoding = (Encoding)r.ReadI32(); break;
                case 4 when t == CompactType.I32: h.RepetitionLevelEncoding = (Encoding)r.ReadI32(); break;
                case 5 when t == CompactType.Struct: h.Statistics = Statistics.Read(ref r); break;
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
        w.WriteI32Field(2, (int)Encoding);
        w.WriteI32Field(3, (int)DefinitionLevelEncoding);
        w.WriteI32Field(4, (int)RepetitionLevelEncoding);
        if (Statistics is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 5);
            Statistics.Write(w);
        }

        w.EndStruct();
    }
}
