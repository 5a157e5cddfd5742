using System.Runtime.CompilerServices;
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
        var count = (uint)Count;
        foreach (var i in indices)
        {
            if ((uint)i >= count)
            {
                throw new CorruptFileException(null, -1, $"dictionary index {i} is outside the dictionary of {Count} values");
            }
        }

        if (_offsets is not null)
        {
            var offsets = output.Offsets!;
            var values = output.Values;
            foreach (var i in indices)
            {
                var start = _offsets[i];
                values.Append(new ReadOnlySpan<byte>(_values, start, _offsets[i + 1] - start));
                offsets.Append(values.Length);
            }

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

    private void GatherTyped<T>(ReadOnlySpan<int> indices, Span<byte> dst)
        where T : unmanaged
    {
        var src = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(_values.AsSpan());
        var d = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(dst);
        for (var k = 0; k < indices.Length; k++)
        {
            d[k] = Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(src), indices[k]);
        }
    }
}
