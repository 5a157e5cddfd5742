using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>Appends whole arrays of a flat layout (boolean, fixed width, binary) into one, for concatenation.</summary>
internal sealed class FlatWriter
{
    private readonly ArrowType _type;
    private readonly int _total;
    private readonly byte[] _validity;
    private readonly BufferBuilder _values = new();
    private readonly int[]? _offsets;
    private int _length;
    private int _nulls;

    public FlatWriter(ArrowType type, int total)
    {
        _type = type;
        _total = total;
        _validity = new byte[BitUtil.BytesForBits(total)];
        if (type.Id is ArrowTypeId.Binary or ArrowTypeId.Utf8)
        {
            _offsets = new int[total + 1];
        }
        else if (type.Id == ArrowTypeId.Boolean)
        {
            _values.AppendZeros(BitUtil.BytesForBits(total));
        }
    }

    public void AppendRange(ArrowArray array)
    {
        var n = array.Length;
        if (array.NullCount == 0)
        {
            for (var i = 0; i < n; i++)
            {
                BitUtil.SetBit(_validity, _length + i);
            }
        }
        else
        {
            BitUtil.CopyBits(array.ValidityBitmap, array.Offset, _validity, _length, n);
            _nulls += array.NullCount;
        }

        switch (_type.Id)
        {
            case ArrowTypeId.Boolean:
                BitUtil.CopyBits(array.Data.Buffers[1].Span, array.Offset, _values.WrittenSpan, _length, n);
                break;
            case ArrowTypeId.Binary or ArrowTypeId.Utf8:
                {
                    var bin = (BinaryArray)array;
                    var offsets = bin.ValueOffsets;
                    var start = offsets[0];
                    var end = offsets[n];
                    var basePos = _values.Length;
                    _values.Append(bin.ValueData.Slice(start, end - start));
                    for (var i = 0; i < n; i++)
                    {
                        _offsets![_length + i + 1] = checked(basePos + offsets[i + 1] - start);
                    }

                    break;
                }

            default:
                {
                    var width = _type.BitWidth / 8;
                    _values.Append(array.Data.Buffers[1].Span.Slice(array.Offset * width, n * width));
                    break;
                }
        }

        _length += n;
    }

    public ArrayData Build()
    {
        var validity = _nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity);
        return _offsets is null
            ? new ArrayData(_type, _total, _nulls, 0, [validity, _values.Build()])
            : new ArrayData(_type, _total, _nulls, 0, [validity, ArrowBuffer.FromArray(_offsets), _values.Build()]);
    }
}
