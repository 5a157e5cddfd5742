using System.Buffers.Binary;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Reading;

/// <summary>
/// Min/max/null-count of one column chunk, with the legacy caveat applied: the deprecated <c>min</c>/<c>max</c>
/// fields were written with signed comparison, so for byte arrays, unsigned integers and INT96 they are not
/// exposed; <c>min_value</c>/<c>max_value</c> are used whenever present.
/// </summary>
public sealed class ColumnChunkStatistics
{
    internal ColumnChunkStatistics(SchemaNode leaf, ColumnMetaData meta)
    {
        Column = leaf;
        NumValues = meta.NumValues;
        TotalCompressedSize = meta.TotalCompressedSize;
        TotalUncompressedSize = meta.TotalUncompressedSize;
        var s = meta.Statistics;
        NullCount = s?.NullCount;
        DistinctCount = s?.DistinctCount;
        NanCount = s?.NanCount;
        if (s?.MinValue is not null || s?.MaxValue is not null)
        {
            Min = s.MinValue;
            Max = s.MaxValue;
            IsMinExact = s.IsMinValueExact ?? true;
            IsMaxExact = s.IsMaxValueExact ?? true;
        }
        else if (s is not null && LegacyOrderIsSigned(leaf))
        {
            Min = s.Min;
            Max = s.Max;
            IsMinExact = true;
            IsMaxExact = true;
        }
    }

    public SchemaNode Column { get; }

    public long NumValues { get; }

    public long TotalCompressedSize { get; }

    public long TotalUncompressedSize { get; }

    public long? NullCount { get; }

    public long? DistinctCount { get; }

    public long? NanCount { get; }

    /// <summary>Plain-encoded lower bound (no length prefix for byte arrays), or null when unknown or untrustworthy.</summary>
    public byte[]? Min { get; }

    public byte[]? Max { get; }

    public bool IsMinExact { get; }

    public bool IsMaxExact { get; }

    public bool HasMinMax => Min is not null && Max is not null;

    /// <summary>Decodes a bound to a CLR value by physical type (bool, int, long, float, double, string for UTF-8, else byte[]).</summary>
    public object? DecodeBound(byte[]? bound)
    {
        if (bound is null)
        {
            return null;
        }

        var e = Column.Element;
        var unsigned = e.LogicalType is { Kind: LogicalTypeKind.Integer, IsSigned: false }
            || e.ConvertedType is ConvertedType.Uint8 or ConvertedType.Uint16 or ConvertedType.Uint32 or ConvertedType.Uint64;
        return Column.PhysicalType switch
        {
            PhysicalType.Boolean when bound.Length >= 1 => bound[0] != 0,
            PhysicalType.Int32 when bound.Length >= 4 => unsigned ? BinaryPrimitives.ReadUInt32LittleEndian(bound) : BinaryPrimitives.ReadInt32LittleEndian(bound),
            PhysicalType.Int64 when bound.Length >= 8 => unsigned ? BinaryPrimitives.ReadUInt64LittleEndian(bound) : BinaryPrimitives.ReadInt64LittleEndian(bound),
            PhysicalType.Float when bound.Length >= 4 => BinaryPrimitives.ReadSingleLittleEndian(bound),
            PhysicalType.Double when bound.Length >= 8 => BinaryPrimitives.ReadDoubleLittleEndian(bound),
            PhysicalType.ByteArray when ArrowSchemaConverter.LeafType(Column).IsString => System.Text.Encoding.UTF8.GetString(bound),
            _ => bound,
        };
    }

    private static bool LegacyOrderIsSigned(SchemaNode leaf)
    {
        var e = leaf.Element;
        if (e.LogicalType is { Kind: LogicalTypeKind.Integer, IsSigned: false }
            || e.ConvertedType is ConvertedType.Uint8 or ConvertedType.Uint16 or ConvertedType.Uint32 or ConvertedType.Uint64)
        {
            return false;
        }

        return leaf.PhysicalType is PhysicalType.Boolean or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float or PhysicalType.Double;
    }
}
