using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Values;

/// <summary>
/// Appendix D binary single-value serialization, used for lower/upper bounds in manifests: little-endian
/// fixed-width numbers, UTF-8 strings, 16-byte big-endian UUIDs, minimal big-endian two's-complement
/// decimals, raw bytes for fixed/binary.
/// </summary>
public static class SingleValueBinary
{
    public static byte[] ToBytes(object value, PrimitiveType type)
    {
        switch (type.TypeId)
        {
            case TypeId.Boolean:
                return [(bool)value ? (byte)1 : (byte)0];
            case TypeId.Int or TypeId.Date:
                {
                    var b = new byte[4];
                    BinaryPrimitives.WriteInt32LittleEndian(b, (int)value);
                    return b;
                }

            case TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs:
                {
                    var b = new byte[8];
                    BinaryPrimitives.WriteInt64LittleEndian(b, (long)value);
                    return b;
                }

            case TypeId.Float:
                {
                    var b = new byte[4];
                    BinaryPrimitives.WriteSingleLittleEndian(b, (float)value);
                    return b;
                }

            case TypeId.Double:
                {
                    var b = new byte[8];
                    BinaryPrimitives.WriteDoubleLittleEndian(b, (double)value);
                    return b;
                }

            case TypeId.Decimal:
                return ((BigInteger)value).ToByteArray(isUnsigned: false, isBigEndian: true);
            case TypeId.String:
                return Encoding.UTF8.GetBytes((string)value);
            case TypeId.Uuid:
                return Literals.UuidBytes((Guid)value);
            case TypeId.Fixed or TypeId.Binary:
                return ((byte[])value).ToArray();
            default:
                throw IcebergException.NotSupported($"binary single-value serialization of {type}");
        }
    }

    /// <summary>
    /// Decodes bytes written for <paramref name="type"/>. Bounds written before a type promotion are
    /// recognised by their length (4-byte long -> int, 4-byte double -> float, 4-byte timestamp -> date) and
    /// returned in the promoted representation.
    /// </summary>
    public static object FromBytes(ReadOnlySpan<byte> bytes, PrimitiveType type)
    {
        switch (type.TypeId)
        {
            case TypeId.Boolean:
                Expect(bytes, 1, type);
                return bytes[0] != 0;
            case TypeId.Int or TypeId.Date:
                Expect(bytes, 4, type);
                return BinaryPrimitives.ReadInt32LittleEndian(bytes);
            case TypeId.Long or TypeId.Time:
                if (bytes.Length == 4 && type.TypeId == TypeId.Long)
                {
                    return (long)BinaryPrimitives.ReadInt32LittleEndian(bytes);
                }

                Expect(bytes, 8, type);
                return BinaryPrimitives.ReadInt64LittleEndian(bytes);
            case TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs:
                if (bytes.Length == 4)
                {
                    var days = (long)BinaryPrimitives.ReadInt32LittleEndian(bytes);
                    return days * (type.IsNanos ? DateTimeUtil.MicrosPerDay * DateTimeUtil.NanosPerMicro : DateTimeUtil.MicrosPerDay);
                }

                Expect(bytes, 8, type);
                return BinaryPrimitives.ReadInt64LittleEndian(bytes);
            case TypeId.Float:
                Expect(bytes, 4, type);
                return BinaryPrimitives.ReadSingleLittleEndian(bytes);
            case TypeId.Double:
                if (bytes.Length == 4)
                {
                    return (double)BinaryPrimitives.ReadSingleLittleEndian(bytes);
                }

                Expect(bytes, 8, type);
                return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
            case TypeId.Decimal:
                if (bytes.Length == 0 || bytes.Length > 17)
                {
                    throw IcebergException.Invalid($"{bytes.Length} bytes is not a valid {type} value");
                }

                return new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
            case TypeId.String:
                return Encoding.UTF8.GetString(bytes);
            case TypeId.Uuid:
                Expect(bytes, 16, type);
                return Literals.UuidFromBytes(bytes);
            case TypeId.Fixed or TypeId.Binary:
                return bytes.ToArray();
            default:
                throw IcebergException.NotSupported($"binary single-value serialization of {type}");
        }
    }

    private static void Expect(ReadOnlySpan<byte> bytes, int length, PrimitiveType type)
    {
        if (bytes.Length != length)
        {
            throw IcebergException.Invalid($"a {type} value must be {length} bytes, got {bytes.Length}");
        }
    }
}
