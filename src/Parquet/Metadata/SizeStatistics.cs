using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>Optional size figures of a column chunk or page (unencoded byte-array bytes, level histograms).</summary>
public sealed class SizeStatistics
{
    public long? UnencodedByteArrayDataBytes { get; set; }

    public long[]? RepetitionLevelHistogram { get; set; }

    public long[]? DefinitionLevelHistogram { get; set; }

    internal static SizeStatistics Read(ref CompactReader r)
    {
        var s = new SizeStatistics();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I64: s.UnencodedByteArrayDataBytes = r.ReadI64(); break;
                case 2 when t == CompactType.List: s.RepetitionLevelHistogram = ReadLongs(ref r); break;
                case 3 when t == CompactType.List: s.DefinitionLevelHistogram = ReadLongs(ref r); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return s;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (UnencodedByteArrayDataBytes is { } u)
        {
            w.WriteI64Field(1, u);
        }

        WriteLongs(w, 2, RepetitionLevelHistogram);
        WriteLongs(w, 3, DefinitionLevelHistogram);
        w.EndStruct();
    }

    private static long[] ReadLongs(ref CompactReader r)
    {
        var n = r.ReadListHeader(CompactType.I64);
        var values = new long[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = r.ReadI64();
        }

        return values;
    }

    private static void WriteLongs(CompactWriter w, short fieldId, long[]? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteListField(fieldId, CompactType.I64, values.Length);
        foreach (var v in values)
        {
            w.WriteI64(v);
        }
    }
}
