using System.Numerics;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// truncate[W]: integers and decimals (unscaled) to <c>v - (((v % W) + W) % W)</c>, strings to at most W
/// code points, binary to at most W bytes.
/// </summary>
public sealed class TruncateTransform : Transform
{
    public TruncateTransform(int width)
    {
        if (width <= 0)
        {
            throw IcebergException.Invalid($"truncate width must be positive, got {width}");
        }

        Width = width;
    }

    public int Width { get; }

    public override bool PreservesOrder => true;

    public override bool CanTransform(PrimitiveType source) => source.TypeId is TypeId.Int or TypeId.Long or TypeId.Decimal or TypeId.String or TypeId.Binary;

    public override PrimitiveType ResultType(PrimitiveType source) => source;

    public static int TruncateInt(int value, int width) => (int)TruncateLong(value, width);

    public static long TruncateLong(long value, long width) => value - (((value % width) + width) % width);

    public static BigInteger TruncateDecimal(BigInteger unscaled, int width)
    {
        var rem = BigInteger.Remainder(unscaled, width);
        if (rem.Sign < 0)
        {
            rem += width;
        }

        return unscaled - rem;
    }

    public override object? Apply(object? value, PrimitiveType source)
    {
        if (value is null)
        {
            return null;
        }

        EnsureCanTransform(source);
        return source.TypeId switch
        {
            TypeId.Int => TruncateInt((int)value, Width),
            TypeId.Long => TruncateLong((long)value, Width),
            TypeId.Decimal => TruncateDecimal((BigInteger)value, Width),
            TypeId.String => Literals.TruncateString((string)value, Width),
            _ => TruncateBytes((byte[])value),
        };
    }

    public override ArrowArray Apply(ArrowArray values, PrimitiveType source)
    {
        EnsureCanTransform(source);
        switch (values)
        {
            case PrimitiveArray<int> ints:
                {
                    var mem = AllocateLike(values, 4);
                    var dst = MemoryMarshal.Cast<byte, int>(mem.Span).Slice(values.Offset, values.Length);
                    var src = ints.Values;
                    long w = Width;
                    for (var i = 0; i < src.Length; i++)
                    {
                        long v = src[i];
                        dst[i] = (int)(v - (((v % w) + w) % w));
                    }

                    return WrapLike(values, values.Type, mem);
                }

            case PrimitiveArray<long> longs:
                {
                    var mem = AllocateLike(values, 8);
                    var dst = MemoryMarshal.Cast<byte, long>(mem.Span).Slice(values.Offset, values.Length);
                    var src = longs.Values;
                    long w = Width;
                    for (var i = 0; i < src.Length; i++)
                    {
                        var v = src[i];
                        dst[i] = v - (((v % w) + w) % w);
                    }

                    return WrapLike(values, values.Type, mem);
                }

            case DecimalArray dec when dec.ByteWidth <= 16:
                {
                    var width = dec.ByteWidth;
                    var mem = AllocateLike(values, width);
                    var span = mem.Span[(values.Offset * width)..];
                    Int128 w = Width;
                    var raw = dec.Data.Buffers[1].Span.Slice(values.Offset * width, values.Length * width);
                    for (var i = 0; i < values.Length; i++)
                    {
                        var src = raw.Slice(i * width, width);
                        Int128 v = width switch
                        {
                            4 => MemoryMarshal.Read<int>(src),
                            8 => MemoryMarshal.Read<long>(src),
                            _ => MemoryMarshal.Read<Int128>(src),
                        };
                        var t = v - (((v % w) + w) % w);
                        var slot = span.Slice(i * width, width);
                        switch (width)
                        {
                            case 4: MemoryMarshal.Write(slot, (int)t); break;
                            case 8: MemoryMarshal.Write(slot, (long)t); break;
                            default: MemoryMarshal.Write(slot, t); break;
                        }
                    }

                    return WrapLike(values, values.Type, mem);
                }

            case BinaryArray bin:
                return TruncateBinary(bin, source.TypeId == TypeId.String);
            default:
                throw UnsupportedArray(values, this);
        }
    }

    public override string ToString() => $"truncate[{Width}]";

    /// <summary>Byte length of the first <paramref name="codePoints"/> code points of UTF-8 text.</summary>
    public static int Utf8PrefixLength(ReadOnlySpan<byte> utf8, int codePoints)
    {
        var count = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                if (count == codePoints)
                {
                    return i;
                }

                count++;
            }
        }

        return utf8.Length;
    }

    private byte[] TruncateBytes(byte[] value) => value.Length <= Width ? value : value.AsSpan(0, Width).ToArray();

    private ArrowArray TruncateBinary(BinaryArray input, bool utf8)
    {
        var offsetsMem = BufferAllocator.Allocate(checked((input.Offset + input.Length + 1) * 4));
        var outOffsets = MemoryMarshal.Cast<byte, int>(offsetsMem.Span)[input.Offset..];
        var offsets = input.ValueOffsets;
        var data = input.ValueData;
        // Truncation only shortens values: the input's value bytes bound the output.
        var builder = new BufferBuilder((int)Math.Min(offsets[^1] - offsets[0], (long)input.Length * Width * (utf8 ? 4 : 1)) + 1);
        var position = 0;
        outOffsets[0] = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var value = data[offsets[i]..offsets[i + 1]];
            var length = utf8 ? Utf8PrefixLength(value, Width) : Math.Min(value.Length, Width);
            builder.Append(value[..length]);
            position += length;
            outOffsets[i + 1] = position;
        }

        var buffers = new[] { input.Data.Validity, new ArrowBuffer(offsetsMem), builder.Build() };
        return ArrowArray.Create(new ArrayData(input.Type, input.Length, input.Data.NullCount, input.Offset, buffers));
    }
}
