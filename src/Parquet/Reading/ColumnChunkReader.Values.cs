using System.Buffers;
using System.Runtime.InteropServices;
using Lakehouse.Arrow;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Reading;

/// <summary>Value decoding: one method per encoding, appending dense values to the column's buffers.</summary>
internal sealed partial class ColumnChunkReader
{
    private void DecodeValues(Metadata.Encoding encoding, ReadOnlySpan<byte> data, int count, DecodedColumn column)
    {
        if (encoding is Metadata.Encoding.PlainDictionary or Metadata.Encoding.RleDictionary)
        {
            DecodeDictionaryIndices(data, count, column);
            column.ValueCount += count;
            return;
        }

        if (column.DictionaryIndices is not null)
        {
            MaterializeDictionary(column);
        }

        var type = _leaf.PhysicalType;
        switch (encoding)
        {
            case Metadata.Encoding.Plain:
                if (type == PhysicalType.Boolean)
                {
                    PlainEncoding.DecodeBooleans(data, count, column.Booleans!);
                }
                else if (type == PhysicalType.ByteArray)
                {
                    PlainEncoding.DecodeByteArrays(data, count, column.Offsets!, column.Values);
                }
                else
                {
                    PlainEncoding.DecodeFixed(data, count, _width, column.Values);
                }

                break;
            case Metadata.Encoding.Rle when type == PhysicalType.Boolean:
                {
                    var runs = RleBitPackedDecoder.SliceLengthPrefixed(data, out _);
                    var values = RentIndices(count);
                    var decoder = new RleBitPackedDecoder(runs, 1);
                    decoder.ReadExactly(values, "RLE booleans");
                    foreach (var v in values)
                    {
                        column.Booleans!.Append(v != 0);
                    }

                    break;
                }

            case Metadata.Encoding.DeltaBinaryPacked when type == PhysicalType.Int32:
                {
                    var span = MemoryMarshal.Cast<byte, int>(column.Values.GetSpan(count * 4))[..count];
                    DeltaBinaryPacked.DecodeInt32(data, span);
                    column.Values.Advance(count * 4);
                    break;
                }

            case Metadata.Encoding.DeltaBinaryPacked when type == PhysicalType.Int64:
                {
                    var span = MemoryMarshal.Cast<byte, long>(column.Values.GetSpan(count * 8))[..count];
                    DeltaBinaryPacked.Decode(data, span);
                    column.Values.Advance(count * 8);
                    break;
                }

            case Metadata.Encoding.DeltaLengthByteArray when type == PhysicalType.ByteArray:
                DeltaLengthByteArray.Decode(data, count, column.Offsets!, column.Values);
                break;
            case Metadata.Encoding.DeltaByteArray when type == PhysicalType.ByteArray:
                DeltaByteArray.Decode(data, count, column.Offsets!, column.Values);
                break;
            case Metadata.Encoding.DeltaByteArray when type == PhysicalType.FixedLenByteArray:
                {
                    var offsets = new Arrow.Memory.BufferBuilder((count + 1) * 4);
                    offsets.Append(0);
                    var start = column.Values.Length;
                    DeltaByteArray.Decode(data, count, offsets, column.Values);
                    if (column.Values.Length - start != (long)count * _width)
                    {
                        throw new CorruptFileException(null, -1, $"DELTA_BYTE_ARRAY values are not all {_width} bytes long");
                    }

                    break;
                }

            case Metadata.Encoding.ByteStreamSplit when _width > 0 && type != PhysicalType.Int96:
                ByteStreamSplit.Decode(data, count, _width, column.Values);
                break;
            default:
                throw new NotSupportedException($"{_source ?? "file"}: column '{_leaf.DottedPath}' uses encoding {encoding}, which is not supported for {type}");
        }

        column.ValueCount += count;
    }

    private void DecodeDictionaryIndices(ReadOnlySpan<byte> data, int count, DecodedColumn column)
    {
        if (count == 0)
        {
            return;
        }

        var dictionary = column.Dictionary ?? throw new CorruptFileException(null, -1, "dictionary-encoded page without a dictionary page");
        if (data.Length < 1)
        {
            throw new CorruptFileException(null, -1, "dictionary-encoded page without its bit width");
        }

        var indices = RentIndices(count);
        var decoder = new RleBitPackedDecoder(data[1..], data[0]);
        decoder.ReadExactly(indices, "dictionary indices");
        if (column.DictionaryIndices is { } keep)
        {
            ColumnDictionary.CheckIndices(indices, dictionary.Count);
            keep.Append<int>(indices);
            return;
        }

        dictionary.Gather(indices, column);
    }

    /// <summary>A non-dictionary page arrived while dictionary indices were being kept: expand what was kept.</summary>
    private void MaterializeDictionary(DecodedColumn column)
    {
        var kept = column.DictionaryIndices!;
        column.DictionaryIndices = null;
        _keepDictionary = false;
        if (kept.Length > 0)
        {
            column.Dictionary!.Gather(kept.AsSpan<int>(), column);
        }
    }

    private void FinishDictionary(DecodedColumn column)
    {
        if (column.DictionaryIndices is not null && column.Dictionary is null)
        {
            column.DictionaryIndices = null;
        }
    }

    private Span<int> RentIndices(int count)
    {
        if (_indices.Length < count)
        {
            if (_indices.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_indices);
            }

            _indices = ArrayPool<int>.Shared.Rent(Math.Max(count, 1024));
        }

        return _indices.AsSpan(0, count);
    }
}
