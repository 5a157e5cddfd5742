using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>Description of one column chunk: type, encodings, path, codec, sizes, page offsets, statistics.</summary>
public sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<Encoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public List<KeyValue>? KeyValueMetadata { get; set; }

    public long DataPageOffset { get; set; }

    public long? IndexPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    public List<PageEncodingStats>? EncodingStats { get; set; }

    public long? BloomFilterOffset { get; set; }

    public int? BloomFilterLength { get; set; }

    public SizeStatistics? SizeStatistics { get; set; }

    internal static ColumnMetaData Read(ref CompactReader r)
    {
        var m = new ColumnMetaData();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: m.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.I32);
                        m.Encodings = new List<Encoding>(n);
                        for (var i = 0; i < n; i++)
                        {
                            m.Encodings.Add((Encoding)r.ReadI32());
                        }

                        break;
                    }

                case 3 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Binary);
                        m.PathInSchema = new List<string>(n);
                        for (var i = 0; i < n; i++)
                        {
                            m.PathInSchema.Add(r.ReadString());
                        }

                        break;
                    }

                case 4 when t == CompactType.I32: m.Codec = (CompressionCodec)r.ReadI32(); break;
                case 5 when t == CompactType.I64: m.NumValues = r.ReadI64(); break;
                case 6 when t == CompactType.I64: m.TotalUncompressedSize = r.ReadI64(); break;
                case 7 when t == CompactType.I64: m.TotalCompressedSize = r.ReadI64(); break;
                case 8 when t == CompactType.List: m.KeyValueMetadata = KeyValue.ReadList(ref r); break;
                case 9 when t == CompactType.I64: m.DataPageOffset = r.ReadI64(); break;
                case 10 when t == CompactType.I64: m.IndexPageOffset = r.ReadI64(); break;
                case 11 when t == CompactType.I64: m.DictionaryPageOffset = r.ReadI64(); break;
                case 12 when t == CompactType.Struct: m.Statistics = Statistics.Read(ref r); break;
                case 13 when t == CompactType.List:
                    {
                        var n = r.ReadListHeader(CompactType.Struct);
                        m.EncodingStats = new List<PageEncodingStats>(n);
                        for (var i = 0; i < n; i++)
                        {
                            m.EncodingStats.Add(PageEncodingStats.Read(ref r));
                        }

                        break;
                    }

                case 14 when t == CompactType.I64: m.BloomFilterOffset = r.ReadI64(); break;
                case 15 when t == CompactType.I32: m.BloomFilterLength = r.ReadI32(); break;
                case 16 when t == CompactType.Struct: m.SizeStatistics = SizeStatistics.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return m;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32Field(1, (int)Type);
        w.WriteListField(2, CompactType.I32, Encodings.Count);
        foreach (var e in Encodings)
        {
            w.WriteI32((int)e);
        }

        w.WriteListField(3, CompactType.Binary, PathInSchema.Count);
        foreach (var p in PathInSchema)
        {
            w.WriteString(p);
        }

        w.WriteI32Field(4, (int)Codec);
        w.WriteI64Field(5, NumValues);
        w.WriteI64Field(6, TotalUncompressedSize);
        w.WriteI64Field(7, TotalCompressedSize);
        if (KeyValueMetadata is { Count: > 0 } kv)
        {
            KeyValue.WriteList(w, 8, kv);
        }

        w.WriteI64Field(9, DataPageOffset);
        if (IndexPageOffset is { } ipo)
        {
            w.WriteI64Field(10, ipo);
        }

        if (DictionaryPageOffset is { } dpo)
        {
            w.WriteI64Field(11, dpo);
        }

        if (Statistics is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 12);
            Statistics.Write(w);
        }

        if (EncodingStats is { Count: > 0 } es)
        {
            w.WriteListField(13, CompactType.Struct, es.Count);
            foreach (var s in es)
            {
                s.Write(w);
            }
        }

        if (BloomFilterOffset is { } bfo)
        {
            w.WriteI64Field(14, bfo);
        }

        if (BloomFilterLength is { } bfl)
        {
            w.WriteI32Field(15, bfl);
        }

        if (SizeStatistics is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 16);
            SizeStatistics.Write(w);
        }

        w.EndStruct();
    }
}
