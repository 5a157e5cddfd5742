using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Table.Scanning;

/// <summary>
/// The keys of equality delete files, probed with the rows of data batches. Rows are hashed column by column in typed
/// loops (values of promoted types hash alike: integers as long, floats as double, decimals by unscaled value, strings
/// and binary by bytes; null is its own value and matches null, as the spec requires). Only on a hash hit is the row
/// encoded and compared byte for byte with the stored keys, so probing allocates nothing per row.
/// </summary>
internal sealed class EqualityDeleteSet
{
    private const ulong NullHash = 0x9E3779B97F4A7C15;
    private readonly Dictionary<ulong, int> _head = [];
    private byte[] _bytes = new byte[256];
    private int _used;
    private int[] _start = new int[16];
    private int[] _length = new int[16];
    private int[] _next = new int[16];
    private byte[] _scratch = new byte[64];

    public int Count { get; private set; }

    /// <summary>Adds the key of every row of the delete file's equality columns.</summary>
    public void AddRows(IReadOnlyList<ArrowArray?> columns, int length)
    {
        Check(columns);
        var hashes = Hashes(columns, length);
        for (var row = 0; row < length; row++)
        {
            var size = Encode(columns, row);
            if (Find(hashes[row], _scratch.AsSpan(0, size)) >= 0)
            {
                continue;
            }

            if (Count == _start.Length)
            {
                Array.Resize(ref _start, Count * 2);
                Array.Resize(ref _length, Count * 2);
                Array.Resize(ref _next, Count * 2);
            }

            if (_used + size > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + size));
            }

            _scratch.AsSpan(0, size).CopyTo(_bytes.AsSpan(_used));
            _start[Count] = _used;
            _length[Count] = size;
            _next[Count] = _head.TryGetValue(hashes[row], out var head) ? head : -1;
            _head[hashes[row]] = Count;
            _used += size;
            Count++;
        }
    }

    /// <summary>Marks the rows whose key is in the set (rows already marked are skipped).</summary>
    public void MarkDeleted(IReadOnlyList<ArrowArray?> columns, int length, ref bool[]? deleted)
    {
        if (Count == 0)
        {
            return;
        }

        Check(columns);
        var hashes = Hashes(columns, length);
        for (var row = 0; row < length; row++)
        {
            if ((deleted is not null && deleted[row]) || !_head.ContainsKey(hashes[row]))
            {
                continue;
            }

            var size = Encode(columns, row);
            if (Find(hashes[row], _scratch.AsSpan(0, size)) >= 0)
            {
                deleted ??= new bool[length];
                deleted[row] = true;
            }
        }
    }

    private int Find(ulong hash, ReadOnlySpan<byte> key)
    {
        if (!_head.TryGetValue(hash, out var i))
        {
            return -1;
        }

        for (; i >= 0; i = _next[i])
        {
            if (key.SequenceEqual(_bytes.AsSpan(_start[i], _length[i])))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Check(IReadOnlyList<ArrowArray?> columns)
    {
        foreach (var c in columns)
        {
            if (c is not (null or BooleanArray or PrimitiveArray<int> or PrimitiveArray<long> or PrimitiveArray<short> or PrimitiveArray<sbyte>
                or PrimitiveArray<byte> or PrimitiveArray<ushort> or PrimitiveArray<uint> or PrimitiveArray<float> or PrimitiveArray<double>
                or DecimalArray or BinaryArray or FixedSizeBinaryArray))
            {
                throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: equality deletes on a column of Arrow type {c.Type}");
            }
        }
    }

    /// <summary>Row hashes, combined column by column in typed loops.</summary>
    private static ulong[] Hashes(IReadOnlyList<ArrowArray?> columns, int length)
    {
        var hashes = new ulong[length];
        foreach (var column in columns)
        {
            switch (column)
            {
                case null:
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], NullHash);
                    }

                    break;
                case PrimitiveArray<int> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<long> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<short> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<sbyte> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<byte> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<ushort> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<uint> a:
                    HashIntegers(a, a.Values, hashes);
                    break;
                case PrimitiveArray<float> a:
                {
                    var values = a.Values;
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], a.IsNull(r) ? NullHash : Mix((ulong)BitConverter.DoubleToInt64Bits(values[r])));
                    }

                    break;
                }

                case PrimitiveArray<double> a:
                {
                    var values = a.Values;
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], a.IsNull(r) ? NullHash : Mix((ulong)BitConverter.DoubleToInt64Bits(values[r])));
                    }

                    break;
                }

                case BooleanArray a:
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], a.IsNull(r) ? NullHash : Mix(a.Value(r) ? 1UL : 2UL));
                    }

                    break;
                case DecimalArray a:
                {
                    Span<byte> buffer = stackalloc byte[32];
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], a.IsNull(r) ? NullHash : HashBytes(DecimalKey(a, r, buffer)));
                    }

                    break;
                }
                case BinaryArray a:
                {
                    var offsets = a.ValueOffsets;
                    var data = a.ValueData;
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], a.IsNull(r) ? NullHash : HashBytes(data[offsets[r]..offsets[r + 1]]));
                    }

                    break;
                }

                case FixedSizeBinaryArray a:
                    for (var r = 0; r < length; r++)
                    {
                        hashes[r] = Combine(hashes[r], a.IsNull(r) ? NullHash : HashBytes(a.GetBytes(r)));
                    }

                    break;
            }
        }

        return hashes;
    }

    private static void HashIntegers<T>(ArrowArray array, ReadOnlySpan<T> values, ulong[] hashes)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (array.NullCount == 0)
        {
            for (var r = 0; r < hashes.Length; r++)
            {
                hashes[r] = Combine(hashes[r], Mix((ulong)long.CreateTruncating(values[r])));
            }

            return;
        }

        for (var r = 0; r < hashes.Length; r++)
        {
            hashes[r] = Combine(hashes[r], array.IsNull(r) ? NullHash : Mix((ulong)long.CreateTruncating(values[r])));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCD;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53;
        x ^= x >> 33;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Combine(ulong h, ulong v) => (h * 31) + v + 0x632BE59BD9B4E019;

    private static ulong HashBytes(ReadOnlySpan<byte> bytes)
    {
        var h = new HashCode();
        h.AddBytes(bytes);
        return Mix((ulong)(uint)h.ToHashCode() | ((ulong)(uint)bytes.Length << 32));
    }

    /// <summary>The unscaled value as 16 little-endian bytes (32 for decimal256), whatever the decimal width.</summary>
    private static ReadOnlySpan<byte> DecimalKey(DecimalArray a, int row, Span<byte> buffer)
    {
        if (a.ByteWidth > 16)
        {
            a.ValueBytes(row).CopyTo(buffer);
            return buffer[..32];
        }

        BinaryPrimitives.WriteInt128LittleEndian(buffer, a.UnscaledInt128(row));
        return buffer[..16];
    }

    /// <summary>Encodes a row's key into the scratch buffer: per column a tag and the normalized value.</summary>
    private int Encode(IReadOnlyList<ArrowArray?> columns, int row)
    {
        var size = 0;
        foreach (var column in columns)
        {
            Ensure(size + 48);
            var span = _scratch.AsSpan(size);
            if (column is null || column.IsNull(row))
            {
                span[0] = 0;
                size += 1;
                continue;
            }

            switch (column)
            {
                case PrimitiveArray<int> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<long> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<short> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<sbyte> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<byte> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<ushort> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<uint> a:
                    size += Integer(span, a.Value(row));
                    break;
                case PrimitiveArray<float> a:
                    span[0] = 2;
                    BinaryPrimitives.WriteDoubleLittleEndian(span[1..], a.Value(row));
                    size += 9;
                    break;
                case PrimitiveArray<double> a:
                    span[0] = 2;
                    BinaryPrimitives.WriteDoubleLittleEndian(span[1..], a.Value(row));
                    size += 9;
                    break;
                case BooleanArray a:
                    span[0] = 3;
                    span[1] = a.Value(row) ? (byte)1 : (byte)0;
                    size += 2;
                    break;
                case DecimalArray a:
                {
                    span[0] = 4;
                    var key = DecimalKey(a, row, span[1..]);
                    size += 1 + key.Length;
                    break;
                }

                case BinaryArray a:
                    size += Bytes(a.Type.Id is ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 ? (byte)5 : (byte)6, a.GetBytes(row), size);
                    break;
                case FixedSizeBinaryArray a:
                    size += Bytes(6, a.GetBytes(row), size);
                    break;
            }
        }

        return size;
    }

    private static int Integer(Span<byte> span, long value)
    {
        span[0] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
        return 9;
    }

    private int Bytes(byte tag, ReadOnlySpan<byte> value, int at)
    {
        Ensure(at + 5 + value.Length);
        var span = _scratch.AsSpan(at);
        span[0] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], value.Length);
        value.CopyTo(span[5..]);
        return 5 + value.Length;
    }

    private void Ensure(int size)
    {
        if (size > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(size, _scratch.Length * 2));
        }
    }
}
