using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>The header in front of every page of a column chunk.</summary>
public sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    public int? Crc { get; set; }

    public DataPageHeader? DataPageHeader { get; set; }

    public IndexPageHeader? IndexPageHeader { get; set; }

    public DictionaryPageHeader? DictionaryPageHeader { get; set; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }

    /// <summary>Parses a page header at the start of <paramref name="bytes"/>; <paramref name="length"/> is its serialized size.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> bytes, out int length, string? source = null, long baseOffset = 0)
    {
        var r = new CompactReader(bytes, source, baseOffset);
        var h = new PageHeader();
        bool hasType = false, hasUncompressed = false, hasCompressed = false;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: h.Type = (PageType)r.ReadI32(); hasType = true; break;
                case 2 when t == CompactType.I32: h.UncompressedPageSize = r.ReadI32(); hasUncompressed = true; break;
                case 3 when t == CompactType.I32: h.CompressedPageSize = r.ReadI32(); hasCompressed = true; break;
                case 4 when t == CompactType.I32: h.Crc = r.ReadI32(); break;
                case 5 when t == CompactType.Struct: h.DataPageHeader = DataPageHeader.Read(ref r); break;
                case 6 when t == CompactType.Struct: r.Skip(t); h.IndexPageHeader = new IndexPageHeader(); break;
                case 7 when t == CompactType.Struct: h.DictionaryPageHeader = DictionaryPageHeader.Read(ref r); break;
                case 8 when t == CompactType.Struct: h.DataPageHeaderV2 = DataPageHeaderV2.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        if (!hasType || !hasUncompressed || !hasCompressed)
        {
            throw r.Corrupt("page header lacks its type or sizes");
        }

        if (h.UncompressedPageSize < 0 || h.CompressedPageSize < 0)
        {
            throw r.Corrupt($"page header with negative size (compressed {h.CompressedPageSize}, uncompressed {h.UncompressedPageSize})");
        }

        length = r.Position;
        return h;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32Field(1, (int)Type);
        w.WriteI32Field(2, UncompressedPageSize);
        w.WriteI32Field(3, CompressedPageSize);
        if (Crc is { } crc)
        {
            w.WriteI32Field(4, crc);
        }

        if (DataPageHeader is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 5);
            DataPageHeader.Write(w);
        }

        if (IndexPageHeader is not null)
        {
            w.WriteEmptyStructField(6);
        }

        if (DictionaryPageHeader is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 7);
            DictionaryPageHeader.Write(w);
        }

        if (DataPageHeaderV2 is not null)
        {
            w.WriteFieldHeader(CompactType.Struct, 8);
            DataPageHeaderV2.Write(w);
        }

        w.EndStruct();
    }
}
