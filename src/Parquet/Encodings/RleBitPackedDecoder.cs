using System.Buffers.Binary;
using Lakehouse.Arrow;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// Decodes the RLE/bit-packed hybrid (Encodings.md): a sequence of runs, each introduced by a ULEB128
/// header whose low bit selects a bit-packed run of <c>(header >> 1) * 8</c> values or an RLE run of
/// <c>header >> 1</c> copies of one value stored in ceil(bitWidth/8) bytes. Used for levels, booleans and
/// dictionary indices. Resumable: <see cref="Read"/> may be called repeatedly.
/// </summary>
public ref struct RleBitPackedDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private int _position;
    private int _rleRemaining;
    private int _rleValue;
    private int _packedRemaining;
    private int _packedIndex;
    private int _packedStart;

    public RleBitPackedDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new CorruptFileException(null, -1, $"RLE bit width {bitWidth} is outside 0..32");
        }

        _data = data;
        _bitWidth = bitWidth;
    }

    public readonly int Position => _position;

    /// <summary>Fills <paramref name="output"/>; returns how many values were available (less at the end of the data).</summary>
    public int Read(Span<int> output)
    {
        var produced = 0;
        Span<int> tmp = stackalloc int[8];
        while (produced < output.Length)
        {
            if (_rleRemaining > 0)
            {
                var n = Math.Min(_rleRemaining, output.Length - produced);
                output.Slice(produced, n).Fill(_rleValue);
                produced += n;
                _rleRemaining -= n;
            }
            else if (_packedRemaining > 0)
            {
                var n = Math.Min(_packedRemaining, output.Length - produced);
                var bitStart = (long)_packedIndex * _bitWidth;
                var byteStart = _packedStart + (int)(bitStart >> 3);
                if ((bitStart & 7) == 0)
                {
                    BitPacking.Unpack32(_data[byteStart..], output.Slice(produced, n), _bitWidth);
                }
                else
                {
                    // Resuming inside a group of 8: unpack from the group boundary (at most 7 extra values).
                    var skip = _packedIndex & 7;
                    var groupByte = _packedStart + (int)(((long)(_packedIndex - skip) * _bitWidth) >> 3);
                    var m = Math.Min(n, 8 - skip);
                    BitPacking.Unpack32(_data[groupByte..], tmp[..(skip + m)], _bitWidth);
                    tmp.Slice(skip, m).CopyTo(output[produced..]);
                    n = m;
                }

                produced += n;
                _packedIndex += n;
                _packedRemaining -= n;
            }
            else if (!NextRun())
            {
                break;
            }
        }

        return produced;
    }

    /// <summary>Reads exactly <paramref name="output"/>.Length values or throws.</summary>
    public void ReadExactly(Span<int> output, string what)
    {
        var n = Read(output);
        if (n != output.Length)
        {
            throw new CorruptFileException(null, -1, $"{what}: expected {output.Length} RLE/bit-packed values, found {n}");
        }
    }

    private bool NextRun()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        ulong header = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 35 || _position >= _data.Length)
            {
                throw new CorruptFileException(null, -1, "truncated or oversized RLE run header");
            }

            var b = _data[_position++];
            header |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if ((header & 1) == 1)
        {
            var groups = (long)(header >> 1);
            var values = groups * 8;
            var bytes = groups * _bitWidth;
            var available = _data.Length - _position;
            if (bytes > available)
            {
                // Writers may truncate the last group; only the whole values present are usable.
                values = Math.Min(values, available * 8L / _bitWidth);
                bytes = available;
            }

            if (values > int.MaxValue)
            {
                throw new CorruptFileException(null, -1, "bit-packed run too long");
            }

            _packedStart = _position;
            _packedIndex = 0;
            _packedRemaining = (int)values;
            _position += (int)bytes;
        }
        else
        {
            var count = header >> 1;
            if (count > int.MaxValue)
            {
                throw new CorruptFileException(null, -1, "RLE run too long");
            }

            var width = (_bitWidth + 7) >> 3;
            if (_position + width > _data.Length)
            {
                throw new CorruptFileException(null, -1, "truncated RLE run value");
            }

            var value = 0;
            for (var i = 0; i < width; i++)
            {
                value |= _data[_position + i] << (8 * i);
            }

            _position += width;
            _rleValue = value;
            _rleRemaining = (int)count;
        }

        return true;
    }

    /// <summary>Reads the 4-byte length prefix used by data page v1 levels and returns the run data.</summary>
    public static ReadOnlySpan<byte> SliceLengthPrefixed(ReadOnlySpan<byte> data, out int consumed)
    {
        if (data.Length < 4)
        {
            throw new CorruptFileException(null, -1, "truncated RLE length prefix");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
        {
            throw new CorruptFileException(null, -1, $"RLE length {length} exceeds the {data.Length - 4} bytes of the page");
        }

        consumed = 4 + length;
        return data.Slice(4, length);
    }
}
