using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>How many pages of a type used an encoding.</summary>
public sealed record PageEncodingStats(PageType PageType, Encoding Encoding, int Count)
{
    internal static PageEncodingStats Read(ref CompactReader r)
    {
        int type = 0, encoding = 0, count = 0;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: type = r.ReadI32(); break;
                case 2 when t == CompactType.I32: encoding = r.ReadI32(); break;
                case 3 when t == CompactType.I32: count = r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return new PageEncodingStats((PageType)type, (Encoding)encoding, count);
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32Field(1, (int)PageType);
        w.WriteI32Field(2, (int)Encoding);
        w.WriteI32Field(3, Count);
        w.EndStruct();
    }
}
