using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Reading;

/// <summary>The decoded dictionary page of a column chunk: fixed-width values or byte arrays with offsets.</summary>
internal sealed class ColumnDictionary
{
    private readonly byte[] _values;
    private readonly int[]? _offsets;
    private readonly int _width;

    public ColumnDictionary(byte[] values, int[]? offsets, int width, int count)
    {
        _values = values;
        _offsets = offsets;
        _width = width;
        Count = count;
    }

    public int Count { get; }

    public ReadOnlySpan<byte> ValueBytes => _values;

    public ReadOnlySpan<int> ValueOffsets => _offsets;

    public bool IsByteArray => _offsets is not null;

    /// <summary>Appends the values named by <paramref name="indices"/> (each checked against <see cref="Count"/>).</summary>
    public void Gather(ReadOnlySpan<int> indices, DecodedColumn output)
    {
        CheckIndices(indices, Count);

        if (_offsets is not null)
        {
            GatherByteArrays(indices, output.Offsets!, output.Values);
            return;
        }

        if (output.Booleans is { } bits)
        {
            foreach (var i in indices)
            {
                bits.Append(_values[i] != 0);
            }

            return;
        }

        var dst = output.Values.GetSpan(indices.Length * _width);
        switch (_width)
        {
            case 4:
                GatherTyped<int>(indices, dst);
                break;
            case 8:
                GatherTyped<long>(indices, dst);
                break;
            default:
                for (var k = 0; k < indices.Length; k++)
                {
                    new ReadOnlySpan<byte>(_values, indices[k] * _width, _width).CopyTo(dst[(k * _width)..]);
                }

                break;
        }

        output.Values.Advance(indices.Length * _width);
    }

    /// <summary>One vectorized validation pass: every index must lie in [0, <paramref name="count"/>).</summary>
    public static void CheckIndices(ReadOnlySpan<int> indices, int count)
    {
        var bad = count == 0 ? (indices.IsEmpty ? -1 : 0) : indices.IndexOfAnyExceptInRange(0, count - 1);
        if (bad >= 0)
        {
            throw new CorruptFileException(null, -1, $"dictionary index {indices[bad]} is outside the dictionary of {count} values");
        }
    }

    /// <summary>
    /// Byte arrays: one pass sums the lengths (so the value buffer grows at most once), a second writes the
    /// offsets and copies the bytes straight into the reserved spans. Indices are already validated.
    /// </summary>
    private void GatherByteArrays(ReadOnlySpan<int> indices, BufferBuilder offsets, BufferBuilder values)
    {
        ref var dictOffsets = ref MemoryMarshal.GetArrayDataReference(_offsets!);
        long total = 0;
        foreach (var i in indices)
        {
            total += Unsafe.Add(ref dictOffsets, i + 1) - Unsafe.Add(ref dictOffsets, i);
        }

        var start = values.Length;
        if (start + total > int.MaxValue)
        {
            throw new NotSupportedException($"dictionary-encoded byte arrays of {start + total} bytes exceed the 2 GiB a column chunk can hold");
        }

        var dst = values.GetSpan((int)total);
        var offsetBytes = indices.Length * 4;
        var dstOffsets = MemoryMarshal.Cast<byte, int>(offsets.GetSpan(offsetBytes))[..indices.Length];
        var src = _values.AsSpan();
        var written = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            var i = indices[k];
            var from = Unsafe.Add(ref dictOffsets, i);
            var length = Unsafe.Add(ref dictOffsets, i + 1) - from;
            src.Slice(from, length).CopyTo(dst[written..]);
            written += length;
            dstOffsets[k] = start + written;
        }

        values.Advance(written);
        offsets.Advance(offsetBytes);
    }

    private void GatherTyped<T>(ReadOnlySpan<int> indices, Span<byte> dst)
        where T : unmanaged
    {
        var src = MemoryMarshal.Cast<byte, T>(_values.AsSpan());
        var d = MemoryMarshal.Cast<byte, T>(dst);
        for (var k = 0; k < indices.Length; k++)
        {
            d[k] = Unsafe.Add(ref MemoryMarshal.GetReference(src), indices[k]);
        }
    }
}
