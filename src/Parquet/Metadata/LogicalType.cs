using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>
/// The <c>LogicalType</c> union of parquet.thrift, flattened: <see cref="Kind"/> names the member and the
/// properties hold that member's parameters (INTEGER: bit width and signedness; DECIMAL: precision and scale;
/// TIME/TIMESTAMP: UTC adjustment and unit; GEOMETRY/GEOGRAPHY: CRS and edge algorithm; VARIANT: version).
/// </summary>
public sealed record LogicalType(LogicalTypeKind Kind)
{
    public int BitWidth { get; init; }

    public bool IsSigned { get; init; }

    public int Precision { get; init; }

    public int Scale { get; init; }

    public bool IsAdjustedToUtc { get; init; }

    public ParquetTimeUnit Unit { get; init; } = ParquetTimeUnit.Micros;

    public string? Crs { get; init; }

    public int? Algorithm { get; init; }

    public sbyte? SpecificationVersion { get; init; }

    /// <summary>The union field id of an unrecognized member.</summary>
    public short UnrecognizedFieldId { get; init; }

    public static LogicalType String { get; } = new(LogicalTypeKind.String);

    public static LogicalType Integer(int bitWidth, bool signed) => new(LogicalTypeKind.Integer) { BitWidth = bitWidth, IsSigned = signed };

    public static LogicalType Decimal(int precision, int scale) => new(LogicalTypeKind.Decimal) { Precision = precision, Scale = scale };

    public static LogicalType Timestamp(bool utc, ParquetTimeUnit unit) => new(LogicalTypeKind.Timestamp) { IsAdjustedToUtc = utc, Unit = unit };

    public static LogicalType Time(bool utc, ParquetTimeUnit unit) => new(LogicalTypeKind.Time) { IsAdjustedToUtc = utc, Unit = unit };

    internal static LogicalType Read(ref CompactReader r)
    {
        LogicalType? result = null;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            if (t != CompactType.Struct)
            {
                r.Skip(t);
                continue;
            }

            result = id switch
            {
                5 => ReadDecimal(ref r),
                7 or 8 => ReadTime(ref r, (LogicalTypeKind)id),
                10 => ReadInteger(ref r),
                16 => ReadVariant(ref r),
                17 or 18 => ReadGeo(ref r, (LogicalTypeKind)id),
                1 or 2 or 3 or 4 or 6 or 11 or 12 or 13 or 14 or 15 or 19 => SkipAndReturn(ref r, new LogicalType((LogicalTypeKind)id)),
                _ => SkipAndReturn(ref r, new LogicalType(LogicalTypeKind.Unrecognized) { UnrecognizedFieldId = id }),
            };
        }

        r.EndStruct(saved);
        return result ?? new LogicalType(LogicalTypeKind.Unrecognized);
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        switch (Kind)
        {
            case LogicalTypeKind.Decimal:
                w.BeginStructField(5);
                w.WriteI32Field(1, Scale);
                w.WriteI32Field(2, Precision);
                w.EndStruct();
                break;
            case LogicalTypeKind.Time:
            case LogicalTypeKind.Timestamp:
                w.BeginStructField((short)Kind);
                w.WriteBoolField(1, IsAdjustedToUtc);
                w.BeginStructField(2);
                w.WriteEmptyStructField((short)Unit);
                w.EndStruct();
                w.EndStruct();
                break;
            case LogicalTypeKind.Integer:
                w.BeginStructField(10);
                w.WriteI8Field(1, (sbyte)BitWidth);
                w.WriteBoolField(2, IsSigned);
                w.EndStruct();
                break;
            case LogicalTypeKind.Variant:
                w.BeginStructField(16);
                if (SpecificationVersion is { } v)
                {
                    w.WriteI8Field(1, v);
                }

                w.EndStruct();
                break;
            case LogicalTypeKind.Geometry:
            case LogicalTypeKind.Geography:
                w.BeginStructField((short)Kind);
                if (Crs is not null)
                {
                    w.WriteStringField(1, Crs);
                }

                if (Kind == LogicalTypeKind.Geography && Algorithm is { } a)
                {
                    w.WriteI32Field(2, a);
                }

                w.EndStruct();
                break;
            case LogicalTypeKind.None:
            case LogicalTypeKind.Unrecognized:
                break;
            default:
                w.WriteEmptyStructField((short)Kind);
                break;
        }

        w.EndStruct();
    }

    public override string ToString() => Kind switch
    {
        LogicalTypeKind.Integer => $"INTEGER({BitWidth},{(IsSigned ? "signed" : "unsigned")})",
        LogicalTypeKind.Decimal => $"DECIMAL({Precision},{Scale})",
        LogicalTypeKind.Time or LogicalTypeKind.Timestamp => $"{Kind.ToString().ToUpperInvariant()}({Unit.ToString().ToUpperInvariant()},{(IsAdjustedToUtc ? "UTC" : "local")})",
        LogicalTypeKind.Unrecognized => $"UNRECOGNIZED({UnrecognizedFieldId})",
        _ => Kind.ToString().ToUpperInvariant(),
    };

    private static LogicalType SkipAndReturn(ref CompactReader r, LogicalType type)
    {
        r.SkipStruct();
        return type;
    }

    private static LogicalType ReadDecimal(ref CompactReader r)
    {
        int scale = 0, precision = 0;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: scale = r.ReadI32(); break;
                case 2 when t == CompactType.I32: precision = r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return Decimal(precision, scale);
    }

    private static LogicalType ReadTime(ref CompactReader r, LogicalTypeKind kind)
    {
        var utc = false;
        var unit = ParquetTimeUnit.Micros;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t is CompactType.BooleanTrue or CompactType.BooleanFalse:
                    utc = r.ReadBool(t);
                    break;
                case 2 when t == CompactType.Struct:
                    {
                        var unitSaved = r.BeginStruct();
                        while (r.ReadFieldHeader(out var ut, out var uid))
                        {
                            if (ut == CompactType.Struct && uid is >= 1 and <= 3)
                            {
                                unit = (ParquetTimeUnit)uid;
                            }

                            r.Skip(ut);
                        }

                        r.EndStruct(unitSaved);
                        break;
                    }

                default:
                    r.Skip(t);
                    break;
            }
        }

        r.EndStruct(saved);
        return new LogicalType(kind) { IsAdjustedToUtc = utc, Unit = unit };
    }

    private static LogicalType ReadInteger(ref CompactReader r)
    {
        int width = 0;
        var signed = false;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.Byte: width = r.ReadI8(); break;
                case 2 when t is CompactType.BooleanTrue or CompactType.BooleanFalse: signed = r.ReadBool(t); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return Integer(width, signed);
    }

    private static LogicalType ReadVariant(ref CompactReader r)
    {
        sbyte? version = null;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            if (id == 1 && t == CompactType.Byte)
            {
                version = r.ReadI8();
            }
            else
            {
                r.Skip(t);
            }
        }

        r.EndStruct(saved);
        return new LogicalType(LogicalTypeKind.Variant) { SpecificationVersion = version };
    }

    private static LogicalType ReadGeo(ref CompactReader r, LogicalTypeKind kind)
    {
        string? crs = null;
        int? algorithm = null;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.Binary: crs = r.ReadString(); break;
                case 2 when t == CompactType.I32: algorithm = r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return new LogicalType(kind) { Crs = crs, Algorithm = algorithm };
    }
}
