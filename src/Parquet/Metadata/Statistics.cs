using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>
/// Column chunk or page statistics. <see cref="MinValue"/>/<see cref="MaxValue"/> follow the column's
/// sort order; the deprecated <see cref="Min"/>/<see cref="Max"/> were written with signed byte-wise
/// comparison by old writers and are only trustworthy for types whose sort order is signed.
/// </summary>
public sealed class Statistics
{
    public byte[]? Max { get; set; }

    public byte[]? Min { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }

    public bool? IsMaxValueExact { get; set; }

    public bool? IsMinValueExact { get; set; }

    public long? NanCount { get; set; }

    internal static Statistics Read(ref CompactReader r)
    {
        var s = new Statistics();
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.Binary: s.Max = r.ReadBinaryArray(); break;
                case 2 when t == CompactType.Binary: s.Min = r.ReadBinaryArray(); break;
                case 3 when t == CompactType.I64: s.NullCount = r.ReadI64(); break;
                case 4 when t == CompactType.I64: s.DistinctCount = r.ReadI64(); break;
                case 5 when t == CompactType.Binary: s.MaxValue = r.ReadBinaryArray(); break;
                case 6 when t == CompactType.Binary: s.MinValue = r.ReadBinaryArray(); break;
                case 7 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: s.IsMaxValueExact = r.ReadBool(t); break;
                case 8 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: s.IsMinValueExact = r.ReadBool(t); break;
                case 9 when t == CompactType.I64: s.NanCount = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return s;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (Max is not null)
        {
            w.WriteBinaryField(1, Max);
        }

        if (Min is not null)
        {
            w.WriteBinaryField(2, Min);
        }

        if (NullCount is { } nc)
        {
            w.WriteI64Field(3, nc);
        }

        if (DistinctCount is { } dc)
        {
            w.WriteI64Field(4, dc);
        }

        if (MaxValue is not null)
        {
            w.WriteBinaryField(5, MaxValue);
        }

        if (MinValue is not null)
        {
            w.WriteBinaryField(6, MinValue);
        }

        if (IsMaxValueExact is { } maxExact)
        {
            w.WriteBoolField(7, maxExact);
        }

        if (IsMinValueExact is { } minExact)
        {
            w.WriteBoolField(8, minExact);
        }

        if (NanCount is { } nan)
        {
            w.WriteI64Field(9, nan);
        }

        w.EndStruct();
    }
}
