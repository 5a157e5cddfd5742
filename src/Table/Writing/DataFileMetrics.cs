using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Encoding = System.Text.Encoding;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Writing;

/// <summary>
/// Turns the Parquet writer's per-leaf <see cref="ColumnMetrics"/> into a DataFile's metric maps keyed by field id:
/// column sizes, value/null/NaN counts, and lower/upper bounds in the spec's single-value binary form (Appendix D),
/// with the table's metrics modes (default <c>truncate(16)</c>: strings cut to 16 code points, binary to 16 bytes, the
/// upper bound rounded up). Bounds are kept only for primitive columns outside lists and maps.
/// </summary>
public sealed class DataFileMetrics
{
    public Dictionary<int, long> ColumnSizes { get; } = [];
    public Dictionary<int, long> ValueCounts { get; } = [];
    public Dictionary<int, long> NullValueCounts { get; } = [];
    public Dictionary<int, long> NanValueCounts { get; } = [];
    public Dictionary<int, byte[]> LowerBounds { get; } = [];
    public Dictionary<int, byte[]> UpperBounds { get; } = [];

    public static DataFileMetrics From(IReadOnlyList<ColumnMetrics> columns, Schema schema, IReadOnlyDictionary<string, string> properties)
    {
        var result = new DataFileMetrics();
        var defaultMode = MetricsMode.Parse(properties.GetValueOrDefault(WriteProperties.MetricsDefault, WriteProperties.MetricsDefaultValue));
        foreach (var c in columns)
        {
            if (c.FieldId is not { } id || schema.FindField(id) is not { Type: PrimitiveType type })
            {
                continue;
            }

            var name = schema.FindColumnName(id);
            var mode = name is not null && properties.TryGetValue(WriteProperties.MetricsColumnPrefix + name, out var m) ? MetricsMode.Parse(m) : defaultMode;
            if (!mode.Counts)
            {
                continue;
            }

            result.ColumnSizes[id] = c.CompressedSize;
            result.ValueCounts[id] = c.ValueCount;
            result.NullValueCounts[id] = c.NullCount;
            if (type.TypeId is TypeId.Float or TypeId.Double)
            {
                result.NanValueCounts[id] = c.NanCount;
            }

            if (!mode.Bounds || InsideRepeated(schema, id))
            {
                continue;
            }

            if (c.LowerBound is { } lo && ToIceberg(lo, type, c.PhysicalType) is { } lower && Truncate(lower, type, mode.TruncateLength, upper: false) is { } l)
            {
                result.LowerBounds[id] = l;
            }

            if (c.UpperBound is { } hi && ToIceberg(hi, type, c.PhysicalType) is { } upperBytes && Truncate(upperBytes, type, mode.TruncateLength, upper: true) is { } u)
            {
                result.UpperBounds[id] = u;
            }
        }

        return result;
    }

    private static bool InsideRepeated(Schema schema, int id)
    {
        for (var p = schema.ParentId(id); p is { } parent; p = schema.ParentId(parent))
        {
            if (schema.FindField(parent)?.Type is ListType or MapType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Parquet plain-encoded statistic as Iceberg's single-value binary (null when the type has no bounds).</summary>
    private static byte[]? ToIceberg(byte[] plain, PrimitiveType type, PhysicalType physical)
    {
        switch (type.TypeId)
        {
            case TypeId.Boolean:
                return plain.Length == 0 ? null : [(byte)(plain[0] & 1)];
            case TypeId.Decimal:
                {
                    var unscaled = physical switch
                    {
                        PhysicalType.Int32 when plain.Length == 4 => new BigInteger(BinaryPrimitives.ReadInt32LittleEndian(plain)),
                        PhysicalType.Int64 when plain.Length == 8 => new BigInteger(BinaryPrimitives.ReadInt64LittleEndian(plain)),
                        _ => new BigInteger(plain, isUnsigned: false, isBigEndian: true),
                    };
                    return unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
                }

            case TypeId.Variant or TypeId.Geometry or TypeId.Geography or TypeId.Unknown:
                return null;
            default:
                return plain;
        }
    }

    private static byte[]? Truncate(byte[] value, PrimitiveType type, int length, bool upper)
    {
        if (type.TypeId == TypeId.String)
        {
            return TruncateUtf8(value, length, upper);
        }

        if (type.TypeId != TypeId.Binary || value.Length <= length)
        {
            return value;
        }

        var cut = value.AsSpan(0, length).ToArray();
        if (!upper)
        {
            return cut;
        }

        for (var i = cut.Length - 1; i >= 0; i--)
        {
            if (cut[i] != 0xFF)
            {
                cut[i]++;
                return cut.AsSpan(0, i + 1).ToArray();
            }
        }

        return null;
    }

    private static byte[]? TruncateUtf8(byte[] value, int length, bool upper)
    {
        var text = Encoding.UTF8.GetString(value);
        var runes = new List<Rune>(Math.Min(text.Length, length + 1));
        foreach (var r in text.EnumerateRunes())
        {
            runes.Add(r);
            if (runes.Count > length)
            {
                break;
            }
        }

        if (runes.Count <= length)
        {
            return value;
        }

        runes.RemoveAt(runes.Count - 1);
        if (upper)
        {
            // Round up: increment the last code point that can be incremented, dropping those after it.
            while (runes.Count > 0)
            {
                var last = runes[^1].Value + 1;
                if (last >= 0xD800 && last <= 0xDFFF)
                {
                    last = 0xE000;
                }

                runes.RemoveAt(runes.Count - 1);
                if (last <= 0x10FFFF)
                {
                    runes.Add(new Rune(last));
                    break;
                }
            }

            if (runes.Count == 0)
            {
                return null;
            }
        }

        var sb = new StringBuilder(length * 2);
        foreach (var r in runes)
        {
            sb.Append(r.ToString());
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
