using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>Header of a dictionary page (PLAIN-encoded dictionary values).</summary>
public sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public bool? IsSorted { get; set; }

    internal static DictionaryPageHeader Read(ref CompactReader r)
    {
        var h = new DictionaryPageHeader();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when t == CompactType.I32: h.Encoding = (Encoding)r.ReadI32(); break;
                case 3 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: h.IsSorted = r.ReadBool(t); break;
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
        if (IsSorted is { } sorted)
        {
            w.WriteBoolField(3, sorted);
        }

        w.EndStruct();
    }
}
