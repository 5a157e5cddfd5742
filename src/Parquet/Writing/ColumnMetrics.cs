using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// Per-leaf figures over the whole file, as Iceberg's DataFile metrics need them: value count (including
/// nulls), null count, NaN count, compressed size, and lower/upper bounds in Parquet's plain encoding
/// (byte arrays without length prefix; long binary bounds truncated, the upper one rounded up).
/// </summary>
public sealed class ColumnMetrics
{
    internal ColumnMetrics(string path, int? fieldId, PhysicalType physicalType)
    {
        Path = path;
        FieldId = fieldId;
        PhysicalType = physicalType;
    }

    /// <summary>Dotted path of the leaf in the Parquet schema (e.g. <c>tags.list.element</c>).</summary>
    public string Path { get; }

    public int? FieldId { get; }

    public PhysicalType PhysicalType { get; }

    public long ValueCount { get; internal set; }

    public long NullCount { get; internal set; }

    public long NanCount { get; internal set; }

    public long CompressedSize { get; internal set; }

    public byte[]? LowerBound { get; internal set; }

    public byte[]? UpperBound { get; internal set; }

    public override string ToString() => $"{Path}: values={ValueCount} nulls={NullCount} nans={NanCount} size={CompressedSize}";
}
